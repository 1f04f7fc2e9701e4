import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PAYMENT_FLOW, type ActedAs, type PaymentState } from '@linli/shared-types';
import { defineWorkflow } from '../../../common/workflow';

/**
 * The WeChat Pay transaction of something a household pays for (a supply order, a medicine
 * request). PENDING: a prepay was made. PAID: WeChat confirmed it and what it paid for was
 * confirmed. REFUND_PENDING: that was cancelled after payment, or the money came after it had
 * lapsed: a refund is owed (this row is the outbox entry the refund sweep sends).
 * REFUND_PROCESSING: WeChat accepted the refund. REFUNDED: WeChat says it is done.
 */
@Entity('payments')
export class Payment {
  @PrimaryGeneratedColumn()
  id: number;

  /** The payable kind (`order`, `medicine`): whatever module registered it. */
  @Column({ name: 'source_type', type: 'varchar', length: 10 })
  sourceType: string;

  /** The payable's id (the column kept its first name, order_id). */
  @Column({ name: 'order_id', type: 'int' })
  sourceId: number;

  /** Ours, unique per merchant: the payable kind's prefix and its id (LINLI_ORDER_<id>, LINLI_MED_<id>). */
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

  /** The Linli user whose WeChat pays: a member of the household, or a proxy paying for it with their own. */
  @Column({ name: 'paid_by_user_id', type: 'int', nullable: true })
  paidByUserId: number | null;

  /** As whom they pay: the household itself, or staff, its grid worker, its 家属 (the household is told). */
  @Column({ name: 'paid_as', type: 'varchar', length: 12, nullable: true })
  paidAs: ActedAs | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** PAYMENT_FLOW governs `payments.state`. */
export const PAYMENT_WORKFLOW = defineWorkflow('payment', PAYMENT_FLOW, 'PENDING', Payment);
