import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * How many more subscribe messages of one template WeChat will let us send to one user: each
 * `accept` in the app's popup adds one, each send spends one (WECHAT.md §4). Spent only by a
 * conditional UPDATE (remaining > reserve), so two instances never spend one grant twice.
 */
@Entity('subscription_allowances')
export class SubscriptionAllowance {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int' })
  remaining: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
