import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { ErrorBody } from '@linli/shared-types';
import type { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { RequestWithActor } from '../actor';
import { Clock } from '../clock';
import { Db } from '../database/db';
import { isRetryableConflict, isUniqueViolation } from '../db-errors';
import { DomainError, ReplayedError } from '../domain-error';
import { toErrorAnswer } from '../error.filter';
import { isValidIdempotencyKey, requestFingerprint } from './idempotency';
import { IdempotencyRecord } from './idempotency-record.entity';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

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
 * carries an Idempotency-Key, the answer is stored in that same transaction: it exists exactly
 * when the change does. A retry replays it; a twin running at the same time waits on the unique
 * (user_id, idem_key) index and then replays; a server killed mid-request leaves neither change
 * nor answer, so the retry simply runs. Refusals (4xx) are stored too, after the rollback.
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
    return from(this.run(next, keyed, this.successStatus(ctx, req.method), res));
  }

  private async run(next: CallHandler, keyed: Keyed | null, status: number, res: Response): Promise<unknown> {
    // No look-up first: a stored answer makes the claim below fail, and that path replays it.
    try {
      return await this.command(next, keyed, status);
    } catch (error) {
      if (!keyed) throw error;
      if (error instanceof KeyTaken) {
        const stored = await this.db.repo(IdempotencyRecord).findOneByOrFail({ userId: keyed.userId, key: keyed.key });
        return this.replay(stored, keyed, res);
      }
      const answer = toErrorAnswer(error);
      if (answer.status < 500) await this.storeRefusal(keyed, answer.status, answer.body);
      throw error;
    }
  }

  /**
   * The command in one transaction; run again (up to 3 times) when MySQL rolled it back as a
   * deadlock victim. Safe because a command's only effects are its database writes (side effects
   * leave through the outbox).
   */
  private async command(next: CallHandler, keyed: Keyed | null, status: number): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async () => {
          if (keyed) await this.claim(keyed, status);
          const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
          if (keyed) await this.db.repo(IdempotencyRecord).update({ userId: keyed.userId, key: keyed.key }, { body: serialise(body) });
          return body;
        });
      } catch (error) {
        if (attempt >= 3 || !isRetryableConflict(error)) throw error;
      }
    }
  }

  /** Takes the key inside the command's transaction (on MySQL a twin waits here until we commit). */
  private async claim(keyed: Keyed, status: number): Promise<void> {
    try {
      await this.db.repo(IdempotencyRecord).insert({ ...keyed, statusCode: status, body: null, createdAt: this.clock.now() });
    } catch (error) {
      if (isUniqueViolation(error)) throw new KeyTaken();
      throw error;
    }
  }

  private async storeRefusal(keyed: Keyed, status: number, body: ErrorBody): Promise<void> {
    try {
      await this.db.transaction(() =>
        this.db.repo(IdempotencyRecord).insert({ ...keyed, statusCode: status, body: serialise(body), createdAt: this.clock.now() }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
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
