import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { OrderMessages } from './order-messages';

/** Reminds households of WeChat orders still unpaid after ORDER_UNPAID_REMIND_MINUTES, once each. */
@Injectable()
export class OrderReminders extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly orders: OrderMessages,
  ) {
    super('OrderReminders', config.expirySweepSeconds);
  }

  protected work(): Promise<number> {
    return this.orders.remindUnpaid();
  }
}
