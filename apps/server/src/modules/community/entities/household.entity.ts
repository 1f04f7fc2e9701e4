import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The unit of service: orders, limits and deliveries belong to a household, not a person. */
@Entity('households')
export class Household {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'building_id', type: 'int' })
  buildingId: number;

  @Column({ type: 'varchar', length: 20 })
  unit: string;

  @Column({ type: 'varchar', length: 20 })
  room: string;

  /** People living there: limits and care packages scale with it. */
  @Column({ type: 'int', default: 1 })
  headcount: number;

  /** Care tags, stored as ",dialysis,elderly-alone," so one LIKE finds a tag. */
  @Column({ type: 'varchar', length: 200, default: '' })
  tags: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  zone: string | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 40, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  /** Staff's default for elderly mode (large text, big tiles) for everyone here who has not chosen. */
  @Column({ name: 'elderly_default', type: 'boolean', default: false })
  elderlyDefault: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
