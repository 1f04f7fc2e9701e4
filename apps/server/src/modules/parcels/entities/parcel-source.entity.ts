import type { ParcelSourceType } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a parcel carries: e.g. supply order 17. A source is in at most one parcel. */
@Entity('parcel_sources')
export class ParcelSource {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'parcel_id', type: 'int' })
  parcelId: number;

  @Column({ name: 'source_type', type: 'varchar', length: 20 })
  sourceType: ParcelSourceType;

  @Column({ name: 'source_id', type: 'int' })
  sourceId: number;
}
