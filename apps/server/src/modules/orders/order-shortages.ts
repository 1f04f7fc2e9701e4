import { Injectable } from '@nestjs/common';
import { shortfall, type OrderShortageView } from '@linli/shared-types';
import { In } from 'typeorm';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { PaymentsService } from '../payments/payments.service';
import { SortingLine } from '../parcels/sorting-line';
import { OrderLine } from './entities/order-line.entity';
import { Order } from './entities/order.entity';
import { OrderMessages } from './order-messages';
import { ORDER_PAYABLE } from './order-payable';

/**
 * What the sorting line found short, per order line (issue 19). A line is short once (a unique
 * key on it): its household is told what is missing, a WeChat-paid order is owed that much back
 * (a part refund, sent by the refund sweep outside any transaction), a cash order's parcel asks
 * that much less at the door. All in the reporting command's transaction.
 */
@Injectable()
export class OrderShortages {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly payments: PaymentsService,
    private readonly line: SortingLine,
    private readonly messages: OrderMessages,
  ) {}

  /** The lines of these orders with what was reported short of each. */
  async lines(orderIds: number[]): Promise<(OrderLine & { missing: number })[]> {
    if (orderIds.length === 0) return [];
    const lines = await this.db.repo(OrderLine).find({ where: { orderId: In(orderIds) }, order: { id: 'ASC' } });
    const short = await this.missingOf(lines.map((l) => l.id));
    return lines.map((l) => Object.assign(l, { missing: short.get(l.id) ?? 0 }));
  }

  /** Each order's shortages, as its household reads them. */
  async of(orderIds: number[]): Promise<Map<number, OrderShortageView[]>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.db.rows<{ orderId: number; name: string; missing: number; amountFen: number }>(
      `SELECT s.order_id AS orderId, l.name AS name, s.missing AS missing, s.amount_fen AS amountFen
         FROM order_shortages s JOIN order_lines l ON l.id = s.order_line_id
        WHERE s.order_id IN (${Db.marks(orderIds.length)}) ORDER BY s.id`,
      orderIds,
    );
    const out = new Map<number, OrderShortageView[]>();
    for (const r of rows) {
      const list = out.get(Number(r.orderId)) ?? [];
      list.push({ name: r.name, missing: Number(r.missing), refundFen: Number(r.amountFen) });
      out.set(Number(r.orderId), list);
    }
    return out;
  }

  /** Reports what is missing from a bag still on the line; refuses lines not in it, too many, or reported before. */
  async report(communityId: number, userId: number, parcelId: number, report: { orderLineId: number; missing: number }[]): Promise<void> {
    const parcel = await this.line.onTheLine(communityId, parcelId);
    const [bag] = await this.line
      .bags(communityId, parcel.batch, parcel.buildingId)
      .then((all) => all.filter((b) => b.parcelId === parcel.id));
    const orders = bag ? await this.db.repo(Order).findBy({ id: In(bag.orderIds.length ? bag.orderIds : [0]), state: 'PACKED' }) : [];
    const lines = await this.lines(orders.map((o) => o.id));
    const decided = shortfall(lines, report, new Set(lines.filter((l) => l.missing > 0).map((l) => l.id)));
    if ('refused' in decided) throw new DomainError(decided.refused, { orderLineId: decided.orderLineId });
    const now = this.clock.now();
    for (const row of decided.rows) {
      const line = lines.find((l) => l.id === row.orderLineId)!;
      try {
        await this.db.run(
          `INSERT INTO order_shortages (order_line_id, order_id, parcel_id, missing, amount_fen, reported_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [line.id, line.orderId, parcel.id, row.missing, row.refundFen, userId, now],
        );
      } catch (error) {
        // Two packers reporting the same line at once: the unique key decides, this command rolls back.
        if (isUniqueViolation(error)) throw new DomainError('SHORT_ALREADY_REPORTED', { orderLineId: line.id });
        throw error;
      }
    }
    for (const order of orders) {
      const mine = decided.rows.filter((r) => lines.find((l) => l.id === r.orderLineId)?.orderId === order.id);
      if (mine.length === 0) continue;
      const fen = mine.reduce((sum, r) => sum + r.refundFen, 0);
      if (order.paymentMode === 'wechat') {
        for (const r of mine)
          await this.payments.owePart(ORDER_PAYABLE.kind, order.id, `S${r.orderLineId}`, r.refundFen, '分拣时缺货，退还缺货部分');
      } else if (order.paymentMode === 'cod') {
        await this.line.takeOffCashDue(parcel.id, fen);
      }
      await this.messages.short(
        order,
        mine.map((r) => ({ name: lines.find((l) => l.id === r.orderLineId)?.name ?? '', missing: r.missing })),
        fen,
      );
    }
  }

  private async missingOf(lineIds: number[]): Promise<Map<number, number>> {
    if (lineIds.length === 0) return new Map();
    const rows = await this.db.rows<{ id: number; missing: number }>(
      `SELECT order_line_id AS id, missing FROM order_shortages WHERE order_line_id IN (${Db.marks(lineIds.length)})`,
      lineIds,
    );
    return new Map(rows.map((r) => [Number(r.id), Number(r.missing)]));
  }
}
