import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which record, and when: every staff, pharmacy and delivery action. */
export type AuditActorKind = 'user' | 'operator' | 'system';

@Entity('audit_logs')
export class AuditLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int', nullable: true })
  communityId: number | null;

  /** The user who acted; null when the operator did, through the CLI on the server. */
  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  /** `user` (someone signed in) or `operator` (the CLI, run by whoever runs the server). */
  @Column({ name: 'actor_kind', type: 'varchar', length: 20, default: 'user' })
  actorKind: AuditActorKind;

  /** e.g. binding.approve, household.import */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 40 })
  targetType: string;

  @Column({ name: 'target_id', type: 'varchar', length: 40, nullable: true })
  targetId: string | null;

  /** JSON */
  @Column({ type: 'text', nullable: true })
  details: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
