import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { OrdersService } from './orders.service';

/**
 * Every instance sweeps for unpaid orders past their time. Safe to run on several instances at
 * once: each order is claimed by a conditional UPDATE (OrdersService.expireDue).
 */
@Injectable()
export class OrderExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OrderExpiry');
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly orders: OrdersService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.expirySweepSeconds === 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.config.expirySweepSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One sweep; overlapping ticks on one instance are skipped. */
  async runOnce(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const expired = await this.orders.expireDue();
      if (expired > 0) this.logger.log(`${expired} unpaid order(s) expired; their stock is back`);
      return expired;
    } catch (error) {
      this.logger.error(`expiry sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
