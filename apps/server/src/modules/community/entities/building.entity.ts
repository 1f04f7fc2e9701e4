import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A building (楼栋) of a community; dispatch to volunteers goes by building. */
@Entity('buildings')
export class Building {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  /** As residents say it: 3栋. */
  @Column({ type: 'varchar', length: 40 })
  name: string;

  /** Unit names, comma-separated: 1单元,2单元. */
  @Column({ type: 'varchar', length: 400, default: '' })
  units: string;

  /** Lockdown zone (封控片区) the building belongs to, if zones are drawn. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  zone: string | null;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;
}
