import type { InviteRole, Squad } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A one-time code staff give a person so they become staff, a supervisor or a squad leader of
 * this community. Redeemed by a conditional UPDATE on unused, uncancelled and unexpired, so two
 * people typing it at once cannot both get the role.
 */
@Entity('role_invites')
export class RoleInvite {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 20 })
  role: InviteRole;

  /** The squad a squad leader will lead; null for other roles. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  squad: Squad | null;

  /** Whom staff meant it for, shown in their list only. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'used_by', type: 'int', nullable: true })
  usedBy: number | null;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  /** Staff took it back before anyone used it. */
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;
}
