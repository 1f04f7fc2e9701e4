import { Injectable } from '@nestjs/common';
import type { WindowItemView, WindowStatus, WindowView } from '@linli/shared-types';
import { In } from 'typeorm';
import { isStaffOf, relationsTo, staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { Transitions } from '../../common/workflow';
import { WechatPayClient } from '../../wechat/wechat-pay.client';
import type { Household } from '../community/entities/household.entity';
import { HouseholdsService } from '../community/households.service';
import type { CreateWindowDto } from './dto/catalog.dto';
import { HouseholdPurchase } from './entities/household-purchase.entity';
import { Item } from './entities/item.entity';
import { WindowBuildingCount } from './entities/window-building-count.entity';
import { WindowItem } from './entities/window-item.entity';
import { OrderingWindow, WINDOW_WORKFLOW } from './entities/window.entity';
import { newLotterySeed } from './lottery-seed';
import { parseContents, SuppliersService } from './suppliers.service';
import { joinList, servesHousehold, splitList, windowPhase } from './window-phase';

/** A window item as an order needs it: where to take stock from, at what price, up to what limit. */
export interface Offer {
  windowItemId: number;
  itemId: number;
  name: string;
  priceFen: number;
  limitPerHousehold: number;
}

/**
 * Ordering windows and their stock (suppliers and items: SuppliersService; staff changing an
 * open window: WindowEditService). Orders move stock only through this service.
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly pay: WechatPayClient,
    private readonly suppliers: SuppliersService,
    private readonly transitions: Transitions,
  ) {}

  // ---- windows --------------------------------------------------------------------------

  async createWindow(actor: Actor, dto: CreateWindowDto): Promise<WindowView> {
    const communityId = staffCommunity(actor);
    if (dto.paymentMode === 'wechat' && !this.pay.configured) throw new DomainError('PAYMENT_NOT_CONFIGURED');
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    if (closesAt.getTime() <= opensAt.getTime()) {
      throw new DomainError('VALIDATION_FAILED', { fields: { closesAt: '结束时间要晚于开始时间' } });
    }
    const itemIds = dto.items.map((i) => i.itemId);
    if (new Set(itemIds).size !== itemIds.length)
      throw new DomainError('VALIDATION_FAILED', { fields: { items: '同一件商品只能添加一次' } });
    const items = await this.db.repo(Item).findBy({ id: In(itemIds), communityId });
    if (items.length !== itemIds.length) throw new DomainError('ITEM_NOT_FOUND');
    await this.households.requireBuildings(communityId, dto.buildingIds ?? []);
    // A fair-share window's seed is fixed now, before anyone registers; only its hash is shown until the draw.
    const lottery = dto.mode === 'fair' ? newLotterySeed() : null;
    const id = await this.db.transaction(async () => {
      const w = await this.db.repo(OrderingWindow).save({
        communityId,
        title: dto.title,
        mode: dto.mode,
        paymentMode: dto.paymentMode,
        status: 'ACTIVE' as const,
        opensAt,
        closesAt,
        deliveryDate: dto.deliveryDate,
        buildingIds: joinList(dto.buildingIds ?? []),
        zones: joinList(dto.zones ?? []),
        maxOrders: dto.maxOrders ?? null,
        maxOrdersPerBuilding: dto.maxOrdersPerBuilding ?? null,
        orderCount: 0,
        version: 0,
        allocationSeed: lottery?.seed ?? null,
        seedHash: lottery?.hash ?? null,
        allocatedAt: null,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await this.db.repo(WindowItem).insert(
        dto.items.map((line) => {
          const item = items.find((i) => i.id === line.itemId) as Item;
          return {
            windowId: w.id,
            itemId: item.id,
            priceFen: line.priceFen ?? item.priceFen,
            limitPerHousehold: line.limitPerHousehold ?? item.limitPerHousehold,
            stock: line.stock,
            sold: 0,
          };
        }),
      );
      if (w.maxOrdersPerBuilding !== null) {
        // Each building's counter exists before the rush, so orders only UPDATE it.
        const served = dto.buildingIds?.length
          ? [...new Set(dto.buildingIds)]
          : (await this.households.buildings(communityId)).map((b) => b.id);
        await this.db
          .repo(WindowBuildingCount)
          .insert(served.map((buildingId) => ({ windowId: w.id, buildingId, orders: 0, cap: w.maxOrdersPerBuilding })));
      }
      await this.audit.record(actor, { action: 'window.create', targetType: 'window', targetId: w.id });
      return w.id;
    });
    return this.windowView(await this.db.repo(OrderingWindow).findOneByOrFail({ id }));
  }

  /** Staff pause, resume or close a window early. */
  async setStatus(actor: Actor, windowId: number, status: WindowStatus): Promise<WindowView> {
    const window = await this.staffWindow(actor, windowId);
    if (window.status === status) return this.windowView(window);
    // Two staff at once (close and resume a paused window): the first wins, the other is told 409.
    await this.transitions.transition(WINDOW_WORKFLOW, { id: window.id, state: window.status }, status, relationsTo(actor, window));
    await this.audit.record(actor, { action: `window.${status.toLowerCase()}`, targetType: 'window', targetId: windowId });
    return this.windowView({ ...window, status });
  }

  async staffWindows(actor: Actor): Promise<WindowView[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.repo(OrderingWindow).find({ where: { communityId }, order: { opensAt: 'DESC' }, take: 100 });
    return Promise.all(rows.map((w) => this.windowView(w)));
  }

  async staffWindow(actor: Actor, windowId: number): Promise<OrderingWindow> {
    const communityId = staffCommunity(actor);
    const window = await this.db.repo(OrderingWindow).findOneBy({ id: windowId, communityId });
    if (!window) throw new DomainError('WINDOW_NOT_FOUND');
    return window;
  }

  /** The windows a resident's household can see: not closed, serving their building or zone. */
  async windowsFor(actor: Actor): Promise<WindowView[]> {
    if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
    return this.householdWindows(await this.households.find(actor.householdId));
  }

  /**
   * A household's list, the same for its members and for whoever acts for it (who checked
   * access): not closed, serving its building or zone, with what it may still order of each item.
   */
  async householdWindows(household: Pick<Household, 'id' | 'communityId' | 'buildingId' | 'zone'>): Promise<WindowView[]> {
    const now = this.clock.now();
    const rows = await this.db.repo(OrderingWindow).find({ where: { communityId: household.communityId }, order: { opensAt: 'ASC' } });
    const visible = rows.filter((w) => windowPhase(w, now) !== 'CLOSED' && servesHousehold(w, household));
    return this.withHouseholdLeft(await Promise.all(visible.map((w) => this.windowView(w))), household.id);
  }

  async windowFor(actor: Actor, windowId: number): Promise<WindowView> {
    const window = await this.db.repo(OrderingWindow).findOneBy({ id: windowId });
    const staffHere = window !== null && isStaffOf(actor, window.communityId);
    if (!window) throw new DomainError('WINDOW_NOT_FOUND');
    if (staffHere) return this.windowView(window);
    if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
    const household = await this.households.find(actor.householdId);
    if (household.communityId !== window.communityId || !servesHousehold(window, household)) throw new DomainError('WINDOW_NOT_FOUND');
    const [view] = await this.withHouseholdLeft([await this.windowView(window)], household.id);
    return view as WindowView;
  }

  /** Each item's `householdLeft`: its limit less what the household holds of it (household_purchases). */
  private async withHouseholdLeft(views: WindowView[], householdId: number): Promise<WindowView[]> {
    if (views.length === 0) return views;
    const windowItems = await this.db
      .repo(WindowItem)
      .find({ where: { windowId: In(views.map((v) => v.id)) }, select: ['id', 'windowId', 'itemId'] });
    const held = windowItems.length
      ? await this.db.repo(HouseholdPurchase).find({ where: { householdId, windowItemId: In(windowItems.map((r) => r.id)) } })
      : [];
    const bought = (windowId: number, itemId: number): number => {
      const row = windowItems.find((r) => r.windowId === windowId && r.itemId === itemId);
      return held.find((h) => row !== undefined && h.windowItemId === row.id)?.quantity ?? 0;
    };
    return views.map((v) => ({
      ...v,
      items: v.items.map((i) => ({ ...i, householdLeft: Math.max(0, i.limitPerHousehold - bought(v.id, i.itemId)) })),
    }));
  }

  /** Marks a window's draw as done, with its winners' pay-by time; false when another run got there first. */
  async claimAllocation(windowId: number, at: Date, payBy: Date | null): Promise<boolean> {
    const claimed = await this.db.manager
      .createQueryBuilder()
      .update(OrderingWindow)
      .set({ allocatedAt: at, payBy })
      .where('id = :id AND allocated_at IS NULL', { id: windowId })
      .execute();
    return claimed.affected === 1;
  }

  /**
   * Marks a drawn window's second round as done, with its winners' pay-by time and the units it
   * draws (JSON); false when it was run already (or the draw was not).
   */
  async claimSecondRound(windowId: number, at: Date, payBy: Date | null, stock: string): Promise<boolean> {
    const claimed = await this.db.manager
      .createQueryBuilder()
      .update(OrderingWindow)
      .set({ secondRoundAt: at, secondRoundPayBy: payBy, secondRoundStock: stock })
      .where('id = :id AND allocated_at IS NOT NULL AND second_round_at IS NULL', { id: windowId })
      .execute();
    return claimed.affected === 1;
  }

  /** A window by id, for other modules that check access themselves. */
  async staffVisibleWindow(windowId: number): Promise<OrderingWindow> {
    const window = await this.db.repo(OrderingWindow).findOneBy({ id: windowId });
    if (!window) throw new DomainError('WINDOW_NOT_FOUND');
    return window;
  }

  /** Stock left per window item, read now (inside the caller's transaction). */
  async stockOf(windowId: number): Promise<Map<number, number>> {
    const rows = await this.db.repo(WindowItem).find({ where: { windowId }, select: ['id', 'stock'] });
    return new Map(rows.map((r) => [r.id, r.stock]));
  }

  /** Title and delivery date of a window, for order views. */
  async windowSummary(windowId: number): Promise<{ title: string; deliveryDate: string }> {
    const w = await this.db.repo(OrderingWindow).findOne({ where: { id: windowId }, select: ['id', 'title', 'deliveryDate'] });
    return { title: w?.title ?? '', deliveryDate: w?.deliveryDate ?? '' };
  }

  // ---- what orders use (inside the order's transaction) -----------------------------------

  /**
   * The window's offer to this household right now, or the reason it cannot order:
   * not open (upcoming, paused, closed, full) or not serving its building or zone.
   */
  async offerTo(
    windowId: number,
    household: { communityId: number; buildingId: number; zone: string | null },
  ): Promise<{ window: OrderingWindow; offers: Offer[] }> {
    // Read on every order of the rush: by hand, without the query builder.
    const [window] = await this.db.entities(OrderingWindow, 'id = ?', [windowId]);
    if (!window || window.communityId !== household.communityId) throw new DomainError('WINDOW_NOT_FOUND');
    this.assertOpen(window);
    if (!servesHousehold(window, household)) throw new DomainError('NOT_YOUR_ZONE');
    return { window, offers: await this.offers(windowId) };
  }

  /**
   * A window's items, prices and limits are fixed when it is created, so each server instance
   * keeps them once read: the rush reads only the window row (status, hours, cap) per order.
   * Stock is never cached; it is decided by the UPDATE in takeStock.
   */
  private readonly offerCache = new Map<number, Offer[]>();

  async offers(windowId: number): Promise<Offer[]> {
    const cached = this.offerCache.get(windowId);
    if (cached) return cached;
    const rows = await this.db.repo(WindowItem).findBy({ windowId });
    const items = await this.db.repo(Item).findBy({ id: In(rows.map((r) => r.itemId)) });
    const offers = rows.map((r) => ({
      windowItemId: r.id,
      itemId: r.itemId,
      name: items.find((i) => i.id === r.itemId)?.name ?? '',
      priceFen: r.priceFen,
      limitPerHousehold: r.limitPerHousehold,
    }));
    if (offers.length > 0) this.offerCache.set(windowId, offers);
    return offers;
  }

  assertOpen(window: OrderingWindow): void {
    switch (windowPhase(window, this.clock.now())) {
      case 'OPEN':
        return;
      case 'UPCOMING':
        throw new DomainError('WINDOW_NOT_OPEN');
      case 'PAUSED':
        throw new DomainError('WINDOW_PAUSED');
      case 'CLOSED':
        throw new DomainError(window.maxOrders !== null && window.orderCount >= window.maxOrders ? 'WINDOW_FULL' : 'WINDOW_CLOSED');
    }
  }

  /** Counts an order against the window's cap; the conditional UPDATE decides the last place. */
  async countOrder(window: OrderingWindow): Promise<void> {
    if (window.maxOrders === null) return;
    const taken = await this.db.run('UPDATE windows SET order_count = order_count + 1 WHERE id = ? AND order_count < max_orders', [
      window.id,
    ]);
    if (taken.affected !== 1) throw new DomainError('WINDOW_FULL');
  }

  /**
   * Counts an order against its building's cap, if the window has one (BUILDING_FULL when
   * reached). The counter row is created with the window, so the rush only runs the conditional
   * UPDATE: an INSERT … IGNORE that meets the row takes a shared lock before the UPDATE's
   * exclusive one, and two households of a building doing that at once deadlock on MySQL.
   * The cap compared is the counter row's own (`orders < cap`), not the one this order read with
   * the window: staff lowering it (WindowEditService) write that row, so the two cannot cross.
   */
  async countBuildingOrder(window: OrderingWindow, buildingId: number): Promise<void> {
    if (window.maxOrdersPerBuilding === null) return;
    const cap = window.maxOrdersPerBuilding;
    const count = (): Promise<number> => this.updateBuildingCount(window.id, buildingId, '+');
    if ((await count()) === 1) return;
    // No counter yet (a building added after the window opened): make it, then count.
    if (!(await this.db.repo(WindowBuildingCount).exists({ where: { windowId: window.id, buildingId } }))) {
      await this.db.manager
        .createQueryBuilder()
        .insert()
        .into(WindowBuildingCount)
        .values({ windowId: window.id, buildingId, orders: 0, cap })
        .orIgnore()
        .updateEntity(false)
        .execute();
      if ((await count()) === 1) return;
    }
    throw new DomainError('BUILDING_FULL', { limit: cap });
  }

  /**
   * An order that is cancelled or expires gives back what it took, in the order placing takes
   * it (the household's units, its building's place, the window's place, then stock by window
   * item), so a cancel and an order never wait on each other's rows in opposite orders.
   */
  async release(
    windowId: number,
    household: { id: number; buildingId: number },
    lines: { windowItemId: number; quantity: number }[],
  ): Promise<void> {
    const window = await this.db.repo(OrderingWindow).findOneByOrFail({ id: windowId });
    const sorted = [...lines].sort((a, b) => a.windowItemId - b.windowItemId);
    for (const line of sorted) {
      await this.db.manager
        .createQueryBuilder()
        .update(HouseholdPurchase)
        .set({ quantity: () => 'quantity - :n' })
        .where('window_item_id = :wi AND household_id = :h AND quantity >= :n', {
          wi: line.windowItemId,
          h: household.id,
          n: line.quantity,
        })
        .execute();
    }
    // Fair-share orders come from the draw, not from the caps.
    if (window.mode !== 'fair') {
      if (window.maxOrdersPerBuilding !== null) await this.updateBuildingCount(window.id, household.buildingId, '-');
      if (window.maxOrders !== null) {
        await this.db.manager
          .createQueryBuilder()
          .update(OrderingWindow)
          .set({ orderCount: () => 'order_count - 1' })
          .where('id = :id AND order_count > 0', { id: window.id })
          .execute();
      }
    }
    for (const line of sorted) {
      await this.db.manager
        .createQueryBuilder()
        .update(WindowItem)
        .set({ stock: () => 'stock + :n', sold: () => 'sold - :n' })
        .where('id = :id', { id: line.windowItemId, n: line.quantity })
        .execute();
    }
  }

  /** One order more (under the row's cap) or less (not below 0) on a building's counter; the affected rows. */
  private async updateBuildingCount(windowId: number, buildingId: number, change: '+' | '-'): Promise<number> {
    const result = await this.db.run(
      change === '+'
        ? 'UPDATE window_building_counts SET orders = orders + 1 WHERE window_id = ? AND building_id = ? AND orders < cap'
        : 'UPDATE window_building_counts SET orders = orders - 1 WHERE window_id = ? AND building_id = ? AND orders > 0',
      [windowId, buildingId],
    );
    return result.affected;
  }

  /**
   * Adds to the household's units of a window item unless that passes its limit, in one
   * statement: an upsert that inserts the first units (when within the limit) or adds to the
   * row only within the limit. The caller holds the household's row lock, so two members of a
   * household never run it at once (on InnoDB their upserts on one key could deadlock).
   * MySQL counts a row it inserted as 1 (with an id), one it changed as 2, and — with the
   * FOUND_ROWS flag mysql2 sets — one it left as it was as 1 without an id; SQLite counts
   * only a row it inserted or changed.
   */
  async reserveForHousehold(offer: Offer, householdId: number, quantity: number): Promise<void> {
    const limit = offer.limitPerHousehold;
    const params = [offer.windowItemId, householdId, quantity, quantity, limit, limit];
    let held: boolean;
    if (this.db.isMysql) {
      const r = await this.db.run(
        `INSERT INTO household_purchases (window_item_id, household_id, quantity) SELECT ?, ?, ? FROM DUAL WHERE ? <= ?
         ON DUPLICATE KEY UPDATE quantity = IF(quantity + VALUES(quantity) <= ?, quantity + VALUES(quantity), quantity)`,
        params,
      );
      held = r.affected === 2 || (r.affected === 1 && r.insertId > 0);
    } else {
      const r = await this.db.run(
        `INSERT INTO household_purchases (window_item_id, household_id, quantity) SELECT ?, ?, ? WHERE ? <= ?
         ON CONFLICT (window_item_id, household_id) DO UPDATE SET quantity = quantity + excluded.quantity
         WHERE quantity + excluded.quantity <= ?`,
        params,
      );
      held = r.affected === 1;
    }
    if (!held) throw new DomainError('HOUSEHOLD_LIMIT', { itemId: offer.itemId, name: offer.name, limit });
  }

  /** Takes stock: `stock = stock - n WHERE stock >= n`; the affected row count decides. */
  async takeStock(offer: Offer, quantity: number): Promise<void> {
    const taken = await this.db.run('UPDATE window_items SET stock = stock - ?, sold = sold + ? WHERE id = ? AND stock >= ?', [
      quantity,
      quantity,
      offer.windowItemId,
      quantity,
    ]);
    if (taken.affected !== 1) throw new DomainError('OUT_OF_STOCK', { itemId: offer.itemId, name: offer.name });
  }

  // ---- views -----------------------------------------------------------------------------

  async windowView(w: OrderingWindow): Promise<WindowView> {
    const rows = await this.db.repo(WindowItem).find({ where: { windowId: w.id }, order: { id: 'ASC' } });
    const items = await this.db.repo(Item).findBy({ id: In(rows.map((r) => r.itemId)) });
    const suppliers = await this.suppliers.names(items.map((i) => i.supplierId));
    const itemViews: WindowItemView[] = rows.map((r) => {
      const item = items.find((i) => i.id === r.itemId) as Item;
      return {
        itemId: item.id,
        kind: item.kind,
        name: item.name,
        pictureUrl: item.pictureUrl,
        contents: parseContents(item.contents),
        priceFen: r.priceFen,
        limitPerHousehold: r.limitPerHousehold,
        stock: r.stock,
        sold: r.sold,
        supplierName: suppliers.get(item.supplierId) ?? '',
      };
    });
    return {
      id: w.id,
      title: w.title,
      mode: w.mode,
      paymentMode: w.paymentMode,
      phase: windowPhase(w, this.clock.now()),
      opensAt: new Date(w.opensAt).toISOString(),
      closesAt: new Date(w.closesAt).toISOString(),
      deliveryDate: w.deliveryDate,
      buildingIds: splitList(w.buildingIds).map(Number),
      zones: splitList(w.zones),
      maxOrders: w.maxOrders,
      maxOrdersPerBuilding: w.maxOrdersPerBuilding,
      orderCount: w.orderCount,
      items: itemViews,
      allocatedAt: w.allocatedAt ? new Date(w.allocatedAt).toISOString() : null,
      // The seed is secret until the draw; its hash is public from the start.
      allocationSeed: w.allocatedAt ? w.allocationSeed : null,
      seedHash: w.seedHash,
      secondRoundAt: w.secondRoundAt ? new Date(w.secondRoundAt).toISOString() : null,
      version: w.version,
    };
  }
}
