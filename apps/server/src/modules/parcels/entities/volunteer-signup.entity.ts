import type { SignupStatus } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A resident's sign-up for a post; one per person and post. */
@Entity('volunteer_signups')
export class VolunteerSignup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'post_id', type: 'int' })
  postId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: SignupStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
