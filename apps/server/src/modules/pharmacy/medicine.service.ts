import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor as FlowActor,
  type MedicineRequestBody,
  type MedicineRequestView,
  type MedicineState,
  type QuoteBody,
} from '@linli/shared-types';
import { In } from 'typeorm';
import { requireRelation, staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { Transitions } from '../../common/workflow';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { HouseholdsService } from '../community/households.service';
import { ProxyAccess } from '../proxy/proxy-access';
import { FilesService } from '../files/files.service';
import { ParcelsService } from '../parcels/parcels.service';
import { MEDICINE_WORKFLOW, MedicineItem, MedicinePhoto, MedicineRequest } from './entities/medicine-request.entity';
import { isOverdue, queueOrder, quoteDeadline, quoteTotal } from './medicine-rules';
import { MedicineFlow } from './medicine-flow';
import { MedicineMessages } from './medicine-messages';
import { MedicineViews } from './medicine-views';
import type { Pharmacy } from './entities/pharmacy.entity';
import { PharmaciesService } from './pharmacies.service';

/** Still on its way: the pharmacy's queue. */
const OPEN: MedicineState[] = ['SUBMITTED', 'QUOTED', 'AWAITING_PAYMENT', 'CONFIRMED', 'PURCHASED'];
/** What staff follow up: everything open, and what the pharmacy could not buy (to hand on). */
const STAFF_OPEN: MedicineState[] = [...OPEN, 'CANNOT_BUY'];
/** Done with at the pharmacy (a request it could not buy is now staff's). */
const FINISHED: MedicineState[] = ['DELIVERED', 'REJECTED', 'DECLINED', 'CANCELLED', 'EXPIRED', 'CANNOT_BUY'];

/**
 * Medicine bought on a household's behalf: request (with prescription photos), the pharmacy's
 * quote, the household's answer, the purchase with its receipt, and delivery as a parcel. Drug
 * names and photos reach the household, its pharmacy and staff only; the parcel says 「药品」.
 */
@Injectable()
export class MedicineService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly proxies: ProxyAccess,
    private readonly files: FilesService,
    private readonly parcels: ParcelsService,
    private readonly pharmacies: PharmaciesService,
    private readonly transitions: Transitions,
    private readonly views: MedicineViews,
    private readonly flow: MedicineFlow,
    private readonly messages: MedicineMessages,
  ) {}

  // ---- the household (or staff for it) ------------------------------------------------------

  /** A request for the actor's household, or (staff) by proxy for `body.householdId`. */
  async submit(actor: Actor, body: MedicineRequestBody, proxy: boolean): Promise<MedicineRequestView> {
    const acting = proxy ? await this.proxies.require(actor, body.householdId ?? 0) : null;
    const householdId = acting ? acting.household.id : actor.householdId;
    if (householdId === null || householdId === undefined) throw new DomainError('NO_HOUSEHOLD');
    const photoIds = [...new Set(body.photoFileIds ?? [])];
    if (body.items.some((i) => i.prescription) && photoIds.length === 0) throw new DomainError('PRESCRIPTION_PHOTO_REQUIRED');
    for (const fileId of photoIds) await this.files.attach(actor, fileId, 'prescription', householdId);
    const saved = await this.create(actor, householdId, body, proxy, photoIds, null);
    if (proxy) {
      await this.audit.record(actor, {
        action: 'medicine.proxy',
        targetType: 'medicine_request',
        targetId: saved.id,
        details: { as: acting?.as },
      });
    }
    return this.views.view(actor, saved, acting && acting.as !== 'staff' ? householdId : null);
  }

  private async create(
    actor: Actor,
    householdId: number,
    body: MedicineRequestBody,
    proxy: boolean,
    photoIds: number[],
    repeatOf: number | null,
    to?: Pharmacy,
  ): Promise<MedicineRequest> {
    const household = await this.households.find(householdId);
    const pharmacy = to ?? (await this.pharmacies.defaultFor(household.communityId, household.zone));
    const now = this.clock.now();
    const saved = await this.db.repo(MedicineRequest).save({
      communityId: household.communityId,
      householdId,
      pharmacyId: pharmacy.id,
      state: 'SUBMITTED' as const,
      urgency: body.urgency,
      forWhom: body.forWhom || null,
      note: body.note || null,
      placedBy: actor.userId,
      proxy,
      paymentMode: pharmacy.paymentMode,
      totalFen: 0,
      quoteDeadline: quoteDeadline(now, body.urgency, this.config.quoteMinutes),
      quotedAt: null,
      quotedBy: null,
      quoteNote: null,
      rejectionReason: null,
      answeredAt: null,
      receiptFileId: null,
      purchasedAt: null,
      purchasedBy: null,
      deliveredAt: null,
      repeatOf,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.repo(MedicineItem).insert(
      body.items.map((i) => ({
        requestId: saved.id,
        name: i.name,
        spec: i.spec ?? '',
        quantity: i.quantity,
        brand: i.brand,
        prescription: i.prescription,
        quoteStatus: null,
        substituteName: null,
        unitPriceFen: null,
        accepted: null,
      })),
    );
    if (photoIds.length) await this.db.repo(MedicinePhoto).insert(photoIds.map((fileId) => ({ requestId: saved.id, fileId })));
    await this.messages.submitted(saved);
    return saved;
  }

  /** Whether a medicine request is this household's (another module links to it, e.g. the care ledger). */
  async isOfHousehold(id: number, householdId: number): Promise<boolean> {
    return (await this.db.repo(MedicineRequest).countBy({ id, householdId })) > 0;
  }

  /** The household's requests, newest first. */
  async mine(actor: Actor): Promise<MedicineRequestView[]> {
    if (actor.householdId === null) return [];
    const rows = await this.db.repo(MedicineRequest).find({ where: { householdId: actor.householdId }, order: { id: 'DESC' }, take: 100 });
    return this.views.views(actor, rows);
  }

  /**
   * A household's accepted quotes waiting for WeChat Pay, for someone acting for it (the caller
   * checked with ProxyAccess): with the household's buttons when they act as its grid worker or 家属.
   */
  async toPayFor(actor: Actor, householdId: number): Promise<MedicineRequestView[]> {
    const rows = await this.db.repo(MedicineRequest).find({
      where: { householdId, state: 'AWAITING_PAYMENT' },
      order: { id: 'DESC' },
      take: 50,
    });
    const live = rows.filter((r) => r.payBy && new Date(r.payBy) > this.clock.now());
    return this.views.views(actor, live, await this.proxies.actsFor(actor, live[0] ?? null));
  }

  async get(actor: Actor, id: number): Promise<MedicineRequestView> {
    const request = await this.db.repo(MedicineRequest).findOneBy({ id });
    const { record } = requireRelation(actor, request, 'MEDICINE_REQUEST_NOT_FOUND', {
      pharmacyId: await this.views.pharmacyOf(actor),
      actsFor: await this.proxies.actsFor(actor, request),
    });
    return this.views.view(actor, record, await this.proxies.actsFor(actor, record));
  }

  /** The household (or staff) no longer wants it, before it is bought: paid money goes back. */
  async cancel(actor: Actor, id: number): Promise<MedicineRequestView> {
    const { record: request, as } = await this.forHousehold(actor, id);
    const view = await this.flow.move(actor, as, request, 'CANCELLED', { payBy: null });
    await this.flow.refundIfPaid(request);
    return view;
  }

  /** The household takes some of the quoted items (at least one available). */
  async accept(actor: Actor, id: number, itemIds: number[]): Promise<MedicineRequestView> {
    const { record: request, as } = await this.forHousehold(actor, id);
    const items = await this.db.repo(MedicineItem).findBy({ requestId: id });
    const wanted = new Set(itemIds);
    const taken = items.filter((i) => wanted.has(i.id) && i.quoteStatus !== null && i.quoteStatus !== 'unavailable');
    if (taken.length === 0 || [...wanted].some((w) => !items.some((i) => i.id === w))) throw new DomainError('NOTHING_TO_ACCEPT');
    const to: MedicineState = request.paymentMode === 'wechat' ? 'AWAITING_PAYMENT' : 'CONFIRMED';
    const answered = items.map((i) => ({ ...i, accepted: taken.some((t) => t.id === i.id) }));
    const now = this.clock.now();
    const payBy = to === 'AWAITING_PAYMENT' ? new Date(now.getTime() + this.config.paymentTimeoutMinutes * 60_000) : null;
    await this.flow.move(actor, as, request, to, { answeredAt: now, totalFen: quoteTotal(answered), payBy });
    for (const item of answered) await this.db.repo(MedicineItem).update({ id: item.id }, { accepted: item.accepted });
    return this.flow.reread(actor, id);
  }

  async decline(actor: Actor, id: number): Promise<MedicineRequestView> {
    const { record: request, as } = await this.forHousehold(actor, id);
    return this.flow.move(actor, as, request, 'DECLINED', { answeredAt: this.clock.now() });
  }

  /** 慢性病续药: the same medicines again in one tap, as a chronic refill, with the same photos. */
  async repeat(actor: Actor, id: number): Promise<MedicineRequestView> {
    const { record: earlier } = await this.forHousehold(actor, id);
    const { body, photoIds } = await this.again(earlier, 'chronic');
    const saved = await this.create(actor, earlier.householdId, body, earlier.householdId !== actor.householdId, photoIds, id);
    return this.views.view(actor, saved);
  }

  /** What an earlier request asked for, to ask again (a refill, a hand-over to another pharmacy). */
  private async again(
    earlier: MedicineRequest,
    urgency: MedicineRequest['urgency'],
  ): Promise<{ body: MedicineRequestBody; photoIds: number[] }> {
    const items = await this.db.repo(MedicineItem).find({ where: { requestId: earlier.id }, order: { id: 'ASC' } });
    const photos = await this.db.repo(MedicinePhoto).find({ where: { requestId: earlier.id }, order: { id: 'ASC' } });
    const body: MedicineRequestBody = {
      items: items.map((i) => ({ name: i.name, spec: i.spec, quantity: i.quantity, brand: i.brand, prescription: i.prescription })),
      urgency,
      forWhom: earlier.forWhom ?? undefined,
      note: earlier.note ?? undefined,
    };
    return { body, photoIds: photos.map((p) => p.fileId) };
  }

  // ---- the pharmacy ---------------------------------------------------------------------------

  /** My pharmacy's open requests, most urgent first, with waiting time; or the finished ones. */
  async queue(actor: Actor, finished: boolean): Promise<MedicineRequestView[]> {
    const pharmacy = await this.pharmacies.mine(actor);
    const rows = await this.db.repo(MedicineRequest).find({
      where: { pharmacyId: pharmacy.id, state: finished ? In(FINISHED) : In(OPEN) },
      order: { id: 'DESC' },
      take: finished ? 100 : 1000,
    });
    if (!finished) rows.sort(queueOrder(this.clock.now()));
    return this.views.views(actor, rows);
  }

  /** A request of my pharmacy; another pharmacy's is not found. */
  async pharmacyGet(actor: Actor, id: number): Promise<MedicineRequestView> {
    return this.views.view(actor, (await this.forPharmacy(actor, id)).record);
  }

  /**
   * The quote: every item in stock (with a price), a named substitute (with a price) or
   * unavailable. Quoting a request with prescription items approves its prescription.
   */
  async quote(actor: Actor, id: number, body: QuoteBody): Promise<MedicineRequestView> {
    const { record: request, as } = await this.forPharmacy(actor, id);
    const items = await this.db.repo(MedicineItem).findBy({ requestId: id });
    const byId = new Map(body.items.map((q) => [q.itemId, q]));
    if (byId.size !== body.items.length || items.length !== byId.size || items.some((i) => !byId.has(i.id))) {
      throw new DomainError('QUOTE_INCOMPLETE');
    }
    const fields: Record<string, string> = {};
    for (const [n, q] of body.items.entries()) {
      if (q.status === 'substitute' && !q.substituteName?.trim()) fields[`items.${n}.substituteName`] = '请写明替代药的名称';
      if (q.status !== 'unavailable' && q.unitPriceFen === undefined) fields[`items.${n}.unitPriceFen`] = '请填写单价';
    }
    if (Object.keys(fields).length) throw new DomainError('VALIDATION_FAILED', { fields });
    const quoted = items.map((i) => {
      const q = byId.get(i.id)!;
      return {
        ...i,
        quoteStatus: q.status,
        substituteName: q.status === 'substitute' ? (q.substituteName?.trim() ?? null) : null,
        unitPriceFen: q.status === 'unavailable' ? null : (q.unitPriceFen ?? null),
      };
    });
    const now = this.clock.now();
    await this.flow.move(actor, as, request, 'QUOTED', {
      quotedAt: now,
      quotedBy: actor.userId,
      quoteNote: body.note || null,
      totalFen: quoteTotal(quoted),
    });
    for (const i of quoted) {
      await this.db
        .repo(MedicineItem)
        .update({ id: i.id }, { quoteStatus: i.quoteStatus, substituteName: i.substituteName, unitPriceFen: i.unitPriceFen });
    }
    await this.audit.record(actor, {
      action: 'medicine.quote',
      targetType: 'medicine_request',
      targetId: id,
      details: {
        prescriptionApproved: items.some((i) => i.prescription),
        items: quoted.map((i) => ({ id: i.id, status: i.quoteStatus, substitute: i.substituteName, unitPriceFen: i.unitPriceFen })),
      },
    });
    return this.flow.reread(actor, id);
  }

  /** The prescription (or the request) is refused, with a reason the household reads. */
  async reject(actor: Actor, id: number, reason: string): Promise<MedicineRequestView> {
    const { record: request, as } = await this.forPharmacy(actor, id);
    const view = await this.flow.move(actor, as, request, 'REJECTED', { rejectionReason: reason });
    await this.audit.record(actor, {
      action: 'medicine.reject',
      targetType: 'medicine_request',
      targetId: id,
      details: { reason },
    });
    return view;
  }

  /** Bought, with the receipt photo: the request becomes a parcel for delivery. */
  async purchase(actor: Actor, id: number, receiptFileId: number): Promise<MedicineRequestView> {
    const { record: request, as } = await this.forPharmacy(actor, id);
    if (request.state === 'PURCHASED' && request.receiptFileId === receiptFileId) return this.views.view(actor, request);
    this.transitions.assertMay(MEDICINE_WORKFLOW, request.state, 'PURCHASED', as);
    await this.files.attach(actor, receiptFileId, 'receipt', request.householdId);
    await this.flow.move(actor, as, request, 'PURCHASED', { receiptFileId, purchasedAt: this.clock.now(), purchasedBy: actor.userId });
    await this.parcels.createForMedicine({ ...request, cashFen: request.paymentMode === 'cod' ? request.totalFen : 0 });
    await this.audit.record(actor, {
      action: 'medicine.purchase',
      targetType: 'medicine_request',
      targetId: id,
      details: { receiptFileId, totalFen: request.totalFen },
    });
    return this.flow.reread(actor, id);
  }

  /** The pharmacy cannot buy what was confirmed: it says why; paid money goes back; staff find another pharmacy. */
  async cannotBuy(actor: Actor, id: number, reason: string): Promise<MedicineRequestView> {
    const { record: request, as } = await this.forPharmacy(actor, id);
    const view = await this.flow.move(actor, as, request, 'CANNOT_BUY', { cannotBuyReason: reason });
    await this.flow.refundIfPaid(request);
    await this.audit.record(actor, { action: 'medicine.cannot-buy', targetType: 'medicine_request', targetId: id, details: { reason } });
    return view;
  }

  // ---- staff ----------------------------------------------------------------------------------

  /** Every open request of the community, escalated ones first; or only the escalated ones. */
  async staffList(actor: Actor, overdueOnly: boolean): Promise<MedicineRequestView[]> {
    const communityId = staffCommunity(actor);
    const now = this.clock.now();
    const rows = (await this.db.repo(MedicineRequest).find({ where: { communityId, state: In(STAFF_OPEN) }, take: 2000 }))
      .filter((r) => !overdueOnly || isOverdue(r.state, new Date(r.quoteDeadline), now))
      .sort(queueOrder(now));
    return this.views.views(actor, rows);
  }

  /** An escalated (or any unquoted) request goes to another pharmacy, with a fresh deadline. */
  async moveToPharmacy(actor: Actor, id: number, pharmacyId: number): Promise<MedicineRequestView> {
    const communityId = staffCommunity(actor);
    const request = await this.db.repo(MedicineRequest).findOneBy({ id, communityId });
    if (!request) throw new DomainError('MEDICINE_REQUEST_NOT_FOUND');
    const pharmacy = await this.pharmacies.staffPharmacy(actor, pharmacyId);
    if (request.state === 'CANNOT_BUY') return this.handOver(actor, request, pharmacy);
    if (request.state !== 'SUBMITTED') throw new DomainError('INVALID_TRANSITION', { from: request.state, to: 'SUBMITTED' });
    const now = this.clock.now();
    const moved = await this.db.repo(MedicineRequest).update(
      { id, state: 'SUBMITTED' },
      {
        pharmacyId: pharmacy.id,
        paymentMode: pharmacy.paymentMode,
        quoteDeadline: quoteDeadline(now, request.urgency, this.config.quoteMinutes),
        updatedAt: now,
      },
    );
    if (moved.affected !== 1) throw new DomainError('INVALID_TRANSITION', { from: request.state });
    await this.audit.record(actor, {
      action: 'medicine.move',
      targetType: 'medicine_request',
      targetId: id,
      details: { from: request.pharmacyId, to: pharmacy.id },
    });
    return this.flow.reread(actor, id);
  }

  /**
   * A request the pharmacy could not buy goes to another pharmacy as a new request (its quote,
   * price and payment start afresh); this one closes, saying where it went.
   */
  private async handOver(actor: Actor, request: MedicineRequest, pharmacy: Pharmacy): Promise<MedicineRequestView> {
    const { as } = requireRelation(actor, request, 'MEDICINE_REQUEST_NOT_FOUND');
    await this.flow.move(actor, as, request, 'CANCELLED', { cancelReason: `转给${pharmacy.name}` });
    const { body, photoIds } = await this.again(request, request.urgency);
    const fresh = await this.create(actor, request.householdId, body, true, photoIds, request.id, pharmacy);
    await this.db.repo(MedicineRequest).update({ id: request.id }, { movedTo: fresh.id });
    await this.audit.record(actor, {
      action: 'medicine.move',
      targetType: 'medicine_request',
      targetId: request.id,
      details: { from: request.pharmacyId, to: pharmacy.id, request: fresh.id },
    });
    return this.views.view(actor, fresh);
  }

  // ---- internals ------------------------------------------------------------------------------

  /**
   * The household, or staff, its grid worker or 家属 acting for it (without the pharmacy's facts
   * nobody else relates); anyone else: not found.
   */
  private async forHousehold(actor: Actor, id: number): Promise<{ record: MedicineRequest; as: FlowActor[] }> {
    const request = await this.db.repo(MedicineRequest).findOneBy({ id });
    return requireRelation(actor, request, 'MEDICINE_REQUEST_NOT_FOUND', { actsFor: await this.proxies.actsFor(actor, request) });
  }

  /** A request of my pharmacy; another pharmacy's is not found. */
  private async forPharmacy(actor: Actor, id: number): Promise<{ record: MedicineRequest; as: FlowActor[] }> {
    const pharmacy = await this.pharmacies.mine(actor);
    const request = await this.db.repo(MedicineRequest).findOneBy({ id, pharmacyId: pharmacy.id });
    return requireRelation(actor, request, 'MEDICINE_REQUEST_NOT_FOUND', { pharmacyId: pharmacy.id });
  }
}
