import type { ParcelMissReason } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A volunteer let this parcel go (declined it, let the accept deadline pass, or did not pick it
 * up): the parcel is never offered to them again. One row per parcel and volunteer (unique).
 */
@Entity('parcel_misses')
export class ParcelMiss {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'parcel_id', type: 'int' })
  parcelId: number;

  @Column({ name: 'volunteer_id', type: 'int' })
  volunteerId: number;

  @Column({ type: 'varchar', length: 20 })
  reason: ParcelMissReason;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
