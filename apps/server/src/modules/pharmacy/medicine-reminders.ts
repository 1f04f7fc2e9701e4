import { Inject, Injectable } from '@nestjs/common';
import { QUOTE_REMIND_HOURS } from '@linli/shared-types';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MedicineMessages } from './medicine-messages';

/** Reminds households of quotes unanswered for QUOTE_REMIND_HOURS; warns staff of requests unquoted past their deadline. Each told once. */
@Injectable()
export class MedicineReminders extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly medicine: MedicineMessages,
  ) {
    super('MedicineReminders', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    return (await this.medicine.remindQuotes(QUOTE_REMIND_HOURS)) + (await this.medicine.warnOverdue());
  }
}
