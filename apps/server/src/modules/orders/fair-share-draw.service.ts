import { Inject, Injectable } from '@nestjs/common';
import type { AllocationView, RegistrationState } from '@linli/shared-types';
import { In } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
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
import { FairShareViews, sum, units, type Units } from './fair-share-views';
import { allocate, secondRound, type Allocation, type Entry, type Shares } from './lottery';
import { OrderMessages } from './order-messages';
import { OrdersService } from './orders.service';

type Outcome = 'WON' | 'PARTIAL' | 'LOST';

/** The draw decides each registration: all it asked for, some of it, or nothing. */
const DRAWN = {
  WON: defineMove(REGISTRATION_WORKFLOW, 'REGISTERED', 'WON'),
  PARTIAL: defineMove(REGISTRATION_WORKFLOW, 'REGISTERED', 'PARTIAL'),
  LOST: defineMove(REGISTRATION_WORKFLOW, 'REGISTERED', 'LOST'),
} satisfies Record<Outcome, unknown>;

/** The second round gives a household that lost, or got part, (more of) what came back. */
const REDRAWN = {
  'LOST→WON': defineMove(REGISTRATION_WORKFLOW, 'LOST', 'WON'),
  'LOST→PARTIAL': defineMove(REGISTRATION_WORKFLOW, 'LOST', 'PARTIAL'),
  'PARTIAL→WON': defineMove(REGISTRATION_WORKFLOW, 'PARTIAL', 'WON'),
} satisfies Partial<Record<`${RegistrationState}→${Outcome}`, unknown>>;

/** Orders a round's units no longer hold: given back, or never paid for. */
const DEAD: readonly string[] = ['CANCELLED', 'EXPIRED'];

const outcome = (wanted: number, got: number): Outcome => (got === 0 ? 'LOST' : got < wanted ? 'PARTIAL' : 'WON');

/** itemId → units, from stored JSON. */
const wantsOf = (json: string | null): Map<number, number> => new Map(units(json).map((u) => [u.itemId, u.quantity]));

/** A household's share as stored JSON (units given only). */
const stored = (share: Map<number, number> | undefined): string =>
  JSON.stringify(
    [...(share ?? new Map<number, number>()).entries()].filter(([, q]) => q > 0).map(([itemId, quantity]) => ({ itemId, quantity })),
  );

/**
 * The draws of a fair-share window: the lottery at close (round 1), and one second round over
 * what is left. Each round is claimed once by a conditional UPDATE on the window, takes stock
 * by the same conditional UPDATE as any order, and makes an order for each household it gives
 * something to — in one transaction.
 *
 * The second round's rules (issue 12):
 * - It draws the stock there is when it runs: units given back by cancelled orders and by
 *   winners who did not pay in time, and anything never drawn.
 * - It draws the households that lost and those that got part (while their order stands);
 *   not one that won in full, nor one that gave its win back or let it lapse.
 * - It is refused while any winner of round 1 can still pay (FIRST_ROUND_PAYING): their units
 *   are theirs until their deadline. Wins past their deadline lapse first, in the same command,
 *   so staff need not wait for the expiry sweep.
 * - It uses no new seed: it goes down round 1's published order (see lottery.ts secondRound).
 * - It is refused, and not used up, when it would give nothing (NOTHING_TO_DRAW).
 */
@Injectable()
export class FairShareDraw {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly households: HouseholdsService,
    private readonly orders: OrdersService,
    private readonly transitions: Transitions,
    private readonly views: FairShareViews,
    private readonly messages: OrderMessages,
  ) {}

  /**
   * Runs the draw once for a closed fair-share window with the seed committed when the window
   * was created (staff choose none). A second run is ALREADY_ALLOCATED.
   */
  async allocate(actor: Actor, windowId: number): Promise<AllocationView> {
    const window = await this.catalog.staffWindow(actor, windowId);
    if (window.mode !== 'fair') throw new DomainError('WINDOW_NOT_FAIR_SHARE');
    if (window.allocatedAt) throw new DomainError('ALREADY_ALLOCATED');
    if (windowPhase(window, this.clock.now()) !== 'CLOSED') throw new DomainError('WINDOW_STILL_OPEN');
    const seed = window.allocationSeed;
    if (!seed) throw new Error(`fair-share window ${windowId} has no committed seed`);
    await this.db.transaction(async () => {
      const now = this.clock.now();
      const payBy = this.payBy(window, now);
      if (!(await this.catalog.claimAllocation(windowId, now, payBy))) throw new DomainError('ALREADY_ALLOCATED');
      const registrations = await this.db.repo(Registration).find({ where: { windowId, state: 'REGISTERED' }, order: { id: 'ASC' } });
      const priority = await this.households.priorityOf(registrations.map((r) => r.householdId));
      const offers = await this.catalog.offers(windowId);
      const entries: Entry[] = registrations.map((r) => ({
        householdId: r.householdId,
        priority: priority.has(r.householdId),
        wants: wantsOf(r.requested),
      }));
      const result = allocate(entries, await this.stockByItem(windowId, offers), seed);
      await this.takeStock(offers, result.totals);
      const orderIds = await this.createOrders(window, offers, registrations, result.given, { now, payBy, note: '公平分配中签' });
      const position = new Map(result.order.map((id, i) => [id, i + 1]));
      for (const r of registrations) {
        const given = result.given.get(r.householdId);
        const drawn = outcome(sum(units(r.requested)), sum(units(stored(given))));
        const orderId = orderIds.get(r.householdId) ?? null;
        await this.messages.drawn(window, { householdId: r.householdId, outcome: drawn, orderId, payBy }, 1);
        await this.transitions.systemTransition(
          DRAWN[drawn],
          { ids: [r.id] },
          {
            priority: priority.has(r.householdId),
            drawPosition: position.get(r.householdId) ?? null,
            allocated: stored(given),
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
    return this.views.allocation(actor, windowId);
  }

  /** Runs the second round once, over what is left, for the households round 1 did not serve in full (rules above). */
  async secondRound(actor: Actor, windowId: number): Promise<AllocationView> {
    const window = await this.catalog.staffWindow(actor, windowId);
    if (window.mode !== 'fair') throw new DomainError('WINDOW_NOT_FAIR_SHARE');
    if (!window.allocatedAt) throw new DomainError('NOT_ALLOCATED');
    if (window.secondRoundAt) throw new DomainError('SECOND_ROUND_DONE');
    await this.db.transaction(async () => {
      const now = this.clock.now();
      const drawn = await this.db
        .repo(Registration)
        .find({ where: { windowId, state: In(['WON', 'PARTIAL', 'LOST']) }, order: { drawPosition: 'ASC' } });
      const orderStates = await this.settleFirstRound(window, drawn, now);
      const again = drawn.filter(
        (r) =>
          r.state === 'LOST' || (r.state === 'PARTIAL' && r.orderId !== null && !DEAD.includes(orderStates.get(r.orderId) ?? 'CANCELLED')),
      );
      const offers = await this.catalog.offers(windowId);
      const stock = await this.stockByItem(windowId, offers);
      const payBy = this.payBy(window, now);
      const drawable = JSON.stringify([...stock.entries()].map(([itemId, quantity]) => ({ itemId, quantity })));
      if (!(await this.catalog.claimSecondRound(windowId, now, payBy, drawable))) throw new DomainError('SECOND_ROUND_DONE');
      const held: Shares = new Map(again.map((r) => [r.householdId, wantsOf(r.allocated)]));
      const entries: Entry[] = again.map((r) => ({
        householdId: r.householdId,
        priority: Boolean(r.priority),
        wants: wantsOf(r.requested),
      }));
      const firstOrder = drawn.map((r) => r.householdId);
      const result = secondRound(firstOrder, entries, held, stock);
      // A round that gives nothing is not used up: what comes back later can still be drawn.
      if ([...result.totals.values()].every((n) => n === 0)) throw new DomainError('NOTHING_TO_DRAW');
      await this.takeStock(offers, result.totals);
      const orderIds = await this.createOrders(window, offers, again, result.given, { now, payBy, note: '公平分配第二轮中签' });
      await this.recordSecondRound(again, result, orderIds, now);
      for (const r of again) {
        const orderId = orderIds.get(r.householdId) ?? null;
        if (orderId !== null) await this.messages.drawn(window, { householdId: r.householdId, outcome: 'WON', orderId, payBy }, 2);
      }
      await this.audit.record(actor, {
        action: 'window.second-round',
        targetType: 'window',
        targetId: windowId,
        details: { drawn: again.length, winners: orderIds.size },
      });
    });
    return this.views.allocation(actor, windowId);
  }

  /** Each registration drawn again: its place and share in the second round, and its state when that changed it. */
  private async recordSecondRound(again: Registration[], result: Allocation, orderIds: Map<number, number>, now: Date): Promise<void> {
    const position = new Map(result.order.map((id, i) => [id, i + 1]));
    for (const r of again) {
      const given = stored(result.given.get(r.householdId));
      const next = outcome(sum(units(r.requested)), sum(units(r.allocated)) + sum(units(given)));
      const set = {
        round2Position: position.get(r.householdId) ?? null,
        round2Allocated: given,
        round2OrderId: orderIds.get(r.householdId) ?? null,
        updatedAt: now,
      };
      const move = `${r.state}→${next}`;
      if (move in REDRAWN) await this.transitions.systemTransition(REDRAWN[move as keyof typeof REDRAWN], { ids: [r.id] }, set);
      // Still lost, or still partial: no state to move, only its place and share in this round.
      else if (next === r.state) await this.db.repo(Registration).update({ id: r.id }, set);
      else throw new Error(`the second round cannot move a registration ${move}`);
    }
  }

  /**
   * Round 1's orders by id, once none can still be paid: refused while a winner is within their
   * pay-by time; wins past it lapse now (their units come back) rather than at the next sweep.
   */
  private async settleFirstRound(window: OrderingWindow, drawn: Registration[], now: Date): Promise<Map<number, string>> {
    const ids = drawn.map((r) => r.orderId).filter((id): id is number => id !== null);
    const read = async (): Promise<Order[]> =>
      ids.length ? this.db.repo(Order).find({ where: { id: In(ids) }, select: ['id', 'state', 'expiresAt'] }) : [];
    let orders = await read();
    const pending = orders.filter((o) => o.state === 'PENDING_PAYMENT');
    const open = pending.filter((o) => o.expiresAt === null || new Date(o.expiresAt) > now);
    if (open.length > 0) {
      const last = Math.max(...open.map((o) => (o.expiresAt ? new Date(o.expiresAt).getTime() : now.getTime())));
      throw new DomainError('FIRST_ROUND_PAYING', { payBy: (window.payBy ? new Date(window.payBy) : new Date(last)).toISOString() });
    }
    if (pending.length > 0) {
      await this.orders.expireDue();
      orders = await read();
      if (orders.some((o) => o.state === 'PENDING_PAYMENT')) throw new DomainError('FIRST_ROUND_PAYING', { payBy: now.toISOString() });
    }
    return new Map(orders.map((o) => [o.id, o.state]));
  }

  /** WeChat Pay windows: when a round's winners must have paid. */
  private payBy(window: OrderingWindow, now: Date): Date | null {
    return window.paymentMode === 'wechat' ? new Date(now.getTime() + this.config.fairSharePayHours * 3600_000) : null;
  }

  /** Stock left per item (not per window item), read inside the round's transaction. */
  private async stockByItem(windowId: number, offers: Offer[]): Promise<Map<number, number>> {
    const stock = await this.catalog.stockOf(windowId);
    return new Map(offers.map((o) => [o.itemId, stock.get(o.windowItemId) ?? 0]));
  }

  private async takeStock(offers: Offer[], totals: Map<number, number>): Promise<void> {
    for (const offer of offers) {
      const total = totals.get(offer.itemId) ?? 0;
      if (total > 0) await this.catalog.takeStock(offer, total);
    }
  }

  /** Orders for a round's winners, in bulk: householdId → the order made in this round. */
  private async createOrders(
    window: OrderingWindow,
    offers: Offer[],
    registrations: Registration[],
    given: Shares,
    round: { now: Date; payBy: Date | null; note: string },
  ): Promise<Map<number, number>> {
    const manager = this.db.manager;
    const paid = window.paymentMode !== 'wechat';
    const share = (r: Registration): Units => units(stored(given.get(r.householdId)));
    const winners = registrations.filter((r) => share(r).length > 0);
    if (winners.length === 0) return new Map();
    const offer = (itemId: number): Offer => offers.find((o) => o.itemId === itemId) as Offer;
    const before = (await manager
      .createQueryBuilder(Order, 'o')
      .select('MAX(o.id)', 'id')
      .where('o.window_id = :w', { w: window.id })
      .getRawOne()) as { id: number | string | null } | undefined;
    const rows = winners.map((r) => ({
      communityId: window.communityId,
      windowId: window.id,
      householdId: r.householdId,
      placedBy: r.userId,
      // Registered by someone acting for the household: its order is a proxy order too.
      proxy: r.proxyKind !== null,
      state: paid ? ('CONFIRMED' as const) : ('PENDING_PAYMENT' as const),
      paymentMode: window.paymentMode,
      totalFen: share(r).reduce((a, u) => a + offer(u.itemId).priceFen * u.quantity, 0),
      note: round.note,
      expiresAt: paid ? null : round.payBy,
      createdAt: round.now,
      updatedAt: round.now,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await manager
        .createQueryBuilder()
        .insert()
        .into(Order)
        .values(rows.slice(i, i + 500))
        .updateEntity(false)
        .execute();
    // This round's orders are the window's orders after the last one before it (fair-share windows take no other orders).
    const created = await manager
      .createQueryBuilder(Order, 'o')
      .select(['o.id', 'o.householdId'])
      .where('o.window_id = :w AND o.id > :last', { w: window.id, last: Number(before?.id ?? 0) })
      .getMany();
    const ids = new Map(created.map((o) => [o.householdId, o.id]));
    const lines = winners.flatMap((r) =>
      share(r).map((u) => ({
        orderId: ids.get(r.householdId) as number,
        windowItemId: offer(u.itemId).windowItemId,
        itemId: u.itemId,
        name: offer(u.itemId).name,
        quantity: u.quantity,
        unitPriceFen: offer(u.itemId).priceFen,
      })),
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
}
