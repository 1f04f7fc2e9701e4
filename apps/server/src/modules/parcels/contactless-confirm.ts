import { Inject, Injectable } from '@nestjs/common';
import { CONTACTLESS_CONFIRM_HOURS } from '@linli/shared-types';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ParcelsService } from './parcels.service';

/** Contactless parcels nobody confirmed within CONTACTLESS_CONFIRM_HOURS count as delivered. */
@Injectable()
export class ContactlessConfirm extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly parcels: ParcelsService,
  ) {
    super('ContactlessConfirm', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    const confirmed = await this.parcels.confirmUnanswered(CONTACTLESS_CONFIRM_HOURS);
    if (confirmed > 0) this.logger.log(`${confirmed} contactless parcel(s) confirmed after ${CONTACTLESS_CONFIRM_HOURS} h`);
    return confirmed;
  }
}
