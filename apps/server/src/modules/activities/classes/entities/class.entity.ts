import type { ClassKind, ClassSignupState, ClassState, ProxyKind } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An online class staff schedule for the whole community or some buildings. */
@Entity('activity_classes')
export class ActivityClass {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 20 })
  kind: ClassKind;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 40 })
  teacher: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description: string;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'int' })
  minutes: number;

  /** Seats; null: unlimited. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  /** Households holding a seat (SIGNED): taken by a conditional UPDATE against `capacity`. */
  @Column({ name: 'signed_count', type: 'int', default: 0 })
  signedCount: number;

  @Column({ name: 'live_url', type: 'varchar', length: 500 })
  liveUrl: string;

  @Column({ name: 'replay_url', type: 'varchar', length: 500, nullable: true })
  replayUrl: string | null;

  /** Buildings it is for, stored as ",3,7,"; empty: the whole community. */
  @Column({ name: 'building_ids', type: 'varchar', length: 2000, default: '' })
  buildingIds: string;

  @Column({ type: 'varchar', length: 12 })
  state: ClassState;

  /** When the signed households were reminded (claimed by a conditional UPDATE: once). */
  @Column({ name: 'reminded_at', type: 'datetime', precision: 3, nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/**
 * A household's place in a class: one row per class and household (a unique key), reused when
 * the household signs up again after cancelling.
 */
@Entity('class_signups')
export class ClassSignup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'class_id', type: 'int' })
  classId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  /** The household's building when it signed up: sign-ups are counted per building. */
  @Column({ name: 'building_id', type: 'int' })
  buildingId: number;

  /** Who signed up: a member of the household, or whoever did it for the household (see `proxyKind`). */
  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 12 })
  state: ClassSignupState;

  /** Signed up by staff on the household's behalf. */
  @Column({ name: 'by_staff', type: 'boolean', default: false })
  byStaff: boolean;

  /** As whom `userId` signed the household up when not a member (staff, its grid worker, its 家属); null for a member. */
  @Column({ name: 'proxy_kind', type: 'varchar', length: 12, nullable: true })
  proxyKind: ProxyKind | null;

  /** Since when it waits (its place in line); null when not waiting. */
  @Column({ name: 'waiting_since', type: 'datetime', precision: 3, nullable: true })
  waitingSince: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
