import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { Clock, SystemClock } from './clock';
import { Transitions } from './workflow';

/** The clock, the audit log and the workflow door, available to every module. */
@Global()
@Module({})
export class CommonModule {
  /** `clock` replaces the system clock (tests move time with a FakeClock). */
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: CommonModule,
      providers: [{ provide: Clock, useValue: clock }, AuditService, Transitions],
      exports: [Clock, AuditService, Transitions],
    };
  }
}
