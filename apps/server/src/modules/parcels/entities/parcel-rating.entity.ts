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

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
