import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PaymentsService } from './payments.service';

/**
 * Sends the refunds that cancellations and late payments left as REFUND_PENDING: the payment
 * row is the outbox entry, written in the same transaction as the cancellation, so a refund is
 * never lost and WeChat's idempotent out_refund_no means it is never paid twice.
 */
@Injectable()
export class RefundSweep extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly payments: PaymentsService,
  ) {
    super('RefundSweep', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    const sent = await this.payments.sendDueRefunds();
    if (sent > 0) this.logger.log(`${sent} refund(s) sent to WeChat Pay`);
    return sent;
  }
}
