import { Injectable, Logger } from '@nestjs/common';
import { IsNull, LessThan, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { OutboxRow } from './entities/outbox-row.entity';

/** A handler asks to be tried again later (WeChat busy, payment not indexed yet). */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs?: number,
  ) {
    super(message);
  }
}

/** A handler says trying again cannot help (refused for good): the row is kept as DEAD for staff. */
export class GiveUp extends Error {}

export type OutboxHandler = (payload: Record<string, unknown>) => Promise<void>;

/** Waits between attempts: 15 s, 30 s, 1, 2, 5, 10, 30 min, then hourly. */
const BACKOFF_MS = [15, 30, 60, 120, 300, 600, 1800].map((s) => s * 1000);
const MAX_ATTEMPTS = 12;
/** How long a worker holds a claimed row; after that (a crashed worker) another may take it. */
const LEASE_MS = 60_000;
/** Rows per multi-row INSERT of `enqueueMany` (well under SQLite's and MySQL's parameter limits). */
const ENQUEUE_CHUNK = 200;

/**
 * The outbox (ARCHITECTURE §5): a side effect is written as a row in the transaction that
 * decided it, and performed after commit by whichever instance claims it first. A claim is a
 * conditional UPDATE on the row's lease, so no row lock is held during the HTTP call and SQLite
 * and MySQL behave alike; a worker that dies mid-call loses the lease and the row is retried —
 * handlers must be safe to repeat (WeChat's calls here are).
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');
  private readonly handlers = new Map<string, OutboxHandler>();
  /** Kinds whose handler only writes to our database: done in one transaction with the row. */
  private readonly local = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  handle(kind: string, handler: OutboxHandler): void {
    this.handlers.set(kind, handler);
  }

  /**
   * A handler that only changes our own tables (another module reacting to an event). It runs in
   * the same transaction that marks the row DONE — exactly once, with no lease — and a failure
   * rolls both back for the worker to retry.
   */
  handleLocal(kind: string, handler: OutboxHandler): void {
    this.handlers.set(kind, handler);
    this.local.add(kind);
  }

  /** In the caller's transaction. Enqueuing the same dedupeKey again does nothing (unique key). */
  async enqueue(kind: string, dedupeKey: string, payload: Record<string, unknown>): Promise<void> {
    try {
      await this.db.repo(OutboxRow).insert(pending(kind, dedupeKey, payload, this.clock.now()));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /**
   * Many rows of one kind in the caller's transaction, as multi-row INSERTs (a dispatch tells
   * thousands of households at once). Keys already there are skipped, as `enqueue` does.
   */
  async enqueueMany(kind: string, rows: { dedupeKey: string; payload: Record<string, unknown> }[]): Promise<void> {
    const now = this.clock.now();
    for (let i = 0; i < rows.length; i += ENQUEUE_CHUNK) {
      const chunk = rows.slice(i, i + ENQUEUE_CHUNK);
      try {
        await this.db.repo(OutboxRow).insert(chunk.map((r) => pending(kind, r.dedupeKey, r.payload, now)));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        for (const r of chunk) await this.enqueue(kind, r.dedupeKey, r.payload);
      }
    }
  }

  /**
   * A local event right after the commit that wrote it, without reading the row back: one
   * transaction marks it DONE (if still pending) and applies the handler. On failure the row
   * stays PENDING for the worker.
   */
  async runLocalNow(kind: string, dedupeKey: string, payload: Record<string, unknown>): Promise<boolean> {
    const handler = this.handlers.get(kind);
    if (!handler || !this.local.has(kind)) return false;
    try {
      return await this.db.transaction(async () => {
        const now = this.clock.now();
        const taken = await this.db.manager
          .createQueryBuilder()
          .update(OutboxRow)
          .set({ status: 'DONE', doneAt: now, attempts: () => 'attempts + 1' })
          .where('dedupe_key = :dedupeKey AND status = :pending AND (claimed_until IS NULL OR claimed_until < :now)', {
            dedupeKey,
            pending: 'PENDING',
            now,
          })
          .execute();
        if (taken.affected !== 1) return false;
        await handler(payload);
        return true;
      });
    } catch (error) {
      this.logger.warn(`${kind} ${dedupeKey} left for the worker: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /** Performs due rows (at most `limit`); returns how many were done. */
  async runDue(limit = 50): Promise<number> {
    const now = this.clock.now();
    const due = await this.db.repo(OutboxRow).find({
      where: [
        { status: 'PENDING', nextAttemptAt: LessThanOrEqual(now), claimedUntil: IsNull() },
        { status: 'PENDING', nextAttemptAt: LessThanOrEqual(now), claimedUntil: LessThan(now) },
      ],
      order: { nextAttemptAt: 'ASC' },
      take: limit,
    });
    let done = 0;
    for (const row of due) if (await this.perform(row)) done++;
    return done;
  }

  private async perform(row: OutboxRow): Promise<boolean> {
    if (this.local.has(row.kind)) return this.performLocal(row);
    const now = this.clock.now();
    // Each write in a transaction of its own: on SQLite that takes the writer lock, so it never
    // lands inside another request's open transaction on the shared connection.
    const claimed = await this.db.transaction(() =>
      this.db.manager
        .createQueryBuilder()
        .update(OutboxRow)
        .set({ claimedUntil: new Date(now.getTime() + LEASE_MS), attempts: () => 'attempts + 1' })
        .where('id = :id AND status = :pending AND (claimed_until IS NULL OR claimed_until < :now)', {
          id: row.id,
          pending: 'PENDING',
          now,
        })
        .execute(),
    );
    if (claimed.affected !== 1) return false;
    const attempts = row.attempts + 1;
    const handler = this.handlers.get(row.kind);
    try {
      if (!handler) throw new GiveUp(`no handler for ${row.kind}`);
      await handler(JSON.parse(row.payload) as Record<string, unknown>);
      await this.db.transaction(() =>
        this.db.repo(OutboxRow).update({ id: row.id }, { status: 'DONE', doneAt: this.clock.now(), claimedUntil: null, lastError: null }),
      );
      return true;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const dead = error instanceof GiveUp || attempts >= MAX_ATTEMPTS;
      const wait = error instanceof RetryLater && error.delayMs !== undefined ? error.delayMs : (BACKOFF_MS[attempts - 1] ?? 3600_000);
      await this.db.transaction(() =>
        this.db
          .repo(OutboxRow)
          .update(
            { id: row.id },
            dead
              ? { status: 'DEAD', claimedUntil: null, lastError: message }
              : { nextAttemptAt: new Date(this.clock.now().getTime() + wait), claimedUntil: null, lastError: message },
          ),
      );
      this.logger.warn(`${row.kind} #${row.id} attempt ${attempts} ${dead ? 'gave up' : 'will retry'}: ${message}`);
      return false;
    }
  }

  /** A local kind: DONE and the handler's writes in one transaction; a failure rolls both back and is counted. */
  private async performLocal(row: OutboxRow): Promise<boolean> {
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    if (await this.runLocalNow(row.kind, row.dedupeKey, payload)) return true;
    const attempts = row.attempts + 1;
    const dead = attempts >= MAX_ATTEMPTS;
    await this.db.transaction(() =>
      this.db
        .repo(OutboxRow)
        .update(
          { id: row.id, status: 'PENDING' },
          dead
            ? { status: 'DEAD', attempts, lastError: 'gave up after retries' }
            : { attempts, nextAttemptAt: new Date(this.clock.now().getTime() + (BACKOFF_MS[attempts - 1] ?? 3600_000)) },
        ),
    );
    return false;
  }
}

/** A new row, due now. */
function pending(kind: string, dedupeKey: string, payload: Record<string, unknown>, now: Date): Partial<OutboxRow> {
  return {
    kind,
    dedupeKey,
    payload: JSON.stringify(payload),
    status: 'PENDING',
    attempts: 0,
    nextAttemptAt: now,
    claimedUntil: null,
    lastError: null,
    createdAt: now,
    doneAt: null,
  };
}
