import type { ActedAs } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 评单: the household's stars for a delivery, once per parcel; staff see them per volunteer. */
@Entity('parcel_ratings')
export class ParcelRating {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'parcel_id', type: 'int' })
  parcelId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  @Column({ name: 'volunteer_id', type: 'int', nullable: true })
  volunteerId: number | null;

  @Column({ type: 'int' })
  stars: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  comment: string | null;

  /** Who rated: a member of the household, or a proxy for it. */
  @Column({ name: 'rated_by_user_id', type: 'int', nullable: true })
  ratedByUserId: number | null;

  @Column({ name: 'rated_as', type: 'varchar', length: 12, nullable: true })
  ratedAs: ActedAs | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
