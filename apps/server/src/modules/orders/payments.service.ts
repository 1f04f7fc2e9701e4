import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import type { OrderState, PaymentParams } from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { WechatPayClient, type Transaction } from '../../wechat/wechat-pay.client';
import { UsersService } from '../community/users.service';
import { WechatApiError } from '../../wechat/wechat-api';
import { WechatShippingClient } from '../../wechat/wechat-shipping.client';
import { GiveUp, OutboxService, RetryLater } from '../notify/outbox.service';
import { OrderLine } from './entities/order-line.entity';
import { Order } from './entities/order.entity';
import { Payment } from './entities/payment.entity';

/** The outbox kind of a WeChat shipping report. */
export const SHIPPING_REPORT = 'wechat.shipping';

export const outTradeNo = (orderId: number): string => `LINLI_ORDER_${orderId}`;
export const outRefundNo = (orderId: number): string => `LINLI_REFUND_${orderId}`;

/** Paying an order with WeChat Pay, and applying WeChat's word that it was paid. */
@Injectable()
export class PaymentsService implements OnModuleInit {
  private readonly logger = new Logger('PaymentsService');

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly pay: WechatPayClient,
    private readonly users: UsersService,
    private readonly shipping: WechatShippingClient,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.outbox.handle(SHIPPING_REPORT, (payload) => this.reportShipping(Number(payload.orderId)));
  }

  /**
   * Payment parameters for an unpaid order of the user's household. Asking again re-sends the
   * same prepay (same out_trade_no and amount), which WeChat answers with the same prepay id.
   */
  async start(actor: Actor, orderId: number): Promise<PaymentParams> {
    const order = await this.db.repo(Order).findOneBy({ id: orderId });
    if (!order || order.householdId !== actor.householdId) throw new DomainError('ORDER_NOT_FOUND');
    if (order.state !== 'PENDING_PAYMENT' || (order.expiresAt && new Date(order.expiresAt) <= this.clock.now()))
      throw new DomainError('ORDER_NOT_PAYABLE');
    const user = await this.users.findById(actor.userId);
    if (!user?.openid) throw new DomainError('PAY_IN_WECHAT');
    const prepayId = await this.pay.prepay({
      outTradeNo: outTradeNo(order.id),
      description: `邻里 订单 ${order.id}`,
      totalFen: order.totalFen,
      openid: user.openid,
      timeExpire: new Date(order.expiresAt ?? this.clock.now()),
    });
    await this.record(order, prepayId, user.openid);
    return this.pay.params(prepayId);
  }

  private async record(order: Order, prepayId: string, payerOpenid: string): Promise<void> {
    const repo = this.db.repo(Payment);
    const existing = await repo.findOneBy({ orderId: order.id });
    if (existing) {
      await repo.update({ id: existing.id }, { prepayId, payerOpenid });
      return;
    }
    try {
      await repo.insert({
        orderId: order.id,
        outTradeNo: outTradeNo(order.id),
        prepayId,
        amountFen: order.totalFen,
        state: 'PENDING',
        transactionId: null,
        paidAt: null,
        payerOpenid,
        createdAt: this.clock.now(),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /**
   * Orders paid with WeChat Pay whose parcel left with a volunteer: their shipping report is owed
   * (an outbox row in the pick-up's transaction, once per payment).
   */
  async oweShippingReports(orderIds: number[]): Promise<void> {
    if (orderIds.length === 0 || !this.shipping.configured) return;
    const paid = await this.db.repo(Payment).findBy({ orderId: In(orderIds), state: 'PAID' });
    for (const p of paid) await this.outbox.enqueue(SHIPPING_REPORT, `${SHIPPING_REPORT}:${p.outTradeNo}`, { orderId: p.orderId });
  }

  /**
   * Tells WeChat the order shipped (同城配送 by a volunteer), so that the payment is released.
   * Not indexed yet (10060001, just after payment) or WeChat busy: later. Refused for good: the
   * outbox keeps it as DEAD with WeChat's reason.
   */
  async reportShipping(orderId: number): Promise<void> {
    const payment = await this.db.repo(Payment).findOneBy({ orderId });
    if (!payment?.payerOpenid) throw new GiveUp(`order ${orderId}: no WeChat payment with a payer`);
    const lines = await this.db.repo(OrderLine).findBy({ orderId });
    try {
      await this.shipping.upload({
        outTradeNo: payment.outTradeNo,
        itemDesc: lines.map((l) => `${l.name}×${l.quantity}`).join('、') || `邻里 订单 ${orderId}`,
        payerOpenid: payment.payerOpenid,
        at: this.clock.now(),
      });
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      if (error.errcode === 10060001) throw new RetryLater(error.message, 30_000);
      if (error.errcode === null || error.errcode === -1) throw new RetryLater(error.message);
      throw new GiveUp(error.message);
    }
  }

  /** A paid order was cancelled: its refund is owed (in the cancelling transaction). */
  async owe(orderId: number): Promise<void> {
    await this.db.repo(Payment).update({ orderId, state: 'PAID' }, { state: 'REFUND_PENDING' });
  }

  /**
   * Sends owed refunds. The API call comes first and the conditional UPDATE after: two
   * instances may both send, but one out_refund_no is one refund at WeChat, and a failed call
   * leaves the row REFUND_PENDING for the next round.
   */
  async sendDueRefunds(): Promise<number> {
    if (!this.pay.configured) return 0;
    const due = await this.db.repo(Payment).find({ where: { state: 'REFUND_PENDING' }, order: { id: 'ASC' }, take: 100 });
    let sent = 0;
    for (const p of due) {
      try {
        const answer = await this.pay.refund({
          outTradeNo: p.outTradeNo,
          outRefundNo: outRefundNo(p.orderId),
          refundFen: p.amountFen,
          totalFen: p.amountFen,
          reason: '邻里订单取消退款',
        });
        const state = answer.status === 'SUCCESS' ? 'REFUNDED' : 'REFUND_PROCESSING';
        await this.db.repo(Payment).update({ id: p.id, state: 'REFUND_PENDING' }, { state });
        sent++;
      } catch (error) {
        this.logger.warn(`refund of order ${p.orderId} not sent yet: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return sent;
  }

  /**
   * A verified TRANSACTION.SUCCESS: the payment becomes PAID and its order CONFIRMED, even if
   * the window has closed meanwhile (the order was placed in time). Applying the same
   * notification twice changes nothing. Money for an order that has already expired or been
   * cancelled is owed back (REFUND_PENDING). REFUND.SUCCESS marks a refund done.
   */
  async applyNotification(headers: Record<string, string | string[] | undefined>, raw: Buffer): Promise<void> {
    const { eventType, transaction } = this.pay.openNotification(headers, raw);
    if (eventType === 'REFUND.SUCCESS') {
      await this.db
        .repo(Payment)
        .update({ outTradeNo: transaction.out_trade_no, state: In(['REFUND_PENDING', 'REFUND_PROCESSING']) }, { state: 'REFUNDED' });
      return;
    }
    if (eventType !== 'TRANSACTION.SUCCESS' || transaction.trade_state !== 'SUCCESS') return;
    await this.applyPaid(transaction);
  }

  /**
   * When the app's payment succeeded but no notification has come yet, ask WeChat Pay directly
   * (query by out_trade_no) and apply a SUCCESS the same way. Returns the order's state.
   */
  async check(actor: Actor, orderId: number): Promise<{ state: OrderState }> {
    const order = await this.db.repo(Order).findOneBy({ id: orderId });
    if (!order || order.householdId !== actor.householdId) throw new DomainError('ORDER_NOT_FOUND');
    if (order.state !== 'PENDING_PAYMENT') return { state: order.state };
    const payment = await this.db.repo(Payment).findOneBy({ orderId });
    if (!payment) return { state: order.state };
    const transaction = await this.pay.query(payment.outTradeNo);
    if (transaction.trade_state === 'SUCCESS') await this.applyPaid(transaction);
    const after = await this.db.repo(Order).findOneByOrFail({ id: orderId });
    return { state: after.state };
  }

  private async applyPaid(transaction: Transaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      const payment = await tx.findOneBy(Payment, { outTradeNo: transaction.out_trade_no });
      if (!payment) throw new DomainError('PAYMENT_NOTIFICATION_INVALID', { reason: 'unknown out_trade_no' });
      if (transaction.amount.total !== payment.amountFen)
        throw new DomainError('PAYMENT_NOTIFICATION_INVALID', { reason: 'amount differs' });
      if (payment.state !== 'PENDING') return;
      const now = this.clock.now();
      const confirmed = await tx.update(
        Order,
        { id: payment.orderId, state: 'PENDING_PAYMENT' },
        { state: 'CONFIRMED', expiresAt: null, updatedAt: now },
      );
      const state = confirmed.affected === 1 ? 'PAID' : 'REFUND_PENDING';
      await tx.update(
        Payment,
        { id: payment.id, state: 'PENDING' },
        { state, transactionId: transaction.transaction_id ?? null, paidAt: paidAt(transaction, now) },
      );
      if (state === 'REFUND_PENDING') {
        this.logger.warn(`order ${payment.orderId} was paid after it expired or was cancelled: ${payment.amountFen} fen to refund`);
      }
    });
  }
}

function paidAt(t: Transaction, now: Date): Date {
  const at = t.success_time ? new Date(t.success_time) : now;
  return Number.isNaN(at.getTime()) ? now : at;
}
