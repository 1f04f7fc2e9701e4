import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatFen, type ActedAs } from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { defineMove, Transitions } from '../../common/workflow';
import { definePayableKind, refundNo, tradeNo, type PaidBy, type Payable } from '../payments/payable';
import { PaymentsService } from '../payments/payments.service';
import { ProxyAccess } from '../proxy/proxy-access';
import { ProxyMessages } from '../proxy/proxy-messages';
import { OrderLine } from './entities/order-line.entity';
import { Order, ORDER_WORKFLOW } from './entities/order.entity';
import { OrderMessages } from './order-messages';

/** Supply orders as payments know them; the kind is also the parcel source type of a supply order. */
export const ORDER_PAYABLE = definePayableKind({
  kind: 'order',
  tradePrefix: 'LINLI_ORDER',
  refundPrefix: 'LINLI_REFUND',
  refundReason: '邻里订单取消退款',
});

/** Our out_trade_no of a supply order. */
export const outTradeNo = (orderId: number): string => tradeNo(ORDER_PAYABLE.kind, orderId);
/** Our out_refund_no of a supply order's refund. */
export const outRefundNo = (orderId: number): string => refundNo(ORDER_PAYABLE.kind, orderId);

/** WeChat says it was paid in time: the order is confirmed. */
const PAID = defineMove(ORDER_WORKFLOW, 'PENDING_PAYMENT', 'CONFIRMED');

/** A supply order paid with WeChat Pay: how payments bill and confirm it. */
@Injectable()
export class OrderPayable implements Payable, OnModuleInit {
  readonly kind = ORDER_PAYABLE;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly transitions: Transitions,
    private readonly payments: PaymentsService,
    private readonly messages: OrderMessages,
    private readonly proxies: ProxyAccess,
    private readonly proxyMessages: ProxyMessages,
  ) {}

  onModuleInit(): void {
    this.payments.register(this);
  }

  async bill(actor: Actor, id: number): Promise<{ totalFen: number; description: string; payBy: Date; as: ActedAs }> {
    const { order, as } = await this.householdOrder(actor, id);
    if (order.state !== 'PENDING_PAYMENT' || (order.expiresAt && new Date(order.expiresAt) <= this.clock.now())) {
      throw new DomainError('ORDER_NOT_PAYABLE');
    }
    return { totalFen: order.totalFen, description: `邻里 订单 ${order.id}`, payBy: new Date(order.expiresAt ?? this.clock.now()), as };
  }

  async state(actor: Actor, id: number): Promise<{ state: string; awaitingPayment: boolean }> {
    const { order } = await this.householdOrder(actor, id);
    return { state: order.state, awaitingPayment: order.state === 'PENDING_PAYMENT' };
  }

  /** Paid: confirmed, and when a proxy paid with their own WeChat the household hears who did. */
  async confirmPaid(id: number, paid: PaidBy): Promise<boolean> {
    if ((await this.transitions.systemTransition(PAID, { ids: [id] }, { expiresAt: null, updatedAt: this.clock.now() })) !== 1)
      return false;
    await this.messages.paid(id);
    if (paid.userId !== null && paid.as !== null && paid.as !== 'household') {
      const order = await this.db.repo(Order).findOneByOrFail({ id });
      await this.proxyMessages.tell({ userId: paid.userId, as: paid.as }, order, {
        title: '家人已为您付款',
        act: `支付 ${formatFen(paid.amountFen)}（订单 ${id}）`,
        link: `/pages/order/index?id=${id}`,
      });
    }
    return true;
  }

  /** The money went back to whoever paid: the household's own WeChat, or the proxy's. */
  async refunded(id: number, amountFen: number, paid: PaidBy): Promise<void> {
    if (paid.userId !== null && paid.as !== null && paid.as !== 'household') {
      const order = await this.db.repo(Order).findOneByOrFail({ id });
      await this.proxyMessages.refunded({ userId: paid.userId, as: paid.as }, order, {
        label: '订单',
        amountFen,
        link: `/pages/order/index?id=${id}`,
      });
      return;
    }
    await this.messages.refunded(id, amountFen);
  }

  async itemDesc(id: number): Promise<string> {
    const lines = await this.db.repo(OrderLine).findBy({ orderId: id });
    return lines.map((l) => `${l.name}×${l.quantity}`).join('、') || `邻里 订单 ${id}`;
  }

  /**
   * The household pays for its order; so may its grid worker and its 家属 (issue 18), whoever
   * placed it, with their own WeChat; and the staff member who ordered it for the household (it
   * has no smartphone) and chose to pay with their own. Anyone else: not found.
   */
  private async householdOrder(actor: Actor, id: number): Promise<{ order: Order; as: ActedAs }> {
    const order = await this.db.repo(Order).findOneBy({ id });
    const as = order ? await this.proxies.actingAs(actor, order) : null;
    const staffWhoDidNotOrder = as === 'staff' && !(order?.proxy && order.placedBy === actor.userId);
    if (!order || as === null || staffWhoDidNotOrder) throw new DomainError('ORDER_NOT_FOUND');
    return { order, as };
  }
}
