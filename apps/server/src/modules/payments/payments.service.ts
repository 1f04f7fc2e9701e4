import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import type { PaymentParams } from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { defineMove, Transitions } from '../../common/workflow';
import { WechatApiError } from '../../wechat/wechat-api';
import { WechatPayClient, type Transaction } from '../../wechat/wechat-pay.client';
import { WechatShippingClient } from '../../wechat/wechat-shipping.client';
import { UsersService } from '../community/users.service';
import { GiveUp, OutboxService, RetryLater } from '../notify/outbox.service';
import { ParcelFlow } from '../parcels/parcel-flow';
import { Payment, PAYMENT_WORKFLOW } from './entities/payment.entity';
import { nextTradeNo, refundNo, tradeNo, type PaidBy, type Payable } from './payable';

/** The outbox kind of a WeChat shipping report. */
export const SHIPPING_REPORT = 'wechat.shipping';

const PAID = defineMove(PAYMENT_WORKFLOW, 'PENDING', 'PAID');
const PAID_TOO_LATE = defineMove(PAYMENT_WORKFLOW, 'PENDING', 'REFUND_PENDING');
const OWED_BACK = defineMove(PAYMENT_WORKFLOW, 'PAID', 'REFUND_PENDING');
const REFUND_TAKEN = defineMove(PAYMENT_WORKFLOW, 'REFUND_PENDING', 'REFUND_PROCESSING');
const REFUND_DONE_AT_ONCE = defineMove(PAYMENT_WORKFLOW, 'REFUND_PENDING', 'REFUNDED');
const REFUND_DONE = defineMove(PAYMENT_WORKFLOW, 'REFUND_PROCESSING', 'REFUNDED');

/**
 * Paying with WeChat Pay, applying WeChat's word that it was paid, refunds and shipping
 * reports, for whatever registers as a `Payable` (supply orders, medicine requests). It names
 * no payable kind: each owning module registers its own.
 */
@Injectable()
export class PaymentsService implements OnModuleInit {
  private readonly logger = new Logger('PaymentsService');
  private readonly payables = new Map<string, Payable>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly pay: WechatPayClient,
    private readonly users: UsersService,
    private readonly shipping: WechatShippingClient,
    private readonly outbox: OutboxService,
    private readonly parcels: ParcelFlow,
    private readonly transitions: Transitions,
  ) {}

  onModuleInit(): void {
    this.outbox.handle(SHIPPING_REPORT, (payload) => this.reportShipping(String(payload.sourceType), Number(payload.sourceId)));
    // A paid thing's parcel left with a volunteer: its shipping report is owed (in the pick-up's transaction).
    this.parcels.onPickedUp(async (sources) => {
      for (const kind of this.payables.keys()) {
        await this.oweShippingReports(
          kind,
          sources.filter((s) => s.sourceType === kind).map((s) => s.sourceId),
        );
      }
    });
  }

  /** The module owning a payable kind registers how to bill and confirm it. */
  register(payable: Payable): void {
    this.payables.set(payable.kind.kind, payable);
  }

  get configured(): boolean {
    return this.pay.configured;
  }

  /**
   * Payment parameters for something the user's household owes. Asking again re-sends the same
   * prepay (same out_trade_no and amount), which WeChat answers with the same prepay id.
   *
   * Its route is @CallsOut: the prepay runs between two short transactions, never inside one.
   * The second checks that the bill is still owed (cancelled or lapsed while WeChat answered:
   * refused, and the unused prepay lapses at WeChat) and records the payment.
   *
   * The payer is whoever asks: a member of the household, or a proxy paying for it with their own
   * WeChat (the bill says as whom). One out_trade_no has one payer, so when someone else's prepay
   * is open it is taken over (`takeOver`): WeChat Pay is asked first, and a bill they paid
   * meanwhile is applied and not billed again; otherwise theirs is closed and the bill gets the
   * next trade number. The household is never charged twice.
   */
  async start(actor: Actor, type: string, id: number): Promise<PaymentParams> {
    const payable = this.payable(type);
    const { bill, openid, existing } = await this.db.transaction(async () => {
      const owed = await payable.bill(actor, id);
      const user = await this.users.findById(actor.userId);
      if (!user?.openid) throw new DomainError('PAY_IN_WECHAT');
      const row = await this.db.repo(Payment).findOneBy({ sourceType: type, sourceId: id });
      return { bill: owed, openid: user.openid, existing: row };
    });
    const otherPayer = existing?.state === 'PENDING' && existing.payerOpenid !== null && existing.payerOpenid !== openid;
    const replacing = otherPayer ? existing.outTradeNo : null;
    const outTradeNo = replacing !== null ? await this.takeOver(type, id, replacing) : (existing?.outTradeNo ?? tradeNo(type, id));
    const prepayId = await this.pay.prepay({
      outTradeNo,
      description: bill.description,
      totalFen: bill.totalFen,
      openid,
      timeExpire: bill.payBy,
    });
    await this.db.transaction(async () => {
      await payable.bill(actor, id);
      await this.record(type, id, bill.totalFen, prepayId, { openid, userId: actor.userId, as: bill.as }, { outTradeNo, replacing });
    });
    return this.pay.params(prepayId);
  }

  /**
   * Someone else's prepay of this bill is open and another person pays (a 家属 for the household
   * that started and gave up, say). Outside any transaction: if WeChat Pay says it was paid, that
   * is applied and nothing is billed again (ORDER_NOT_PAYABLE); if unpaid, it is closed so nobody
   * can pay it any more. Returns the trade number for the new payer; anything unclear leaves the
   * other's prepay standing (PAYMENT_STARTED_BY_OTHER).
   */
  private async takeOver(type: string, id: number, current: string): Promise<string> {
    const theirs = await this.pay.query(current).catch(() => null);
    if (theirs?.trade_state === 'SUCCESS') {
      await this.applyPaid(theirs, 'PAYMENT_ANSWER_INVALID');
      throw new DomainError('ORDER_NOT_PAYABLE');
    }
    if (theirs?.trade_state === 'NOTPAY') {
      try {
        await this.pay.close(current);
      } catch {
        throw new DomainError('PAYMENT_STARTED_BY_OTHER');
      }
    } else if (theirs?.trade_state !== 'CLOSED') {
      throw new DomainError('PAYMENT_STARTED_BY_OTHER');
    }
    return nextTradeNo(type, id, current);
  }

  /**
   * The prepay's payment row, with its payer. Taking over (`replacing`) is a conditional UPDATE on
   * the trade number it took over: if anything changed meanwhile the new prepay is not recorded
   * (it lapses unused at WeChat) and the asker is refused.
   */
  private async record(
    type: string,
    id: number,
    amountFen: number,
    prepayId: string,
    payer: { openid: string; userId: number; as: PaidBy['as'] },
    trade: { outTradeNo: string; replacing: string | null },
  ): Promise<void> {
    const repo = this.db.repo(Payment);
    const payerOpenid = payer.openid;
    const who = { paidByUserId: payer.userId, paidAs: payer.as };
    const existing = await repo.findOneBy({ sourceType: type, sourceId: id });
    if (existing && trade.replacing !== null) {
      const taken = await repo.update(
        { id: existing.id, state: 'PENDING', outTradeNo: trade.replacing },
        { outTradeNo: trade.outTradeNo, prepayId, payerOpenid, ...who },
      );
      if (taken.affected !== 1) throw new DomainError('PAYMENT_STARTED_BY_OTHER');
      return;
    }
    if (existing) {
      if (existing.state === 'PENDING' && existing.payerOpenid !== null && existing.payerOpenid !== payerOpenid) {
        throw new DomainError('PAYMENT_STARTED_BY_OTHER');
      }
      await repo.update({ id: existing.id }, { prepayId, payerOpenid, ...who });
      return;
    }
    try {
      await repo.insert({
        sourceType: type,
        sourceId: id,
        outTradeNo: trade.outTradeNo,
        prepayId,
        amountFen,
        state: 'PENDING',
        transactionId: null,
        paidAt: null,
        payerOpenid,
        ...who,
        createdAt: this.clock.now(),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /**
   * Paid things whose parcel left with a volunteer: their shipping report is owed (an outbox row
   * in the pick-up's transaction, once per payment).
   */
  private async oweShippingReports(type: string, ids: number[]): Promise<void> {
    if (ids.length === 0 || !this.shipping.configured) return;
    const paid = await this.db.repo(Payment).findBy({ sourceType: type, sourceId: In(ids), state: 'PAID' });
    for (const p of paid) {
      await this.outbox.enqueue(SHIPPING_REPORT, `${SHIPPING_REPORT}:${p.outTradeNo}`, { sourceType: type, sourceId: p.sourceId });
    }
  }

  /**
   * Tells WeChat it shipped (同城配送 by a volunteer), so that the payment is released. Not
   * indexed yet (10060001, just after payment) or WeChat busy: later. Refused for good: the
   * outbox keeps it as DEAD with WeChat's reason.
   */
  async reportShipping(type: string, id: number): Promise<void> {
    // Read in a transaction (on SQLite, outside one a read can see another command's uncommitted rows).
    const { payment, itemDesc } = await this.db.transaction(async () => ({
      payment: await this.db.repo(Payment).findOneBy({ sourceType: type, sourceId: id }),
      itemDesc: await this.payable(type).itemDesc(id),
    }));
    if (!payment?.payerOpenid) throw new GiveUp(`${type} ${id}: no WeChat payment with a payer`);
    try {
      await this.shipping.upload({ outTradeNo: payment.outTradeNo, itemDesc, payerOpenid: payment.payerOpenid, at: this.clock.now() });
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      if (error.errcode === 10060001) throw new RetryLater(error.message, 30_000);
      if (error.errcode === null || error.errcode === -1) throw new RetryLater(error.message);
      throw new GiveUp(error.message);
    }
  }

  /** A paid thing was cancelled: its refund is owed (in the cancelling transaction). */
  async owe(type: string, id: number): Promise<void> {
    await this.transitions.systemTransition(OWED_BACK, { where: { sourceType: type, sourceId: id } });
  }

  /**
   * Part of a paid thing is owed back (an item the sorting line found short), in the reporting
   * transaction: one row per `key`, so reporting it again owes nothing more. Nothing when it was
   * not paid by WeChat (cash, or not yet paid). Returns whether a refund is owed.
   */
  async owePart(type: string, id: number, key: string, amountFen: number, reason: string): Promise<boolean> {
    if (amountFen <= 0) return false;
    const payment = await this.db.repo(Payment).findOneBy({ sourceType: type, sourceId: id, state: 'PAID' });
    if (!payment) return false;
    const outRefundNo = `${refundNo(type, id)}_${key}`.slice(0, 64);
    const sql = `INSERT INTO payment_refunds (payment_id, out_refund_no, amount_fen, reason, state, created_at) VALUES (?, ?, ?, ?, 'PENDING', ?)`;
    const done = await this.db.run(
      sql + (this.db.isMysql ? ' ON DUPLICATE KEY UPDATE out_refund_no = out_refund_no' : ' ON CONFLICT (out_refund_no) DO NOTHING'),
      [payment.id, outRefundNo, Math.min(amountFen, payment.amountFen), reason.slice(0, 80), this.clock.now()],
    );
    return done.affected === 1;
  }

  /** What part refunds of this payment took or will take (the whole refund sends only the rest). */
  private async partRefunded(paymentId: number): Promise<number> {
    const [row] = await this.db.rows<{ n: number | string | null }>(
      'SELECT SUM(amount_fen) AS n FROM payment_refunds WHERE payment_id = ?',
      [paymentId],
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Sends owed part refunds, as `sendDueRefunds` does the whole ones: the call first, outside any
   * transaction, the conditional UPDATE after; one out_refund_no is one refund at WeChat.
   */
  private async sendDuePartRefunds(): Promise<number> {
    const due = await this.db.transaction(() =>
      this.db.rows<{ id: number; outRefundNo: string; amountFen: number; reason: string; paymentId: number }>(
        `SELECT id, out_refund_no AS outRefundNo, amount_fen AS amountFen, reason, payment_id AS paymentId
           FROM payment_refunds WHERE state = 'PENDING' ORDER BY id LIMIT 100`,
      ),
    );
    let sent = 0;
    for (const r of due) {
      const p = await this.db.transaction(() => this.db.repo(Payment).findOneByOrFail({ id: Number(r.paymentId) }));
      try {
        const answer = await this.pay.refund({
          outTradeNo: p.outTradeNo,
          outRefundNo: r.outRefundNo,
          refundFen: Number(r.amountFen),
          totalFen: p.amountFen,
          reason: r.reason,
        });
        await this.db.transaction(async () => {
          const moved = await this.db.run("UPDATE payment_refunds SET state = ?, done_at = ? WHERE id = ? AND state = 'PENDING'", [
            answer.status === 'SUCCESS' ? 'DONE' : 'PROCESSING',
            answer.status === 'SUCCESS' ? this.clock.now() : null,
            Number(r.id),
          ]);
          if (moved.affected === 1 && answer.status === 'SUCCESS')
            await this.payable(p.sourceType).refunded?.(p.sourceId, Number(r.amountFen), paidBy(p));
        });
        sent++;
      } catch (error) {
        this.logger.warn(`part refund ${r.outRefundNo} not sent yet: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return sent;
  }

  /**
   * Sends owed refunds. The API call comes first, outside any transaction, and the conditional
   * UPDATE after, in a short one: two instances may both send, but one out_refund_no is one
   * refund at WeChat, and a failed call leaves the row REFUND_PENDING for the next round.
   */
  async sendDueRefunds(): Promise<number> {
    if (!this.pay.configured) return 0;
    let sent = await this.sendDuePartRefunds();
    const due = await this.db.transaction(() =>
      this.db.repo(Payment).find({ where: { state: 'REFUND_PENDING' }, order: { id: 'ASC' }, take: 100 }),
    );
    for (const p of due) {
      try {
        // What part refunds already took is not paid back twice.
        const rest = p.amountFen - (await this.db.transaction(() => this.partRefunded(p.id)));
        const answer =
          rest > 0
            ? await this.pay.refund({
                outTradeNo: p.outTradeNo,
                outRefundNo: refundNo(p.sourceType, p.sourceId),
                refundFen: rest,
                totalFen: p.amountFen,
                reason: this.payable(p.sourceType).kind.refundReason,
              })
            : { status: 'SUCCESS' };
        await this.db.transaction(async () => {
          const moved = await this.transitions.systemTransition(answer.status === 'SUCCESS' ? REFUND_DONE_AT_ONCE : REFUND_TAKEN, {
            ids: [p.id],
          });
          if (moved === 1 && answer.status === 'SUCCESS' && rest > 0)
            await this.payable(p.sourceType).refunded?.(p.sourceId, rest, paidBy(p));
        });
        sent++;
      } catch (error) {
        this.logger.warn(`refund of ${p.outTradeNo} not sent yet: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return sent;
  }

  /**
   * A verified TRANSACTION.SUCCESS: the payment becomes PAID and what it paid for is confirmed,
   * even if its window has closed meanwhile (it was placed in time). Applying the same
   * notification twice changes nothing. Money for something that has already expired or been
   * cancelled is owed back (REFUND_PENDING). REFUND.SUCCESS marks a refund done.
   */
  async applyNotification(headers: Record<string, string | string[] | undefined>, raw: Buffer): Promise<void> {
    const { eventType, transaction } = this.pay.openNotification(headers, raw);
    if (eventType === 'REFUND.SUCCESS') {
      await this.db.transaction(async () => {
        // A part refund (an item found short) is done on its own row; the payment stays paid.
        const outRefundNo = (transaction as { out_refund_no?: string }).out_refund_no;
        const [part] = outRefundNo
          ? await this.db.rows<{ id: number; amountFen: number }>(
              'SELECT id, amount_fen AS amountFen FROM payment_refunds WHERE out_refund_no = ?',
              [outRefundNo],
            )
          : [];
        if (part) {
          const moved = await this.db.run("UPDATE payment_refunds SET state = 'DONE', done_at = ? WHERE id = ? AND state <> 'DONE'", [
            this.clock.now(),
            Number(part.id),
          ]);
          const p = await this.db.repo(Payment).findOneByOrFail({ outTradeNo: transaction.out_trade_no });
          if (moved.affected === 1) await this.payable(p.sourceType).refunded?.(p.sourceId, Number(part.amountFen), paidBy(p));
          return;
        }
        for (const move of [REFUND_DONE_AT_ONCE, REFUND_DONE]) {
          if ((await this.transitions.systemTransition(move, { where: { outTradeNo: transaction.out_trade_no } })) !== 1) continue;
          const p = await this.db.repo(Payment).findOneByOrFail({ outTradeNo: transaction.out_trade_no });
          await this.payable(p.sourceType).refunded?.(p.sourceId, p.amountFen - (await this.partRefunded(p.id)), paidBy(p));
        }
      });
      return;
    }
    if (eventType !== 'TRANSACTION.SUCCESS' || transaction.trade_state !== 'SUCCESS') return;
    await this.applyPaid(transaction, 'PAYMENT_NOTIFICATION_INVALID');
  }

  /**
   * When the app's payment succeeded but no notification has come yet, ask WeChat Pay directly
   * (query by out_trade_no) and apply a verified SUCCESS the same way. Returns the state after.
   * Its route is @CallsOut: the query runs between short transactions, never inside one.
   */
  async check(actor: Actor, type: string, id: number): Promise<{ state: string }> {
    const payable = this.payable(type);
    const before = await this.db.transaction(async () => {
      const { state, awaitingPayment } = await payable.state(actor, id);
      const payment = awaitingPayment ? await this.db.repo(Payment).findOneBy({ sourceType: type, sourceId: id }) : null;
      return { state, outTradeNo: payment?.outTradeNo ?? null };
    });
    if (before.outTradeNo === null) return { state: before.state };
    const transaction = await this.pay.query(before.outTradeNo);
    if (transaction.trade_state === 'SUCCESS') await this.applyPaid(transaction, 'PAYMENT_ANSWER_INVALID');
    return { state: (await this.db.transaction(() => payable.state(actor, id))).state };
  }

  /** `invalid`: how to refuse a transaction that does not match ours (a notification's, or a query answer's). */
  private async applyPaid(transaction: Transaction, invalid: 'PAYMENT_NOTIFICATION_INVALID' | 'PAYMENT_ANSWER_INVALID'): Promise<void> {
    await this.db.transaction(async () => {
      const payment = await this.db.repo(Payment).findOneBy({ outTradeNo: transaction.out_trade_no });
      if (!payment) throw new DomainError(invalid, { reason: 'unknown out_trade_no' });
      if (transaction.amount.total !== payment.amountFen) throw new DomainError(invalid, { reason: 'amount differs' });
      if (payment.state !== 'PENDING') return;
      const confirmed = await this.payable(payment.sourceType).confirmPaid(payment.sourceId, paidBy(payment));
      await this.transitions.systemTransition(
        confirmed ? PAID : PAID_TOO_LATE,
        { ids: [payment.id] },
        { transactionId: transaction.transaction_id ?? null, paidAt: paidAt(transaction, this.clock.now()) },
      );
      if (!confirmed) {
        this.logger.warn(`${payment.outTradeNo} was paid after it expired or was cancelled: ${payment.amountFen} fen to refund`);
      }
    });
  }

  private payable(type: string): Payable {
    const payable = this.payables.get(type);
    if (!payable) throw new Error(`nothing registered to pay for ${type}`);
    return payable;
  }
}

function paidBy(p: Payment): PaidBy {
  return { userId: p.paidByUserId, as: p.paidAs, amountFen: p.amountFen };
}

function paidAt(t: Transaction, now: Date): Date {
  const at = t.success_time ? new Date(t.success_time) : now;
  return Number.isNaN(at.getTime()) ? now : at;
}
