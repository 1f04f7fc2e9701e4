import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MEDICINE_FLOW, nextStates, type Actor as FlowActor, type MedicineRequestView } from '@linli/shared-types';
import { In } from 'typeorm';
import { relationsTo } from '../../common/access';
import { hasRole, type Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { HouseholdsService } from '../community/households.service';
import { UsersService } from '../community/users.service';
import { FilesService } from '../files/files.service';
import { ParcelsService } from '../parcels/parcels.service';
import { MedicineItem, MedicinePhoto, MedicineRequest } from './entities/medicine-request.entity';
import { isOverdue } from './medicine-rules';
import { PharmaciesService } from './pharmacies.service';

/** Who the actor is to a request: its household, staff of its community, the pharmacist of its pharmacy. */
export function requestRelations(
  actor: Actor,
  request: MedicineRequest,
  myPharmacy: number | null,
  actsFor: number | null = null,
): FlowActor[] {
  return relationsTo(actor, request, { pharmacyId: myPharmacy, actsFor });
}

/**
 * Medicine requests as the household, its pharmacy and staff see them: items with the quote,
 * photos and the receipt behind signed links (only these people receive the views), the
 * deadline and whether it is overdue, the parcel once bought, and the moves the viewer may make.
 */
@Injectable()
export class MedicineViews implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
    private readonly files: FilesService,
    private readonly parcels: ParcelsService,
    private readonly pharmacies: PharmaciesService,
  ) {}

  /** The photos in these views reach their request's pharmacy too. */
  onModuleInit(): void {
    // A pharmacist sees the photos of their pharmacy's requests (uploader, household and staff already do).
    this.files.allow('prescription', async (actor, file) => {
      const pharmacyId = await this.pharmacyOf(actor);
      if (pharmacyId === null) return false;
      const photos = await this.db.repo(MedicinePhoto).findBy({ fileId: file.id });
      return this.db.repo(MedicineRequest).exists({ where: { id: In(photos.map((p) => p.requestId).concat(0)), pharmacyId } });
    });
    this.files.allow('receipt', async (actor, file) => {
      const pharmacyId = await this.pharmacyOf(actor);
      if (pharmacyId === null) return false;
      return this.db.repo(MedicineRequest).exists({ where: { receiptFileId: file.id, pharmacyId } });
    });
  }

  /** The pharmacy a pharmacist works for (null for anyone else): read once per call, not per row. */
  async pharmacyOf(actor: Actor): Promise<number | null> {
    return hasRole(actor, 'pharmacist') ? this.pharmacies.pharmacyOf(actor.userId) : null;
  }

  /** Who the actor is to this request (one pharmacy lookup). */
  async relations(actor: Actor, request: MedicineRequest): Promise<FlowActor[]> {
    return requestRelations(actor, request, await this.pharmacyOf(actor));
  }

  /** `actsFor`: the household the actor acts for as grid worker or 家属 (they get the household's buttons). */
  async view(actor: Actor, row: MedicineRequest, actsFor: number | null = null): Promise<MedicineRequestView> {
    return (await this.views(actor, [row], actsFor))[0] as MedicineRequestView;
  }

  async views(actor: Actor, rows: MedicineRequest[], actsFor: number | null = null): Promise<MedicineRequestView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const items = await this.db.repo(MedicineItem).find({ where: { requestId: In(ids) }, order: { id: 'ASC' } });
    const photos = await this.db.repo(MedicinePhoto).find({ where: { requestId: In(ids) }, order: { id: 'ASC' } });
    const doors = await this.households.doors(rows.map((r) => r.householdId));
    const pharmacies = await this.pharmacies.byIds(rows.map((r) => r.pharmacyId));
    const names = await this.users.nicknames(rows.map((r) => r.placedBy));
    const parcels = await this.parcels.forSources('medicine', ids);
    const now = this.clock.now();
    const myPharmacy = await this.pharmacyOf(actor);
    const views: MedicineRequestView[] = [];
    for (const r of rows) {
      const pharmacy = pharmacies.get(r.pharmacyId);
      const deadline = new Date(r.quoteDeadline);
      const actions = nextStates(MEDICINE_FLOW, r.state, requestRelations(actor, r, myPharmacy, actsFor)).filter((s) =>
        s === 'AWAITING_PAYMENT'
          ? r.paymentMode === 'wechat'
          : s === 'CONFIRMED' && r.state === 'QUOTED'
            ? r.paymentMode !== 'wechat'
            : true,
      );
      views.push({
        id: r.id,
        state: r.state,
        householdId: r.householdId,
        address: doors.get(r.householdId)?.address ?? '',
        pharmacy: { id: r.pharmacyId, name: pharmacy?.name ?? '', phone: pharmacy?.phone ?? null },
        urgency: r.urgency,
        forWhom: r.forWhom,
        note: r.note,
        items: items
          .filter((i) => i.requestId === r.id)
          .map((i) => ({
            id: i.id,
            name: i.name,
            spec: i.spec,
            quantity: i.quantity,
            brand: i.brand,
            prescription: i.prescription,
            quote: i.quoteStatus ? { status: i.quoteStatus, substituteName: i.substituteName, unitPriceFen: i.unitPriceFen } : null,
            accepted: i.accepted,
          })),
        photoUrls: photos.filter((p) => p.requestId === r.id).map((p) => this.files.link(p.fileId)),
        receiptUrl: r.receiptFileId ? this.files.link(r.receiptFileId) : null,
        rejectionReason: r.rejectionReason,
        cannotBuyReason: r.cannotBuyReason,
        cancelReason: r.cancelReason,
        movedTo: r.movedTo,
        quoteNote: r.quoteNote,
        totalFen: r.totalFen,
        paymentMode: r.paymentMode,
        payBy: r.payBy ? new Date(r.payBy).toISOString() : null,
        placedBy: { nickname: names.get(r.placedBy) ?? '', proxy: r.proxy },
        createdAt: new Date(r.createdAt).toISOString(),
        quoteDeadline: deadline.toISOString(),
        overdue: isOverdue(r.state, deadline, now),
        waitingMinutes: Math.max(0, Math.floor((now.getTime() - new Date(r.createdAt).getTime()) / 60_000)),
        actions,
        parcel: parcels.get(r.id) ?? null,
        repeatOf: r.repeatOf,
      });
    }
    return views;
  }
}
