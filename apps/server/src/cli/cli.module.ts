import { DynamicModule, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectCommander } from 'nest-commander';
import { AppModule } from '../app.module';
import type { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { AuthModule } from '../modules/auth/auth.module';
import { CliOutput } from './cli-output';
import { CommunityCreateCommand, CommunityListCommand } from './community.commands';
import { StaffAddCommand, StaffResetCommand } from './staff.commands';

/** `--help` names the program as it is run, not after the file it was started from. */
@Injectable()
class ProgramName implements OnModuleInit {
  constructor(@InjectCommander() private readonly program: { name(value: string): unknown }) {}

  onModuleInit(): void {
    this.program.name('npm run linli --');
  }
}

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
      providers: [ProgramName, CliOutput, CommunityCreateCommand, CommunityListCommand, StaffAddCommand, StaffResetCommand],
    };
  }
}
