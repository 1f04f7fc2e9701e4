import type { Squad, VolunteerPostStatus } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A recruitment post: the squad, what is asked, the hours, how many people. */
@Entity('volunteer_posts')
export class VolunteerPost {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 20 })
  squad: Squad;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  requirements: string;

  @Column({ type: 'varchar', length: 100 })
  shift: string;

  @Column({ type: 'int' })
  slots: number;

  /** Sign-ups approved so far; never above slots (conditional UPDATE). */
  @Column({ type: 'int' })
  approved: number;

  @Column({ type: 'varchar', length: 10 })
  status: VolunteerPostStatus;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
