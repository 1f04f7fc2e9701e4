import { Injectable } from '@nestjs/common';
import type { WindowView } from '@linli/shared-types';
import { In } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { HouseholdsService } from '../community/households.service';
import { CatalogService } from './catalog.service';
import type { UpdateWindowDto, WindowStockChangeDto } from './dto/catalog.dto';
import { Item } from './entities/item.entity';
import { WindowBuildingCount } from './entities/window-building-count.entity';
import { WindowItem } from './entities/window-item.entity';
import { OrderingWindow } from './entities/window.entity';
import { joinList, splitList } from './window-phase';

/** What one edit changed, field by field, for the audit log. */
type Changes = Record<string, { before: unknown; after: unknown }>;

interface LockedWindow {
  version: number;
  status: string;
  orderCount: number;
  maxOrders: number | null;
  maxOrdersPerBuilding: number | null;
}

/**
 * Staff change a window that has not ended (issue 13): stock per item, hours, caps, the
 * buildings and zones served. One PATCH, one transaction, one audit row with before and after.
 *
 * Rules:
 * - A window that ended (closed by staff or by its hours, or drawn) is WINDOW_ENDED. A full or
 *   paused window can still be changed (raising the cap reopens a full one).
 * - Two staff at once: the edit names the version it started from; the window row is locked
 *   and its version compared, so the second is WINDOW_CHANGED and changes nothing.
 * - Stock is set as a new total; it never goes below the units already taken
 *   (STOCK_BELOW_TAKEN), by `UPDATE … SET stock = :total - sold WHERE sold <= :total`.
 * - The hours: the opening time only before the window opens (OPENS_AT_FIXED after: residents
 *   ordered, or a fair-share window's households registered, under it); the closing time after
 *   the opening and in the future (closing now is the status endpoint's job). A fair-share
 *   window's seed was committed at creation and its draw runs after close on what was
 *   registered, so moving the close (before it ends) leaves the commitment intact; a drawn
 *   window has ended.
 * - Caps never below what is counted (CAP_BELOW_COUNTED): the window's `order_count <= :cap`,
 *   every building counter's `orders <= :cap` (the cap lives on those rows too, so an order in
 *   flight cannot count past it). A cap is added or removed only before the window opens
 *   (CAP_FIXED_ONCE_OPEN): orders are counted only while there is one.
 * - A building or zone no longer served keeps the orders it has; its households just cannot
 *   order any more.
 *
 * Rows are locked in the order orders take them (building counters, the window, its stock),
 * so an edit and an order wait for each other instead of deadlocking.
 */
@Injectable()
export class WindowEditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly households: HouseholdsService,
  ) {}

  async update(actor: Actor, windowId: number, dto: UpdateWindowDto): Promise<WindowView> {
    const window = await this.catalog.staffWindow(actor, windowId);
    const now = this.clock.now();
    if (window.status === 'CLOSED' || now.getTime() >= new Date(window.closesAt).getTime() || window.allocatedAt !== null) {
      throw new DomainError('WINDOW_ENDED');
    }
    const opened = now.getTime() >= new Date(window.opensAt).getTime();
    const changes: Changes = {};
    const row: Partial<OrderingWindow> = { ...this.hours(window, dto, now, opened, changes), ...this.served(window, dto, changes) };
    if (dto.buildingIds) await this.households.requireBuildings(window.communityId, dto.buildingIds);
    this.checkCapSwitch(window, dto, opened);

    await this.db.transaction(async () => {
      await this.buildingCounters(window, dto, changes);
      const locked = await this.lockWindow(window.id);
      if (locked.version !== dto.version) throw new DomainError('WINDOW_CHANGED', { version: locked.version });
      this.totalCap(locked, dto, changes, row);
      if (dto.maxOrdersPerBuilding !== undefined && dto.maxOrdersPerBuilding !== window.maxOrdersPerBuilding) {
        row.maxOrdersPerBuilding = dto.maxOrdersPerBuilding;
      }
      if (dto.stock) await this.stock(window.id, dto.stock, changes);
      // Nothing different from what is there: no new version, nothing to audit.
      if (Object.keys(changes).length === 0) return;
      await this.db.repo(OrderingWindow).update({ id: window.id }, { ...row, version: locked.version + 1 });
      await this.audit.record(actor, { action: 'window.update', targetType: 'window', targetId: window.id, details: { changes } });
    });
    return this.catalog.windowView(await this.db.repo(OrderingWindow).findOneByOrFail({ id: window.id }));
  }

  /** The new hours, checked (rules above); only what changes. */
  private hours(window: OrderingWindow, dto: UpdateWindowDto, now: Date, opened: boolean, changes: Changes): Partial<OrderingWindow> {
    const was = { opensAt: new Date(window.opensAt), closesAt: new Date(window.closesAt) };
    const opensAt = dto.opensAt === undefined ? was.opensAt : new Date(dto.opensAt);
    const closesAt = dto.closesAt === undefined ? was.closesAt : new Date(dto.closesAt);
    const set: Partial<OrderingWindow> = {};
    if (opensAt.getTime() !== was.opensAt.getTime()) {
      if (opened) throw new DomainError('OPENS_AT_FIXED', { opensAt: was.opensAt.toISOString() });
      set.opensAt = opensAt;
      changes.opensAt = { before: was.opensAt.toISOString(), after: opensAt.toISOString() };
    }
    if (closesAt.getTime() !== was.closesAt.getTime()) {
      if (closesAt.getTime() <= now.getTime()) {
        throw new DomainError('VALIDATION_FAILED', { fields: { closesAt: '结束时间已经过了；要马上结束，请用「提前结束」' } });
      }
      set.closesAt = closesAt;
      changes.closesAt = { before: was.closesAt.toISOString(), after: closesAt.toISOString() };
    }
    if (closesAt.getTime() <= opensAt.getTime()) {
      throw new DomainError('VALIDATION_FAILED', { fields: { closesAt: '结束时间要晚于开始时间' } });
    }
    return set;
  }

  /** The buildings and zones served, when they change. */
  private served(window: OrderingWindow, dto: UpdateWindowDto, changes: Changes): Partial<OrderingWindow> {
    const set: Partial<OrderingWindow> = {};
    if (dto.buildingIds) {
      const after = joinList([...new Set(dto.buildingIds)].sort((a, b) => a - b));
      if (after !== window.buildingIds) {
        set.buildingIds = after;
        changes.buildingIds = { before: splitList(window.buildingIds).map(Number), after: splitList(after).map(Number) };
      }
    }
    if (dto.zones) {
      const after = joinList([...new Set(dto.zones.map((z) => z.trim()).filter((z) => z !== ''))]);
      if (after !== window.zones) {
        set.zones = after;
        changes.zones = { before: splitList(window.zones), after: splitList(after) };
      }
    }
    return set;
  }

  /** Adding or removing a cap (not changing its figure) only before the window opens. */
  private checkCapSwitch(window: OrderingWindow, dto: UpdateWindowDto, opened: boolean): void {
    const switches = (was: number | null, next: number | null | undefined): boolean =>
      next !== undefined && (was === null) !== (next === null);
    if (opened && (switches(window.maxOrders, dto.maxOrders) || switches(window.maxOrdersPerBuilding, dto.maxOrdersPerBuilding))) {
      throw new DomainError('CAP_FIXED_ONCE_OPEN');
    }
  }

  /**
   * The per-building counters: one for every building now served (when there is a cap), and the
   * new cap on each, refused when a building already has more orders than it.
   */
  private async buildingCounters(window: OrderingWindow, dto: UpdateWindowDto, changes: Changes): Promise<void> {
    const was = window.maxOrdersPerBuilding;
    const cap = dto.maxOrdersPerBuilding === undefined ? was : dto.maxOrdersPerBuilding;
    if (cap === null) {
      if (was !== null) changes.maxOrdersPerBuilding = { before: was, after: null };
      return;
    }
    const capChanges = cap !== was;
    if (!capChanges && !dto.buildingIds) return;
    const counters = await this.lockedRows<{ building_id: number; orders: number }>(
      'SELECT building_id, orders FROM window_building_counts WHERE window_id = ? ORDER BY building_id',
      [window.id],
    );
    if (capChanges) {
      // Before the window opens (a cap added now) nothing was counted; afterwards every order was.
      const fresh = was === null;
      const busiest = fresh ? 0 : Math.max(0, ...counters.map((c) => Number(c.orders)));
      if (busiest > cap) {
        throw new DomainError('CAP_BELOW_COUNTED', { counted: busiest }, `有楼栋已经有 ${busiest} 单，每栋上限不能少于 ${busiest}`);
      }
      const set = fresh ? { cap, orders: 0 } : { cap };
      const updated = await this.db.manager
        .createQueryBuilder()
        .update(WindowBuildingCount)
        .set(set)
        .where(fresh ? 'window_id = :w' : 'window_id = :w AND orders <= :cap', { w: window.id, cap })
        .execute();
      if ((updated.affected ?? 0) < counters.length) throw new DomainError('CAP_BELOW_COUNTED');
      changes.maxOrdersPerBuilding = { before: was, after: cap };
    }
    const served = dto.buildingIds ?? splitList(window.buildingIds).map(Number);
    const buildings = served.length > 0 ? [...new Set(served)] : (await this.households.buildings(window.communityId)).map((b) => b.id);
    const missing = buildings.filter((b) => !counters.some((c) => Number(c.building_id) === b));
    if (missing.length > 0) {
      await this.db.manager
        .createQueryBuilder()
        .insert()
        .into(WindowBuildingCount)
        .values(missing.map((buildingId) => ({ windowId: window.id, buildingId, orders: 0, cap })))
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  }

  /** The window row as it is now, locked until the edit commits. */
  private async lockWindow(windowId: number): Promise<LockedWindow> {
    const [w] = await this.lockedRows<{
      version: number;
      status: string;
      order_count: number;
      max_orders: number | null;
      max_orders_per_building: number | null;
    }>('SELECT version, status, order_count, max_orders, max_orders_per_building FROM windows WHERE id = ?', [windowId]);
    if (!w) throw new DomainError('WINDOW_NOT_FOUND');
    const n = (v: number | null): number | null => (v === null ? null : Number(v));
    return {
      version: Number(w.version),
      status: w.status,
      orderCount: Number(w.order_count),
      maxOrders: n(w.max_orders),
      maxOrdersPerBuilding: n(w.max_orders_per_building),
    };
  }

  /**
   * The window's cap on orders: not below those counted. Its row is locked, so an order counting
   * itself (`order_count < max_orders` on the same row) waits for this edit, then sees the new cap.
   */
  private totalCap(locked: LockedWindow, dto: UpdateWindowDto, changes: Changes, row: Partial<OrderingWindow>): void {
    if (dto.maxOrders === undefined || dto.maxOrders === locked.maxOrders) return;
    if (dto.maxOrders !== null && locked.maxOrders !== null && dto.maxOrders < locked.orderCount) {
      const n = locked.orderCount;
      throw new DomainError('CAP_BELOW_COUNTED', { counted: n }, `已经有 ${n} 单，订单上限不能少于 ${n}`);
    }
    row.maxOrders = dto.maxOrders;
    // A cap added before the window opens counts from nothing (no order was counted without one).
    if (locked.maxOrders === null) row.orderCount = 0;
    changes.maxOrders = { before: locked.maxOrders, after: dto.maxOrders };
  }

  /** New totals per item, each not below what is taken (the conditional UPDATE decides). */
  private async stock(windowId: number, lines: WindowStockChangeDto[], changes: Changes): Promise<void> {
    const itemIds = lines.map((l) => l.itemId);
    if (new Set(itemIds).size !== itemIds.length) {
      throw new DomainError('VALIDATION_FAILED', { fields: { stock: '同一件商品只能改一次' } });
    }
    const rows = await this.lockedRows<{ id: number; item_id: number; stock: number; sold: number }>(
      'SELECT id, item_id, stock, sold FROM window_items WHERE window_id = ? ORDER BY id',
      [windowId],
    );
    const names = new Map((await this.db.repo(Item).findBy({ id: In(itemIds) })).map((i) => [i.id, i.name]));
    const sorted = [...lines].sort((a, b) => a.itemId - b.itemId);
    for (const line of sorted) {
      const r = rows.find((x) => Number(x.item_id) === line.itemId);
      if (!r) throw new DomainError('ITEM_NOT_IN_WINDOW', { itemId: line.itemId });
      const [stock, sold] = [Number(r.stock), Number(r.sold)];
      if (stock + sold === line.total) continue;
      const name = names.get(line.itemId) ?? '';
      const below = (): DomainError =>
        new DomainError(
          'STOCK_BELOW_TAKEN',
          { itemId: line.itemId, name, taken: sold },
          `${name}已经订出 ${sold} 份，库存不能少于 ${sold}`,
        );
      if (line.total < sold) throw below();
      const set = await this.db.manager
        .createQueryBuilder()
        .update(WindowItem)
        .set({ stock: () => ':total - sold' })
        .where('id = :id AND sold <= :total', { id: Number(r.id), total: line.total })
        .execute();
      if (set.affected !== 1) throw below();
      changes[`stock.${line.itemId}`] = { before: stock + sold, after: line.total };
    }
  }

  /**
   * Rows read as they are now and locked until the command commits (MySQL: FOR UPDATE, which
   * reads past the transaction's snapshot; SQLite: one writer at a time already).
   */
  private async lockedRows<T>(sql: string, params: unknown[]): Promise<T[]> {
    const mysql = this.db.source.options.type === 'mysql' || this.db.source.options.type === 'mariadb';
    return (await this.db.manager.query(mysql ? `${sql} FOR UPDATE` : sql, params)) as T[];
  }
}
