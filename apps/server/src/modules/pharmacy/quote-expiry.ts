import { Inject, Injectable } from '@nestjs/common';
import { QUOTE_ANSWER_HOURS } from '@linli/shared-types';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MedicineFlow } from './medicine-flow';

/** Quotes a household has not answered within QUOTE_ANSWER_HOURS expire. */
@Injectable()
export class QuoteExpiry extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly medicine: MedicineFlow,
  ) {
    super('QuoteExpiry', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    const expired = await this.medicine.expireQuotes(QUOTE_ANSWER_HOURS);
    if (expired > 0) this.logger.log(`${expired} unanswered quote(s) expired`);
    return expired;
  }
}
