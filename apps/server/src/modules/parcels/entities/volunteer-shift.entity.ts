import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One stretch on duty, from going on to going off: the ledger of volunteer hours. */
@Entity('volunteer_shifts')
export class VolunteerShift {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  /** The user's id while open (unique): one open shift per volunteer, even when taps race. */
  @Column({ name: 'open_user_id', type: 'int', nullable: true })
  openUserId: number | null;
}
