import type { MessageKind } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One message in one person's list (issue 14), written in the transaction of what it tells. */
@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 40 })
  kind: MessageKind;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 300 })
  body: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deadline: Date | null;

  /** Set for a message told at most once (a reminder, an overdue warning): unique (the migration's index). */
  @Column({ name: 'once_key', type: 'varchar', length: 120, nullable: true })
  onceKey: string | null;

  /** Shared by the messages one statement of a tell wrote: their one `message.push` outbox row pushes them all. */
  @Column({ name: 'push_key', type: 'varchar', length: 40, nullable: true })
  pushKey: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
}
