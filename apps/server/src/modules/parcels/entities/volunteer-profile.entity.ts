import type { Squad } from '@linli/shared-types';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A volunteer's duty switch, how many parcels they carry per batch, and the buildings they cover. */
@Entity('volunteer_profiles')
export class VolunteerProfile {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'on_duty', type: 'boolean' })
  onDuty: boolean;

  @Column({ type: 'int' })
  capacity: number;

  /** ",3,7," */
  @Column({ type: 'varchar', length: 2000 })
  buildings: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  squad: Squad | null;

  @Column({ type: 'boolean' })
  leader: boolean;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
