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

  /**
   * The window's per-building cap, kept on the counter it limits so that the order's
   * `orders < cap` and staff lowering the cap decide on one row (null only in rows made before
   * the cap moved here, when no cap was set).
   */
  @Column({ type: 'int', nullable: true })
  cap: number | null;
}
