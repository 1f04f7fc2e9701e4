import { Injectable } from '@nestjs/common';
import type { Actor as FlowActor, ActedAs, OrderQrView, ParcelSummary, ProxyParcel } from '@linli/shared-types';
import QRCode from 'qrcode';
import { MoreThan } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { QrTokens } from '../../common/qr-token';
import { ProxyAccess } from '../proxy/proxy-access';
import { ProxyMessages } from '../proxy/proxy-messages';
import { ParcelRating } from './entities/parcel-rating.entity';
import { Parcel } from './entities/parcel.entity';
import { ParcelFlow } from './parcel-flow';
import { parcelRelations, ParcelViews } from './parcel-views';

/**
 * Parcels from the household's side: its door code, confirming a contactless parcel (or saying it
 * is not there) and 评单 — by the household, or by someone acting for it (issue 18: staff, its
 * grid worker, its 家属; ProxyAccess decides), recorded as such and the household told.
 */
@Injectable()
export class HouseholdParcelsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly qr: QrTokens,
    private readonly flow: ParcelFlow,
    private readonly views: ParcelViews,
    private readonly proxies: ProxyAccess,
    private readonly proxyMessages: ProxyMessages,
  ) {}

  /**
   * What a household has to do about its parcels, for someone acting for it (the caller checked
   * with ProxyAccess): contactless parcels to confirm, and those delivered in the last 14 days
   * still to rate.
   */
  async awaitingHousehold(householdId: number): Promise<{ toConfirm: ProxyParcel[]; toRate: ProxyParcel[] }> {
    const since = new Date(this.clock.now().getTime() - 14 * 24 * 3600_000);
    const rows = await this.db.repo(Parcel).find({
      where: [
        { householdId, state: 'LEFT_AT_DOOR' },
        { householdId, state: 'DELIVERED', deliveredAt: MoreThan(since) },
      ],
      order: { id: 'DESC' },
      take: 100,
    });
    const summaries = await this.views.summaries(rows.map((p) => p.id));
    const withContents = rows.map((p) => ({
      ...(summaries.get(p.id) as ParcelSummary),
      contents: p.contents,
      deliveryDate: p.deliveryDate,
    }));
    return {
      toConfirm: withContents.filter((p) => p.state === 'LEFT_AT_DOOR'),
      toRate: withContents.filter((p) => p.state === 'DELIVERED' && p.rating === null),
    };
  }

  /**
   * The household's code for its parcel, shown at the door (any source, medicine included); it
   * stays valid until three days after the parcel's delivery date.
   */
  async doorCode(actor: Actor, id: number): Promise<OrderQrView> {
    const { parcel } = await this.householdParcel(actor, id);
    if (!['READY', 'ASSIGNED', 'ACCEPTED', 'PICKED_UP', 'LEFT_AT_DOOR'].includes(parcel.state)) throw new DomainError('ORDER_NOT_ACTIVE');
    const afterDelivery = new Date(`${parcel.deliveryDate}T23:59:59+08:00`).getTime() + 3 * 24 * 3600 * 1000;
    const expiresAt = new Date(Math.max(Number.isNaN(afterDelivery) ? 0 : afterDelivery, this.clock.now().getTime() + 24 * 3600 * 1000));
    const token = this.qr.sign('parcelDoor', parcel.id, expiresAt);
    const image = await QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
    return { token, image, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The household confirms a contactless parcel is in their hands, or a proxy for it does (its
   * grid worker, its 家属, staff: recorded as such, the household told). Confirming twice is harmless.
   */
  async confirmReceipt(actor: Actor, id: number): Promise<ParcelSummary> {
    const { parcel, as } = await this.householdParcel(actor, id);
    if (parcel.state !== 'DELIVERED') {
      await this.db.transaction(async () => {
        await this.flow.move(actor, this.householdRelations(actor, parcel, as), parcel, 'DELIVERED', {
          via: 'app',
          set: { deliveredAt: parcel.leftAt ?? this.clock.now() },
          ...actingAs(as),
        });
        await this.toldOfProxy(actor, parcel, as, { title: '家人已为您确认收到包裹', act: '确认收到门口的包裹', what: 'confirm' });
      });
    }
    return this.views.summary(id);
  }

  /** The household (or a proxy for it) says the contactless parcel is not at the door: staff follow it up. */
  async reportMissing(actor: Actor, id: number): Promise<ParcelSummary> {
    const { parcel, as } = await this.householdParcel(actor, id);
    if (parcel.state !== 'FAILED') {
      await this.db.transaction(async () => {
        await this.flow.move(actor, this.householdRelations(actor, parcel, as), parcel, 'FAILED', {
          via: 'app',
          set: { failureReason: 'not-received' },
          details: 'not-received',
          ...actingAs(as),
        });
        await this.toldOfProxy(actor, parcel, as, {
          title: '家人已为您报告没收到',
          act: '报告门口没有收到包裹，社区会跟进',
          what: 'missing',
        });
      });
    }
    return this.views.summary(id);
  }

  /** The household (or a proxy for it) rates its delivered parcel, once. */
  async rate(actor: Actor, id: number, stars: number, comment: string | undefined): Promise<ParcelSummary> {
    const { parcel, as } = await this.householdParcel(actor, id);
    if (parcel.state !== 'DELIVERED') throw new DomainError('NOT_DELIVERED_YET');
    await this.db.transaction(async () => {
      try {
        await this.db.repo(ParcelRating).insert({
          parcelId: id,
          householdId: parcel.householdId,
          volunteerId: parcel.volunteerId,
          stars,
          comment: comment || null,
          ratedByUserId: actor.userId,
          ratedAs: as,
          createdAt: this.clock.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('ALREADY_RATED');
        throw error;
      }
      await this.toldOfProxy(actor, parcel, as, { title: '家人已为您评价配送', act: `评价了这次配送（${stars} 星）`, what: 'rate' });
    });
    return this.views.summary(id);
  }

  /** For a proxy: the household is told, and the act lands in the audit log with as whom. */
  private async toldOfProxy(
    actor: Actor,
    parcel: Parcel,
    as: ActedAs,
    did: { title: string; act: string; what: 'confirm' | 'missing' | 'rate' },
  ): Promise<void> {
    if (as === 'household') return;
    await this.audit.record(actor, {
      action: 'parcel.proxy',
      targetType: 'parcel',
      targetId: parcel.id,
      details: { householdId: parcel.householdId, as, act: did.what },
    });
    await this.proxyMessages.tell({ userId: actor.userId, as }, parcel, { title: did.title, act: did.act });
  }

  /** A proxy does what the household would do: they move the parcel as its `resident`. */
  private householdRelations(actor: Actor, parcel: Parcel, as: ActedAs): FlowActor[] {
    return as === 'household' ? parcelRelations(actor, parcel) : ['resident'];
  }

  /**
   * The parcel, if it goes to the actor's household or to one they act for (ProxyAccess: staff,
   * its grid worker, its 家属), and as whom; anyone else gets not found.
   */
  private async householdParcel(actor: Actor, id: number): Promise<{ parcel: Parcel; as: ActedAs }> {
    const parcel = await this.db.repo(Parcel).findOneBy({ id });
    const as = parcel ? await this.proxies.actingAs(actor, parcel) : null;
    if (!parcel || as === null) throw new DomainError('PARCEL_NOT_FOUND');
    return { parcel, as };
  }
}

function actingAs(as: ActedAs): { actingAs?: Exclude<ActedAs, 'household'> } {
  return as === 'household' ? {} : { actingAs: as };
}
