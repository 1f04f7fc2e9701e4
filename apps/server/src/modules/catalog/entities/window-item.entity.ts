import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An item offered in a window, with the stock left. Stock only moves by conditional UPDATE. */
@Entity('window_items')
export class WindowItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'window_id', type: 'int' })
  windowId: number;

  @Column({ name: 'item_id', type: 'int' })
  itemId: number;

  @Column({ name: 'price_fen', type: 'int' })
  priceFen: number;

  @Column({ name: 'limit_per_household', type: 'int' })
  limitPerHousehold: number;

  /** Units left; never negative. */
  @Column({ type: 'int' })
  stock: number;

  @Column({ type: 'int', default: 0 })
  sold: number;
}
