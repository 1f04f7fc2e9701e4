import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ShiftSignupState, ShiftState, Squad } from '@linli/shared-types';

/** A post (岗位) where a squad works shifts: a test point, the east gate, the sorting area. Its QR poster checks volunteers in. */
@Entity('roster_posts')
export class RosterPost {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 30 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  squad: Squad;

  @Column({ type: 'varchar', length: 200 })
  note: string;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** A shift at a post: from, to, how many people. `taken` moves only by conditional UPDATEs. */
@Entity('roster_shifts')
export class RosterShift {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'post_id', type: 'int' })
  postId: number;

  @Column({ type: 'varchar', length: 20 })
  squad: Squad;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ type: 'int' })
  places: number;

  @Column({ type: 'int' })
  taken: number;

  @Column({ type: 'varchar', length: 200 })
  requirements: string;

  @Column({ name: 'give_up_hours', type: 'int' })
  giveUpHours: number;

  @Column({ type: 'varchar', length: 10 })
  state: ShiftState;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** A volunteer's place in a shift (one row per volunteer and shift), with the check-in scans. */
@Entity('roster_signups')
export class RosterSignup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'shift_id', type: 'int' })
  shiftId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 10 })
  state: ShiftSignupState;

  @Column({ name: 'signed_up_at', type: 'datetime', precision: 3 })
  signedUpAt: Date;

  @Column({ name: 'given_up_at', type: 'datetime', precision: 3, nullable: true })
  givenUpAt: Date | null;

  @Column({ name: 'checked_in_at', type: 'datetime', precision: 3, nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_out_at', type: 'datetime', precision: 3, nullable: true })
  checkedOutAt: Date | null;

  @Column({ name: 'reminded_at', type: 'datetime', precision: 3, nullable: true })
  remindedAt: Date | null;
}
