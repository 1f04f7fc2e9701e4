import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { Clock, SystemClock } from './clock';

/** The clock and the audit log, available to every module. */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, AuditService],
  exports: [Clock, AuditService],
})
export class CommonModule {}
