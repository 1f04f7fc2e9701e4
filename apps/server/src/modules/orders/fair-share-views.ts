import { Injectable } from '@nestjs/common';
import type { AllocationView, DrawRoundView, DrawRow, OrderState, RegistrationView, RoundWin } from '@linli/shared-types';
import { In } from 'typeorm';
import { isStaffOf } from '../../common/access';
import type { Actor } from '../../common/actor';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { CatalogService, type Offer } from '../catalog/catalog.service';
import type { OrderingWindow } from '../catalog/entities/window.entity';
import { HouseholdsService } from '../community/households.service';
import { UsersService } from '../community/users.service';
import { Order } from './entities/order.entity';
import { Registration } from './entities/registration.entity';
import { LOTTERY_METHOD } from './lottery';

/** JSON [{ itemId, quantity }] as stored on registrations and windows. */
export type Units = { itemId: number; quantity: number }[];

export const units = (json: string | null): Units => (json ? (JSON.parse(json) as Units) : []);

/** Units of one item, or of all. */
export const sum = (list: Units, itemId?: number): number =>
  list.filter((u) => itemId === undefined || u.itemId === itemId).reduce((a, u) => a + u.quantity, 0);

const iso = (at: Date | null): string | null => (at ? new Date(at).toISOString() : null);

/** Who is looking at a published draw: staff of the community see all; a resident sees their own household's secrets only. */
interface Viewer {
  staff: boolean;
  householdId: number | null;
}

/** What fair share shows: the published draw of both rounds, and a household's registration with its wins. */
@Injectable()
export class FairShareViews {
  constructor(
    private readonly db: Db,
    private readonly catalog: CatalogService,
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
  ) {}

  /**
   * The published draw: the seed's hash as published beforehand and the seed revealed, the
   * method, and each round's figures and order. Staff see doors in full and every priority; a
   * resident of the community sees doors masked (3栋1单元**01) and only their own household's
   * priority. (Priority households are served first, so a priority household can tell that the
   * rows above its own are priority ones too; nobody else can tell where that group ends.)
   */
  async allocation(actor: Actor, windowId: number): Promise<AllocationView> {
    const window = await this.catalog.staffVisibleWindow(windowId);
    const viewer: Viewer = { staff: isStaffOf(actor, window.communityId), householdId: actor.householdId };
    if (!viewer.staff) {
      if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
      const household = await this.households.find(actor.householdId);
      if (household.communityId !== window.communityId) throw new DomainError('WINDOW_NOT_FOUND');
    }
    if (!window.allocatedAt || !window.allocationSeed) throw new DomainError('NOT_ALLOCATED');
    const registrations = (
      await this.db.repo(Registration).find({ where: { windowId }, order: { drawPosition: 'ASC', id: 'ASC' } })
    ).filter((r) => r.drawPosition !== null);
    const offers = await this.catalog.offers(windowId);
    const doors = await this.households.doors(registrations.map((r) => r.householdId));
    const row = (r: Registration, position: number, requested: number, allocated: number): DrawRow => {
      const d = doors.get(r.householdId);
      const mine = r.householdId === viewer.householdId;
      return {
        position,
        door: d ? `${d.building}${d.unit}${viewer.staff ? d.room : `**${d.room.slice(-2)}`}` : '',
        priority: viewer.staff || mine ? Boolean(r.priority) : null,
        mine,
        requested,
        allocated,
      };
    };
    // Every unit of a fair-share window is either in stock or sold: stock + sold is what there was to draw.
    const items = (await this.catalog.windowView(window)).items;
    const first: DrawRoundView = {
      round: 1,
      drawnAt: new Date(window.allocatedAt).toISOString(),
      payBy: iso(window.payBy),
      households: registrations.length,
      winners: registrations.filter((r) => sum(units(r.allocated)) > 0).length,
      items: offers.map((o) => ({
        itemId: o.itemId,
        name: o.name,
        stock: items.filter((i) => i.itemId === o.itemId).reduce((a, i) => a + i.stock + i.sold, 0),
        requested: registrations.reduce((a, r) => a + sum(units(r.requested), o.itemId), 0),
        allocated: registrations.reduce((a, r) => a + sum(units(r.allocated), o.itemId), 0),
      })),
      draw: registrations.map((r) => row(r, r.drawPosition ?? 0, sum(units(r.requested)), sum(units(r.allocated)))),
    };
    return {
      ...first,
      windowId,
      seedHash: window.seedHash,
      seedHashPublishedAt: window.seedHash ? new Date(window.createdAt).toISOString() : null,
      seed: window.allocationSeed,
      allocatedAt: first.drawnAt,
      method: LOTTERY_METHOD,
      secondRound: this.secondRound(window, registrations, offers, row),
    };
  }

  /** The second round as published: the households drawn again, in its order. */
  private secondRound(
    window: OrderingWindow,
    registrations: Registration[],
    offers: Offer[],
    row: (r: Registration, position: number, requested: number, allocated: number) => DrawRow,
  ): DrawRoundView | null {
    if (!window.secondRoundAt) return null;
    const drawn = registrations.filter((r) => r.round2Position !== null).sort((a, b) => (a.round2Position ?? 0) - (b.round2Position ?? 0));
    const left = (r: Registration, itemId?: number): number => sum(units(r.requested), itemId) - sum(units(r.allocated), itemId);
    const stock = units(window.secondRoundStock);
    return {
      round: 2,
      drawnAt: new Date(window.secondRoundAt).toISOString(),
      payBy: iso(window.secondRoundPayBy),
      households: drawn.length,
      winners: drawn.filter((r) => sum(units(r.round2Allocated)) > 0).length,
      items: offers.map((o) => ({
        itemId: o.itemId,
        name: o.name,
        stock: sum(stock, o.itemId),
        requested: drawn.reduce((a, r) => a + left(r, o.itemId), 0),
        allocated: drawn.reduce((a, r) => a + sum(units(r.round2Allocated), o.itemId), 0),
      })),
      draw: drawn.map((r) => row(r, r.round2Position ?? 0, left(r), sum(units(r.round2Allocated)))),
    };
  }

  /** A household's registration: its wish, and what each round gave it, with the order and its pay-by time. */
  async registration(r: Registration, window: OrderingWindow, offers: Offer[]): Promise<RegistrationView> {
    const named = (list: Units): RegistrationView['requested'] =>
      list.map((u) => ({ itemId: u.itemId, name: offers.find((o) => o.itemId === u.itemId)?.name ?? '', quantity: u.quantity }));
    const orderIds = [r.orderId, r.round2OrderId].filter((id): id is number => id !== null);
    const states = new Map<number, OrderState>(
      orderIds.length
        ? (await this.db.repo(Order).find({ where: { id: In(orderIds) }, select: ['id', 'state'] })).map((o) => [o.id, o.state])
        : [],
    );
    const win = (round: 1 | 2, given: string | null, orderId: number | null, payBy: Date | null): RoundWin[] =>
      orderId !== null && sum(units(given)) > 0
        ? [{ round, allocated: named(units(given)), orderId, orderState: states.get(orderId) ?? 'CANCELLED', payBy: iso(payBy) }]
        : [];
    const wins = [...win(1, r.allocated, r.orderId, window.payBy), ...win(2, r.round2Allocated, r.round2OrderId, window.secondRoundPayBy)];
    const total = new Map<number, number>();
    for (const u of [...units(r.allocated), ...units(r.round2Allocated)]) total.set(u.itemId, (total.get(u.itemId) ?? 0) + u.quantity);
    return {
      windowId: r.windowId,
      householdId: r.householdId,
      state: r.state,
      requested: named(units(r.requested)),
      allocated: named([...total.entries()].filter(([, q]) => q > 0).map(([itemId, quantity]) => ({ itemId, quantity }))),
      orderId: r.orderId ?? r.round2OrderId,
      priority: Boolean(r.priority),
      round: wins.at(-1)?.round ?? null,
      wins,
      registeredBy: { userId: r.userId, nickname: (await this.users.nicknames([r.userId])).get(r.userId) ?? '', as: r.proxyKind ?? null },
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }
}
