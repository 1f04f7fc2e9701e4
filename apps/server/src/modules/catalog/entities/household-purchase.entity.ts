import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** How many units of a window item a household holds: the household limit is checked on this row. */
@Entity('household_purchases')
export class HouseholdPurchase {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'window_item_id', type: 'int' })
  windowItemId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  @Column({ type: 'int', default: 0 })
  quantity: number;
}
