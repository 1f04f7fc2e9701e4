import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One item of an order, with the name and price as they were when ordered. */
@Entity('order_lines')
export class OrderLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  @Column({ name: 'window_item_id', type: 'int' })
  windowItemId: number;

  @Column({ name: 'item_id', type: 'int' })
  itemId: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ name: 'unit_price_fen', type: 'int' })
  unitPriceFen: number;
}
