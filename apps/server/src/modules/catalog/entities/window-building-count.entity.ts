import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Orders of one building in a window with a per-building cap. */
@Entity('window_building_counts')
export class WindowBuildingCount {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'window_id', type: 'int' })
  windowId: number;

  @Column({ name: 'building_id', type: 'int' })
  buildingId: number;

  @Column({ type: 'int' })
  orders: number;
}
