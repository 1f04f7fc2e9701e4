import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { MedicineState, PaymentCheck, PaymentParams } from '@linli/shared-types';
import { relationsTo } from '../../common/access';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { defineMove, Transitions } from '../../common/workflow';
import { definePayableKind, type Payable } from '../payments/payable';
import { PaymentsService } from '../payments/payments.service';
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

  async bill(actor: Actor, id: number): Promise<{ totalFen: number; description: string; payBy: Date }> {
    const request = await this.payer(actor, id);
    if (request.state !== 'AWAITING_PAYMENT' || !request.payBy || new Date(request.payBy) <= this.clock.now()) {
      throw new DomainError('ORDER_NOT_PAYABLE');
    }
    return { totalFen: request.totalFen, description: `邻里 代买药品 ${request.id}`, payBy: new Date(request.payBy) };
  }

  async refunded(id: number, amountFen: number): Promise<void> {
    await this.messages.refunded(id, amountFen);
  }

  async state(actor: Actor, id: number): Promise<{ state: string; awaitingPayment: boolean }> {
    const request = await this.payer(actor, id);
    return { state: request.state, awaitingPayment: request.state === 'AWAITING_PAYMENT' };
  }

  async confirmPaid(id: number): Promise<boolean> {
    return (await this.transitions.systemTransition(PAID, { ids: [id] }, { payBy: null, updatedAt: this.clock.now() })) === 1;
  }

  /** WeChat shows this to the payer; drug names stay with the household and its pharmacy. */
  itemDesc(): Promise<string> {
    return Promise.resolve('代买药品');
  }

  /** The household, or staff paying for it at its door; anyone else: not found. */
  private async payer(actor: Actor, id: number): Promise<MedicineRequest> {
    const request = await this.db.repo(MedicineRequest).findOneBy({ id });
    const as = request ? relationsTo(actor, request) : [];
    if (!request || !(as.includes('resident') || as.includes('staff'))) throw new DomainError('MEDICINE_REQUEST_NOT_FOUND');
    return request;
  }
}
