import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * PENDING: a prepay was made. PAID: WeChat confirmed it and the order was confirmed.
 * REFUND_PENDING: the order was cancelled after payment, or the money came after the order had
 * expired: a refund is owed (this row is the outbox entry the refund sweep sends).
 * REFUND_PROCESSING: WeChat accepted the refund. REFUNDED: WeChat says it is done.
 */
export type PaymentState = 'PENDING' | 'PAID' | 'REFUND_PENDING' | 'REFUND_PROCESSING' | 'REFUNDED';

/** What is paid for: a supply order, or a medicine request. */
export type PayableType = 'order' | 'medicine';

/** The WeChat Pay transaction of an order or a medicine request. */
@Entity('payments')
export class Payment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'source_type', type: 'varchar', length: 10 })
  sourceType: PayableType;

  /** The order's or the medicine request's id (the column kept its first name, order_id). */
  @Column({ name: 'order_id', type: 'int' })
  sourceId: number;

  /** Ours, unique per merchant: LINLI_ORDER_<id> or LINLI_MED_<id>. */
  @Column({ name: 'out_trade_no', type: 'varchar', length: 32 })
  outTradeNo: string;

  @Column({ name: 'prepay_id', type: 'varchar', length: 64, nullable: true })
  prepayId: string | null;

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 20 })
  state: PaymentState;

  @Column({ name: 'transaction_id', type: 'varchar', length: 64, nullable: true })
  transactionId: string | null;

  @Column({ name: 'paid_at', type: 'datetime', precision: 3, nullable: true })
  paidAt: Date | null;

  /** The WeChat user who paid (named in the shipping report). */
  @Column({ name: 'payer_openid', type: 'varchar', length: 64, nullable: true })
  payerOpenid: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
