import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AllocationView, RegisterRequest, RegistrationState, RegistrationView } from '@linli/shared-types';
import { isStaffOf, relationsTo } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { defineMove, Transitions } from '../../common/workflow';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CatalogService, type Offer } from '../catalog/catalog.service';
import type { OrderingWindow } from '../catalog/entities/window.entity';
import { windowPhase } from '../catalog/window-phase';
import { HouseholdsService } from '../community/households.service';
import { OrderLine } from './entities/order-line.entity';
import { Order } from './entities/order.entity';
import { Registration, REGISTRATION_WORKFLOW } from './entities/registration.entity';
import { allocate, LOTTERY_METHOD, type Entry } from './lottery';
import { mergeLines } from './orders.service';

type Units = { itemId: number; quantity: number }[];

/** The draw decides each registration: all it asked for, some of it, or nothing. */
const DRAWN = {
  WON: defineMove(REGISTRATION_WORKFLOW, 'REGISTERED', 'WON'),
  PARTIAL: defineMove(REGISTRATION_WORKFLOW, 'REGISTERED', 'PARTIAL'),
  LOST: defineMove(REGISTRATION_WORKFLOW, 'REGISTERED', 'LOST'),
} satisfies Partial<Record<RegistrationState, unknown>>;

/**
 * Fair share, for when demand will exceed supply: households register while the window is open,
 * and at close a seeded, published lottery allocates the stock (priority households first,
 * nobody over the limit). Winners get an order; everyone can check the draw.
 */
@Injectable()
export class FairShareService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly households: HouseholdsService,
    private readonly transitions: Transitions,
  ) {}

  /** Registers (or changes) the household's wish while the window is open. */
  async register(actor: Actor, windowId: number, dto: RegisterRequest): Promise<RegistrationView> {
    if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
    const household = await this.households.lockForUpdate(actor.householdId);
    const { window, offers } = await this.catalog.offerTo(windowId, household);
    if (window.mode !== 'fair') throw new DomainError('WINDOW_NOT_FAIR_SHARE');
    const lines = mergeLines(dto.lines, offers);
    const over = lines.find((l) => l.quantity > l.offer.limitPerHousehold);
    if (over)
      throw new DomainError('HOUSEHOLD_LIMIT', { itemId: over.offer.itemId, name: over.offer.name, limit: over.offer.limitPerHousehold });
    const requested = JSON.stringify(lines.map((l) => ({ itemId: l.offer.itemId, quantity: l.quantity })));
    const now = this.clock.now();
    const repo = this.db.repo(Registration);
    const existing = await repo.findOneBy({ windowId, householdId: household.id });
    const wish = { requested, userId: actor.userId, updatedAt: now };
    if (existing?.state === 'WITHDRAWN') {
      const as = relationsTo(actor, { communityId: window.communityId, householdId: existing.householdId });
      // Another member registering again at the same moment is as good.
      if (!(await this.transitions.transition(REGISTRATION_WORKFLOW, existing, 'REGISTERED', as, wish, () => null))) {
        await repo.update({ id: existing.id }, wish);
      }
    } else if (existing) {
      await repo.update({ id: existing.id }, wish);
    } else {
      try {
        await repo.insert({
          windowId,
          householdId: household.id,
          userId: actor.userId,
          state: 'REGISTERED',
          requested,
          allocated: null,
          priority: false,
          drawPosition: null,
          orderId: null,
          createdAt: now,
          updatedAt: now,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Another member of the household registered at the same moment: this wish replaces theirs.
        await repo.update({ windowId, householdId: household.id }, wish);
      }
    }
    return this.mine(actor, windowId);
  }

  /** Withdraws the household's registration while the window is open. */
  async withdraw(actor: Actor, windowId: number): Promise<RegistrationView> {
    const registration = await this.own(actor, windowId);
    const window = await this.catalog.staffVisibleWindow(windowId);
    if (windowPhase(window, this.clock.now()) !== 'OPEN') throw new DomainError('WINDOW_CLOSED');
    if (registration.state !== 'WITHDRAWN') {
      const as = relationsTo(actor, { communityId: window.communityId, householdId: registration.householdId });
      // Withdrawn by another member at the same moment: done either way.
      await this.transitions.transition(REGISTRATION_WORKFLOW, registration, 'WITHDRAWN', as, { updatedAt: this.clock.now() }, () => null);
    }
    return this.mine(actor, windowId);
  }

  async mine(actor: Actor, windowId: number): Promise<RegistrationView> {
    return this.view(await this.own(actor, windowId), await this.catalog.offers(windowId));
  }

  /**
   * Runs the draw once for a closed fair-share window, in one transaction: the window is
   * claimed by a conditional UPDATE (a second run is ALREADY_ALLOCATED), stock is taken per item
   * by the same conditional UPDATE as any order, and every winner gets an order.
   */
  async allocate(actor: Actor, windowId: number, seedText: string | undefined): Promise<AllocationView> {
    const window = await this.catalog.staffWindow(actor, windowId);
    if (window.mode !== 'fair') throw new DomainError('WINDOW_NOT_FAIR_SHARE');
    if (window.allocatedAt) throw new DomainError('ALREADY_ALLOCATED');
    if (windowPhase(window, this.clock.now()) !== 'CLOSED') throw new DomainError('WINDOW_STILL_OPEN');
    const seed = seedText?.trim() || randomBytes(8).toString('hex');
    await this.db.transaction(async () => {
      const now = this.clock.now();
      if (!(await this.catalog.claimAllocation(windowId, seed, now))) throw new DomainError('ALREADY_ALLOCATED');
      const registrations = await this.db.repo(Registration).find({ where: { windowId, state: 'REGISTERED' }, order: { id: 'ASC' } });
      const priority = await this.households.priorityOf(registrations.map((r) => r.householdId));
      const offers = await this.catalog.offers(windowId);
      const stock = await this.catalog.stockOf(windowId);
      const entries: Entry[] = registrations.map((r) => ({
        householdId: r.householdId,
        priority: priority.has(r.householdId),
        wants: new Map((JSON.parse(r.requested) as Units).map((u) => [u.itemId, u.quantity])),
      }));
      const result = allocate(entries, new Map(offers.map((o) => [o.itemId, stock.get(o.windowItemId) ?? 0])), seed);
      for (const offer of offers) {
        const total = result.totals.get(offer.itemId) ?? 0;
        if (total > 0) await this.catalog.takeStock(offer, total);
      }
      const orderIds = await this.createOrders(window, offers, registrations, result.given, now);
      const position = new Map(result.order.map((id, i) => [id, i + 1]));
      for (const r of registrations) {
        const given = [...(result.given.get(r.householdId) ?? new Map<number, number>()).entries()].filter(([, q]) => q > 0);
        const wanted = (JSON.parse(r.requested) as Units).reduce((sum, u) => sum + u.quantity, 0);
        const got = given.reduce((sum, [, q]) => sum + q, 0);
        const state = got === 0 ? 'LOST' : got < wanted ? 'PARTIAL' : 'WON';
        await this.transitions.systemTransition(
          DRAWN[state],
          { ids: [r.id] },
          {
            priority: priority.has(r.householdId),
            drawPosition: position.get(r.householdId) ?? null,
            allocated: JSON.stringify(given.map(([itemId, quantity]) => ({ itemId, quantity }))),
            orderId: orderIds.get(r.householdId) ?? null,
            updatedAt: now,
          },
        );
      }
      await this.audit.record(actor, {
        action: 'window.allocate',
        targetType: 'window',
        targetId: windowId,
        details: { seed, registrations: registrations.length },
      });
    });
    return this.allocation(actor, windowId);
  }

  /** Orders for the winners, in bulk; one order per household per fair-share window. */
  private async createOrders(
    window: OrderingWindow,
    offers: Offer[],
    registrations: Registration[],
    given: Map<number, Map<number, number>>,
    now: Date,
  ): Promise<Map<number, number>> {
    const manager = this.db.manager;
    const paid = window.paymentMode !== 'wechat';
    const winners = registrations.filter((r) => [...(given.get(r.householdId)?.values() ?? [])].some((q) => q > 0));
    const rows = winners.map((r) => {
      const lines = [...(given.get(r.householdId) ?? new Map<number, number>()).entries()].filter(([, q]) => q > 0);
      const total = lines.reduce((sum, [itemId, q]) => sum + (offers.find((o) => o.itemId === itemId)?.priceFen ?? 0) * q, 0);
      return {
        communityId: window.communityId,
        windowId: window.id,
        householdId: r.householdId,
        placedBy: r.userId,
        proxy: false,
        state: paid ? ('CONFIRMED' as const) : ('PENDING_PAYMENT' as const),
        paymentMode: window.paymentMode,
        totalFen: total,
        note: '公平分配中签',
        expiresAt: paid ? null : new Date(now.getTime() + this.config.paymentTimeoutMinutes * 60_000),
        createdAt: now,
        updatedAt: now,
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await manager
        .createQueryBuilder()
        .insert()
        .into(Order)
        .values(rows.slice(i, i + 500))
        .updateEntity(false)
        .execute();
    const created = (await manager.find(Order, { where: { windowId: window.id }, select: ['id', 'householdId'] })).filter((o) =>
      winners.some((w) => w.householdId === o.householdId),
    );
    const ids = new Map(created.map((o) => [o.householdId, o.id]));
    const lines = winners.flatMap((r) =>
      [...(given.get(r.householdId) ?? new Map<number, number>()).entries()]
        .filter(([, q]) => q > 0)
        .map(([itemId, quantity]) => {
          const offer = offers.find((o) => o.itemId === itemId) as Offer;
          return {
            orderId: ids.get(r.householdId) as number,
            windowItemId: offer.windowItemId,
            itemId,
            name: offer.name,
            quantity,
            unitPriceFen: offer.priceFen,
          };
        }),
    );
    for (let i = 0; i < lines.length; i += 500)
      await manager
        .createQueryBuilder()
        .insert()
        .into(OrderLine)
        .values(lines.slice(i, i + 500))
        .updateEntity(false)
        .execute();
    return ids;
  }

  /**
   * The published draw: seed, method, totals and the draw order. Staff see doors in full;
   * residents of the community see them masked (3栋1单元**01).
   */
  async allocation(actor: Actor, windowId: number): Promise<AllocationView> {
    const window = await this.catalog.staffVisibleWindow(windowId);
    const staffHere = isStaffOf(actor, window.communityId);
    if (!staffHere) {
      if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
      const household = await this.households.find(actor.householdId);
      if (household.communityId !== window.communityId) throw new DomainError('WINDOW_NOT_FOUND');
    }
    if (!window.allocatedAt || !window.allocationSeed) throw new DomainError('NOT_ALLOCATED');
    const registrations = (
      await this.db.repo(Registration).find({ where: { windowId }, order: { drawPosition: 'ASC', id: 'ASC' } })
    ).filter((r) => r.drawPosition !== null);
    const offers = await this.catalog.offers(windowId);
    const stockNow = await this.catalog.stockOf(windowId);
    const doors = await this.households.doors(registrations.map((r) => r.householdId));
    const units = (json: string | null): Units => (json ? (JSON.parse(json) as Units) : []);
    const sum = (list: Units, itemId?: number): number =>
      list.filter((u) => itemId === undefined || u.itemId === itemId).reduce((a, u) => a + u.quantity, 0);
    return {
      windowId,
      seed: window.allocationSeed,
      allocatedAt: new Date(window.allocatedAt).toISOString(),
      method: LOTTERY_METHOD,
      households: registrations.length,
      winners: registrations.filter((r) => sum(units(r.allocated)) > 0).length,
      items: offers.map((o) => {
        const allocated = registrations.reduce((a, r) => a + sum(units(r.allocated), o.itemId), 0);
        return {
          itemId: o.itemId,
          name: o.name,
          stock: (stockNow.get(o.windowItemId) ?? 0) + allocated,
          requested: registrations.reduce((a, r) => a + sum(units(r.requested), o.itemId), 0),
          allocated,
        };
      }),
      draw: registrations.map((r) => {
        const d = doors.get(r.householdId);
        const door = d ? `${d.building}${d.unit}${staffHere ? d.room : `**${d.room.slice(-2)}`}` : '';
        return {
          position: r.drawPosition ?? 0,
          door,
          priority: Boolean(r.priority),
          requested: sum(units(r.requested)),
          allocated: sum(units(r.allocated)),
        };
      }),
    };
  }

  private async own(actor: Actor, windowId: number): Promise<Registration> {
    if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
    const registration = await this.db.repo(Registration).findOneBy({ windowId, householdId: actor.householdId });
    if (!registration) throw new DomainError('REGISTRATION_NOT_FOUND');
    return registration;
  }

  private view(r: Registration, offers: Offer[]): RegistrationView {
    const named = (json: string | null): RegistrationView['requested'] =>
      (json ? (JSON.parse(json) as Units) : []).map((u) => ({
        itemId: u.itemId,
        name: offers.find((o) => o.itemId === u.itemId)?.name ?? '',
        quantity: u.quantity,
      }));
    return {
      windowId: r.windowId,
      householdId: r.householdId,
      state: r.state,
      requested: named(r.requested),
      allocated: named(r.allocated),
      orderId: r.orderId,
      priority: Boolean(r.priority),
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }
}
