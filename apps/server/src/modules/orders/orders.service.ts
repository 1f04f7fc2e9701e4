import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ORDER_FLOW,
  nextStates,
  type Actor as FlowActor,
  type OrderQrView,
  type OrderShortageView,
  type PaymentMode,
  type ProxyKind,
  type OrderState,
  type OrderView,
  type PackResult,
  type ParcelSummary,
  type WindowStats,
} from '@linli/shared-types';
import { In, LessThanOrEqual } from 'typeorm';
import { relationsTo, requireRelation } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { QrTokens } from '../../common/qr-token';
import QRCode from 'qrcode';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError } from '../../common/domain-error';
import { defineMove, Transitions } from '../../common/workflow';
import { CatalogService, type Offer } from '../catalog/catalog.service';
import { SuppliersService } from '../catalog/suppliers.service';
import { HouseholdsService } from '../community/households.service';
import { ProxyAccess } from '../proxy/proxy-access';
import { UsersService } from '../community/users.service';
import type { OrderLineDto, PlaceOrderDto, ProxyOrderDto } from './dto/orders.dto';
import { PaymentsService } from '../payments/payments.service';
import { ParcelFlow, type SourceRef } from '../parcels/parcel-flow';
import { ParcelsService } from '../parcels/parcels.service';
import { OrderLine } from './entities/order-line.entity';
import { Order, ORDER_WORKFLOW } from './entities/order.entity';
import { OrderMessages } from './order-messages';
import { OrderShortages } from './order-shortages';
import { ORDER_PAYABLE } from './order-payable';
import type { WindowHeading } from './pick-list-documents';
import { buildPickLists, type PickLists } from './pick-lists';

/** An unpaid order past its time lapses and gives its stock back. */
const EXPIRED = defineMove(ORDER_WORKFLOW, 'PENDING_PAYMENT', 'EXPIRED');
/** Staff pack a window's confirmed orders: the hand-over to delivery. */
const PACKED = defineMove(ORDER_WORKFLOW, 'CONFIRMED', 'PACKED', 'staff');
/** The parcel carrying it was delivered. */
const DELIVERED = defineMove(ORDER_WORKFLOW, 'PACKED', 'DELIVERED');
/** The parcel carrying it came back and staff cancelled it. */
const CANCELLED_RETURNED = defineMove(ORDER_WORKFLOW, 'PACKED', 'CANCELLED');

/** Lines merged by item, in window-item order (a fixed lock order across transactions). */
export function mergeLines(lines: readonly OrderLineDto[], offers: readonly Offer[]): { offer: Offer; quantity: number }[] {
  const merged = new Map<number, number>();
  for (const line of lines) merged.set(line.itemId, (merged.get(line.itemId) ?? 0) + line.quantity);
  return [...merged.entries()]
    .map(([itemId, quantity]) => {
      const offer = offers.find((o) => o.itemId === itemId);
      if (!offer) throw new DomainError('ITEM_NOT_IN_WINDOW', { itemId });
      return { offer, quantity };
    })
    .sort((a, b) => a.offer.windowItemId - b.offer.windowItemId);
}

/** Supply orders: placed without oversell, within household limits, by residents or by staff for them. */
@Injectable()
export class OrdersService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly supplies: SuppliersService,
    private readonly households: HouseholdsService,
    private readonly proxies: ProxyAccess,
    private readonly users: UsersService,
    private readonly qrTokens: QrTokens,
    private readonly payments: PaymentsService,
    private readonly parcels: ParcelsService,
    private readonly parcelFlow: ParcelFlow,
    private readonly transitions: Transitions,
    private readonly messages: OrderMessages,
    private readonly shortages: OrderShortages,
  ) {}

  /** A resident orders for their own household. */
  place(actor: Actor, dto: PlaceOrderDto): Promise<OrderView> {
    if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
    return this.placeFor(actor, actor.householdId, dto, null);
  }

  /**
   * Staff, the household's grid worker or its 家属 order for a household without a smartphone
   * (ProxyAccess decides who may; the order records who placed it). In a WeChat Pay window the
   * proxy chooses cash at the door or paying with their own WeChat.
   */
  async placeProxy(actor: Actor, dto: ProxyOrderDto): Promise<OrderView> {
    const { household, as } = await this.proxies.require(actor, dto.householdId);
    return this.placeFor(actor, household.id, dto, as, dto.paymentMode);
  }

  /**
   * One transaction. The household row is locked (members of a household take turns), the
   * window checked, the household limit taken, the order written and its view built; the caps
   * and the stock are taken LAST (`db.last`: after the stored idempotent answer too), by
   * `UPDATE … WHERE stock >= n` whose affected-row count decides. The stock row is the one every
   * household in the rush wants, so it is held only from that UPDATE to the commit, as short as
   * in bare SQL. Any refusal rolls back everything before it.
   */
  private async placeFor(
    actor: Actor,
    householdId: number,
    dto: PlaceOrderDto,
    proxyAs: ProxyKind | null,
    proxyPayment?: PaymentMode,
  ): Promise<OrderView> {
    const proxy = proxyAs !== null;
    return this.db.transaction(async () => {
      const manager = this.db.manager;
      const household = await this.households.lockForUpdate(householdId);
      const { window, offers } = await this.catalog.offerTo(dto.windowId, household);
      if (window.mode === 'fair') throw new DomainError('WINDOW_IS_FAIR_SHARE');
      const paymentMode = this.paymentOf(window.paymentMode, proxy, proxyPayment);
      const lines = mergeLines(dto.lines, offers);
      for (const { offer, quantity } of lines) await this.catalog.reserveForHousehold(offer, householdId, quantity);
      const now = this.clock.now();
      const paid = paymentMode !== 'wechat';
      const order = manager.create(Order, {
        communityId: window.communityId,
        windowId: window.id,
        householdId,
        placedBy: actor.userId,
        proxy,
        state: paid ? ('CONFIRMED' as const) : ('PENDING_PAYMENT' as const),
        paymentMode,
        totalFen: lines.reduce((sum, l) => sum + l.offer.priceFen * l.quantity, 0),
        note: dto.note || null,
        expiresAt: paid ? null : new Date(now.getTime() + this.config.paymentTimeoutMinutes * 60_000),
        createdAt: now,
        updatedAt: now,
      });
      order.id = await this.insertOrder(order);
      await this.messages.placed(order);
      const orderLines = lines.map(({ offer, quantity }) =>
        manager.create(OrderLine, {
          orderId: order.id,
          windowItemId: offer.windowItemId,
          itemId: offer.itemId,
          name: offer.name,
          quantity,
          unitPriceFen: offer.priceFen,
        }),
      );
      await this.insertLines(orderLines);
      if (proxy)
        await this.audit.record(actor, {
          action: 'order.proxy',
          targetType: 'order',
          targetId: order.id,
          details: { householdId, as: proxyAs },
        });
      const view = this.toView(actor, order, orderLines, window, household.address, actor.nickname);
      // The rows the whole rush wants, last: their locks are held only from here to the commit.
      await this.db.last(async () => {
        await this.catalog.countBuildingOrder(window, household.buildingId);
        await this.catalog.countOrder(window);
        for (const { offer, quantity } of lines) await this.catalog.takeStock(offer, quantity);
      });
      return view;
    });
  }

  /** The order row, by one hand-written INSERT (the rush's hottest path); its new id. */
  private async insertOrder(o: Order): Promise<number> {
    const { insertId } = await this.db.run(
      `INSERT INTO orders (community_id, window_id, household_id, placed_by, proxy, state, payment_mode, total_fen, note, expires_at, cancel_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      [
        o.communityId,
        o.windowId,
        o.householdId,
        o.placedBy,
        o.proxy,
        o.state,
        o.paymentMode,
        o.totalFen,
        o.note,
        o.expiresAt,
        o.createdAt,
        o.updatedAt,
      ],
    );
    return insertId;
  }

  /** An order's lines, by one multi-row INSERT. */
  private async insertLines(lines: OrderLine[]): Promise<void> {
    if (lines.length === 0) return;
    await this.db.run(
      `INSERT INTO order_lines (order_id, window_item_id, item_id, name, quantity, unit_price_fen) VALUES ${lines.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      lines.flatMap((l) => [l.orderId, l.windowItemId, l.itemId, l.name, l.quantity, l.unitPriceFen]),
    );
  }

  /**
   * How an order is paid: as its window says; but a household ordered for by staff (it has no
   * smartphone to pay with) in a WeChat Pay window pays cash at the door, or staff pay with their
   * own WeChat — staff choose, and must.
   */
  private paymentOf(windowMode: PaymentMode, proxy: boolean, choice: PaymentMode | undefined): PaymentMode {
    if (!proxy || windowMode !== 'wechat') return windowMode;
    if (choice !== 'cod' && choice !== 'wechat') throw new DomainError('PAYMENT_CHOICE_REQUIRED');
    return choice;
  }

  /** Whether an order is this household's (another module links to it, e.g. the care ledger). */
  async isOfHousehold(id: number, householdId: number): Promise<boolean> {
    return (await this.db.repo(Order).countBy({ id, householdId })) > 0;
  }

  /** The orders of the resident's household, newest first. */
  async mine(actor: Actor): Promise<OrderView[]> {
    if (actor.householdId === null) return [];
    const rows = await this.db.repo(Order).find({ where: { householdId: actor.householdId }, order: { id: 'DESC' }, take: 100 });
    return this.views(actor, rows);
  }

  async get(actor: Actor, id: number): Promise<OrderView> {
    const { record, actsFor } = await this.visible(actor, id);
    const [view] = await this.views(actor, [record], actsFor);
    return view as OrderView;
  }

  /**
   * A household's orders waiting for WeChat Pay, for someone acting for it (the caller checked
   * with ProxyAccess): with the household's buttons when they act as its grid worker or 家属.
   */
  async toPayFor(actor: Actor, householdId: number): Promise<OrderView[]> {
    const rows = await this.db.repo(Order).find({
      where: { householdId, state: 'PENDING_PAYMENT', paymentMode: 'wechat' },
      order: { id: 'DESC' },
      take: 50,
    });
    const live = rows.filter((o) => !o.expiresAt || new Date(o.expiresAt) > this.clock.now());
    return this.views(actor, live, await this.proxies.actsFor(actor, { communityId: live[0]?.communityId ?? 0, householdId }));
  }

  /**
   * The order's hand-over QR (a signed token, never the bare id) for a confirmed or packed
   * order; it stays valid until three days after the delivery date.
   */
  async qr(actor: Actor, id: number): Promise<OrderQrView> {
    const { record: order } = await this.visible(actor, id);
    if (order.state !== 'CONFIRMED' && order.state !== 'PACKED') throw new DomainError('ORDER_NOT_ACTIVE');
    const { deliveryDate } = await this.catalog.windowSummary(order.windowId);
    const afterDelivery = new Date(`${deliveryDate}T23:59:59+08:00`).getTime() + 3 * 24 * 3600 * 1000;
    const expiresAt = new Date(Math.max(Number.isNaN(afterDelivery) ? 0 : afterDelivery, this.clock.now().getTime() + 24 * 3600 * 1000));
    const token = this.qrTokens.sign('order', order.id, expiresAt);
    const image = await QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
    return { token, image, expiresAt: expiresAt.toISOString() };
  }

  /** Cancel before packing: stock and the household's limit come back; a paid order is refunded. */
  async cancel(actor: Actor, id: number): Promise<OrderView> {
    await this.db.transaction(async () => {
      const { record: order, as } = await this.visible(actor, id);
      await this.transitions.transition(ORDER_WORKFLOW, order, 'CANCELLED', as, { updatedAt: this.clock.now() });
      await this.messages.cancelled(order, as.includes('resident') ? '订单已按您的要求取消' : '社区工作人员取消了您的订单');
      await this.giveBack(order);
      if (order.paymentMode === 'wechat') await this.payments.owe(ORDER_PAYABLE.kind, order.id);
      await this.audit.record(actor, { action: 'order.cancel', targetType: 'order', targetId: id });
    });
    return this.get(actor, id);
  }

  /**
   * Unpaid orders past their time become EXPIRED and give their stock and household limit back.
   * Each order moves in its own transaction by a conditional UPDATE on PENDING_PAYMENT, so
   * several instances sweeping at once, or a payment arriving at the same moment, never give
   * stock back twice or expire a paid order. Returns how many expired.
   */
  async expireDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.db.repo(Order).find({
      where: { state: 'PENDING_PAYMENT', expiresAt: LessThanOrEqual(now) },
      select: ['id', 'householdId', 'windowId', 'communityId', 'state', 'totalFen', 'expiresAt', 'paymentMode'],
      take: 500,
    });
    let expired = 0;
    for (const order of due) {
      const moved = await this.db.transaction(async () => {
        if ((await this.transitions.systemTransition(EXPIRED, { ids: [order.id] }, { updatedAt: now })) !== 1) return false;
        await this.giveBack(order);
        await this.messages.expired(order);
        return true;
      });
      if (moved) expired++;
    }
    return expired;
  }

  /**
   * Staff mark every confirmed order of a window PACKED: the hand-over to delivery. In the same
   * transaction each household's packed orders become one parcel (the parcels module's table).
   */
  async packWindow(actor: Actor, windowId: number): Promise<PackResult> {
    const window = await this.catalog.staffWindow(actor, windowId);
    return this.db.transaction(async () => {
      const orders = this.db.repo(Order);
      const confirmed = await orders.find({ where: { windowId: window.id, state: 'CONFIRMED' }, select: ['id'] });
      const ids = confirmed.map((o) => o.id);
      await this.transitions.systemTransition(PACKED, { ids }, { updatedAt: this.clock.now() });
      const packed = ids.length
        ? await orders.find({ where: { id: In(ids), state: 'PACKED' }, select: ['id', 'householdId', 'paymentMode', 'totalFen'] })
        : [];
      const lines = packed.length ? await this.db.repo(OrderLine).find({ where: { orderId: In(packed.map((o) => o.id)) } }) : [];
      const parcels = await this.parcels.createForSupply(
        { key: `window:${window.id}`, communityId: window.communityId, deliveryDate: window.deliveryDate },
        packed.map((o) => ({
          orderId: o.id,
          householdId: o.householdId,
          lines: lines.filter((l) => l.orderId === o.id),
          cashFen: o.paymentMode === 'cod' ? o.totalFen : 0,
        })),
      );
      await this.audit.record(actor, {
        action: 'window.pack',
        targetType: 'window',
        targetId: windowId,
        details: { packed: packed.length, parcels },
      });
      return { packed: packed.length, parcels };
    });
  }

  /** A parcel carrying these orders was delivered (runs after the parcel's commit). */
  async markDelivered(orderIds: number[]): Promise<void> {
    if (orderIds.length === 0) return;
    await this.db.transaction(() => this.transitions.systemTransition(DELIVERED, { ids: orderIds }, { updatedAt: this.clock.now() }));
  }

  /**
   * Staff cancelled the parcel carrying these orders after it came back (in that transaction):
   * each is cancelled with the reason, gives its stock and places back, and is refunded if paid.
   */
  async cancelReturned(orderIds: number[], reason: string, actor: Actor): Promise<void> {
    for (const id of orderIds) {
      if (
        (await this.transitions.systemTransition(
          CANCELLED_RETURNED,
          { ids: [id] },
          { cancelReason: reason, updatedAt: this.clock.now() },
        )) !== 1
      )
        continue;
      const order = await this.db.repo(Order).findOneByOrFail({ id });
      await this.giveBack(order);
      if (order.paymentMode === 'wechat') await this.payments.owe(ORDER_PAYABLE.kind, order.id);
      await this.messages.cancelled(order, `包裹没能送到，订单已取消：${reason}`);
      await this.audit.record(actor, { action: 'order.cancel', targetType: 'order', targetId: id, details: { reason, returned: true } });
    }
  }

  onModuleInit(): void {
    const orders = (sources: SourceRef[]): number[] => sources.filter((s) => s.sourceType === 'order').map((s) => s.sourceId);
    this.parcelFlow.onDelivered((sources) => this.markDelivered(orders(sources)));
    this.parcelFlow.onCancelled((sources, reason, actor) => this.cancelReturned(orders(sources), reason, actor));
  }

  /** What an order took comes back: the household's units, its places under the caps, the stock. */
  private async giveBack(order: Pick<Order, 'id' | 'windowId' | 'householdId'>): Promise<void> {
    const household = await this.households.find(order.householdId);
    const lines = await this.db.repo(OrderLine).findBy({ orderId: order.id });
    await this.catalog.release(order.windowId, household, lines);
  }

  /** Every order of a window (staff), oldest first. */
  async windowOrders(actor: Actor, windowId: number): Promise<OrderView[]> {
    const window = await this.catalog.staffWindow(actor, windowId);
    const rows = await this.db.repo(Order).find({ where: { windowId: window.id }, order: { id: 'ASC' } });
    return this.views(actor, rows);
  }

  /** Pick lists of a window's confirmed and packed orders (unpaid and cancelled ones are left out). */
  async pickLists(actor: Actor, windowId: number): Promise<{ lists: PickLists; heading: WindowHeading }> {
    const window = await this.catalog.staffWindow(actor, windowId);
    const orders = await this.db
      .repo(Order)
      .find({ where: { windowId: window.id, state: In(['CONFIRMED', 'PACKED']) }, order: { id: 'ASC' } });
    const lines = orders.length
      ? await this.db.repo(OrderLine).find({ where: { orderId: In(orders.map((o) => o.id)) }, order: { id: 'ASC' } })
      : [];
    const doors = await this.households.doors(orders.map((o) => o.householdId));
    const suppliers = await this.supplies.supplierOfItems(lines.map((l) => l.itemId));
    const community = await this.users.findCommunity(window.communityId);
    const lists = buildPickLists(
      orders.map((o) => ({ id: o.id, householdId: o.householdId, note: o.note, lines: lines.filter((l) => l.orderId === o.id) })),
      doors,
      suppliers,
    );
    return { lists, heading: { community: community?.name ?? '', title: window.title, deliveryDate: window.deliveryDate } };
  }

  /** Live figures of a window: orders by state, per building, and stock left per item. */
  async windowStats(actor: Actor, windowId: number): Promise<WindowStats> {
    const window = await this.catalog.staffWindow(actor, windowId);
    const view = await this.catalog.windowView(window);
    const byState = (await this.db.manager
      .createQueryBuilder(Order, 'o')
      .select('o.state', 'state')
      .addSelect('COUNT(*)', 'n')
      .where('o.window_id = :id', { id: windowId })
      .groupBy('o.state')
      .getRawMany()) as { state: OrderState; n: string | number }[];
    const active = await this.db
      .repo(Order)
      .find({ where: { windowId, state: In(['PENDING_PAYMENT', 'CONFIRMED', 'PACKED']) }, select: ['householdId'] });
    const doors = await this.households.doors(active.map((o) => o.householdId));
    const perBuilding = new Map<string, number>();
    for (const o of active) {
      const building = doors.get(o.householdId)?.building ?? '';
      perBuilding.set(building, (perBuilding.get(building) ?? 0) + 1);
    }
    return {
      windowId,
      phase: view.phase,
      orders: Object.fromEntries(byState.map((r) => [r.state, Number(r.n)])),
      activeOrders: active.length,
      perBuilding: [...perBuilding.entries()]
        .map(([building, orders]) => ({ building, orders }))
        .sort((a, b) => a.building.localeCompare(b.building, 'zh-CN', { numeric: true })),
      items: view.items.map((i) => ({ itemId: i.itemId, name: i.name, stock: i.stock, sold: i.sold })),
    };
  }

  /**
   * A household member sees their household's orders, as do its grid worker and its 家属 (with
   * its buttons: `actsFor`); staff their community's; others: not found.
   */
  private async visible(actor: Actor, id: number): Promise<{ record: Order; as: FlowActor[]; actsFor: number | null }> {
    const order = await this.db.repo(Order).findOneBy({ id });
    const actsFor = await this.proxies.actsFor(actor, order);
    return { ...requireRelation(actor, order, 'ORDER_NOT_FOUND', { actsFor }), actsFor };
  }

  private async views(actor: Actor, orders: Order[], actsFor: number | null = null): Promise<OrderView[]> {
    if (orders.length === 0) return [];
    const lines = await this.db.repo(OrderLine).find({ where: { orderId: In(orders.map((o) => o.id)) }, order: { id: 'ASC' } });
    const doors = await this.households.doors(orders.map((o) => o.householdId));
    const names = await this.users.nicknames(orders.map((o) => o.placedBy));
    const windows = new Map<number, { title: string; deliveryDate: string }>();
    for (const windowId of new Set(orders.map((o) => o.windowId))) windows.set(windowId, await this.catalog.windowSummary(windowId));
    const packed = orders.filter((o) => o.state === 'PACKED' || o.state === 'DELIVERED').map((o) => o.id);
    const parcels = await this.parcels.forSources('order', packed);
    const shortages = await this.shortages.of(packed);
    return orders.map((o) =>
      this.toView(
        actor,
        o,
        lines.filter((l) => l.orderId === o.id),
        windows.get(o.windowId) ?? { title: '', deliveryDate: '' },
        doors.get(o.householdId)?.address ?? '',
        names.get(o.placedBy) ?? '',
        parcels.get(o.id) ?? null,
        actsFor,
        shortages.get(o.id) ?? [],
      ),
    );
  }

  private toView(
    actor: Actor,
    o: Order,
    lines: OrderLine[],
    window: { title: string; deliveryDate: string },
    address: string,
    placedBy: string,
    parcel: ParcelSummary | null = null,
    actsFor: number | null = null,
    shortages: OrderShortageView[] = [],
  ): OrderView {
    return {
      id: o.id,
      windowId: o.windowId,
      windowTitle: window.title,
      householdId: o.householdId,
      address,
      state: o.state,
      paymentMode: o.paymentMode,
      totalFen: o.totalFen,
      note: o.note,
      lines: lines.map((l) => ({
        itemId: l.itemId,
        name: l.name,
        quantity: l.quantity,
        unitPriceFen: l.unitPriceFen,
        amountFen: l.quantity * l.unitPriceFen,
      })),
      placedBy: { userId: o.placedBy, nickname: placedBy, proxy: Boolean(o.proxy) },
      createdAt: new Date(o.createdAt).toISOString(),
      expiresAt: o.expiresAt ? new Date(o.expiresAt).toISOString() : null,
      deliveryDate: window.deliveryDate,
      actions: nextStates(ORDER_FLOW, o.state, relationsTo(actor, o, { actsFor })),
      parcel,
      cancelReason: o.cancelReason,
      shortages,
    };
  }
}
