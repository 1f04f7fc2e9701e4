import { DynamicModule, Module } from '@nestjs/common';
import { AppModule } from '../app.module';
import type { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { AuthModule } from '../modules/auth/auth.module';
import { CliOutput } from './cli-output';
import { CommunityCreateCommand, CommunityListCommand } from './community.commands';
import { StaffAddCommand, StaffResetCommand } from './staff.commands';

/**
 * The operator's CLI: the whole app (same configuration, same database, migrations run at
 * start) as an application context without an HTTP listener, and its commands. The periodic
 * workers and the demo seed stay off: a command does its one job and exits.
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    const quiet: AppConfig = { ...config, h5Dir: null, expirySweepSeconds: 0, seedDemo: false };
    return {
      module: CliModule,
      imports: [AppModule.forRoot(quiet, clock), AuthModule],
      providers: [CliOutput, CommunityCreateCommand, CommunityListCommand, StaffAddCommand, StaffResetCommand],
    };
  }
}
