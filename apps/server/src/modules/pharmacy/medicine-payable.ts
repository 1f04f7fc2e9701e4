import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatFen, type ActedAs, type MedicineState, type PaymentCheck, type PaymentParams } from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { defineMove, Transitions } from '../../common/workflow';
import { definePayableKind, type PaidBy, type Payable } from '../payments/payable';
import { PaymentsService } from '../payments/payments.service';
import { ProxyAccess } from '../proxy/proxy-access';
import { ProxyMessages } from '../proxy/proxy-messages';
import { MEDICINE_WORKFLOW, MedicineRequest } from './entities/medicine-request.entity';
import { MedicineMessages } from './medicine-messages';

/** Medicine bought on a household's behalf, as payments know it; also the parcel source type. */
export const MEDICINE_PAYABLE = definePayableKind({
  kind: 'medicine',
  tradePrefix: 'LINLI_MED',
  refundPrefix: 'LINLI_MREFUND',
  refundReason: '邻里代买药品退款',
});

/** WeChat says the accepted quote was paid in time: the pharmacy may buy. */
const PAID = defineMove(MEDICINE_WORKFLOW, 'AWAITING_PAYMENT', 'CONFIRMED');

/** An accepted medicine quote paid with WeChat Pay: how payments bill and confirm it. */
@Injectable()
export class MedicinePayable implements Payable, OnModuleInit {
  readonly kind = MEDICINE_PAYABLE;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly transitions: Transitions,
    private readonly payments: PaymentsService,
    private readonly messages: MedicineMessages,
    private readonly proxies: ProxyAccess,
    private readonly proxyMessages: ProxyMessages,
  ) {}

  onModuleInit(): void {
    this.payments.register(this);
  }

  /** Parameters for Taro.requestPayment; the request is confirmed by WeChat's notification. */
  pay(actor: Actor, id: number): Promise<PaymentParams> {
    return this.payments.start(actor, this.kind.kind, id);
  }

  async payCheck(actor: Actor, id: number): Promise<PaymentCheck<MedicineState>> {
    return (await this.payments.check(actor, this.kind.kind, id)) as PaymentCheck<MedicineState>;
  }

  async bill(actor: Actor, id: number): Promise<{ totalFen: number; description: string; payBy: Date; as: ActedAs }> {
    const { request, as } = await this.payer(actor, id);
    if (request.state !== 'AWAITING_PAYMENT' || !request.payBy || new Date(request.payBy) <= this.clock.now()) {
      throw new DomainError('ORDER_NOT_PAYABLE');
    }
    return { totalFen: request.totalFen, description: `邻里 代买药品 ${request.id}`, payBy: new Date(request.payBy), as };
  }

  /** The money went back to whoever paid: the household's own WeChat, or the proxy's. */
  async refunded(id: number, amountFen: number, paid: PaidBy): Promise<void> {
    if (paid.userId !== null && paid.as !== null && paid.as !== 'household') {
      const request = await this.db.repo(MedicineRequest).findOneByOrFail({ id });
      await this.proxyMessages.refunded({ userId: paid.userId, as: paid.as }, request, {
        label: '买药钱',
        amountFen,
        link: `/medicine/request/index?id=${id}`,
      });
      return;
    }
    await this.messages.refunded(id, amountFen);
  }

  async state(actor: Actor, id: number): Promise<{ state: string; awaitingPayment: boolean }> {
    const { request } = await this.payer(actor, id);
    return { state: request.state, awaitingPayment: request.state === 'AWAITING_PAYMENT' };
  }

  /** Paid: confirmed, and when a proxy paid with their own WeChat the household hears who did. */
  async confirmPaid(id: number, paid: PaidBy): Promise<boolean> {
    if ((await this.transitions.systemTransition(PAID, { ids: [id] }, { payBy: null, updatedAt: this.clock.now() })) !== 1) return false;
    if (paid.userId !== null && paid.as !== null && paid.as !== 'household') {
      const request = await this.db.repo(MedicineRequest).findOneByOrFail({ id });
      await this.proxyMessages.tell({ userId: paid.userId, as: paid.as }, request, {
        title: '家人已为您付药钱',
        act: `支付买药钱 ${formatFen(paid.amountFen)}`,
        link: `/medicine/request/index?id=${id}`,
      });
    }
    return true;
  }

  /** WeChat shows this to the payer; drug names stay with the household and its pharmacy. */
  itemDesc(): Promise<string> {
    return Promise.resolve('代买药品');
  }

  /**
   * The household, or anyone acting for it (issue 18: staff at its door, its grid worker, its
   * 家属) with their own WeChat; anyone else: not found.
   */
  private async payer(actor: Actor, id: number): Promise<{ request: MedicineRequest; as: ActedAs }> {
    const request = await this.db.repo(MedicineRequest).findOneBy({ id });
    const as = request ? await this.proxies.actingAs(actor, request) : null;
    if (!request || as === null) throw new DomainError('MEDICINE_REQUEST_NOT_FOUND');
    return { request, as };
  }
}
