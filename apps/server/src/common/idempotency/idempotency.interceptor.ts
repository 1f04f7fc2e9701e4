import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { ErrorBody } from '@linli/shared-types';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { DataSource, IsNull } from 'typeorm';
import type { RequestWithActor } from '../actor';
import { Clock } from '../clock';
import { isUniqueViolation } from '../db-errors';
import { DomainError, ReplayedError } from '../domain-error';
import { toErrorAnswer } from '../error.filter';
import { decideOnExisting, isValidIdempotencyKey, requestFingerprint } from './idempotency';
import { IdempotencyRecord } from './idempotency-record.entity';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Stores the first answer to a mutating call per (user, Idempotency-Key) in the database and
 * replays it for retries, so a double tap or a retry after a lost answer does the work once.
 * Works across server instances: the unique index on (user_id, idem_key) decides who runs.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<RequestWithActor>();
    const key = req.header('idempotency-key');
    if (!MUTATING.has(req.method) || key === undefined || !req.actor) return next.handle();
    if (!isValidIdempotencyKey(key)) {
      throw new DomainError('VALIDATION_FAILED', { fields: { 'Idempotency-Key': '请求编号格式不对，请刷新后重试' } });
    }
    const userId = req.actor.userId;
    const fingerprint = requestFingerprint(req.method, req.originalUrl, req.body);
    const res = ctx.switchToHttp().getResponse<Response>();
    return from(this.begin(userId, key, fingerprint)).pipe(
      mergeMap((existing) => {
        if (existing) {
          res.setHeader('Idempotent-Replayed', 'true');
          const body: unknown = existing.body === null ? null : JSON.parse(existing.body);
          if (existing.statusCode !== null && existing.statusCode >= 400) {
            throw new ReplayedError(existing.statusCode, body as ErrorBody);
          }
          return of(body);
        }
        const successStatus = this.successStatus(ctx, req.method);
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.finish(userId, key, successStatus, body);
            return body;
          }),
          catchError(async (error: unknown) => {
            const answer = toErrorAnswer(error);
            if (answer.status < 500) await this.finish(userId, key, answer.status, answer.body);
            else await this.db.getRepository(IdempotencyRecord).delete({ userId, key });
            throw error;
          }),
        );
      }),
    );
  }

  /** Claims the key; returns null when this request runs, or the stored answer to replay. */
  private async begin(userId: number, key: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    const repo = this.db.getRepository(IdempotencyRecord);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await repo.insert({ userId, key, fingerprint, statusCode: null, body: null, createdAt: this.clock.now() });
        return null;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const stored = await repo.findOneBy({ userId, key });
      if (!stored) continue;
      switch (decideOnExisting(stored, fingerprint, this.clock.now())) {
        case 'replay':
          return stored;
        case 'mismatch':
          throw new DomainError('IDEMPOTENCY_KEY_REUSED');
        case 'in-progress':
          throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
        case 'abandoned':
          await repo.delete({ id: stored.id, statusCode: IsNull() });
          continue;
      }
    }
    throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
  }

  private async finish(userId: number, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.db
      .getRepository(IdempotencyRecord)
      .update({ userId, key }, { statusCode, body: body === undefined ? null : JSON.stringify(body) });
  }

  private successStatus(ctx: ExecutionContext, method: string): number {
    const explicit = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler());
    return explicit ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
  }
}
