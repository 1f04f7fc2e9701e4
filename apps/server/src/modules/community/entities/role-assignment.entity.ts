import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@linli/shared-types';

/** A role a user holds in a community; (user, community, role) is unique. */
@Entity('role_assignments')
export class RoleAssignment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** When it was given; null for roles given before this was kept. */
  @Column({ name: 'granted_at', type: 'datetime', precision: 3, nullable: true })
  grantedAt: Date | null;

  /** Who gave it (the staff member behind an invite code); null for binding, the seed, a pharmacy code. */
  @Column({ name: 'granted_by', type: 'int', nullable: true })
  grantedBy: number | null;
}
