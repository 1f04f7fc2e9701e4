import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ParcelsService } from './parcels.service';

/** Puts assignments nobody accepted within ACCEPT_TIMEOUT_MINUTES back in the pool. */
@Injectable()
export class AssignmentTimeout extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly parcels: ParcelsService,
  ) {
    super('AssignmentTimeout', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    const released = await this.parcels.releaseUnaccepted(this.config.acceptTimeoutMinutes);
    if (released > 0) this.logger.log(`${released} unaccepted parcel(s) back in the pool`);
    return released;
  }
}
