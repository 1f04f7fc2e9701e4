import { Injectable } from '@nestjs/common';
import type { FailureReason, ParcelSourceType, ParcelState, ParcelSummary, ParcelTaskView, TaskPhoneView } from '@linli/shared-types';
import { In, IsNull, LessThan } from 'typeorm';
import { relationsTo } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { QrTokens } from '../../common/qr-token';
import { HouseholdsService } from '../community/households.service';
import { FilesService } from '../files/files.service';
import { ParcelEvent } from './entities/parcel-event.entity';
import { ParcelSource } from './entities/parcel-source.entity';
import { Parcel } from './entities/parcel.entity';
import { CONFIRMED_BY_TIME, ParcelFlow, type MoveHow } from './parcel-flow';
import { AT_THE_DOOR, ON_ITS_WAY, parcelRelations, ParcelViews } from './parcel-views';
import { Reassignment } from './reassignment';
import { VolunteersService } from './volunteers.service';

/** What a source hands to delivery: one order of a household. */
export interface SupplyItem {
  orderId: number;
  householdId: number;
  lines: { name: string; quantity: number }[];
  /** What the volunteer collects at the door for it (a pay-on-delivery order's total), in fen. */
  cashFen: number;
}

/** A scan replayed after the network came back may still use a code that expired this long before the server got it. */
const OFFLINE_GRACE_MS = 60 * 60 * 1000;

/**
 * Parcels from the point of view of the people who carry and receive them: what sources hand
 * to delivery, a volunteer's tasks and scans, and the time-outs that keep parcels moving. The
 * household's side is HouseholdParcelsService, staff's ParcelBoardService.
 */
@Injectable()
export class ParcelsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly qr: QrTokens,
    private readonly files: FilesService,
    private readonly flow: ParcelFlow,
    private readonly views: ParcelViews,
    private readonly volunteers: VolunteersService,
    private readonly reassignment: Reassignment,
  ) {}

  // ---- what sources hand to delivery --------------------------------------------------------

  /**
   * Turns packed orders into parcels, inside the packing transaction: one parcel per household
   * per batch while it has not left (packing again adds to it); orders packed after it left
   * with a volunteer get a parcel of their own, so nothing joins a parcel nobody will bring.
   */
  async createForSupply(batch: { key: string; communityId: number; deliveryDate: string }, items: SupplyItem[]): Promise<number> {
    if (items.length === 0) return 0;
    const doors = await this.households.doors(items.map((i) => i.householdId));
    let created = 0;
    for (const householdId of [...new Set(items.map((i) => i.householdId))]) {
      const mine = items.filter((i) => i.householdId === householdId);
      let parcel = await this.db.repo(Parcel).findOneBy({ openBatch: batch.key, householdId });
      if (!parcel) {
        parcel = await this.flow.create({
          communityId: batch.communityId,
          batch: batch.key,
          householdId,
          buildingId: doors.get(householdId)?.buildingId ?? 0,
          deliveryDate: batch.deliveryDate,
          contents: '',
          cashDueFen: 0,
        });
        created++;
      }
      const into = parcel;
      await this.db.repo(ParcelSource).insert(mine.map((i) => ({ parcelId: into.id, sourceType: 'order' as const, sourceId: i.orderId })));
      const totals = new Map<string, number>();
      for (const line of mine.flatMap((i) => i.lines)) totals.set(line.name, (totals.get(line.name) ?? 0) + line.quantity);
      const added = [...totals.entries()].map(([name, q]) => `${name}×${q}`).join('、');
      await this.db.repo(Parcel).update(
        { id: into.id },
        {
          contents: [into.contents, added].filter(Boolean).join('、').slice(0, 500),
          cashDueFen: into.cashDueFen + mine.reduce((sum, i) => sum + i.cashFen, 0),
          updatedAt: this.clock.now(),
        },
      );
    }
    return created;
  }

  /**
   * A medicine request the pharmacy bought becomes one parcel of its own, inside the purchase's
   * transaction. Its contents say 「药品」 only: volunteers never see drug names.
   */
  async createForMedicine(request: { id: number; communityId: number; householdId: number; cashFen: number }): Promise<number> {
    const door = (await this.households.doors([request.householdId])).get(request.householdId);
    const parcel = await this.flow.create({
      communityId: request.communityId,
      batch: `medicine:${request.id}`,
      householdId: request.householdId,
      buildingId: door?.buildingId ?? 0,
      deliveryDate: this.todayInShanghai(),
      contents: '药品',
      cashDueFen: request.cashFen,
    });
    await this.db.repo(ParcelSource).insert({ parcelId: parcel.id, sourceType: 'medicine', sourceId: request.id });
    return parcel.id;
  }

  /**
   * A prize of an online activity becomes one parcel of its own to the winner's door, inside the
   * award's transaction; free of charge. The batch is the activity's (prize:contest:7), so staff
   * print one sheet of labels for all its winners.
   */
  createForPrize(prize: { id: number; batch: string; communityId: number; householdId: number; contents: string }): Promise<number> {
    return this.createFree('prize', prize);
  }

  /**
   * A care campaign's package becomes one parcel of its own to the household's door, inside the
   * campaign run's transaction; free of charge; the batch is the campaign's (care:3).
   */
  createForCare(care: { id: number; batch: string; communityId: number; householdId: number; contents: string }): Promise<number> {
    return this.createFree('care', care);
  }

  private async createFree(
    sourceType: 'prize' | 'care',
    source: { id: number; batch: string; communityId: number; householdId: number; contents: string },
  ): Promise<number> {
    const door = (await this.households.doors([source.householdId])).get(source.householdId);
    const parcel = await this.flow.create({
      communityId: source.communityId,
      batch: source.batch,
      householdId: source.householdId,
      buildingId: door?.buildingId ?? 0,
      deliveryDate: this.todayInShanghai(),
      contents: source.contents.slice(0, 500),
      cashDueFen: 0,
    });
    await this.db.repo(ParcelSource).insert({ parcelId: parcel.id, sourceType, sourceId: source.id });
    return parcel.id;
  }

  /** Today's date where the communities live (Asia/Shanghai, UTC+8): a parcel made now goes out today. */
  private todayInShanghai(): string {
    return new Date(this.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  }

  /** The parcel of each source of this type: source id → summary (for the source's views). */
  async forSources(sourceType: ParcelSourceType, sourceIds: number[]): Promise<Map<number, ParcelSummary>> {
    if (sourceIds.length === 0) return new Map();
    const sources = await this.db.repo(ParcelSource).findBy({ sourceType, sourceId: In(sourceIds) });
    if (sources.length === 0) return new Map();
    const summary = await this.views.summaries([...new Set(sources.map((s) => s.parcelId))]);
    return new Map(sources.map((s) => [s.sourceId, summary.get(s.parcelId) as ParcelSummary]));
  }

  // ---- a volunteer's tasks ------------------------------------------------------------------

  /** The volunteer's open tasks, grouped by building and door (in that order). */
  async tasks(actor: Actor): Promise<ParcelTaskView[]> {
    const rows = await this.db
      .repo(Parcel)
      .find({ where: { volunteerId: actor.userId, state: In(['ASSIGNED', 'ACCEPTED', 'PICKED_UP']) } });
    return this.views.tasks(actor, rows);
  }

  async accept(actor: Actor, id: number): Promise<ParcelTaskView> {
    return this.move(actor, await this.held(actor, id), 'ACCEPTED', { via: 'app' });
  }

  /**
   * The volunteer lets the task go: it leaves them with the miss counted, and is offered at once
   * to the next volunteer covering the building who has not let it go (reassignment.ts).
   */
  async decline(actor: Actor, id: number): Promise<ParcelTaskView> {
    const parcel = await this.held(actor, id);
    return this.db.transaction(async () => {
      const task = await this.move(actor, parcel, 'READY', { via: 'app', set: this.reassignment.declineSet(), silent: true });
      await this.reassignment.missed(id, actor.userId, 'declined');
      return task;
    });
  }

  /** Unassigned parcels of the buildings this volunteer covers, to grab (door order, at most 200). */
  async pool(actor: Actor): Promise<ParcelTaskView[]> {
    const buildings = await this.volunteers.buildingsOf(actor.userId);
    if (buildings.length === 0 || actor.communityId === null) return [];
    const rows = await this.db
      .repo(Parcel)
      .find({ where: { communityId: actor.communityId, state: 'READY', buildingId: In(buildings) }, order: { id: 'ASC' }, take: 200 });
    return this.views.tasks(actor, rows);
  }

  /** A volunteer takes an unassigned parcel of a building they cover. */
  async grab(actor: Actor, id: number): Promise<ParcelTaskView> {
    const parcel = await this.db.repo(Parcel).findOneBy({ id });
    if (!parcel || parcel.communityId !== actor.communityId) throw new DomainError('PARCEL_NOT_FOUND');
    if (!(await this.volunteers.buildingsOf(actor.userId)).includes(parcel.buildingId)) throw new DomainError('NOT_YOUR_BUILDING');
    if (parcel.state !== 'READY') throw new DomainError('PARCEL_TAKEN');
    return this.move(actor, parcel, 'ACCEPTED', { via: 'app', set: { volunteerId: actor.userId, assignedAt: this.clock.now() } });
  }

  /** Pick-up: the volunteer scans the parcel's label. Scanning it again is harmless. */
  async pickUp(actor: Actor, token: string, scannedAt?: string): Promise<ParcelTaskView> {
    const parcel = await this.held(actor, this.qr.verify(token, 'parcelLabel', this.codeTime(scannedAt)));
    if (parcel.state === 'PICKED_UP') return this.views.task(actor, parcel);
    const at = await this.scanTime(parcel, scannedAt);
    return this.move(actor, parcel, 'PICKED_UP', { via: 'scan', at });
  }

  /**
   * At the door: the volunteer scans the household's code, which must belong to this parcel —
   * the parcel's own door code (any source: supplies, medicine), or the QR of an order it carries.
   */
  async deliver(actor: Actor, id: number, token: string, scannedAt?: string): Promise<ParcelTaskView> {
    // One read: the parcel, and what it carries for the door check, the household's message and
    // the sources told of the delivery.
    const { entities, raw } = await this.db
      .repo(Parcel)
      .createQueryBuilder('p')
      .leftJoin(ParcelSource, 's', 's.parcel_id = p.id')
      .addSelect('s.source_type', 'sourceType')
      .addSelect('s.source_id', 'sourceId')
      .where('p.id = :id', { id })
      .orderBy('s.id', 'ASC')
      .getRawAndEntities<{ sourceType: ParcelSourceType | null; sourceId: number | null }>();
    const parcel = this.mine(actor, entities[0] ?? null);
    const sources = raw.flatMap((r) => (r.sourceType === null ? [] : [{ sourceType: r.sourceType, sourceId: Number(r.sourceId) }]));
    const code = this.codeAtDoor(token, this.codeTime(scannedAt));
    const opens =
      'parcelId' in code ? code.parcelId === parcel.id : sources.some((s) => s.sourceType === 'order' && s.sourceId === code.orderId);
    if (!opens) throw new DomainError('QR_NOT_THIS_PARCEL');
    if (parcel.state === 'DELIVERED') return this.views.task(actor, parcel);
    const at = await this.scanTime(parcel, scannedAt);
    return this.move(actor, parcel, 'DELIVERED', { via: 'scan', set: { deliveredAt: at }, at, sources });
  }

  /**
   * Contactless: the volunteer leaves the parcel at the door with a photo of it there (uploaded
   * first, purpose `contactless`); the household confirms from the photo. Doing it twice is harmless.
   */
  async leaveAtDoor(actor: Actor, id: number, photoFileId: number): Promise<ParcelTaskView> {
    const parcel = await this.held(actor, id);
    if (parcel.state === 'LEFT_AT_DOOR' && parcel.photoFileId === photoFileId) return this.views.task(actor, parcel);
    await this.files.attach(actor, photoFileId, 'contactless', parcel.householdId);
    return this.move(actor, parcel, 'LEFT_AT_DOOR', { via: 'app', set: { photoFileId, leftAt: this.clock.now() } });
  }

  async fail(actor: Actor, id: number, reason: FailureReason): Promise<ParcelTaskView> {
    return this.move(actor, await this.held(actor, id), 'FAILED', { via: 'app', set: { failureReason: reason }, details: reason });
  }

  /**
   * At the door, before the scan: the volunteer has the money of a pay-on-delivery parcel
   * (已收款). Staff reconcile what each volunteer collected. Tapping it twice is harmless.
   */
  async collect(actor: Actor, id: number): Promise<ParcelTaskView> {
    const parcel = await this.held(actor, id);
    if (parcel.cashDueFen <= 0) throw new DomainError('NOTHING_TO_COLLECT');
    if (parcel.cashCollectedAt) return this.views.task(actor, parcel);
    if (!AT_THE_DOOR.includes(parcel.state)) {
      throw new DomainError('INVALID_TRANSITION', { from: parcel.state, reason: 'not at the door yet' });
    }
    const now = this.clock.now();
    await this.db.repo(Parcel).update({ id, cashCollectedAt: IsNull() }, { cashCollectedAt: now, cashCollectedBy: actor.userId });
    await this.audit.record(actor, { action: 'parcel.cash', targetType: 'parcel', targetId: id, details: { fen: parcel.cashDueFen } });
    return this.views.task(actor, { ...parcel, cashCollectedAt: now, cashCollectedBy: actor.userId });
  }

  /**
   * The household's real number, for the volunteer holding the parcel while it is on its way
   * (accepted or picked up); every ask is in the audit log. Otherwise the number stays masked.
   */
  async phone(actor: Actor, id: number): Promise<TaskPhoneView> {
    const parcel = await this.held(actor, id);
    if (!ON_ITS_WAY.includes(parcel.state)) throw new DomainError('PHONE_NOT_AVAILABLE');
    const phone = (await this.households.doors([parcel.householdId])).get(parcel.householdId)?.contactPhone;
    if (!phone) throw new DomainError('NOT_FOUND');
    await this.audit.record(actor, {
      action: 'parcel.phone',
      targetType: 'parcel',
      targetId: id,
      details: { householdId: parcel.householdId },
    });
    return { phone };
  }

  /** What a code shown at the door names: the parcel's own door code, or the QR of an order (which must be one it carries). */
  private codeAtDoor(token: string, at: Date): { parcelId: number } | { orderId: number } {
    const code = this.qr.verifyAny(token, ['parcelDoor', 'order'], at);
    return code.purpose === 'parcelDoor' ? { parcelId: code.id } : { orderId: code.id };
  }

  /**
   * The time a scanned code must still be valid at: when the server receives it, less a short
   * grace for a scan queued offline — never the phone's own claim, which a backdated replay could
   * set to before the code expired.
   */
  private codeTime(scannedAt: string | undefined): Date {
    const at = this.claimedTime(scannedAt);
    return new Date(Math.max(at.getTime(), this.clock.now().getTime() - OFFLINE_GRACE_MS));
  }

  /**
   * The time a scan happened: now, or the phone's time for a scan replayed after the network came
   * back — no later than now, no more than a day back, and never before the parcel's last event.
   */
  private async scanTime(parcel: Parcel, scannedAt: string | undefined): Promise<Date> {
    const at = this.claimedTime(scannedAt);
    if (scannedAt === undefined) return at;
    const [last] = await this.db.repo(ParcelEvent).find({ where: { parcelId: parcel.id }, order: { id: 'DESC' }, take: 1 });
    return last && new Date(last.at).getTime() > at.getTime() ? new Date(last.at) : at;
  }

  private claimedTime(scannedAt: string | undefined): Date {
    const now = this.clock.now();
    if (scannedAt === undefined) return now;
    const at = new Date(scannedAt);
    if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime() + 60_000 || at.getTime() < now.getTime() - 24 * 3600 * 1000) {
      throw new DomainError('VALIDATION_FAILED', { fields: { scannedAt: '扫码时间不对，请检查手机时间' } });
    }
    return at.getTime() > now.getTime() ? now : at;
  }

  // ---- time-outs (every instance; each parcel claimed by its conditional UPDATE) ------------
  // Assignments not accepted and parcels not picked up in time: Reassignment.

  /**
   * Contactless parcels the household has not confirmed within `hours` count as delivered (as
   * WeChat confirms receipt by itself after a while), each by a conditional UPDATE.
   */
  async confirmUnanswered(hours: number): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - hours * 3600_000);
    const due = await this.db.repo(Parcel).find({ where: { state: 'LEFT_AT_DOOR', leftAt: LessThan(cutoff) }, take: 1000 });
    let confirmed = 0;
    for (const parcel of due) {
      const how: MoveHow = { via: 'system', set: { deliveredAt: parcel.leftAt }, details: `not confirmed in ${hours} h` };
      if (await this.db.transaction(() => this.flow.systemMove(CONFIRMED_BY_TIME, { id: parcel.id }, how))) confirmed++;
    }
    return confirmed;
  }

  // ---- internals --------------------------------------------------------------------------

  /** A volunteer's move of a parcel they are entitled to move, answered as their task. */
  private async move(actor: Actor, parcel: Parcel, to: ParcelState, how: MoveHow): Promise<ParcelTaskView> {
    return this.views.task(actor, await this.flow.move(actor, parcelRelations(actor, parcel), parcel, to, how));
  }

  /** The parcel, if this volunteer holds it; anyone else gets not found. */
  private async held(actor: Actor, id: number): Promise<Parcel> {
    return this.mine(actor, await this.db.repo(Parcel).findOneBy({ id }));
  }

  private mine(actor: Actor, parcel: Parcel | null): Parcel {
    if (!parcel || !relationsTo(actor, { communityId: parcel.communityId, volunteerId: parcel.volunteerId }).includes('volunteer')) {
      throw new DomainError('PARCEL_NOT_FOUND');
    }
    return parcel;
  }
}
