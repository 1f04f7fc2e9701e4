import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person who logs in. Belongs to at most one household; holds roles per community. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** WeChat openid of this mini-program; null for demo users. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  openid: string | null;

  /** Which demo user this is (dev login only). */
  @Column({ name: 'dev_key', type: 'varchar', length: 40, nullable: true })
  devKey: string | null;

  @Column({ type: 'varchar', length: 40 })
  nickname: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'household_id', type: 'int', nullable: true })
  householdId: number | null;

  /**
   * The community the person acts in now (their roles are read there): chosen before binding,
   * switched on 「我的」, or the one they last joined. Null until then.
   */
  @Column({ name: 'community_id', type: 'int', nullable: true })
  communityId: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
