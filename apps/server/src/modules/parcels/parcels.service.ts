import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  maskPhone,
  nextStates,
  PARCEL_FLOW,
  refuseTransition,
  type Actor as FlowActor,
  type DeliveryOverview,
  type DispatchResult,
  type DutyView,
  LATE_AFTER_MINUTES,
  type FailureReason,
  type ParcelSourceType,
  type ParcelState,
  type ParcelDetail,
  type ParcelSummary,
  type ParcelTaskView,
  type ParcelView,
  type ResolveTarget,
  type ShiftLedger,
  type VolunteerCoverageRequest,
  type VolunteerRow,
} from '@linli/shared-types';
import { In, LessThan } from 'typeorm';
import { hasRole, type Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { QrTokens } from '../../common/qr-token';
import { HouseholdsService, type Door } from '../community/households.service';
import { UsersService } from '../community/users.service';
import { FilesService } from '../files/files.service';
import { OutboxService } from '../notify/outbox.service';
import { ParcelRating } from './entities/parcel-rating.entity';
import { isUniqueViolation } from '../../common/db-errors';
import { planDispatch } from './dispatch-plan';
import type { Label, VolunteerSheet } from './labels';
import { ParcelEvent } from './entities/parcel-event.entity';
import { ParcelSource } from './entities/parcel-source.entity';
import { Parcel } from './entities/parcel.entity';
import { VolunteerProfile } from './entities/volunteer-profile.entity';
import { VolunteerShift } from './entities/volunteer-shift.entity';

/** What a source hands to delivery: one order of a household. */
export interface SupplyItem {
  orderId: number;
  householdId: number;
  lines: { name: string; quantity: number }[];
}

type DeliveredListener = (sources: { sourceType: ParcelSourceType; sourceId: number }[]) => Promise<void>;
type PickedUpListener = DeliveredListener;

/** The outbox kind of "this parcel was delivered" (its sources move on). */
export const PARCEL_DELIVERED = 'parcel.delivered';

const LABEL_LIFETIME_MS = 14 * 24 * 3600 * 1000;

/** Everything delivered: parcels, dispatch to volunteers by building, scans at pick-up and door. */
@Injectable()
export class ParcelsService implements OnModuleInit {
  private readonly deliveredListeners: DeliveredListener[] = [];
  private readonly pickedUpListeners: PickedUpListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly qr: QrTokens,
    private readonly users: UsersService,
    private readonly files: FilesService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Sources learn that their parcel left with a volunteer — inside the pick-up's transaction, so
   * what they write (an outbox row) commits or rolls back with it.
   */
  onPickedUp(listener: PickedUpListener): void {
    this.pickedUpListeners.push(listener);
  }

  /**
   * Sources learn that their parcel arrived, after the parcel's transaction commits. The event is
   * an outbox row written with the delivery, handled at once after commit and, if the process
   * died in between, by the outbox worker later: listeners must be idempotent (conditional UPDATEs).
   */
  onDelivered(listener: DeliveredListener): void {
    this.deliveredListeners.push(listener);
  }

  onModuleInit(): void {
    this.outbox.handleLocal(PARCEL_DELIVERED, async (payload) => {
      const sources = await this.db.repo(ParcelSource).findBy({ parcelId: Number(payload.parcelId) });
      for (const listener of this.deliveredListeners) {
        await listener(sources.map((s) => ({ sourceType: s.sourceType, sourceId: s.sourceId })));
      }
    });
  }

  /**
   * Turns packed orders into parcels, inside the packing transaction: one parcel per household
   * per batch, however many orders the household placed in it (packing again adds to it).
   */
  async createForSupply(batch: { key: string; communityId: number; deliveryDate: string }, items: SupplyItem[]): Promise<number> {
    if (items.length === 0) return 0;
    const tx = this.db.manager;
    const doors = await this.households.doors(items.map((i) => i.householdId));
    const now = this.clock.now();
    let created = 0;
    for (const householdId of [...new Set(items.map((i) => i.householdId))]) {
      const mine = items.filter((i) => i.householdId === householdId);
      let parcel = await tx.findOneBy(Parcel, { batch: batch.key, householdId });
      if (!parcel) {
        parcel = await this.newParcel({
          communityId: batch.communityId,
          batch: batch.key,
          householdId,
          buildingId: doors.get(householdId)?.buildingId ?? 0,
          deliveryDate: batch.deliveryDate,
          contents: '',
        });
        created++;
      }
      await tx.insert(
        ParcelSource,
        mine.map((i) => ({ parcelId: parcel.id, sourceType: 'order' as const, sourceId: i.orderId })),
      );
      const totals = new Map<string, number>();
      for (const line of mine.flatMap((i) => i.lines)) totals.set(line.name, (totals.get(line.name) ?? 0) + line.quantity);
      const added = [...totals.entries()].map(([name, q]) => `${name}×${q}`).join('、');
      await tx.update(
        Parcel,
        { id: parcel.id },
        { contents: [parcel.contents, added].filter(Boolean).join('、').slice(0, 500), updatedAt: now },
      );
    }
    return created;
  }

  /**
   * A medicine request the pharmacy bought becomes one parcel of its own, inside the purchase's
   * transaction. Its contents say 「药品」 only: volunteers never see drug names.
   */
  async createForMedicine(request: { id: number; communityId: number; householdId: number }): Promise<number> {
    const tx = this.db.manager;
    const door = (await this.households.doors([request.householdId])).get(request.householdId);
    const now = this.clock.now();
    const parcel = await this.newParcel({
      communityId: request.communityId,
      batch: `medicine:${request.id}`,
      householdId: request.householdId,
      buildingId: door?.buildingId ?? 0,
      deliveryDate: new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
      contents: '药品',
    });
    await tx.insert(ParcelSource, { parcelId: parcel.id, sourceType: 'medicine', sourceId: request.id });
    return parcel.id;
  }

  /** A READY parcel and the first event of its timeline. */
  private async newParcel(
    fields: Pick<Parcel, 'communityId' | 'batch' | 'householdId' | 'buildingId' | 'deliveryDate' | 'contents'>,
  ): Promise<Parcel> {
    const now = this.clock.now();
    const parcel = await this.db.manager.save(Parcel, {
      ...fields,
      state: 'READY' as const,
      volunteerId: null,
      assignedAt: null,
      failureReason: null,
      deliveredAt: null,
      photoFileId: null,
      leftAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.manager.insert(ParcelEvent, {
      parcelId: parcel.id,
      fromState: null,
      toState: 'READY',
      actorUserId: null,
      via: 'system',
      details: fields.batch,
      at: now,
    });
    return parcel;
  }

  /** The parcel of each source of this type: source id → summary (for the source's views). */
  async forSources(sourceType: ParcelSourceType, sourceIds: number[]): Promise<Map<number, ParcelSummary>> {
    if (sourceIds.length === 0) return new Map();
    const sources = await this.db.repo(ParcelSource).findBy({ sourceType, sourceId: In(sourceIds) });
    if (sources.length === 0) return new Map();
    const summary = await this.summaries([...new Set(sources.map((s) => s.parcelId))]);
    return new Map(sources.map((s) => [s.sourceId, summary.get(s.parcelId) as ParcelSummary]));
  }

  // ---- volunteers -------------------------------------------------------------------------

  /**
   * A volunteer goes on or off duty (dispatch only assigns to those on duty). Going on opens a
   * shift in the ledger, going off closes it; doing either twice changes nothing.
   */
  async setDuty(actor: Actor, onDuty: boolean): Promise<DutyView> {
    const profile = await this.profile(actor.userId, actor.communityId ?? 0);
    const now = this.clock.now();
    await this.db.repo(VolunteerProfile).update({ userId: actor.userId }, { onDuty, updatedAt: now });
    const shifts = this.db.repo(VolunteerShift);
    if (onDuty) {
      const open = await shifts.findOneBy({ openUserId: actor.userId });
      if (!open) {
        try {
          await shifts.insert({
            userId: actor.userId,
            communityId: profile.communityId,
            startedAt: now,
            endedAt: null,
            openUserId: actor.userId,
          });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
    } else {
      await shifts.update({ openUserId: actor.userId }, { endedAt: now, openUserId: null });
    }
    return { onDuty, capacity: profile.capacity, buildingIds: buildingList(profile.buildings) };
  }

  /** The volunteer's own duty, capacity and buildings (for the duty switch on a new phone). */
  async duty(actor: Actor): Promise<DutyView> {
    const profile = await this.db.repo(VolunteerProfile).findOneBy({ userId: actor.userId });
    return { onDuty: Boolean(profile?.onDuty), capacity: profile?.capacity ?? 30, buildingIds: buildingList(profile?.buildings ?? '') };
  }

  /** The volunteer's own ledger: every shift and the total time on duty (an open shift counts to now). */
  async shifts(actor: Actor): Promise<ShiftLedger> {
    const rows = await this.db.repo(VolunteerShift).find({ where: { userId: actor.userId }, order: { startedAt: 'DESC' }, take: 500 });
    const now = this.clock.now().getTime();
    const shifts = rows.map((r) => {
      const end = r.endedAt ? new Date(r.endedAt).getTime() : now;
      return {
        startedAt: new Date(r.startedAt).toISOString(),
        endedAt: r.endedAt ? new Date(r.endedAt).toISOString() : null,
        minutes: Math.max(0, Math.round((end - new Date(r.startedAt).getTime()) / 60_000)),
      };
    });
    return { shifts, totalMinutes: shifts.reduce((a, s) => a + s.minutes, 0) };
  }

  /** Staff set which buildings a volunteer covers, how much they carry per batch, their squad and leadership. */
  async setCoverage(actor: Actor, userId: number, dto: VolunteerCoverageRequest): Promise<DutyView> {
    const communityId = this.households.staffCommunity(actor);
    if (!(await this.users.withRole(communityId, 'volunteer')).some((v) => v.id === userId)) throw new DomainError('NOT_A_VOLUNTEER');
    const profile = await this.profile(userId, communityId);
    const { buildingIds, capacity } = dto;
    await this.db.repo(VolunteerProfile).update(
      { userId },
      {
        buildings: buildingIds.length ? `,${buildingIds.join(',')},` : '',
        capacity,
        ...(dto.squad !== undefined ? { squad: dto.squad } : {}),
        ...(dto.leader !== undefined ? { leader: dto.leader } : {}),
        updatedAt: this.clock.now(),
      },
    );
    await this.audit.record(this.db.manager, actor, {
      action: 'volunteer.coverage',
      targetType: 'user',
      targetId: userId,
      details: { ...dto },
    });
    return { onDuty: profile.onDuty, capacity, buildingIds };
  }

  private async profile(userId: number, communityId: number): Promise<VolunteerProfile> {
    const repo = this.db.repo(VolunteerProfile);
    const found = await repo.findOneBy({ userId });
    if (found) return found;
    const created = repo.create({
      userId,
      communityId,
      onDuty: false,
      capacity: 30,
      buildings: '',
      squad: null,
      leader: false,
      updatedAt: this.clock.now(),
    });
    await repo.insert(created);
    return created;
  }

  // ---- dispatch ---------------------------------------------------------------------------

  /**
   * One click: every READY parcel of the community to an on-duty volunteer covering its
   * building, balanced by count within capacity. Each parcel moves by a conditional UPDATE on
   * READY, so a volunteer grabbing one at the same moment wins or loses cleanly.
   */
  async dispatch(actor: Actor): Promise<DispatchResult> {
    const communityId = this.households.staffCommunity(actor);
    const ready = await this.db.repo(Parcel).find({ where: { communityId, state: 'READY' }, select: ['id', 'buildingId'] });
    const profiles = await this.db.repo(VolunteerProfile).findBy({ communityId, onDuty: true });
    const held = profiles.length
      ? ((await this.db.manager
          .createQueryBuilder(Parcel, 'p')
          .select('p.volunteer_id', 'volunteerId')
          .addSelect('COUNT(*)', 'n')
          .where('p.volunteer_id IN (:...ids) AND p.state IN (:...states)', {
            ids: profiles.map((p) => p.userId),
            states: ['ASSIGNED', 'ACCEPTED', 'PICKED_UP'],
          })
          .groupBy('p.volunteer_id')
          .getRawMany()) as { volunteerId: number; n: string | number }[])
      : [];
    const plan = planDispatch(
      ready,
      profiles.map((p) => ({
        userId: p.userId,
        buildings: buildingList(p.buildings),
        capacity: p.capacity,
        load: Number(held.find((h) => Number(h.volunteerId) === p.userId)?.n ?? 0),
      })),
    );
    const now = this.clock.now();
    const byVolunteer = new Map<number, number[]>();
    for (const [parcelId, volunteerId] of plan.assignments)
      byVolunteer.set(volunteerId, [...(byVolunteer.get(volunteerId) ?? []), parcelId]);
    let assigned = 0;
    for (const [volunteerId, ids] of byVolunteer) {
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        const moved = await this.db.manager
          .createQueryBuilder()
          .update(Parcel)
          .set({ state: 'ASSIGNED', volunteerId, assignedAt: now, updatedAt: now })
          .where('id IN (:...ids) AND state = :ready', { ids: chunk, ready: 'READY' })
          .execute();
        assigned += moved.affected ?? 0;
        await this.db.manager
          .createQueryBuilder()
          .insert()
          .into(ParcelEvent)
          .values(
            chunk.map((parcelId) => ({
              parcelId,
              fromState: 'READY' as const,
              toState: 'ASSIGNED' as const,
              actorUserId: actor.userId,
              via: 'dispatch' as const,
              details: `volunteer ${volunteerId}`,
              at: now,
            })),
          )
          .updateEntity(false)
          .execute();
      }
    }
    await this.audit.record(this.db.manager, actor, {
      action: 'parcels.dispatch',
      targetType: 'community',
      targetId: communityId,
      details: { assigned },
    });
    return { assigned, unassigned: plan.unassigned.length, volunteers: byVolunteer.size };
  }

  // ---- a volunteer's tasks ------------------------------------------------------------------

  /** The volunteer's open tasks, grouped by building and door (in that order). */
  async tasks(actor: Actor): Promise<ParcelTaskView[]> {
    const rows = await this.db
      .repo(Parcel)
      .find({ where: { volunteerId: actor.userId, state: In(['ASSIGNED', 'ACCEPTED', 'PICKED_UP']) } });
    return this.views(actor, rows);
  }

  async accept(actor: Actor, id: number): Promise<ParcelTaskView> {
    return this.move(actor, await this.mine(actor, id), 'ACCEPTED', 'app');
  }

  async decline(actor: Actor, id: number): Promise<ParcelTaskView> {
    return this.move(actor, await this.mine(actor, id), 'READY', 'app', { volunteerId: null, assignedAt: null });
  }

  /** Unassigned parcels of the buildings this volunteer covers, to grab (door order, at most 200). */
  async pool(actor: Actor): Promise<ParcelTaskView[]> {
    const profile = await this.db.repo(VolunteerProfile).findOneBy({ userId: actor.userId });
    const buildings = buildingList(profile?.buildings ?? '');
    if (buildings.length === 0 || actor.communityId === null) return [];
    const rows = await this.db
      .repo(Parcel)
      .find({ where: { communityId: actor.communityId, state: 'READY', buildingId: In(buildings) }, order: { id: 'ASC' }, take: 200 });
    return this.views(actor, rows);
  }

  /** A volunteer takes an unassigned parcel of a building they cover. */
  async grab(actor: Actor, id: number): Promise<ParcelTaskView> {
    const parcel = await this.db.repo(Parcel).findOneBy({ id });
    if (!parcel || parcel.communityId !== actor.communityId) throw new DomainError('PARCEL_NOT_FOUND');
    const profile = await this.db.repo(VolunteerProfile).findOneBy({ userId: actor.userId });
    if (!profile || !buildingList(profile.buildings).includes(parcel.buildingId)) throw new DomainError('NOT_YOUR_BUILDING');
    if (parcel.state !== 'READY') throw new DomainError('PARCEL_TAKEN');
    return this.move(actor, parcel, 'ACCEPTED', 'app', { volunteerId: actor.userId, assignedAt: this.clock.now() });
  }

  /** Pick-up: the volunteer scans the parcel's label. Scanning it again is harmless. */
  async pickUp(actor: Actor, token: string, scannedAt?: string): Promise<ParcelTaskView> {
    const at = this.scanTime(scannedAt);
    const parcel = await this.mine(actor, this.qr.verify(token, 'parcelLabel', at));
    if (parcel.state === 'PICKED_UP') return this.view(actor, parcel);
    return this.move(actor, parcel, 'PICKED_UP', 'scan', {}, undefined, at);
  }

  /** At the door: the volunteer scans the resident's order QR; it must belong to this parcel. */
  async deliver(actor: Actor, id: number, token: string, scannedAt?: string): Promise<ParcelTaskView> {
    const at = this.scanTime(scannedAt);
    const parcel = await this.mine(actor, id);
    const orderId = this.qr.verify(token, 'order', at);
    const source = await this.db.repo(ParcelSource).findOneBy({ parcelId: parcel.id, sourceType: 'order', sourceId: orderId });
    if (!source) throw new DomainError('QR_NOT_THIS_PARCEL');
    if (parcel.state === 'DELIVERED') return this.view(actor, parcel);
    return this.move(actor, parcel, 'DELIVERED', 'scan', { deliveredAt: at }, undefined, at);
  }

  /**
   * The time a scan happened: now, or the phone's time for a scan replayed after the network came
   * back — no later than now and no more than a day back.
   */
  private scanTime(scannedAt: string | undefined): Date {
    const now = this.clock.now();
    if (scannedAt === undefined) return now;
    const at = new Date(scannedAt);
    if (at.getTime() > now.getTime() + 60_000 || at.getTime() < now.getTime() - 24 * 3600 * 1000) {
      throw new DomainError('VALIDATION_FAILED', { fields: { scannedAt: '扫码时间不对，请检查手机时间' } });
    }
    return at.getTime() > now.getTime() ? now : at;
  }

  /**
   * Contactless: the volunteer leaves the parcel at the door with a photo of it there (uploaded
   * first, purpose `contactless`); the household confirms from the photo. Doing it twice is harmless.
   */
  async leaveAtDoor(actor: Actor, id: number, photoFileId: number): Promise<ParcelTaskView> {
    const parcel = await this.mine(actor, id);
    if (parcel.state === 'LEFT_AT_DOOR' && parcel.photoFileId === photoFileId) return this.view(actor, parcel);
    await this.files.attach(actor, photoFileId, 'contactless', parcel.householdId);
    return this.move(actor, parcel, 'LEFT_AT_DOOR', 'app', { photoFileId, leftAt: this.clock.now() });
  }

  /** The household confirms a contactless parcel is in their hands. Confirming twice is harmless. */
  async confirmReceipt(actor: Actor, id: number): Promise<ParcelSummary> {
    const parcel = await this.householdParcel(actor, id);
    if (parcel.state !== 'DELIVERED')
      await this.move(actor, parcel, 'DELIVERED', 'app', { deliveredAt: parcel.leftAt ?? this.clock.now() });
    return this.summary(id);
  }

  /** The household says the contactless parcel is not at their door: staff follow it up. */
  async reportMissing(actor: Actor, id: number): Promise<ParcelSummary> {
    const parcel = await this.householdParcel(actor, id);
    if (parcel.state !== 'FAILED') await this.move(actor, parcel, 'FAILED', 'app', { failureReason: 'not-received' }, 'not-received');
    return this.summary(id);
  }

  /**
   * Contactless parcels the household has not confirmed within `hours` count as delivered (as
   * WeChat confirms receipt by itself after a while), each by a conditional UPDATE.
   */
  async confirmUnanswered(hours: number): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - hours * 3600_000);
    const due = await this.db.repo(Parcel).find({ where: { state: 'LEFT_AT_DOOR', leftAt: LessThan(cutoff) }, take: 1000 });
    let confirmed = 0;
    for (const parcel of due) {
      const moved = await this.db.transaction(async () => {
        const now = this.clock.now();
        const result = await this.db
          .repo(Parcel)
          .update({ id: parcel.id, state: 'LEFT_AT_DOOR' }, { state: 'DELIVERED', deliveredAt: parcel.leftAt, updatedAt: now });
        if (result.affected !== 1) return false;
        await this.db.repo(ParcelEvent).insert({
          parcelId: parcel.id,
          fromState: 'LEFT_AT_DOOR',
          toState: 'DELIVERED',
          actorUserId: null,
          via: 'system',
          details: `not confirmed in ${hours} h`,
          at: now,
        });
        await this.announceDelivered(parcel.id);
        return true;
      });
      if (moved) confirmed++;
    }
    return confirmed;
  }

  async fail(actor: Actor, id: number, reason: FailureReason): Promise<ParcelTaskView> {
    return this.move(actor, await this.mine(actor, id), 'FAILED', 'app', { failureReason: reason }, reason);
  }

  /** Staff decide a failed parcel: back to the pool, or returned to the supply point. */
  async resolve(actor: Actor, id: number, to: ResolveTarget): Promise<ParcelView> {
    const communityId = this.households.staffCommunity(actor);
    const parcel = await this.db.repo(Parcel).findOneBy({ id, communityId });
    if (!parcel) throw new DomainError('PARCEL_NOT_FOUND');
    await this.move(actor, parcel, to, 'app', to === 'READY' ? { volunteerId: null, assignedAt: null, failureReason: null } : {});
    return this.staffView(actor, id);
  }

  private async staffView(actor: Actor, id: number): Promise<ParcelView> {
    return (await this.staffViews(actor, [await this.db.repo(Parcel).findOneByOrFail({ id })]))[0] as ParcelView;
  }

  /**
   * Staff adjust the plan by hand: a parcel not yet picked up goes to this volunteer (or back to
   * the pool with null). Taking it from another volunteer is recorded as two moves.
   */
  async assign(actor: Actor, id: number, volunteerId: number | null): Promise<ParcelView> {
    const communityId = this.households.staffCommunity(actor);
    let parcel = await this.db.repo(Parcel).findOneBy({ id, communityId });
    if (!parcel) throw new DomainError('PARCEL_NOT_FOUND');
    if (volunteerId !== null) {
      const volunteers = await this.users.withRole(communityId, 'volunteer');
      if (!volunteers.some((v) => v.id === volunteerId)) throw new DomainError('NOT_A_VOLUNTEER');
    }
    if (parcel.volunteerId === volunteerId && parcel.state !== 'READY') return this.staffView(actor, id);
    if (parcel.state === 'ASSIGNED' || parcel.state === 'ACCEPTED') {
      await this.move(actor, parcel, 'READY', 'app', { volunteerId: null, assignedAt: null }, 'staff took it back');
      parcel = { ...parcel, state: 'READY', volunteerId: null, assignedAt: null };
    }
    if (volunteerId !== null) {
      await this.move(actor, parcel, 'ASSIGNED', 'app', { volunteerId, assignedAt: this.clock.now() }, `volunteer ${volunteerId}`);
    }
    await this.audit.record(this.db.manager, actor, {
      action: 'parcel.assign',
      targetType: 'parcel',
      targetId: id,
      details: { volunteerId },
    });
    return this.staffView(actor, id);
  }

  /** A parcel of the community with its whole timeline (staff). */
  async detail(actor: Actor, id: number): Promise<ParcelDetail> {
    const communityId = this.households.staffCommunity(actor);
    const parcel = await this.db.repo(Parcel).findOneBy({ id, communityId });
    if (!parcel) throw new DomainError('PARCEL_NOT_FOUND');
    const events = await this.db.repo(ParcelEvent).find({ where: { parcelId: id }, order: { id: 'ASC' } });
    const names = await this.users.nicknames([...events.map((e) => e.actorUserId ?? 0), parcel.volunteerId ?? 0]);
    const [view] = await this.staffViews(actor, [parcel]);
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

  /** Pick lists per volunteer: each one's open parcels (assigned, accepted, picked up) in door order. */
  async volunteerSheets(actor: Actor, batch: string | undefined): Promise<VolunteerSheet[]> {
    const communityId = this.households.staffCommunity(actor);
    const rows = await this.db.repo(Parcel).find({
      where: { communityId, state: In(['ASSIGNED', 'ACCEPTED', 'PICKED_UP']), ...(batch ? { batch } : {}) },
      take: 20_000,
    });
    const names = await this.users.nicknames([...new Set(rows.map((p) => p.volunteerId ?? 0))]);
    const views = await this.views(actor, rows);
    const byId = new Map(rows.map((p) => [p.id, p]));
    const sheets = new Map<number, VolunteerSheet>();
    for (const v of views) {
      const volunteerId = byId.get(v.id)?.volunteerId ?? 0;
      const sheet = sheets.get(volunteerId) ?? { volunteer: names.get(volunteerId) ?? `志愿者 ${volunteerId}`, parcels: [] };
      sheet.parcels.push({ parcelId: v.id, building: v.building, unit: v.unit, room: v.room, phone: v.phone, contents: v.contents });
      sheets.set(volunteerId, sheet);
    }
    return [...sheets.values()].sort((a, b) => a.volunteer.localeCompare(b.volunteer, 'zh-CN'));
  }

  /** Staff list of a community's parcels (optionally one batch), with label tokens. */
  async list(actor: Actor, batch: string | undefined): Promise<ParcelView[]> {
    const communityId = this.households.staffCommunity(actor);
    const rows = await this.db
      .repo(Parcel)
      .find({ where: batch ? { communityId, batch } : { communityId }, order: { buildingId: 'ASC', id: 'ASC' }, take: 5000 });
    return this.staffViews(actor, rows);
  }

  /**
   * Assignments not accepted in time go back to the pool (READY, no volunteer), each by a
   * conditional UPDATE on ASSIGNED and its assigned_at, so an accept at the same moment wins
   * cleanly. Returns how many went back.
   */
  async releaseUnaccepted(olderThanMinutes: number): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - olderThanMinutes * 60_000);
    const late = await this.db
      .repo(Parcel)
      .find({ where: { state: 'ASSIGNED', assignedAt: LessThan(cutoff) }, select: ['id', 'volunteerId', 'assignedAt'], take: 1000 });
    let released = 0;
    for (const p of late) {
      const moved = await this.db.transaction(async (tx) => {
        const result = await tx.update(
          Parcel,
          { id: p.id, state: 'ASSIGNED', volunteerId: p.volunteerId ?? undefined },
          { state: 'READY', volunteerId: null, assignedAt: null, updatedAt: now },
        );
        if (result.affected !== 1) return false;
        await tx.insert(ParcelEvent, {
          parcelId: p.id,
          fromState: 'ASSIGNED',
          toState: 'READY',
          actorUserId: null,
          via: 'system',
          details: `not accepted in ${olderThanMinutes} min`,
          at: now,
        });
        return true;
      });
      if (moved) released++;
    }
    return released;
  }

  /** Staff watch delivery live: parcels by state per building, late ones, volunteers on duty. */
  async overview(actor: Actor): Promise<DeliveryOverview> {
    const communityId = this.households.staffCommunity(actor);
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
    const open = await this.db
      .repo(Parcel)
      .find({ where: { communityId, state: In(['READY', 'ASSIGNED', 'ACCEPTED', 'PICKED_UP']) }, take: 20_000 });
    const late = open.filter((p) => new Date(p.updatedAt).getTime() < stale.getTime() || p.deliveryDate < today).slice(0, 200);
    const volunteersOnDuty = await this.db.repo(VolunteerProfile).countBy({ communityId, onDuty: true });
    return {
      byBuilding: [...byBuilding.values()].sort((a, b) => a.building.localeCompare(b.building, 'zh-CN', { numeric: true })),
      late: await this.views(actor, late),
      volunteersOnDuty,
    };
  }

  // ---- residents: the delivery of their orders, and 评单 ------------------------------------

  /** The parcel of each order (for order views): order id → summary. */
  forOrders(orderIds: number[]): Promise<Map<number, ParcelSummary>> {
    return this.forSources('order', orderIds);
  }

  /** The household rates its delivered parcel, once. */
  async rate(actor: Actor, id: number, stars: number, comment: string | undefined): Promise<ParcelSummary> {
    const parcel = await this.householdParcel(actor, id);
    if (parcel.state !== 'DELIVERED') throw new DomainError('NOT_DELIVERED_YET');
    try {
      await this.db.repo(ParcelRating).insert({
        parcelId: id,
        householdId: parcel.householdId,
        volunteerId: parcel.volunteerId,
        stars,
        comment: comment || null,
        createdAt: this.clock.now(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('ALREADY_RATED');
      throw error;
    }
    return this.summary(id);
  }

  /** Staff overview of their community's volunteers: duty, coverage, load, deliveries, ratings. */
  async volunteers(actor: Actor): Promise<VolunteerRow[]> {
    const communityId = this.households.staffCommunity(actor);
    const users = await this.users.withRole(communityId, 'volunteer');
    const profiles = await this.db.repo(VolunteerProfile).findBy({ userId: In(users.map((u) => u.id).concat(0)) });
    const counts = users.length
      ? ((await this.db.manager
          .createQueryBuilder(Parcel, 'p')
          .select('p.volunteer_id', 'volunteerId')
          .addSelect("SUM(CASE WHEN p.state IN ('ASSIGNED','ACCEPTED','PICKED_UP') THEN 1 ELSE 0 END)", 'open')
          .addSelect("SUM(CASE WHEN p.state = 'DELIVERED' THEN 1 ELSE 0 END)", 'delivered')
          .where('p.volunteer_id IN (:...ids)', { ids: users.map((u) => u.id) })
          .groupBy('p.volunteer_id')
          .getRawMany()) as { volunteerId: number; open: string | number; delivered: string | number }[])
      : [];
    const ratings = users.length ? await this.db.repo(ParcelRating).findBy({ volunteerId: In(users.map((u) => u.id)) }) : [];
    return users.map((u) => {
      const p = profiles.find((x) => x.userId === u.id);
      const c = counts.find((x) => Number(x.volunteerId) === u.id);
      const mine = ratings.filter((r) => r.volunteerId === u.id);
      return {
        userId: u.id,
        nickname: u.nickname,
        squad: p?.squad ?? null,
        leader: Boolean(p?.leader),
        onDuty: Boolean(p?.onDuty),
        capacity: p?.capacity ?? 30,
        buildingIds: buildingList(p?.buildings ?? ''),
        openTasks: Number(c?.open ?? 0),
        delivered: Number(c?.delivered ?? 0),
        ratingAverage: mine.length ? Math.round((mine.reduce((a, r) => a + r.stars, 0) / mine.length) * 10) / 10 : null,
        ratings: mine.length,
      };
    });
  }

  /** Labels of a batch's parcels (or all not yet delivered), in building and door order. */
  async labels(actor: Actor, batch: string | undefined): Promise<Label[]> {
    const views = (await this.list(actor, batch)).filter((p) => p.state !== 'DELIVERED' && p.state !== 'RETURNED');
    return views.map((p) => ({
      parcelId: p.id,
      token: p.labelToken,
      building: p.building,
      unit: p.unit,
      room: p.room,
      contents: p.contents,
      deliveryDate: p.deliveryDate,
    }));
  }

  // ---- internals --------------------------------------------------------------------------

  /** The parcel, if this volunteer holds it; anyone else gets not found. */
  private async mine(actor: Actor, id: number): Promise<Parcel> {
    const parcel = await this.db.repo(Parcel).findOneBy({ id });
    if (!parcel || parcel.volunteerId !== actor.userId) throw new DomainError('PARCEL_NOT_FOUND');
    return parcel;
  }

  /** Moves a parcel along PARCEL_FLOW by a conditional UPDATE on its state, with an event row. */
  private async move(
    actor: Actor,
    parcel: Parcel,
    to: ParcelState,
    via: ParcelEvent['via'],
    extra: Partial<Parcel> = {},
    details?: string,
    at: Date = this.clock.now(),
  ): Promise<ParcelTaskView> {
    const refusal = refuseTransition(PARCEL_FLOW, parcel.state, to, this.flowActors(actor, parcel));
    if (refusal === 'WRONG_ACTOR') throw new DomainError('FORBIDDEN');
    if (refusal !== null) throw new DomainError('INVALID_TRANSITION', { from: parcel.state, to });
    const now = this.clock.now();
    const moved = await this.db.repo(Parcel).update({ id: parcel.id, state: parcel.state }, { ...extra, state: to, updatedAt: now });
    if (moved.affected !== 1) throw new DomainError(parcel.state === 'READY' ? 'PARCEL_TAKEN' : 'INVALID_TRANSITION', { to });
    await this.db.repo(ParcelEvent).insert({
      parcelId: parcel.id,
      fromState: parcel.state,
      toState: to,
      actorUserId: actor.userId,
      via,
      details: details ?? null,
      at,
    });
    if (to === 'DELIVERED') await this.announceDelivered(parcel.id);
    if (to === 'PICKED_UP' && this.pickedUpListeners.length > 0) {
      const sources = (await this.db.repo(ParcelSource).findBy({ parcelId: parcel.id })).map((s) => ({
        sourceType: s.sourceType,
        sourceId: s.sourceId,
      }));
      for (const listener of this.pickedUpListeners) await listener(sources);
    }
    // The row as the UPDATE left it, without reading it back.
    return this.view(actor, { ...parcel, ...extra, state: to, updatedAt: now });
  }

  /** Sources learn their parcel arrived: an outbox row in this transaction, handled right after commit. */
  private async announceDelivered(parcelId: number): Promise<void> {
    const key = `${PARCEL_DELIVERED}:${parcelId}`;
    await this.outbox.enqueue(PARCEL_DELIVERED, key, { parcelId });
    await this.db.afterCommit(async () => {
      await this.outbox.runLocalNow(PARCEL_DELIVERED, key, { parcelId });
    });
  }

  /** The parcel, if it goes to the actor's household; anyone else gets not found. */
  private async householdParcel(actor: Actor, id: number): Promise<Parcel> {
    const parcel = await this.db.repo(Parcel).findOneBy({ id });
    if (!parcel || actor.householdId === null || parcel.householdId !== actor.householdId) throw new DomainError('PARCEL_NOT_FOUND');
    return parcel;
  }

  private async summary(parcelId: number): Promise<ParcelSummary> {
    return (await this.summaries([parcelId])).get(parcelId) as ParcelSummary;
  }

  /** What the household sees of its parcels: state, times, the door photo, what it may do. */
  private async summaries(parcelIds: number[]): Promise<Map<number, ParcelSummary>> {
    const rows = await this.db.repo(Parcel).findBy({ id: In(parcelIds) });
    const ratings = await this.db.repo(ParcelRating).findBy({ parcelId: In(parcelIds) });
    return new Map(
      rows.map((p) => {
        const r = ratings.find((x) => x.parcelId === p.id);
        return [
          p.id,
          {
            id: p.id,
            state: p.state,
            deliveredAt: p.deliveredAt ? new Date(p.deliveredAt).toISOString() : null,
            leftAt: p.leftAt ? new Date(p.leftAt).toISOString() : null,
            photoUrl: p.photoFileId ? this.files.link(p.photoFileId) : null,
            actions: nextStates(PARCEL_FLOW, p.state, ['resident']),
            rating: r ? { stars: r.stars, comment: r.comment } : null,
          },
        ];
      }),
    );
  }

  private flowActors(actor: Actor, parcel: Parcel): FlowActor[] {
    const who: FlowActor[] = [];
    if (hasRole(actor, 'volunteer') && (parcel.volunteerId === actor.userId || parcel.state === 'READY')) who.push('volunteer');
    if (hasRole(actor, 'staff', 'supervisor') && actor.communityId === parcel.communityId) who.push('staff');
    if (actor.householdId === parcel.householdId) who.push('resident');
    return who;
  }

  private async view(actor: Actor, parcel: Parcel): Promise<ParcelTaskView> {
    return (await this.views(actor, [parcel]))[0] as ParcelTaskView;
  }

  private async views(actor: Actor, rows: Parcel[]): Promise<ParcelTaskView[]> {
    const doors = await this.households.doors(rows.map((p) => p.householdId));
    return rows
      .map((p) => taskView(p, doors.get(p.householdId), nextStates(PARCEL_FLOW, p.state, this.flowActors(actor, p))))
      .sort(
        (a, b) =>
          a.building.localeCompare(b.building, 'zh-CN', { numeric: true }) ||
          a.unit.localeCompare(b.unit, 'zh-CN', { numeric: true }) ||
          a.room.localeCompare(b.room, 'zh-CN', { numeric: true }),
      );
  }

  private async staffViews(actor: Actor, rows: Parcel[]): Promise<ParcelView[]> {
    const doors = await this.households.doors(rows.map((p) => p.householdId));
    const expires = new Date(this.clock.now().getTime() + LABEL_LIFETIME_MS);
    return rows.map((p) => ({
      ...taskView(p, doors.get(p.householdId), nextStates(PARCEL_FLOW, p.state, this.flowActors(actor, p))),
      householdId: p.householdId,
      volunteerId: p.volunteerId,
      failureReason: p.failureReason,
      labelToken: this.qr.sign('parcelLabel', p.id, expires),
    }));
  }
}

function buildingList(stored: string): number[] {
  return stored.split(',').filter(Boolean).map(Number);
}

function taskView(p: Parcel, door: Door | undefined, actions: ParcelState[]): ParcelTaskView {
  return {
    id: p.id,
    state: p.state,
    building: door?.building ?? '',
    unit: door?.unit ?? '',
    room: door?.room ?? '',
    phone: door?.contactPhone ? maskPhone(door.contactPhone) : null,
    contents: p.contents,
    deliveryDate: p.deliveryDate,
    actions,
  };
}
