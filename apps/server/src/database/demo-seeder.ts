import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DEMO_COMMUNITY, seedDemo } from './demo-seed';
import { LivingDemo } from './living-demo';

/**
 * Seeds the demo community on first start (with DEMO=1, or SEED_DEMO=1), and on it the living
 * demo (DEMO_LIVE, on with DEMO=1 unless turned off) through the app's own services.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly modules: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const seeded = await seedDemo(this.db, { households: this.config.seedHouseholds });
    if (seeded) this.logger.log(`Seeded the demo community ${DEMO_COMMUNITY} with ${this.config.seedHouseholds} households`);
    if (!this.config.demoLive) return;
    const started = Date.now();
    try {
      const living = new LivingDemo(this.modules);
      if (seeded) {
        await living.create();
        this.logger.log(`Living demo: windows, orders, parcels on their way and medicine requests (${Date.now() - started} ms)`);
      } else if (await living.freshen()) {
        // Started again after its windows have closed (days later): today's windows, relative to now.
        this.logger.log(`Living demo: today’s windows opened (${Date.now() - started} ms)`);
      }
    } catch (error) {
      // The bare demo still works: say what went wrong rather than refuse to start.
      this.logger.error(`The living demo could not be set up: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}
