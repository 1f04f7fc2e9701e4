import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { OrdersService } from './orders.service';

/** Expires unpaid orders past their time, on every instance (OrdersService.expireDue claims each). */
@Injectable()
export class OrderExpiry extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly orders: OrdersService,
  ) {
    super('OrderExpiry', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    const expired = await this.orders.expireDue();
    if (expired > 0) this.logger.log(`${expired} unpaid order(s) expired; their stock is back`);
    return expired;
  }
}
