import type { ParcelState, ProxyKind } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The parcel's audit timeline: who moved it, how (scan, button, system), when. */
@Entity('parcel_events')
export class ParcelEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'parcel_id', type: 'int' })
  parcelId: number;

  @Column({ name: 'from_state', type: 'varchar', length: 20, nullable: true })
  fromState: ParcelState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 20 })
  toState: ParcelState;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ type: 'varchar', length: 20 })
  via: 'scan' | 'app' | 'dispatch' | 'system';

  /** A person acting for the household (its grid worker, its 家属, staff at its request): as whom; null otherwise. */
  @Column({ name: 'acting_as', type: 'varchar', length: 12, nullable: true })
  actingAs: ProxyKind | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  details: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
