import { Injectable } from '@nestjs/common';
import type { Actor } from '../actor';
import { Clock } from '../clock';
import { Db } from '../database/db';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | number | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Writes the entry inside the command's transaction, so it exists exactly when the change does. */
  async record(actor: Actor, entry: AuditEntry): Promise<void> {
    await this.db.repo(AuditLog).insert({
      communityId: actor.communityId,
      actorUserId: actor.userId,
      actorKind: 'user',
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      details: entry.details ? JSON.stringify(entry.details) : null,
      createdAt: this.clock.now(),
    });
  }

  /** An action of the operator's CLI (no user: whoever can run commands on the server). */
  async recordOperator(communityId: number | null, entry: AuditEntry): Promise<void> {
    await this.db.repo(AuditLog).insert({
      communityId,
      actorUserId: null,
      actorKind: 'operator',
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      details: entry.details ? JSON.stringify(entry.details) : null,
      createdAt: this.clock.now(),
    });
  }

  /** A move the server made by itself (a timer: an escalation, an auto-close), in the same transaction as the move. */
  async recordSystem(communityId: number | null, entry: AuditEntry): Promise<void> {
    await this.db.repo(AuditLog).insert({
      communityId,
      actorUserId: null,
      actorKind: 'system',
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      details: entry.details ? JSON.stringify(entry.details) : null,
      createdAt: this.clock.now(),
    });
  }
}
