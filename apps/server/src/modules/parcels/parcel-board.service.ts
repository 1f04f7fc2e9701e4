import { Injectable } from '@nestjs/common';
import {
  LATE_AFTER_MINUTES,
  MISSES_TO_STAFF,
  type CashRow,
  type DeliveryOverview,
  type DispatchResult,
  type LateParcelView,
  type Page,
  type ParcelDetail,
  type ParcelSourceType,
  type ParcelState,
  type ParcelView,
  type ResolveTarget,
  type StaffParcelQuery,
} from '@linli/shared-types';
import { In, IsNull, MoreThan, Not } from 'typeorm';
import { staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { pageWindow } from '../../common/page-query.dto';
import { HouseholdsService } from '../community/households.service';
import { UsersService } from '../community/users.service';
import { planDispatch } from './dispatch-plan';
import { ParcelEvent } from './entities/parcel-event.entity';
import { ParcelMiss } from './entities/parcel-miss.entity';
import { Parcel } from './entities/parcel.entity';
import type { Label, VolunteerSheet } from './labels';
import { ParcelFlow, type SourceRef } from './parcel-flow';
import { parcelRelations, ParcelViews } from './parcel-views';
import { VolunteersService } from './volunteers.service';

const HELD: ParcelState[] = ['ASSIGNED', 'ACCEPTED', 'PICKED_UP'];

/** Parcels read (and labels drawn) at a time for a labels PDF. */
const LABEL_CHUNK = 500;

/**
 * Staff's side of delivery: dispatch in one click, adjustments by hand, failed parcels
 * resolved, the live board, lists, labels and per-volunteer pick lists, a parcel's timeline.
 */
@Injectable()
export class ParcelBoardService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
    private readonly flow: ParcelFlow,
    private readonly views: ParcelViews,
    private readonly volunteers: VolunteersService,
  ) {}

  /**
   * One click: every READY parcel of the community to an on-duty volunteer covering its
   * building, balanced by count within capacity. Each parcel moves by a conditional UPDATE on
   * READY, so a volunteer grabbing one at the same moment wins or loses cleanly.
   */
  async dispatch(actor: Actor): Promise<DispatchResult> {
    const communityId = staffCommunity(actor);
    // The READY parcels with their first source (what the household's message opens), in one read.
    const rows = await this.db.rows<{
      id: number;
      buildingId: number;
      householdId: number;
      sourceType: ParcelSourceType | null;
      sourceId: number | null;
    }>(
      `SELECT p.id, p.building_id AS buildingId, p.household_id AS householdId, s.source_type AS sourceType, s.source_id AS sourceId
       FROM parcels p LEFT JOIN parcel_sources s ON s.parcel_id = p.id
       WHERE p.community_id = ? AND p.state = ? AND p.miss_count < ? ORDER BY p.id, s.id`,
      [communityId, 'READY', MISSES_TO_STAFF],
    );
    // Who let each of them go before (one read): never given it again. Those let go MISSES_TO_STAFF times wait for staff.
    const misses = await this.db.rows<{ parcelId: number; volunteerId: number }>(
      `SELECT m.parcel_id AS parcelId, m.volunteer_id AS volunteerId FROM parcel_misses m JOIN parcels p ON p.id = m.parcel_id
       WHERE p.community_id = ? AND p.state = ? AND p.miss_count < ?`,
      [communityId, 'READY', MISSES_TO_STAFF],
    );
    const missedBy = new Map<number, number[]>();
    for (const m of misses) missedBy.set(Number(m.parcelId), [...(missedBy.get(Number(m.parcelId)) ?? []), Number(m.volunteerId)]);
    const ready = new Map<
      number,
      { id: number; buildingId: number; householdId: number; missedBy?: number[]; firstSource: SourceRef | undefined }
    >();
    for (const r of rows) {
      const id = Number(r.id);
      if (ready.has(id)) continue;
      ready.set(id, {
        id,
        buildingId: Number(r.buildingId),
        householdId: Number(r.householdId),
        missedBy: missedBy.get(id),
        firstSource: r.sourceType === null ? undefined : { sourceType: r.sourceType, sourceId: Number(r.sourceId) },
      });
    }
    const onDuty = await this.volunteers.onDuty(communityId);
    const held = onDuty.length
      ? ((await this.db.manager
          .createQueryBuilder(Parcel, 'p')
          .select('p.volunteer_id', 'volunteerId')
          .addSelect('COUNT(*)', 'n')
          .where('p.volunteer_id IN (:...ids) AND p.state IN (:...states)', { ids: onDuty.map((p) => p.userId), states: HELD })
          .groupBy('p.volunteer_id')
          .getRawMany()) as { volunteerId: number; n: string | number }[])
      : [];
    const load = new Map(held.map((h) => [Number(h.volunteerId), Number(h.n)]));
    const plan = planDispatch(
      [...ready.values()],
      onDuty.map((v) => ({ ...v, load: load.get(v.userId) ?? 0 })),
    );
    const assignments = [...plan.assignments].map(([parcelId, volunteerId]) => ({
      ...(ready.get(parcelId) as { id: number; householdId: number; firstSource: SourceRef | undefined }),
      volunteerId,
    }));
    const assigned = await this.flow.dispatch(actor, assignments);
    const volunteers = new Set(plan.assignments.values()).size;
    await this.audit.record(actor, { action: 'parcels.dispatch', targetType: 'community', targetId: communityId, details: { assigned } });
    return { assigned, unassigned: plan.unassigned.length, volunteers };
  }

  /**
   * Staff adjust the plan by hand: a parcel not yet picked up goes to this volunteer (or back to
   * the pool with null). Taking it from another volunteer is recorded as two moves.
   */
  async assign(actor: Actor, id: number, volunteerId: number | null): Promise<ParcelView> {
    let parcel = await this.communityParcel(actor, id);
    if (volunteerId !== null) await this.volunteers.requireVolunteer(parcel.communityId, volunteerId);
    if (parcel.volunteerId === volunteerId && parcel.state !== 'READY') return this.staffView(actor, id);
    if (parcel.state === 'ASSIGNED' || parcel.state === 'ACCEPTED') {
      parcel = await this.flow.move(actor, parcelRelations(actor, parcel), parcel, 'READY', {
        via: 'app',
        set: { volunteerId: null, assignedAt: null },
        details: 'staff took it back',
      });
    }
    if (volunteerId !== null) {
      await this.flow.move(actor, parcelRelations(actor, parcel), parcel, 'ASSIGNED', {
        via: 'app',
        set: { volunteerId, assignedAt: this.clock.now() },
        details: `volunteer ${volunteerId}`,
      });
    }
    await this.audit.record(actor, { action: 'parcel.assign', targetType: 'parcel', targetId: id, details: { volunteerId } });
    return this.staffView(actor, id);
  }

  /**
   * Staff decide a failed parcel: back to the pool, or returned to the supply point. Back in the
   * pool it starts a new round: who let it go before may be given it again.
   */
  async resolve(actor: Actor, id: number, to: ResolveTarget): Promise<ParcelView> {
    const parcel = await this.communityParcel(actor, id);
    await this.flow.move(actor, parcelRelations(actor, parcel), parcel, to, {
      via: 'app',
      set: to === 'READY' ? { volunteerId: null, assignedAt: null, failureReason: null, missCount: 0 } : {},
    });
    if (to === 'READY') await this.db.repo(ParcelMiss).delete({ parcelId: id });
    return this.staffView(actor, id);
  }

  /**
   * A parcel that came back to the supply point is cancelled with a reason the household reads:
   * what it carried is cancelled in the same transaction, stock goes back and paid money is
   * refunded. (Delivering it again instead is `resolve(…, 'READY')`.)
   */
  async cancel(actor: Actor, id: number, reason: string): Promise<ParcelView> {
    const parcel = await this.communityParcel(actor, id);
    await this.flow.cancel(actor, parcelRelations(actor, parcel), parcel, reason);
    await this.audit.record(actor, { action: 'parcel.cancel', targetType: 'parcel', targetId: id, details: { reason } });
    return this.staffView(actor, id);
  }

  /**
   * Cash at the doors, per volunteer, to reconcile: what each marked 已收款, what they delivered
   * without marking it (to follow up), and what they still carry.
   */
  async cash(actor: Actor): Promise<CashRow[]> {
    const communityId = staffCommunity(actor);
    // Collected money stays with whoever took it, whatever became of the parcel afterwards.
    const rows = await this.db.repo(Parcel).find({
      where: [
        { communityId, cashDueFen: MoreThan(0), cashCollectedBy: Not(IsNull()) },
        {
          communityId,
          cashDueFen: MoreThan(0),
          cashCollectedBy: IsNull(),
          volunteerId: Not(IsNull()),
          state: In([...HELD, 'LEFT_AT_DOOR', 'DELIVERED']),
        },
      ],
      select: ['id', 'volunteerId', 'state', 'cashDueFen', 'cashCollectedAt', 'cashCollectedBy'],
      take: 50_000,
    });
    const names = await this.users.nicknames(rows.map((p) => p.cashCollectedBy ?? p.volunteerId ?? 0));
    const byVolunteer = new Map<number, CashRow>();
    for (const p of rows) {
      const volunteerId = p.cashCollectedBy ?? p.volunteerId ?? 0;
      const row = byVolunteer.get(volunteerId) ?? {
        volunteerId,
        nickname: names.get(volunteerId) ?? `志愿者 ${volunteerId}`,
        collectedFen: 0,
        collectedParcels: 0,
        uncollectedFen: 0,
        uncollectedParcels: 0,
        inHandFen: 0,
        inHandParcels: 0,
      };
      if (p.cashCollectedAt) {
        row.collectedFen += p.cashDueFen;
        row.collectedParcels++;
      } else if (HELD.includes(p.state)) {
        row.inHandFen += p.cashDueFen;
        row.inHandParcels++;
      } else {
        row.uncollectedFen += p.cashDueFen;
        row.uncollectedParcels++;
      }
      byVolunteer.set(volunteerId, row);
    }
    return [...byVolunteer.values()].sort((a, b) => b.uncollectedFen - a.uncollectedFen || a.nickname.localeCompare(b.nickname, 'zh-CN'));
  }

  /** Staff watch delivery live: parcels by state per building, late ones, volunteers on duty. */
  async overview(actor: Actor): Promise<DeliveryOverview> {
    const communityId = staffCommunity(actor);
    const counts = (await this.db.manager
      .createQueryBuilder(Parcel, 'p')
      .select('p.building_id', 'buildingId')
      .addSelect('p.state', 'state')
      .addSelect('COUNT(*)', 'n')
      .where('p.community_id = :communityId', { communityId })
      .groupBy('p.building_id')
      .addGroupBy('p.state')
      .getRawMany()) as { buildingId: number; state: ParcelState; n: string | number }[];
    const names = new Map((await this.households.buildings(communityId)).map((b) => [b.id, b.name]));
    const byBuilding = new Map<number, DeliveryOverview['byBuilding'][number]>();
    for (const c of counts) {
      const id = Number(c.buildingId);
      const row = byBuilding.get(id) ?? { buildingId: id, building: names.get(id) ?? '', counts: {}, total: 0 };
      row.counts[c.state] = Number(c.n);
      row.total += Number(c.n);
      byBuilding.set(id, row);
    }
    const now = this.clock.now();
    const stale = new Date(now.getTime() - LATE_AFTER_MINUTES * 60_000);
    const today = new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const open = await this.db.repo(Parcel).find({ where: { communityId, state: In(['READY', ...HELD]) }, take: 20_000 });
    const unclaimed = (p: Parcel) => p.state === 'READY' && p.missCount >= MISSES_TO_STAFF;
    const late = [
      ...open.filter(unclaimed),
      ...open.filter((p) => !unclaimed(p) && (new Date(p.updatedAt).getTime() < stale.getTime() || p.deliveryDate < today)),
    ].slice(0, 200);
    return {
      byBuilding: [...byBuilding.values()].sort((a, b) => a.building.localeCompare(b.building, 'zh-CN', { numeric: true })),
      late: await this.lateViews(actor, late),
      volunteersOnDuty: await this.volunteers.countOnDuty(communityId),
    };
  }

  /** Late parcels as the board shows them: how often each was let go, by whom and how (one read of the misses). */
  private async lateViews(actor: Actor, rows: Parcel[]): Promise<LateParcelView[]> {
    const misses = rows.length
      ? await this.db.repo(ParcelMiss).find({ where: { parcelId: In(rows.map((p) => p.id)) }, order: { id: 'ASC' } })
      : [];
    const names = await this.users.nicknames([...new Set(misses.map((m) => m.volunteerId))]);
    const byParcel = new Map(rows.map((p) => [p.id, p]));
    return (await this.views.tasks(actor, rows)).map((view) => {
      const parcel = byParcel.get(view.id) as Parcel;
      return {
        ...view,
        missCount: parcel.missCount,
        missedBy: misses
          .filter((m) => m.parcelId === view.id)
          .map((m) => ({
            volunteerId: m.volunteerId,
            nickname: names.get(m.volunteerId) ?? `志愿者 ${m.volunteerId}`,
            reason: m.reason,
            at: new Date(m.at).toISOString(),
          })),
        unclaimed: parcel.state === 'READY' && parcel.missCount >= MISSES_TO_STAFF,
      };
    });
  }

  /** Staff list of a community's parcels (optionally one batch), a page at a time, with label tokens. */
  async list(actor: Actor, query: StaffParcelQuery): Promise<Page<ParcelView>> {
    const communityId = staffCommunity(actor);
    const { page, pageSize, skip } = pageWindow(query, 50);
    const [rows, total] = await this.db.repo(Parcel).findAndCount({
      where: query.batch ? { communityId, batch: query.batch } : { communityId },
      order: { buildingId: 'ASC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: await this.views.staff(actor, rows), total, page, pageSize };
  }

  /**
   * Labels of a batch's parcels (or all) not yet delivered, in building and door order: every
   * one, read LABEL_CHUNK at a time (by building and id, after the last one read) so that a
   * community's 20,000 parcel rows and views never sit in memory at once. Access is checked first.
   */
  labels(actor: Actor, batch: string | undefined): AsyncIterable<Label[]> {
    const communityId = staffCommunity(actor);
    return this.labelChunks(actor, communityId, batch);
  }

  private async *labelChunks(actor: Actor, communityId: number, batch: string | undefined): AsyncGenerator<Label[]> {
    let after: Parcel | undefined;
    do {
      const q = this.db
        .repo(Parcel)
        .createQueryBuilder('p')
        .where('p.community_id = :communityId AND p.state NOT IN (:...done)', {
          communityId,
          done: ['DELIVERED', 'RETURNED', 'CANCELLED'],
        });
      if (batch) q.andWhere('p.batch = :batch', { batch });
      if (after) q.andWhere('(p.building_id > :b OR (p.building_id = :b AND p.id > :id))', { b: after.buildingId, id: after.id });
      const rows = await q.orderBy('p.building_id', 'ASC').addOrderBy('p.id', 'ASC').limit(LABEL_CHUNK).getMany();
      after = rows.length === LABEL_CHUNK ? rows[rows.length - 1] : undefined;
      yield (await this.views.staff(actor, rows)).map((p) => ({
        parcelId: p.id,
        token: p.labelToken,
        building: p.building,
        unit: p.unit,
        room: p.room,
        contents: p.contents,
        deliveryDate: p.deliveryDate,
      }));
    } while (after);
  }

  /** Pick lists per volunteer: each one's open parcels (assigned, accepted, picked up) in door order. */
  async volunteerSheets(actor: Actor, batch: string | undefined): Promise<VolunteerSheet[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.repo(Parcel).find({ where: { communityId, state: In(HELD), ...(batch ? { batch } : {}) }, take: 20_000 });
    const names = await this.users.nicknames([...new Set(rows.map((p) => p.volunteerId ?? 0))]);
    const tasks = await this.views.tasks(actor, rows);
    const byId = new Map(rows.map((p) => [p.id, p]));
    const sheets = new Map<number, VolunteerSheet>();
    for (const v of tasks) {
      const volunteerId = byId.get(v.id)?.volunteerId ?? 0;
      const sheet = sheets.get(volunteerId) ?? { volunteer: names.get(volunteerId) ?? `志愿者 ${volunteerId}`, parcels: [] };
      sheet.parcels.push({ parcelId: v.id, building: v.building, unit: v.unit, room: v.room, phone: v.phone, contents: v.contents });
      sheets.set(volunteerId, sheet);
    }
    return [...sheets.values()].sort((a, b) => a.volunteer.localeCompare(b.volunteer, 'zh-CN'));
  }

  /** A parcel of the community with its whole timeline (staff). */
  async detail(actor: Actor, id: number): Promise<ParcelDetail> {
    const parcel = await this.communityParcel(actor, id);
    const events = await this.db.repo(ParcelEvent).find({ where: { parcelId: id }, order: { id: 'ASC' } });
    const names = await this.users.nicknames([...events.map((e) => e.actorUserId ?? 0), parcel.volunteerId ?? 0]);
    const [view] = await this.views.staff(actor, [parcel]);
    return {
      ...(view as ParcelView),
      volunteer: parcel.volunteerId ? (names.get(parcel.volunteerId) ?? null) : null,
      events: events.map((e) => ({
        at: new Date(e.at).toISOString(),
        from: e.fromState,
        to: e.toState,
        via: e.via,
        by: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
        details: e.details,
      })),
    };
  }

  /** A parcel of the staff member's community; another community's is not found. */
  private async communityParcel(actor: Actor, id: number): Promise<Parcel> {
    const parcel = await this.db.repo(Parcel).findOneBy({ id, communityId: staffCommunity(actor) });
    if (!parcel) throw new DomainError('PARCEL_NOT_FOUND');
    return parcel;
  }

  private async staffView(actor: Actor, id: number): Promise<ParcelView> {
    return (await this.views.staff(actor, [await this.db.repo(Parcel).findOneByOrFail({ id })]))[0] as ParcelView;
  }
}
