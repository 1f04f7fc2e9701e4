import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { ErrorBody } from '@linli/shared-types';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { RequestWithActor } from '../actor';
import { Clock } from '../clock';
import { Db } from '../database/db';
import { isUniqueViolation } from '../db-errors';
import { DomainError, ReplayedError } from '../domain-error';
import { toErrorAnswer } from '../error.filter';
import { CALLS_OUT } from './calls-out';
import { isValidIdempotencyKey, requestFingerprint } from './idempotency';
import { IdempotencyRecord } from './idempotency-record.entity';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** status_code of a key claimed by a @CallsOut command still running (no HTTP status is 0). */
const IN_PROGRESS = 0;
/** A claim older than this was left by a server that died mid-call: a retry takes it over. */
const CLAIM_LEASE_MS = 60_000;
/** How long a twin waits for a running command's answer before it is told to try later. */
const TWIN_WAIT_MS = 12_000;
const TWIN_POLL_MS = 100;

/** The key is held by a twin request that committed first. */
class KeyTaken extends Error {}

interface Keyed {
  userId: number;
  key: string;
  fingerprint: string;
}

/**
 * One command, one transaction, one answer per Idempotency-Key.
 *
 * Every mutating request runs in one database transaction that services join (Db), retried
 * when MySQL picks it as a deadlock victim. When it
 * carries an Idempotency-Key, the answer is stored by that same transaction's last statement: it
 * exists exactly when the change does. A retry or a twin running at the same time meets the
 * unique (user_id, idem_key) index there, rolls back and replays it; a server killed mid-request
 * leaves neither change nor answer, so the retry simply runs. Refusals (4xx) are stored too,
 * after the rollback (unless a twin's answer is there first: then that one is replayed).
 *
 * A route marked @CallsOut (it calls WeChat) runs without that transaction: see `outside`.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<RequestWithActor & { file?: { buffer: Buffer } }>();
    if (!MUTATING.has(req.method)) return next.handle();
    const key = req.header('idempotency-key');
    if (key !== undefined && !isValidIdempotencyKey(key)) {
      throw new DomainError('VALIDATION_FAILED', { fields: { 'Idempotency-Key': '请求编号格式不对，请刷新后重试' } });
    }
    const keyed: Keyed | null =
      key !== undefined && req.actor
        ? { userId: req.actor.userId, key, fingerprint: requestFingerprint(req.method, req.originalUrl, req.body, req.file?.buffer) }
        : null;
    const res = ctx.switchToHttp().getResponse<Response>();
    const status = this.successStatus(ctx, req.method);
    const callsOut = this.reflector.get<boolean | undefined>(CALLS_OUT, ctx.getHandler()) === true;
    return from(callsOut ? this.outside(next, keyed, status, res) : this.run(next, keyed, status, res));
  }

  private async run(next: CallHandler, keyed: Keyed | null, status: number, res: Response): Promise<unknown> {
    // No look-up first: a stored answer makes the store below fail, and that path replays it.
    try {
      return await this.command(next, keyed, status);
    } catch (error) {
      if (!keyed) throw error;
      if (error instanceof KeyTaken) return this.replayStored(keyed, res);
      const answer = toErrorAnswer(error);
      // A twin that committed first under this key (this run then found, say, the household
      // limit it had taken): its answer is the one to give, not this run's refusal.
      if (answer.status < 500 && !(await this.storeRefusal(keyed, answer.status, answer.body))) return this.replayStored(keyed, res);
      throw error;
    }
  }

  /**
   * The command in one transaction (which Db runs again when MySQL rolled it back as a deadlock
   * victim: a command's only effects are its database writes; side effects leave through the
   * outbox). Its answer is stored by the transaction's last statement, so it exists exactly when
   * the change does: a retry or a twin running the command again meets the unique
   * (user_id, idem_key) index there (on MySQL a twin waits on it until the first commits), its
   * whole run rolls back, and the stored answer is replayed.
   */
  private command(next: CallHandler, keyed: Keyed | null, status: number): Promise<unknown> {
    return this.db.transaction(async () => {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      if (keyed) await this.store(keyed, status, body);
      return body;
    });
  }

  /**
   * A @CallsOut command: no transaction around it, so a slow WeChat holds neither SQLite's writer
   * lock nor a MySQL connection; its service opens short transactions around its own reads and
   * writes. The answer per key stays right in three short steps: the key is claimed (status 0,
   * the body holding this claim's token) and committed; the command runs; its answer — or a
   * refusal (4xx) — replaces the claim, while a 5xx drops it so that a retry runs again, as
   * after a rollback. A twin arriving meanwhile waits for the answer and replays it.
   */
  private async outside(next: CallHandler, keyed: Keyed | null, status: number, res: Response): Promise<unknown> {
    if (!keyed) return lastValueFrom(next.handle(), { defaultValue: undefined });
    const claim = await this.claimOrWait(keyed, res);
    if ('replayed' in claim) return claim.replayed;
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      const answer = toErrorAnswer(error);
      await this.settle(keyed, claim.token, answer.status < 500 ? { statusCode: answer.status, body: serialise(answer.body) } : null);
      throw error;
    }
    await this.settle(keyed, claim.token, { statusCode: status, body: serialise(body) });
    return body;
  }

  /**
   * Claims the key for this request, or replays the answer stored under it. While another
   * request holds the claim, waits (polling) for its answer; a claim past its lease (its server
   * died mid-call) is taken over; one still running after TWIN_WAIT_MS is REQUEST_IN_PROGRESS.
   */
  private async claimOrWait(keyed: Keyed, res: Response): Promise<{ token: string } | { replayed: unknown }> {
    const token = randomBytes(12).toString('hex');
    const waitUntil = Date.now() + TWIN_WAIT_MS;
    for (;;) {
      try {
        await this.db.transaction(() =>
          this.db.repo(IdempotencyRecord).insert({ ...keyed, statusCode: IN_PROGRESS, body: token, createdAt: this.clock.now() }),
        );
        return { token };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const stored = await this.db.transaction(() => this.db.repo(IdempotencyRecord).findOneBy({ userId: keyed.userId, key: keyed.key }));
      if (stored && stored.statusCode !== IN_PROGRESS) return { replayed: this.replay(stored, keyed, res) };
      if (stored && stored.fingerprint !== keyed.fingerprint) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      if (stored && this.clock.now().getTime() - new Date(stored.createdAt).getTime() > CLAIM_LEASE_MS) {
        const taken = await this.db.transaction(() =>
          this.db
            .repo(IdempotencyRecord)
            .update({ id: stored.id, statusCode: IN_PROGRESS, body: stored.body ?? '' }, { body: token, createdAt: this.clock.now() }),
        );
        if (taken.affected === 1) return { token };
      }
      if (Date.now() > waitUntil) throw new DomainError('REQUEST_IN_PROGRESS');
      await sleep(TWIN_POLL_MS);
    }
  }

  /** Replaces this request's claim by its answer, or drops it (null: a 5xx, the retry runs again). */
  private async settle(keyed: Keyed, token: string, answer: { statusCode: number; body: string | null } | null): Promise<void> {
    const mine = { userId: keyed.userId, key: keyed.key, statusCode: IN_PROGRESS, body: token };
    await this.db.transaction(async () => {
      if (answer) await this.db.repo(IdempotencyRecord).update(mine, answer);
      else await this.db.repo(IdempotencyRecord).delete(mine);
    });
  }

  /** Stores the answer inside the command's transaction: its last statement. */
  private async store(keyed: Keyed, status: number, body: unknown): Promise<void> {
    try {
      await this.db.run(
        'INSERT INTO idempotency_records (user_id, idem_key, fingerprint, status_code, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [keyed.userId, keyed.key, keyed.fingerprint, status, serialise(body), this.clock.now()],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new KeyTaken();
      throw error;
    }
  }

  /** Stores a refusal after its rollback; false when an answer is stored under the key already. */
  private async storeRefusal(keyed: Keyed, status: number, body: ErrorBody): Promise<boolean> {
    try {
      await this.db.transaction(() =>
        this.db.repo(IdempotencyRecord).insert({ ...keyed, statusCode: status, body: serialise(body), createdAt: this.clock.now() }),
      );
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return false;
    }
  }

  private async replayStored(keyed: Keyed, res: Response): Promise<unknown> {
    const stored = await this.db.repo(IdempotencyRecord).findOneByOrFail({ userId: keyed.userId, key: keyed.key });
    return this.replay(stored, keyed, res);
  }

  private replay(stored: IdempotencyRecord, keyed: Keyed, res: Response): unknown {
    if (stored.fingerprint !== keyed.fingerprint) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    res.setHeader('Idempotent-Replayed', 'true');
    const body: unknown = stored.body === null ? undefined : JSON.parse(stored.body);
    if (stored.statusCode >= 400) throw new ReplayedError(stored.statusCode, body as ErrorBody);
    return body;
  }

  private successStatus(ctx: ExecutionContext, method: string): number {
    const explicit = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler());
    return explicit ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
  }
}

function serialise(body: unknown): string | null {
  return body === undefined ? null : JSON.stringify(body);
}
