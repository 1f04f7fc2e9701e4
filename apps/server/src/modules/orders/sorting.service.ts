import { Injectable } from '@nestjs/common';
import { BAG_STATE_LABELS, type BagView, type BuildingBagsView, type SortingProgress } from '@linli/shared-types';
import { hasRole, type Actor } from '../../common/actor';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { OrderingWindow } from '../catalog/entities/window.entity';
import { SortingLine, type LineBag } from '../parcels/sorting-line';
import { VolunteersService } from '../parcels/volunteers.service';
import { OrderShortages } from './order-shortages';

/**
 * The sorting line's screens (issue 19): the packing squad (volunteers of the sorting squad) or
 * staff work a packed window building by building — each bag's lines checked, what is short
 * reported, the label scanned to mark it ready — and staff see the progress per building.
 */
@Injectable()
export class SortingService {
  constructor(
    private readonly db: Db,
    private readonly line: SortingLine,
    private readonly shortages: OrderShortages,
    private readonly volunteers: VolunteersService,
  ) {}

  /** Staff of the community, or a volunteer of its sorting squad; anyone else SORTING_NOT_ALLOWED. */
  async sorter(actor: Actor): Promise<number> {
    if (actor.communityId === null) throw new DomainError('SORTING_NOT_ALLOWED');
    if (hasRole(actor, 'staff', 'supervisor')) return actor.communityId;
    const squad = (await this.volunteers.squadsOf(actor.communityId, [actor.userId])).get(actor.userId)?.squad;
    if (hasRole(actor, 'volunteer') && squad === 'sorting') return actor.communityId;
    throw new DomainError('SORTING_NOT_ALLOWED');
  }

  private async window(communityId: number, windowId: number): Promise<OrderingWindow> {
    const w = await this.db.repo(OrderingWindow).findOneBy({ id: windowId, communityId });
    if (!w) throw new DomainError('WINDOW_NOT_FOUND');
    return w;
  }

  async progress(actor: Actor, windowId: number): Promise<SortingProgress> {
    const communityId = await this.sorter(actor);
    const w = await this.window(communityId, windowId);
    const bags = await this.line.bags(communityId, `window:${w.id}`, null);
    const short = await this.shortBags(bags);
    const names = new Map(
      (await this.db.rows<{ id: number; name: string }>('SELECT id, name FROM buildings WHERE community_id = ?', [communityId])).map(
        (b) => [Number(b.id), b.name],
      ),
    );
    const buildings = [...new Set(bags.map((b) => b.buildingId))].map((buildingId) => {
      const mine = bags.filter((b) => b.buildingId === buildingId);
      return {
        buildingId,
        name: names.get(buildingId) ?? '',
        bags: mine.length,
        ready: mine.filter((b) => b.readyAt !== null).length,
        short: mine.filter((b) => short.has(b.parcelId)).length,
      };
    });
    return {
      windowId: w.id,
      title: w.title,
      bags: bags.length,
      ready: bags.filter((b) => b.readyAt !== null).length,
      short: short.size,
      buildings,
    };
  }

  async building(actor: Actor, windowId: number, buildingId: number): Promise<BuildingBagsView> {
    const communityId = await this.sorter(actor);
    const w = await this.window(communityId, windowId);
    const bags = await this.line.bags(communityId, `window:${w.id}`, buildingId);
    const [b] = await this.db.rows<{ name: string }>('SELECT name FROM buildings WHERE id = ? AND community_id = ?', [
      buildingId,
      communityId,
    ]);
    return { windowId: w.id, buildingId, building: b?.name ?? '', bags: await this.views(bags) };
  }

  async reportShort(actor: Actor, parcelId: number, lines: { orderLineId: number; missing: number }[]): Promise<BagView> {
    const communityId = await this.sorter(actor);
    await this.shortages.report(communityId, actor.userId, parcelId, lines);
    return this.bag(communityId, parcelId);
  }

  async scan(actor: Actor, token: string): Promise<BagView> {
    const communityId = await this.sorter(actor);
    const parcel = await this.line.markReady(communityId, actor.userId, token);
    return this.bag(communityId, parcel.id);
  }

  private async bag(communityId: number, parcelId: number): Promise<BagView> {
    const parcel = await this.line.onTheLine(communityId, parcelId).catch(async (e: unknown) => {
      if (e instanceof DomainError && e.code === 'BAG_GONE') return null;
      throw e;
    });
    const found = parcel
      ? (await this.line.bags(communityId, parcel.batch, parcel.buildingId)).find((b) => b.parcelId === parcelId)
      : undefined;
    if (!found) throw new DomainError('BAG_GONE');
    return (await this.views([found]))[0]!;
  }

  private async views(bags: LineBag[]): Promise<BagView[]> {
    const lines = await this.shortages.lines(bags.flatMap((b) => b.orderIds));
    return bags.map((b) => {
      const mine = lines.filter((l) => b.orderIds.includes(l.orderId));
      const state = b.readyAt ? 'READY' : 'WAITING';
      return {
        parcelId: b.parcelId,
        householdId: b.householdId,
        door: b.door,
        state,
        stateLabel: BAG_STATE_LABELS[state],
        lines: mine.map((l) => ({ orderLineId: l.id, orderId: l.orderId, name: l.name, quantity: l.quantity, missing: l.missing })),
        shortFen: mine.reduce((sum, l) => sum + l.missing * l.unitPriceFen, 0),
        readyAt: b.readyAt ? b.readyAt.toISOString() : null,
      };
    });
  }

  private async shortBags(bags: LineBag[]): Promise<Set<number>> {
    const lines = await this.shortages.lines(bags.flatMap((b) => b.orderIds));
    const shortOrders = new Set(lines.filter((l) => l.missing > 0).map((l) => l.orderId));
    return new Set(bags.filter((b) => b.orderIds.some((o) => shortOrders.has(o))).map((b) => b.parcelId));
  }
}
