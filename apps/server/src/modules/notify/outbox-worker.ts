import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { OutboxService } from './outbox.service';

/** Sends what the outbox holds, every few seconds, on every instance (rows are claimed). */
@Injectable()
export class OutboxWorker extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly outbox: OutboxService,
  ) {
    super('OutboxWorker', config.expirySweepSeconds);
  }

  protected work(): Promise<number> {
    return this.outbox.runDue();
  }
}
