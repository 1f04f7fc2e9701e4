import { Injectable } from '@nestjs/common';
import { formatFen, ORDER_UNPAID_REMIND_MINUTES } from '@linli/shared-types';
import { LessThanOrEqual, MoreThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { MessagesService } from '../messages/messages.service';
import { atTime } from '../messages/wording';
import type { OrderingWindow } from '../catalog/entities/window.entity';
import { Order } from './entities/order.entity';

type Told = Pick<Order, 'id' | 'householdId' | 'communityId' | 'state' | 'totalFen' | 'expiresAt' | 'paymentMode'>;

const orderPage = (id: number): string => `/pages/order/index?id=${id}`;
const minutesLeft = (from: Date, to: Date): number => Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));

/**
 * What an order tells its household, in the transaction of its change: placed (confirmed, or
 * waiting for WeChat Pay: pay within …), paid, cancelled, expired unpaid; a reminder before an
 * unpaid order expires (told once); the fair-share draw's result.
 */
@Injectable()
export class OrderMessages {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messages: MessagesService,
  ) {}

  private tell(
    o: Told,
    kind: 'order.confirmed' | 'order.unpaid' | 'order.cancelled' | 'order.expiring' | 'order.refunded' | 'order.short',
    title: string,
    body: string,
    deadline: Date | null = null,
    once?: (userId: number) => string,
  ) {
    return this.messages.tellHousehold(o.householdId, {
      communityId: o.communityId,
      kind,
      title,
      body,
      link: orderPage(o.id),
      deadline,
      once,
    });
  }

  /** A new order: confirmed at once, or waiting to be paid. */
  async placed(o: Told): Promise<void> {
    if (o.state === 'PENDING_PAYMENT' && o.expiresAt) {
      const by = new Date(o.expiresAt);
      await this.tell(
        o,
        'order.unpaid',
        '订单待付款',
        `共 ${formatFen(o.totalFen)}，请在 ${minutesLeft(this.clock.now(), by)} 分钟内付款（${atTime(by)} 前），过时订单自动取消`,
        by,
      );
    } else await this.confirmed(o);
  }

  async confirmed(o: Told): Promise<void> {
    const cash = o.paymentMode === 'cod' ? `，送到时付现金 ${formatFen(o.totalFen)}` : '';
    await this.tell(o, 'order.confirmed', '订单已确认', `您的订单已确认${cash}，打包后会有志愿者送到家门口`);
  }

  async cancelled(o: Told, why: string): Promise<void> {
    const refund = o.paymentMode === 'wechat' && o.state !== 'PENDING_PAYMENT' ? '，已付的钱会原路退回' : '';
    await this.tell(o, 'order.cancelled', '订单已取消', `${why}${refund}`);
  }

  async expired(o: Told): Promise<void> {
    await this.tell(o, 'order.cancelled', '订单已取消', '订单没有在时限内付款，已自动取消');
  }

  /** Paid by WeChat: confirmed (in the payment's transaction). */
  async paid(id: number): Promise<void> {
    await this.confirmed(await this.db.repo(Order).findOneByOrFail({ id }));
  }

  /** The sorting line found items missing (in the report's transaction): what, and what happens to the money. */
  async short(o: Told, items: { name: string; missing: number }[], fen: number): Promise<void> {
    const what = items.map((i) => `${i.name} ${i.missing} 份`).join('、');
    const money =
      o.paymentMode === 'wechat'
        ? `，${formatFen(fen)} 会原路退回您的微信`
        : o.paymentMode === 'cod'
          ? `，送到时少收 ${formatFen(fen)}`
          : '';
    await this.tell(o, 'order.short', '有东西缺货', `很抱歉，这次缺货：${what}${money}。其余的照常送到。`);
  }

  /** WeChat has paid the money of a cancelled order back (in the refund's transaction). */
  async refunded(id: number, amountFen: number): Promise<void> {
    const o = await this.db.repo(Order).findOneByOrFail({ id });
    await this.tell(o, 'order.refunded', '退款已到账', `订单的 ${formatFen(amountFen)} 已原路退回您的微信`);
  }

  /** WeChat orders unpaid after ORDER_UNPAID_REMIND_MINUTES, still payable: reminded once. */
  async remindUnpaid(): Promise<number> {
    const now = this.clock.now();
    const due = await this.db.repo(Order).find({
      where: {
        state: 'PENDING_PAYMENT',
        createdAt: LessThanOrEqual(new Date(now.getTime() - ORDER_UNPAID_REMIND_MINUTES * 60_000)),
        expiresAt: MoreThan(now),
      },
      take: 1000,
    });
    let told = 0;
    for (const o of due) {
      const by = new Date(o.expiresAt!);
      told += await this.db.transaction(() =>
        this.tell(
          o,
          'order.expiring',
          '订单快要过期了',
          `还有 ${minutesLeft(now, by)} 分钟（${atTime(by)} 前）付款，过时订单自动取消`,
          by,
          (userId) => `order:${o.id}:unpaid-remind:${userId}`,
        ),
      );
    }
    return told;
  }

  /** The fair-share draw's result for a registered household (in the draw's transaction). */
  async drawn(
    window: OrderingWindow,
    r: { householdId: number; outcome: 'WON' | 'PARTIAL' | 'LOST'; orderId: number | null; payBy: Date | null },
    round: 1 | 2,
  ): Promise<void> {
    const kind = r.outcome === 'WON' ? 'fair_share.won' : r.outcome === 'PARTIAL' ? 'fair_share.partly' : 'fair_share.lost';
    const title = r.outcome === 'WON' ? '公平分配：中签' : r.outcome === 'PARTIAL' ? '公平分配：分到一部分' : '公平分配：这次没有分到';
    const pay = r.orderId !== null && r.payBy ? `，请在 ${minutesLeft(this.clock.now(), r.payBy)} 分钟内付款（${atTime(r.payBy)} 前）` : '';
    const body =
      r.outcome === 'LOST'
        ? `「${window.title}」${round === 2 ? '第二轮' : ''}这次没有分到，如有退回的会再分一轮`
        : `「${window.title}」${round === 2 ? '第二轮' : ''}${r.outcome === 'WON' ? '分到了您登记的全部' : '分到了一部分'}${pay}`;
    await this.messages.tellHousehold(r.householdId, {
      communityId: window.communityId,
      kind,
      title,
      body,
      link: r.orderId !== null ? orderPage(r.orderId) : `/pages/allocation/index?id=${window.id}`,
      deadline: r.orderId !== null ? r.payBy : null,
    });
  }
}
