import { Injectable, type OnModuleInit } from '@nestjs/common';
import { relationsTo } from '../../common/access';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { defineMove, Transitions } from '../../common/workflow';
import { definePayableKind, refundNo, tradeNo, type Payable } from '../payments/payable';
import { PaymentsService } from '../payments/payments.service';
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
  ) {}

  onModuleInit(): void {
    this.payments.register(this);
  }

  async bill(actor: Actor, id: number): Promise<{ totalFen: number; description: string; payBy: Date }> {
    const order = await this.householdOrder(actor, id);
    if (order.state !== 'PENDING_PAYMENT' || (order.expiresAt && new Date(order.expiresAt) <= this.clock.now())) {
      throw new DomainError('ORDER_NOT_PAYABLE');
    }
    return { totalFen: order.totalFen, description: `邻里 订单 ${order.id}`, payBy: new Date(order.expiresAt ?? this.clock.now()) };
  }

  async state(actor: Actor, id: number): Promise<{ state: string; awaitingPayment: boolean }> {
    const order = await this.householdOrder(actor, id);
    return { state: order.state, awaitingPayment: order.state === 'PENDING_PAYMENT' };
  }

  async confirmPaid(id: number): Promise<boolean> {
    if ((await this.transitions.systemTransition(PAID, { ids: [id] }, { expiresAt: null, updatedAt: this.clock.now() })) !== 1)
      return false;
    await this.messages.paid(id);
    return true;
  }

  async refunded(id: number, amountFen: number): Promise<void> {
    await this.messages.refunded(id, amountFen);
  }

  async itemDesc(id: number): Promise<string> {
    const lines = await this.db.repo(OrderLine).findBy({ orderId: id });
    return lines.map((l) => `${l.name}×${l.quantity}`).join('、') || `邻里 订单 ${id}`;
  }

  /**
   * The household pays for its order; so may the staff member who ordered it for the household
   * (it has no smartphone) and chose to pay with their own WeChat. Anyone else: not found.
   */
  private async householdOrder(actor: Actor, id: number): Promise<Order> {
    const order = await this.db.repo(Order).findOneBy({ id });
    const payer = order && (relationsTo(actor, order).includes('resident') || (order.proxy && order.placedBy === actor.userId));
    if (!order || !payer) throw new DomainError('ORDER_NOT_FOUND');
    return order;
  }
}
