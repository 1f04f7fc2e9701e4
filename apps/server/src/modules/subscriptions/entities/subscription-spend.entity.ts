import type { MessageKind } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * SPENT: an allowance was taken for this message, the send is pending or being retried (a retry
 * reuses it instead of spending again); SENT: WeChat took it; RETURNED: WeChat refused the
 * message itself (47003, 40037, …) without using the grant, so it was given back; REFUSED: WeChat
 * said there was no grant (43101): our count was wrong and is set to zero.
 */
export type SpendState = 'SPENT' | 'SENT' | 'RETURNED' | 'REFUSED';

/** One per message that took an allowance (unique message id): what makes a retried push spend once. */
@Entity('subscription_spends')
export class SubscriptionSpend {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'message_id', type: 'int' })
  messageId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /** The message's community: whose staff see it when WeChat refused it. */
  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 40 })
  kind: MessageKind;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'varchar', length: 10 })
  state: SpendState;

  /** WeChat's answer when it refused the message (RETURNED, REFUSED). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
