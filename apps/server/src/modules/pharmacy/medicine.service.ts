import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type Actor as FlowActor,
  type MedicineRequestBody,
  type MedicineRequestView,
  type MedicineState,
  type PaymentCheck,
  type PaymentParams,
  type QuoteBody,
} from '@linli/shared-types';
import { In, LessThan } from 'typeorm';
import { requireRelation, staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { defineMove, Transitions } from '../../common/workflow';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { HouseholdsService } from '../community/households.service';
import { FilesService } from '../files/files.service';
import { ParcelFlow } from '../parcels/parcel-flow';
import { ParcelsService } from '../parcels/parcels.service';
import { PaymentsService } from '../payments/payments.service';
import { MEDICINE_WORKFLOW, MedicineItem, MedicinePhoto, MedicineRequest } from './entities/medicine-request.entity';
import { MEDICINE_PAYABLE } from './medicine-payable';
import { isOverdue, queueOrder, quoteDeadline, quoteTotal } from './medicine-rules';
import { MedicineViews } from './medicine-views';
import { PharmaciesService } from './pharmacies.service';

const OPEN: MedicineState[] = ['SUBMITTED', 'QUOTED', 'AWAITING_PAYMENT', 'CONFIRMED', 'PURCHASED'];

/** A quote the household never answered lapses. */
const QUOTE_LAPSED = defineMove(MEDICINE_WORKFLOW, 'QUOTED', 'EXPIRED');
/** An accepted quote not paid in time lapses (money arriving later is refunded). */
const PAYMENT_LAPSED = defineMove(MEDICINE_WORKFLOW, 'AWAITING_PAYMENT', 'EXPIRED');
/** The parcel carrying it was delivered. */
const DELIVERED = defineMove(MEDICINE_WORKFLOW, 'PURCHASED', 'DELIVERED');

/**
 * Medicine bought on a household's behalf: request (with prescription photos), the pharmacy's
 * quote, the household's answer, the purchase with its receipt, and delivery as a parcel. Drug
 * names and photos reach the household, its pharmacy and staff only; the parcel says 「药品」.
 */
@Injectable()
export class MedicineService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly files: FilesService,
    private readonly parcels: ParcelsService,
    private readonly parcelFlow: ParcelFlow,
    private readonly pharmacies: PharmaciesService,
    private readonly payments: PaymentsService,
    private readonly transitions: Transitions,
    private readonly views: MedicineViews,
  ) {}

  onModuleInit(): void {
    this.parcelFlow.onDelivered((sources) => this.markDelivered(sources.filter((s) => s.sourceType === 'medicine').map((s) => s.sourceId)));
    // A pharmacist sees the photos of their pharmacy's requests (uploader, household and staff already do).
    this.files.allow('prescription', async (actor, file) => {
      const pharmacyId = await this.views.pharmacyOf(actor);
      if (pharmacyId === null) return false;
      const photos = await this.db.repo(MedicinePhoto).findBy({ fileId: file.id });
      return this.db.repo(MedicineRequest).exists({ where: { id: In(photos.map((p) => p.requestId).concat(0)), pharmacyId } });
    });
    this.files.allow('receipt', async (actor, file) => {
      const pharmacyId = await this.views.pharmacyOf(actor);
      if (pharmacyId === null) return false;
      return this.db.repo(MedicineRequest).exists({ where: { receiptFileId: file.id, pharmacyId } });
    });
  }

  // ---- the household (or staff for it) ------------------------------------------------------

  /** A request for the actor's household, or (staff) by proxy for `body.householdId`. */
  async submit(actor: Actor, body: MedicineRequestBody, proxy: boolean): Promise<MedicineRequestView> {
    const householdId = proxy ? (await this.households.getFor(actor, body.householdId ?? 0)).id : actor.householdId;
    if (householdId === null || householdId === undefined) throw new DomainError('NO_HOUSEHOLD');
    const photoIds = [...new Set(body.photoFileIds ?? [])];
    if (body.items.some((i) => i.prescription) && photoIds.length === 0) throw new DomainError('PRESCRIPTION_PHOTO_REQUIRED');
    for (const fileId of photoIds) await this.files.attach(actor, fileId, 'prescription', householdId);
    const saved = await this.create(actor, householdId, body, proxy, photoIds, null);
    if (proxy) {
      await this.audit.record(actor, { action: 'medicine.proxy', targetType: 'medicine_request', targetId: saved.id });
    }
    return this.views.view(actor, saved);
  }

  private async create(
    actor: Actor,
    householdId: number,
    body: MedicineRequestBody,
    proxy: boolean,
    photoIds: number[],
    repeatOf: number | null,
  ): Promise<MedicineRequest> {
    const household = await this.households.find(householdId);
    const pharmacy = await this.pharmacies.defaultFor(household.communityId, household.zone);
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
    return saved;
  }

  /** The household's requests, newest first. */
  async mine(actor: Actor): Promise<MedicineRequestView[]> {
    if (actor.householdId === null) return [];
    const rows = await this.db.repo(MedicineRequest).find({ where: { householdId: actor.householdId }, order: { id: 'DESC' }, take: 100 });
    return this.views.views(actor, rows);
  }

  async get(actor: Actor, id: number): Promise<MedicineRequestView> {
    const { record } = requireRelation(actor, await this.db.repo(MedicineRequest).findOneBy({ id }), 'MEDICINE_REQUEST_NOT_FOUND', {
      pharmacyId: await this.views.pharmacyOf(actor),
    });
    return this.views.view(actor, record);
  }

  async cancel(actor: Actor, id: number): Promise<MedicineRequestView> {
    const { record: request, as } = await this.forHousehold(actor, id);
    return this.move(actor, as, request, 'CANCELLED', { payBy: null });
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
    await this.move(actor, as, request, to, { answeredAt: now, totalFen: quoteTotal(answered), payBy });
    for (const item of answered) await this.db.repo(MedicineItem).update({ id: item.id }, { accepted: item.accepted });
    return this.reread(actor, id);
  }

  async decline(actor: Actor, id: number): Promise<MedicineRequestView> {
    const { record: request, as } = await this.forHousehold(actor, id);
    return this.move(actor, as, request, 'DECLINED', { answeredAt: this.clock.now() });
  }

  /** 慢性病续药: the same medicines again in one tap, as a chronic refill, with the same photos. */
  async repeat(actor: Actor, id: number): Promise<MedicineRequestView> {
    const { record: earlier } = await this.forHousehold(actor, id);
    const items = await this.db.repo(MedicineItem).find({ where: { requestId: id }, order: { id: 'ASC' } });
    const photos = await this.db.repo(MedicinePhoto).find({ where: { requestId: id }, order: { id: 'ASC' } });
    const body: MedicineRequestBody = {
      items: items.map((i) => ({ name: i.name, spec: i.spec, quantity: i.quantity, brand: i.brand, prescription: i.prescription })),
      urgency: 'chronic',
      forWhom: earlier.forWhom ?? undefined,
      note: earlier.note ?? undefined,
    };
    const proxy = earlier.householdId !== actor.householdId;
    const saved = await this.create(
      actor,
      earlier.householdId,
      body,
      proxy,
      photos.map((p) => p.fileId),
      id,
    );
    return this.views.view(actor, saved);
  }

  // ---- the pharmacy ---------------------------------------------------------------------------

  /** My pharmacy's open requests, most urgent first, with waiting time; or the finished ones. */
  async queue(actor: Actor, finished: boolean): Promise<MedicineRequestView[]> {
    const pharmacy = await this.pharmacies.mine(actor);
    const rows = await this.db.repo(MedicineRequest).find({
      where: { pharmacyId: pharmacy.id, state: finished ? In(['DELIVERED', 'REJECTED', 'DECLINED', 'CANCELLED', 'EXPIRED']) : In(OPEN) },
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
    await this.move(actor, as, request, 'QUOTED', {
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
    return this.reread(actor, id);
  }

  /** The prescription (or the request) is refused, with a reason the household reads. */
  async reject(actor: Actor, id: number, reason: string): Promise<MedicineRequestView> {
    const { record: request, as } = await this.forPharmacy(actor, id);
    const view = await this.move(actor, as, request, 'REJECTED', { rejectionReason: reason });
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
    await this.move(actor, as, request, 'PURCHASED', { receiptFileId, purchasedAt: this.clock.now(), purchasedBy: actor.userId });
    await this.parcels.createForMedicine(request);
    await this.audit.record(actor, {
      action: 'medicine.purchase',
      targetType: 'medicine_request',
      targetId: id,
      details: { receiptFileId, totalFen: request.totalFen },
    });
    return this.reread(actor, id);
  }

  // ---- staff ----------------------------------------------------------------------------------

  /** Every open request of the community, escalated ones first; or only the escalated ones. */
  async staffList(actor: Actor, overdueOnly: boolean): Promise<MedicineRequestView[]> {
    const communityId = staffCommunity(actor);
    const now = this.clock.now();
    const rows = (await this.db.repo(MedicineRequest).find({ where: { communityId, state: In(OPEN) }, take: 2000 }))
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
    return this.reread(actor, id);
  }

  // ---- system ---------------------------------------------------------------------------------

  /**
   * Quotes unanswered for `hours`, and accepted quotes not paid in time, expire, each by a
   * conditional UPDATE (a payment landing at the same moment wins, or is refunded).
   */
  async expireQuotes(hours: number): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - hours * 3600_000);
    const due = await this.db.repo(MedicineRequest).find({
      where: [
        { state: 'QUOTED', quotedAt: LessThan(cutoff) },
        { state: 'AWAITING_PAYMENT', payBy: LessThan(now) },
      ],
      select: ['id', 'state'],
      take: 1000,
    });
    let expired = 0;
    for (const r of due) {
      const lapse = r.state === 'QUOTED' ? QUOTE_LAPSED : PAYMENT_LAPSED;
      expired += await this.transitions.systemTransition(lapse, { ids: [r.id] }, { payBy: null, updatedAt: now });
    }
    return expired;
  }

  /** Parameters for Taro.requestPayment; the request is confirmed by WeChat's notification. */
  pay(actor: Actor, id: number): Promise<PaymentParams> {
    return this.payments.start(actor, MEDICINE_PAYABLE.kind, id);
  }

  async payCheck(actor: Actor, id: number): Promise<PaymentCheck<MedicineState>> {
    return (await this.payments.check(actor, MEDICINE_PAYABLE.kind, id)) as PaymentCheck<MedicineState>;
  }

  private async markDelivered(ids: number[]): Promise<void> {
    for (const id of ids) {
      const now = this.clock.now();
      await this.db.transaction(() => this.transitions.systemTransition(DELIVERED, { ids: [id] }, { deliveredAt: now, updatedAt: now }));
    }
  }

  // ---- internals ------------------------------------------------------------------------------

  /** The household, or staff acting for it (without the pharmacy's facts nobody else relates); anyone else: not found. */
  private async forHousehold(actor: Actor, id: number): Promise<{ record: MedicineRequest; as: FlowActor[] }> {
    return requireRelation(actor, await this.db.repo(MedicineRequest).findOneBy({ id }), 'MEDICINE_REQUEST_NOT_FOUND');
  }

  /** A request of my pharmacy; another pharmacy's is not found. */
  private async forPharmacy(actor: Actor, id: number): Promise<{ record: MedicineRequest; as: FlowActor[] }> {
    const pharmacy = await this.pharmacies.mine(actor);
    const request = await this.db.repo(MedicineRequest).findOneBy({ id, pharmacyId: pharmacy.id });
    return requireRelation(actor, request, 'MEDICINE_REQUEST_NOT_FOUND', { pharmacyId: pharmacy.id });
  }

  /** MEDICINE_FLOW decides through the workflow door: the wrong person is 403, the wrong moment 409. */
  private async move(
    actor: Actor,
    as: FlowActor[],
    request: MedicineRequest,
    to: MedicineState,
    extra: Partial<MedicineRequest>,
  ): Promise<MedicineRequestView> {
    const now = this.clock.now();
    await this.transitions.transition(MEDICINE_WORKFLOW, request, to, as, { ...extra, updatedAt: now });
    return this.views.view(actor, { ...request, ...extra, state: to, updatedAt: now });
  }

  private async reread(actor: Actor, id: number): Promise<MedicineRequestView> {
    return this.views.view(actor, await this.db.repo(MedicineRequest).findOneByOrFail({ id }));
  }
}
