import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DEMO_COMMUNITY, seedDemo } from './demo-seed';

/** Seeds the demo community on first start (never in production unless SEED_DEMO=true). */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    if (await seedDemo(this.db, { households: this.config.seedHouseholds })) {
      this.logger.log(`Seeded the demo community ${DEMO_COMMUNITY} with ${this.config.seedHouseholds} households`);
    }
  }
}
