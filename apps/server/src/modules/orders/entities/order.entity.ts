import { ORDER_FLOW, type OrderState, type PaymentMode } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineWorkflow } from '../../../common/workflow';

/** A household's supply order in one window. Totals are computed on the server, in fen. */
@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'window_id', type: 'int' })
  windowId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  /** The user who placed it: a member of the household, or staff ordering on its behalf. */
  @Column({ name: 'placed_by', type: 'int' })
  placedBy: number;

  /** (No `default` here: TypeORM would re-select a defaulted column after every insert.) */
  @Column({ type: 'boolean' })
  proxy: boolean;

  @Column({ type: 'varchar', length: 20 })
  state: OrderState;

  @Column({ name: 'payment_mode', type: 'varchar', length: 10 })
  paymentMode: PaymentMode;

  @Column({ name: 'total_fen', type: 'int' })
  totalFen: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  /** When an unpaid WeChat Pay order lapses and gives its stock back. */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  /** Why staff cancelled it (its parcel came back), for the household to read. */
  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** ORDER_FLOW governs `orders.state`. */
export const ORDER_WORKFLOW = defineWorkflow('order', ORDER_FLOW, 'PENDING_PAYMENT', Order);
