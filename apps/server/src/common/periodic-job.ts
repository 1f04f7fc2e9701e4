import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Work each server instance does every few seconds (expiring orders, sending refunds). Safe on
 * several instances at once because every unit of work is claimed in the database by a
 * conditional UPDATE; overlapping ticks on one instance are skipped. 0 seconds = never (tests
 * call runOnce themselves).
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  protected constructor(
    name: string,
    private readonly everySeconds: number,
  ) {
    this.logger = new Logger(name);
  }

  /** Does one round of work; returns how many things it did. */
  protected abstract work(): Promise<number>;

  onApplicationBootstrap(): void {
    if (this.everySeconds === 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.everySeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      return await this.work();
    } catch (error) {
      this.logger.error(`failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
