import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Reassignment } from './reassignment';

/**
 * Parcels that stopped with a volunteer: assignments nobody accepted within
 * ACCEPT_TIMEOUT_MINUTES, and accepted parcels not picked up (a reminder after
 * PICKUP_REMIND_MINUTES, back after PICKUP_RETURN_MINUTES) go on to the next volunteer.
 */
@Injectable()
export class AssignmentTimeout extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reassignment: Reassignment,
  ) {
    super('AssignmentTimeout', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    const released = await this.reassignment.releaseUnaccepted(this.config.acceptTimeoutMinutes);
    if (released > 0) this.logger.log(`${released} unaccepted parcel(s) offered on`);
    const unpicked = await this.reassignment.sweepUnpicked();
    if (unpicked > 0) this.logger.log(`${unpicked} reminder(s) or return(s) of parcels not picked up`);
    return released + unpicked;
  }
}
