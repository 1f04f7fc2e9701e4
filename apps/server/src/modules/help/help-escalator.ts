import { Inject, Injectable } from '@nestjs/common';
import { HELP_CATEGORY_LABELS, HELP_REOPEN_HOURS, HELP_URGENCY_LABELS } from '@linli/shared-types';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MessagesService } from '../messages/messages.service';
import { HelpAccess, type HelpRow } from './help-access';
import { helpLink, HelpFlowService } from './help-flow.service';

const BATCH = 200;

/**
 * Escalates requests past their deadlines and closes resolved ones nobody confirmed, on every
 * instance: each step is one conditional UPDATE whose affected-row count decides, with its
 * event, audit record and messages in the same transaction, so two sweeps at once send once.
 * Everything is computed from stored times (first_response_due, solution_due, resolved_at).
 * - Level 1: no first response by first_response_due (OPEN or TAKEN): supervisors are told
 *   (help.escalated), the team or the counsellors reminded (help.reminder).
 * - Level 2: not resolved by solution_due (solution_escalated_at still empty; a reopen empties it).
 * - RESOLVED for HELP_REOPEN_HOURS without the resident's answer: CLOSED by the system.
 */
@Injectable()
export class HelpEscalator extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
    private readonly access: HelpAccess,
    private readonly flow: HelpFlowService,
  ) {
    super('HelpEscalator', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    const now = this.clock.now();
    let done = 0;
    const first = await this.db.rows<{ id: number }>(
      `SELECT id FROM help_requests WHERE escalation = 0 AND first_response_at IS NULL AND state IN ('OPEN', 'TAKEN') AND first_response_due <= ? ORDER BY id LIMIT ${BATCH}`,
      [now],
    );
    for (const { id } of first) if (await this.escalate(Number(id), 1, now)) done++;
    const second = await this.db.rows<{ id: number }>(
      `SELECT id FROM help_requests WHERE solution_escalated_at IS NULL AND state IN ('OPEN', 'TAKEN') AND solution_due <= ? ORDER BY id LIMIT ${BATCH}`,
      [now],
    );
    for (const { id } of second) if (await this.escalate(Number(id), 2, now)) done++;
    const stale = new Date(now.getTime() - HELP_REOPEN_HOURS * 3600_000);
    const resolved = await this.db.rows<{ id: number }>(
      `SELECT id FROM help_requests WHERE state = 'RESOLVED' AND resolved_at <= ? ORDER BY id LIMIT ${BATCH}`,
      [stale],
    );
    for (const { id } of resolved) if (await this.close(Number(id), now, stale)) done++;
    return done;
  }

  private what(r: HelpRow): string {
    return `${HELP_URGENCY_LABELS[r.urgency]}·${HELP_CATEGORY_LABELS[r.category]}`;
  }

  private escalate(id: number, level: 1 | 2, now: Date): Promise<boolean> {
    return this.db.transaction(async () => {
      const moved =
        level === 1
          ? await this.db.run(
              `UPDATE help_requests SET escalation = 1, first_escalated_at = ? WHERE id = ? AND escalation = 0 AND first_response_at IS NULL
                 AND state IN ('OPEN', 'TAKEN') AND first_response_due <= ?`,
              [now, id, now],
            )
          : await this.db.run(
              `UPDATE help_requests SET escalation = 2, solution_escalated_at = ? WHERE id = ? AND solution_escalated_at IS NULL
                 AND state IN ('OPEN', 'TAKEN') AND solution_due <= ?`,
              [now, id, now],
            );
      if (moved.affected !== 1) return false;
      const r = (await this.access.load(id)) as HelpRow;
      const why = level === 1 ? '超过首次响应时限无人响应' : '超过解决时限仍未解决';
      await this.db.run(
        `INSERT INTO help_events (request_id, kind, actor_id, actor_as, text, photo_ids, created_at) VALUES (${Db.marks(7)})`,
        [id, 'escalated', null, null, `${why}，已上报督导`, null, now],
      );
      await this.audit.recordSystem(r.communityId, {
        action: 'help.escalate',
        targetType: 'help_request',
        targetId: id,
        details: { level },
      });
      const deadline = level === 1 ? r.firstResponseDue : r.solutionDue;
      await this.messages.tellEach(await this.flow.supervisors(r.communityId), {
        communityId: r.communityId,
        kind: 'help.escalated',
        title: `求助超时：${this.what(r)}`,
        body: `${why}，请督办：转派或直接回应`,
        link: helpLink(id),
        deadline,
      });
      const { userIds } = await this.flow.answerers(r);
      const team = r.assigneeId !== null && level === 2 ? [r.assigneeId] : userIds;
      await this.messages.tellEach(team, {
        communityId: r.communityId,
        kind: 'help.reminder',
        title: `求助已超时：${this.what(r)}`,
        body: `${why}，已上报督导，请尽快处理`,
        link: helpLink(id),
        deadline,
      });
      return true;
    });
  }

  private close(id: number, now: Date, stale: Date): Promise<boolean> {
    return this.db.transaction(async () => {
      const moved = await this.db.run(
        "UPDATE help_requests SET state = 'CLOSED', closed_at = ?, updated_at = ? WHERE id = ? AND state = 'RESOLVED' AND resolved_at <= ?",
        [now, now, id, stale],
      );
      if (moved.affected !== 1) return false;
      const r = (await this.access.load(id)) as HelpRow;
      await this.db.run(
        `INSERT INTO help_events (request_id, kind, actor_id, actor_as, text, photo_ids, created_at) VALUES (${Db.marks(7)})`,
        [id, 'closed', null, null, `${HELP_REOPEN_HOURS}小时内未确认，自动完成`, null, now],
      );
      await this.audit.recordSystem(r.communityId, { action: 'help.close', targetType: 'help_request', targetId: id });
      await this.messages.tellHousehold(r.householdId, {
        communityId: r.communityId,
        kind: 'help.closed',
        title: '您的求助已完成',
        body: `「${this.what(r)}」已解决${HELP_REOPEN_HOURS}小时，系统已自动完成；还可以给这次帮助打分`,
        link: helpLink(id),
      });
      return true;
    });
  }
}
