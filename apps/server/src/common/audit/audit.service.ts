import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../actor';
import { Clock } from '../clock';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | number | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  /** Writes the entry inside the caller's transaction, so it exists exactly when the change does. */
  async record(tx: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    await tx.insert(AuditLog, {
      communityId: actor.communityId,
      actorUserId: actor.userId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      details: entry.details ? JSON.stringify(entry.details) : null,
      createdAt: this.clock.now(),
    });
  }
}
