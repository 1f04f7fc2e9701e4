import type { ItemKind } from '@linli/shared-types';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A supply package (fixed contents) or a single essential, with its usual price and limit. */
@Entity('items')
export class Item {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'supplier_id', type: 'int' })
  supplierId: number;

  @Column({ type: 'varchar', length: 20 })
  kind: ItemKind;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ name: 'picture_url', type: 'varchar', length: 500, nullable: true })
  pictureUrl: string | null;

  /** JSON array of { name, quantity }: what is in the package. */
  @Column({ type: 'text' })
  contents: string;

  /** Integer fen. */
  @Column({ name: 'price_fen', type: 'int' })
  priceFen: number;

  @Column({ name: 'limit_per_household', type: 'int' })
  limitPerHousehold: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
