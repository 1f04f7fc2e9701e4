import { Inject, Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../clock';
import { Db } from '../database/db';
import { PeriodicJob } from '../periodic-job';
import { IdempotencyRecord } from './idempotency-record.entity';

/** Rows deleted per statement, so that no sweep holds locks on a large range for long. */
const BATCH = 1000;
/** Batches per tick: a backlog is cleared over a few ticks rather than in one long one. */
const BATCHES_PER_TICK = 20;

/**
 * Deletes the answers to Idempotency-Keys once they are older than IDEMPOTENCY_KEEP_HOURS: a
 * retry after that runs as a new request. Without it the table grows by one row per command for
 * ever. Safe on several instances: each deletes by id what it found, and a row already gone is
 * simply not deleted twice.
 */
@Injectable()
export class IdempotencySweep extends PeriodicJob {
  private readonly keepMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    super('IdempotencySweep', config.expirySweepSeconds);
    this.keepMs = config.idempotencyKeepHours * 3600 * 1000;
  }

  protected async work(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.keepMs);
    let deleted = 0;
    for (let batch = 0; batch < BATCHES_PER_TICK; batch++) {
      const n = await this.db.transaction(async () => {
        const rows = await this.db
          .repo(IdempotencyRecord)
          .find({ where: { createdAt: LessThan(cutoff) }, select: ['id'], order: { createdAt: 'ASC' }, take: BATCH });
        if (rows.length > 0) await this.db.repo(IdempotencyRecord).delete(rows.map((r) => r.id));
        return rows.length;
      });
      deleted += n;
      if (n < BATCH) break;
    }
    if (deleted > 0) this.logger.log(`${deleted} idempotency record(s) past their keeping time deleted`);
    return deleted;
  }
}
