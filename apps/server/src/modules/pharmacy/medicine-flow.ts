import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor as FlowActor, MedicineRequestView, MedicineState } from '@linli/shared-types';
import { LessThan } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { defineMove, Transitions } from '../../common/workflow';
import { ParcelFlow, type SourceRef } from '../parcels/parcel-flow';
import { PaymentsService } from '../payments/payments.service';
import { MEDICINE_WORKFLOW, MedicineRequest } from './entities/medicine-request.entity';
import { MedicineMessages } from './medicine-messages';
import { MEDICINE_PAYABLE } from './medicine-payable';
import { MedicineViews } from './medicine-views';

/** A quote the household never answered lapses. */
const QUOTE_LAPSED = defineMove(MEDICINE_WORKFLOW, 'QUOTED', 'EXPIRED');
/** An accepted quote not paid in time lapses (money arriving later is refunded). */
const PAYMENT_LAPSED = defineMove(MEDICINE_WORKFLOW, 'AWAITING_PAYMENT', 'EXPIRED');
/** The parcel carrying it was delivered. */
const DELIVERED = defineMove(MEDICINE_WORKFLOW, 'PURCHASED', 'DELIVERED');
/** The parcel carrying it came back and staff cancelled it. */
const CANCELLED_RETURNED = defineMove(MEDICINE_WORKFLOW, 'PURCHASED', 'CANCELLED');

/**
 * How a medicine request moves: a person's move through the workflow door (answered as the
 * request's view), the server's moves (quotes lapsing, delivery, a returned parcel cancelled)
 * and the refund a paid request is owed when it stops.
 */
@Injectable()
export class MedicineFlow implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly parcelFlow: ParcelFlow,
    private readonly payments: PaymentsService,
    private readonly transitions: Transitions,
    private readonly views: MedicineViews,
    private readonly messages: MedicineMessages,
  ) {}

  onModuleInit(): void {
    const mine = (sources: SourceRef[]): number[] => sources.filter((s) => s.sourceType === 'medicine').map((s) => s.sourceId);
    this.parcelFlow.onDelivered((sources) => this.markDelivered(mine(sources)));
    this.parcelFlow.onCancelled((sources, reason, actor) => this.cancelReturned(mine(sources), reason, actor));
  }

  /** MEDICINE_FLOW decides through the workflow door: the wrong person is 403, the wrong moment 409. */
  async move(
    actor: Actor,
    as: FlowActor[],
    request: MedicineRequest,
    to: MedicineState,
    extra: Partial<MedicineRequest>,
  ): Promise<MedicineRequestView> {
    const now = this.clock.now();
    await this.transitions.transition(MEDICINE_WORKFLOW, request, to, as, { ...extra, updatedAt: now });
    const moved = { ...request, ...extra, state: to, updatedAt: now };
    await this.messages.moved(moved, to);
    return this.views.view(actor, moved);
  }

  async reread(actor: Actor, id: number): Promise<MedicineRequestView> {
    return this.views.view(actor, await this.db.repo(MedicineRequest).findOneByOrFail({ id }));
  }

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

  /** Staff cancelled the parcel carrying these requests after it came back (in that transaction): refunded if paid. */
  async cancelReturned(ids: number[], reason: string, actor: Actor): Promise<void> {
    for (const id of ids) {
      const moved = await this.transitions.systemTransition(
        CANCELLED_RETURNED,
        { ids: [id] },
        { cancelReason: reason, updatedAt: this.clock.now() },
      );
      if (moved !== 1) continue;
      await this.refundIfPaid(await this.db.repo(MedicineRequest).findOneByOrFail({ id }));
      await this.audit.record(actor, {
        action: 'medicine.cancel',
        targetType: 'medicine_request',
        targetId: id,
        details: { reason, returned: true },
      });
    }
  }

  /** A WeChat payment of this request, if any was made, is owed back (the refund sweep sends it). */
  async refundIfPaid(request: MedicineRequest): Promise<void> {
    if (request.paymentMode === 'wechat') await this.payments.owe(MEDICINE_PAYABLE.kind, request.id);
  }

  async markDelivered(ids: number[]): Promise<void> {
    for (const id of ids) {
      const now = this.clock.now();
      await this.db.transaction(async () => {
        if ((await this.transitions.systemTransition(DELIVERED, { ids: [id] }, { deliveredAt: now, updatedAt: now })) === 1) {
          await this.messages.delivered(id);
        }
      });
    }
  }
}
