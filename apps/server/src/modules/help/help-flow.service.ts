import { Injectable } from '@nestjs/common';
import {
  HELP_CATEGORIES,
  HELP_CATEGORY_LABELS,
  HELP_URGENCIES,
  HELP_URGENCY_LABELS,
  TEAM_ROLE_LABELS,
  type ConfirmHelpRequest,
  type CreateHelpRequest,
  type HelpCategory,
  type HelpDeadline,
  type HelpDetail,
  type HelpEventKind,
  type HelpPerson,
  type HelpState,
  type HelpSummary,
  type HelpUrgency,
  type MessageKind,
  type SetHelpDeadlinesRequest,
} from '@linli/shared-types';
import { hasRole, type Actor } from '../../common/actor';
import { isStaffOf, staffCommunity } from '../../common/access';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { FilesService } from '../files/files.service';
import { MessagesService } from '../messages/messages.service';
import { assertMove, HelpAccess, LIVE, type HelpRow, type Relation } from './help-access';
import { deadlineMinutes, deadlinesAt, reopenedSolutionDue, reopenUntil, routeRole } from './help-rules';
import { HelpTeamsService } from './help-teams.service';
import { HelpViewsService } from './help-views.service';

export const helpLink = (id: number): string => `/help/request/index?id=${id}`;

/**
 * Asking for help and every move of a request: each move is a conditional UPDATE on the state
 * (and holder) that was read, so of two responders taking at once one wins; each writes a
 * help_events row, an audit record and its messages in the same transaction.
 */
@Injectable()
export class HelpFlowService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
    private readonly files: FilesService,
    private readonly access: HelpAccess,
    private readonly teams: HelpTeamsService,
    private readonly views: HelpViewsService,
  ) {}

  async deadlineRows(communityId: number): Promise<HelpDeadline[]> {
    const rows = await this.db.rows<{ category: HelpCategory; urgency: HelpUrgency; f: number; s: number }>(
      'SELECT category, urgency, first_response_minutes AS f, solution_minutes AS s FROM help_deadlines WHERE community_id = ?',
      [communityId],
    );
    return rows.map((r) => ({ category: r.category, urgency: r.urgency, firstResponseMinutes: Number(r.f), solutionMinutes: Number(r.s) }));
  }

  async deadlines(actor: Actor): Promise<HelpDeadline[]> {
    const rows = await this.deadlineRows(staffCommunity(actor));
    return HELP_CATEGORIES.flatMap((category) =>
      HELP_URGENCIES.map((urgency) => ({ category, urgency, ...deadlineMinutes(category, urgency, rows) })),
    );
  }

  async setDeadlines(actor: Actor, body: SetHelpDeadlinesRequest): Promise<HelpDeadline[]> {
    const communityId = staffCommunity(actor);
    await this.db.transaction(async () => {
      const now = this.clock.now();
      for (const d of body.deadlines) {
        const values = [communityId, d.category, d.urgency, d.firstResponseMinutes, d.solutionMinutes, actor.userId, now];
        await this.db.run(
          `INSERT INTO help_deadlines (community_id, category, urgency, first_response_minutes, solution_minutes, updated_by, updated_at) VALUES (${Db.marks(7)})
           ${
             this.db.isMysql
               ? 'ON DUPLICATE KEY UPDATE first_response_minutes = VALUES(first_response_minutes), solution_minutes = VALUES(solution_minutes), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)'
               : 'ON CONFLICT (community_id, category, urgency) DO UPDATE SET first_response_minutes = excluded.first_response_minutes, solution_minutes = excluded.solution_minutes, updated_by = excluded.updated_by, updated_at = excluded.updated_at'
           }`,
          values,
        );
      }
      await this.audit.record(actor, {
        action: 'help.deadlines',
        targetType: 'community',
        targetId: communityId,
        details: { deadlines: body.deadlines },
      });
    });
    return this.deadlines(actor);
  }

  private async event(
    requestId: number,
    kind: HelpEventKind,
    actorId: number | null,
    as: HelpPerson['as'] | null,
    text: string | null,
    photoIds: number[] = [],
  ): Promise<void> {
    await this.db.run(
      `INSERT INTO help_events (request_id, kind, actor_id, actor_as, text, photo_ids, created_at) VALUES (${Db.marks(7)})`,
      [requestId, kind, actorId, as, text, photoIds.length ? photoIds.join(',') : null, this.clock.now()],
    );
  }

  private async record(actor: Actor, r: HelpRow, action: string, details: Record<string, unknown> = {}): Promise<void> {
    await this.audit.record(actor, {
      action: `help.${action}`,
      targetType: 'help_request',
      targetId: r.id,
      details: { ...details, state: r.state },
    });
  }

  private async roleHolders(communityId: number, roles: string[]): Promise<number[]> {
    const rows = await this.db.rows<{ userId: number }>(
      `SELECT DISTINCT user_id AS userId FROM role_assignments WHERE community_id = ? AND role IN (${Db.marks(roles.length)}) ORDER BY user_id`,
      [communityId, ...roles],
    );
    return rows.map((r) => Number(r.userId));
  }

  /** Who answers a request: its team (routed role first), or the counsellors; nobody: the staff (a way out). */
  async answerers(r: Pick<HelpRow, 'communityId' | 'householdId' | 'category'>): Promise<{ userIds: number[]; routed: string | null }> {
    if (r.category === 'counselling') return { userIds: await this.roleHolders(r.communityId, ['counsellor']), routed: null };
    const first = routeRole(r.category);
    const team = await this.teams.teamOf(r.communityId, r.householdId, first);
    if (team.length === 0) return { userIds: await this.roleHolders(r.communityId, ['staff', 'supervisor']), routed: null };
    const routed = team[0]?.role === first && first ? TEAM_ROLE_LABELS[first] : null;
    return { userIds: [...new Set(team.map((m) => m.userId))], routed };
  }

  supervisors(communityId: number): Promise<number[]> {
    return this.roleHolders(communityId, ['supervisor']);
  }

  private async photos(actor: Actor, photoIds: number[] | undefined): Promise<number[]> {
    const out: number[] = [];
    for (const id of [...new Set(photoIds ?? [])]) out.push((await this.files.claim(actor, id, 'help')).id);
    return out;
  }

  private async firstResponse(r: HelpRow, actor: Actor): Promise<void> {
    await this.db.run('UPDATE help_requests SET first_response_at = ?, first_responder_id = ? WHERE id = ? AND first_response_at IS NULL', [
      this.clock.now(),
      actor.userId,
      r.id,
    ]);
  }

  private async tellHousehold(r: HelpRow, kind: MessageKind, title: string, body: string, deadline: Date | null = null): Promise<void> {
    await this.messages.tellHousehold(r.householdId, { communityId: r.communityId, kind, title, body, link: helpLink(r.id), deadline });
  }

  private async tellUsers(
    r: HelpRow,
    userIds: number[],
    kind: MessageKind,
    title: string,
    body: string,
    deadline: Date | null = null,
  ): Promise<void> {
    if (userIds.length === 0) return;
    await this.messages.tellEach(userIds, { communityId: r.communityId, kind, title, body, link: helpLink(r.id), deadline });
  }

  private what(r: Pick<HelpRow, 'category' | 'urgency'>): string {
    return `${HELP_URGENCY_LABELS[r.urgency]}·${HELP_CATEGORY_LABELS[r.category]}`;
  }

  async create(actor: Actor, body: CreateHelpRequest): Promise<HelpDetail> {
    let householdId: number;
    let proxy = false;
    let askedAs: HelpPerson['as'] = 'resident';
    if (body.householdId !== undefined && body.householdId !== actor.householdId) {
      const [h] = await this.db.rows<{ communityId: number }>('SELECT community_id AS communityId FROM households WHERE id = ?', [
        body.householdId,
      ]);
      if (!h || Number(h.communityId) !== actor.communityId) throw new DomainError('HELP_NOT_FOUND');
      const team = await this.teams.teamOf(Number(h.communityId), body.householdId);
      const member = team.find((m) => m.userId === actor.userId);
      if (!member && !isStaffOf(actor, Number(h.communityId))) throw new DomainError('HELP_NOT_RESPONDER');
      householdId = body.householdId;
      proxy = true;
      askedAs = member ? member.role : hasRole(actor, 'supervisor') ? 'supervisor' : 'staff';
    } else {
      if (actor.householdId === null || actor.communityId === null) throw new DomainError('HELP_NO_HOUSEHOLD');
      householdId = actor.householdId;
    }
    const [h] = await this.db.rows<{ communityId: number; buildingId: number }>(
      'SELECT community_id AS communityId, building_id AS buildingId FROM households WHERE id = ?',
      [householdId],
    );
    if (!h) throw new DomainError('HELP_NO_HOUSEHOLD');
    const communityId = Number(h.communityId);
    const draft = { communityId, householdId, category: body.category, urgency: body.urgency };
    const answerers = await this.answerers(draft);
    if (body.category === 'counselling' && answerers.userIds.length === 0) throw new DomainError('HELP_NO_COUNSELLOR');
    const id = await this.db.transaction(async () => {
      const photoIds = await this.photos(actor, body.photoIds);
      const now = this.clock.now();
      const due = deadlinesAt(now, deadlineMinutes(body.category, body.urgency, await this.deadlineRows(communityId)));
      const inserted = await this.db.run(
        `INSERT INTO help_requests (community_id, household_id, building_id, category, urgency, state, text, photo_ids, asked_by, proxy, route_role,
           first_response_due, solution_due, reopen_count, escalation, created_at, updated_at) VALUES (${Db.marks(17)})`,
        [
          communityId,
          householdId,
          Number(h.buildingId),
          body.category,
          body.urgency,
          'OPEN',
          body.text,
          photoIds.length ? photoIds.join(',') : null,
          actor.userId,
          proxy,
          routeRole(body.category),
          due.firstResponseDue,
          due.solutionDue,
          0,
          0,
          now,
          now,
        ],
      );
      const row = (await this.access.load(inserted.insertId)) as HelpRow;
      await this.event(row.id, 'created', actor.userId, askedAs, body.text, photoIds);
      await this.record(actor, row, 'create', { category: body.category, urgency: body.urgency, proxy });
      const first = answerers.routed ? `，请${answerers.routed}优先处理` : '';
      const door = (
        await this.db.rows<{ building: string; unit: string; room: string }>(
          'SELECT b.name AS building, h.unit, h.room FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.id = ?',
          [householdId],
        )
      )[0];
      const where = door ? `${door.building}${door.unit}单元${door.room}` : '';
      await this.tellUsers(
        row,
        answerers.userIds.filter((u) => u !== actor.userId),
        'help.new',
        `新的求助：${this.what(row)}`,
        `${where}${body.category === 'counselling' ? '有一条心理疏导求助' : `：${body.text.slice(0, 60)}`}${first}。请在期限前回应`,
        due.firstResponseDue,
      );
      if (proxy) {
        await this.tellHousehold(
          row,
          'help.new',
          '社区已为您登记求助',
          `已为您登记「${this.what(row)}」求助，会有人尽快联系您`,
          due.firstResponseDue,
        );
      }
      return row.id;
    });
    return this.views.detail(actor, id);
  }

  /** A line in the thread: the resident, or a responder (their first line is the first response). */
  async reply(actor: Actor, id: number, body: { text: string; photoIds?: number[] }): Promise<HelpDetail> {
    const { row, rel } = await this.access.readable(actor, id);
    if (!rel.resident && !rel.actors.includes('responder')) throw new DomainError('HELP_NOT_RESPONDER');
    if (!LIVE.includes(row.state) && row.state !== 'RESOLVED')
      throw new DomainError('INVALID_TRANSITION', { from: row.state, to: row.state });
    await this.db.transaction(async () => {
      const photoIds = await this.photos(actor, body.photoIds);
      await this.event(row.id, 'reply', actor.userId, rel.as, body.text, photoIds);
      await this.record(actor, row, 'reply');
      if (rel.resident) {
        if (row.assigneeId !== null && row.assigneeId !== actor.userId)
          await this.tellUsers(row, [row.assigneeId], 'help.answered', '居民有新回复', body.text.slice(0, 60));
      } else {
        await this.firstResponse(row, actor);
        await this.tellHousehold(row, 'help.answered', '您的求助有新回复', body.text.slice(0, 60));
      }
    });
    return this.views.detail(actor, id);
  }

  private responderOrRefuse(rel: Relation): void {
    if (!rel.actors.includes('responder')) throw new DomainError('HELP_NOT_RESPONDER');
  }

  async take(actor: Actor, id: number): Promise<HelpDetail> {
    const { row, rel } = await this.access.readable(actor, id);
    this.responderOrRefuse(rel);
    if (row.state === 'TAKEN' && row.assigneeId === actor.userId) return this.views.detail(actor, id);
    if (row.state === 'TAKEN') throw new DomainError('HELP_TAKEN_BY_OTHER');
    assertMove(row.state, 'TAKEN', rel.actors);
    await this.db.transaction(async () => {
      const moved = await this.db.run(
        "UPDATE help_requests SET state = 'TAKEN', assignee_id = ?, assignee_as = ?, updated_at = ? WHERE id = ? AND state = 'OPEN' AND assignee_id IS NULL",
        [actor.userId, rel.as, this.clock.now(), row.id],
      );
      if (moved.affected !== 1) {
        // A locking read sees the winner's row (MySQL's plain read would show this transaction's snapshot).
        const [now] = await this.db.rows<{ assigneeId: number | null; state: string }>(
          `SELECT assignee_id AS assigneeId, state FROM help_requests WHERE id = ?${this.db.isMysql ? ' FOR UPDATE' : ''}`,
          [row.id],
        );
        if (now && Number(now.assigneeId) === actor.userId) return;
        throw new DomainError(now?.state === 'TAKEN' ? 'HELP_TAKEN_BY_OTHER' : 'INVALID_TRANSITION');
      }
      await this.firstResponse(row, actor);
      await this.event(row.id, 'taken', actor.userId, rel.as, null);
      await this.record(actor, row, 'take');
      await this.tellHousehold(
        row,
        'help.taken',
        '您的求助有人接手了',
        `${actor.nickname}（${rel.as === 'counsellor' ? '心理咨询师' : (TEAM_ROLE_LABELS[rel.as as keyof typeof TEAM_ROLE_LABELS] ?? '督导')}）正在处理您的「${this.what(row)}」求助`,
      );
    });
    return this.views.detail(actor, id);
  }

  async release(actor: Actor, id: number): Promise<HelpDetail> {
    const { row, rel } = await this.access.readable(actor, id);
    this.responderOrRefuse(rel);
    assertMove(row.state, 'OPEN', rel.actors);
    if (row.assigneeId !== actor.userId) throw new DomainError('HELP_TAKEN_BY_OTHER');
    await this.db.transaction(async () => {
      const moved = await this.db.run(
        "UPDATE help_requests SET state = 'OPEN', assignee_id = NULL, assignee_as = NULL, updated_at = ? WHERE id = ? AND state = 'TAKEN' AND assignee_id = ?",
        [this.clock.now(), row.id, actor.userId],
      );
      if (moved.affected !== 1) throw new DomainError('INVALID_TRANSITION', { from: row.state, to: 'OPEN' });
      await this.event(row.id, 'released', actor.userId, rel.as, null);
      await this.record(actor, row, 'release');
      const { userIds } = await this.answerers(row);
      await this.tellUsers(
        row,
        userIds.filter((u) => u !== actor.userId),
        'help.reminder',
        `求助待接手：${this.what(row)}`,
        '原处理人已放下这条求助，请有空的同志接手',
        row.firstResponseAt ? row.solutionDue : row.firstResponseDue,
      );
    });
    return this.views.detail(actor, id);
  }

  async resolve(actor: Actor, id: number, summary: string): Promise<HelpDetail> {
    const { row, rel } = await this.access.readable(actor, id);
    this.responderOrRefuse(rel);
    if (row.state === 'TAKEN' && row.assigneeId !== actor.userId) throw new DomainError('HELP_TAKEN_BY_OTHER');
    assertMove(row.state, 'RESOLVED', rel.actors);
    await this.db.transaction(async () => {
      const now = this.clock.now();
      const moved = await this.db.run(
        `UPDATE help_requests SET state = 'RESOLVED', resolved_at = ?, assignee_id = COALESCE(assignee_id, ?), assignee_as = COALESCE(assignee_as, ?), updated_at = ?
         WHERE id = ? AND state = ? AND (assignee_id IS NULL OR assignee_id = ?)`,
        [now, actor.userId, rel.as, now, row.id, row.state, actor.userId],
      );
      if (moved.affected !== 1) throw new DomainError('HELP_TAKEN_BY_OTHER');
      await this.firstResponse(row, actor);
      await this.event(row.id, 'resolved', actor.userId, rel.as, summary);
      await this.record(actor, row, 'resolve');
      await this.tellHousehold(
        row,
        'help.resolved',
        '您的求助已处理，请确认',
        `${summary.slice(0, 60)}。如没解决，24小时内可以重新打开`,
        reopenUntil(now),
      );
    });
    return this.views.detail(actor, id);
  }

  /** The resident (or staff) agrees it is solved; a rating may come with it. */
  async confirm(actor: Actor, id: number, body: ConfirmHelpRequest): Promise<HelpDetail> {
    const { row, rel } = await this.access.readable(actor, id);
    assertMove(row.state, 'CLOSED', rel.actors);
    const rating = rel.resident ? (body.rating ?? null) : null;
    await this.db.transaction(async () => {
      const now = this.clock.now();
      const moved = await this.db.run(
        "UPDATE help_requests SET state = 'CLOSED', closed_at = ?, rating = ?, rating_comment = ?, updated_at = ? WHERE id = ? AND state = 'RESOLVED'",
        [now, rating, rating === null ? null : (body.comment ?? null), now, row.id],
      );
      if (moved.affected !== 1) throw new DomainError('INVALID_TRANSITION', { from: row.state, to: 'CLOSED' });
      await this.event(row.id, 'confirmed', actor.userId, rel.as, null);
      await this.record(actor, row, 'confirm');
      if (rating !== null) {
        await this.event(row.id, 'rated', actor.userId, rel.as, body.comment ?? null);
        await this.record(actor, row, 'rate', { rating });
      }
      if (!rel.resident) await this.tellHousehold(row, 'help.closed', '您的求助已完成', `「${this.what(row)}」已由社区确认完成`);
    });
    return this.views.detail(actor, id);
  }

  /**
   * Not solved after all (within HELP_REOPEN_HOURS of 「已解决」): back to whoever resolved it,
   * with a fresh solution deadline from now; a solution escalation already raised is cleared
   * (escalation drops to 1 if it was 2) so the new deadline, missed, escalates again.
   */
  async reopen(actor: Actor, id: number, reason: string): Promise<HelpDetail> {
    const { row, rel } = await this.access.readable(actor, id);
    assertMove(row.state, 'TAKEN', rel.actors);
    const now = this.clock.now();
    if (!row.resolvedAt || reopenUntil(row.resolvedAt).getTime() <= now.getTime()) throw new DomainError('HELP_REOPEN_EXPIRED');
    const minutes = deadlineMinutes(row.category, row.urgency, await this.deadlineRows(row.communityId));
    await this.db.transaction(async () => {
      const moved = await this.db.run(
        `UPDATE help_requests SET state = 'TAKEN', reopen_count = reopen_count + 1, solution_due = ?, solution_escalated_at = NULL,
           escalation = CASE WHEN escalation > 1 THEN 1 ELSE escalation END, updated_at = ? WHERE id = ? AND state = 'RESOLVED'`,
        [reopenedSolutionDue(now, minutes.solutionMinutes), now, row.id],
      );
      if (moved.affected !== 1) throw new DomainError('INVALID_TRANSITION', { from: row.state, to: 'TAKEN' });
      await this.event(row.id, 'reopened', actor.userId, rel.as, reason);
      await this.record(actor, row, 'reopen');
      if (row.assigneeId !== null)
        await this.tellUsers(
          row,
          [row.assigneeId],
          'help.reopened',
          `求助被重新打开：${this.what(row)}`,
          reason.slice(0, 60),
          reopenedSolutionDue(now, minutes.solutionMinutes),
        );
    });
    return this.views.detail(actor, id);
  }

  async rate(actor: Actor, id: number, rating: number, comment: string | undefined): Promise<HelpDetail> {
    const { row, rel } = await this.access.readable(actor, id);
    if (!rel.resident) throw new DomainError('FORBIDDEN');
    if (row.state !== 'CLOSED') throw new DomainError('INVALID_TRANSITION', { from: row.state, to: row.state });
    if (row.rating !== null) throw new DomainError('HELP_ALREADY_RATED');
    await this.db.transaction(async () => {
      const moved = await this.db.run(
        'UPDATE help_requests SET rating = ?, rating_comment = ?, updated_at = ? WHERE id = ? AND rating IS NULL',
        [rating, comment ?? null, this.clock.now(), row.id],
      );
      if (moved.affected !== 1) throw new DomainError('HELP_ALREADY_RATED');
      await this.event(row.id, 'rated', actor.userId, rel.as, comment ?? null);
      await this.record(actor, row, 'rate', { rating });
    });
    return this.views.detail(actor, id);
  }

  /** The resident withdraws it, or staff for them (staff of the community need not read the thread: proxy). */
  async cancel(actor: Actor, id: number, reason: string | undefined): Promise<HelpSummary> {
    const row = await this.access.load(id);
    if (!row) throw new DomainError('HELP_NOT_FOUND');
    const rel = await this.access.relation(actor, row);
    if (!rel.resident && !rel.staff) throw new DomainError(rel.readsThread ? 'FORBIDDEN' : 'HELP_NOT_FOUND');
    assertMove(row.state, 'CANCELLED', rel.actors);
    await this.db.transaction(async () => {
      const now = this.clock.now();
      const moved = await this.db.run(
        "UPDATE help_requests SET state = 'CANCELLED', closed_at = ?, updated_at = ? WHERE id = ? AND state = ?",
        [now, now, row.id, row.state],
      );
      if (moved.affected !== 1) throw new DomainError('INVALID_TRANSITION', { from: row.state, to: 'CANCELLED' });
      await this.event(row.id, 'cancelled', actor.userId, rel.as, reason ?? null);
      await this.record(actor, row, 'cancel');
      if (!rel.resident)
        await this.tellHousehold(row, 'help.closed', '求助已撤销', `社区已撤销「${this.what(row)}」求助${reason ? `：${reason}` : ''}`);
    });
    return this.views.staffSummary(id);
  }

  /** Staff or a supervisor gives it to another responder: a team member, a counsellor (counselling), or a supervisor. */
  async reassign(actor: Actor, id: number, userId: number): Promise<HelpSummary> {
    const { row } = await this.access.ofStaff(actor, id);
    if (!LIVE.includes(row.state)) throw new DomainError('INVALID_TRANSITION', { from: row.state, to: 'TAKEN' });
    let as: HelpPerson['as'] | null = null;
    if (row.category === 'counselling') {
      if ((await this.roleHolders(row.communityId, ['counsellor'])).includes(userId)) as = 'counsellor';
    } else {
      const member = (await this.teams.teamOf(row.communityId, row.householdId)).find((m) => m.userId === userId);
      if (member) as = member.role;
      else if ((await this.supervisors(row.communityId)).includes(userId)) as = 'supervisor';
    }
    if (as === null) throw new DomainError('HELP_ASSIGNEE_INVALID');
    await this.db.transaction(async () => {
      const moved = await this.db.run(
        "UPDATE help_requests SET state = 'TAKEN', assignee_id = ?, assignee_as = ?, updated_at = ? WHERE id = ? AND state = ?",
        [userId, as, this.clock.now(), row.id, row.state],
      );
      if (moved.affected !== 1) throw new DomainError('INVALID_TRANSITION', { from: row.state, to: 'TAKEN' });
      const [target] = await this.db.rows<{ name: string }>('SELECT nickname AS name FROM users WHERE id = ?', [userId]);
      await this.event(
        row.id,
        'reassigned',
        actor.userId,
        hasRole(actor, 'supervisor') ? 'supervisor' : 'staff',
        `转给 ${target?.name ?? ''}`,
      );
      await this.record(actor, row, 'reassign', { to: userId, from: row.assigneeId });
      await this.tellUsers(row, [userId], 'help.reassigned', `求助转给您处理：${this.what(row)}`, '请尽快联系居民处理', row.solutionDue);
    });
    return this.views.staffSummary(id);
  }

  /** This request repeats `intoId`: it ends MERGED, its asker is told where to look. */
  async merge(actor: Actor, id: number, intoId: number): Promise<HelpSummary> {
    const { row } = await this.access.ofStaff(actor, id);
    const into = await this.access.load(intoId);
    if (
      !into ||
      into.id === row.id ||
      into.communityId !== row.communityId ||
      !(['OPEN', 'TAKEN', 'RESOLVED'] as HelpState[]).includes(into.state)
    )
      throw new DomainError('HELP_MERGE_INVALID');
    assertMove(row.state, 'MERGED', ['staff', ...(hasRole(actor, 'supervisor') ? (['supervisor'] as const) : [])]);
    const as = hasRole(actor, 'supervisor') ? 'supervisor' : 'staff';
    await this.db.transaction(async () => {
      const now = this.clock.now();
      const moved = await this.db.run(
        "UPDATE help_requests SET state = 'MERGED', merged_into_id = ?, closed_at = ?, updated_at = ? WHERE id = ? AND state = ?",
        [into.id, now, now, row.id, row.state],
      );
      if (moved.affected !== 1) throw new DomainError('HELP_MERGE_INVALID');
      await this.event(row.id, 'merged', actor.userId, as, `合并到求助 #${into.id}`);
      await this.event(into.id, 'merged', actor.userId, as, `求助 #${row.id} 合并到这里`);
      await this.record(actor, row, 'merge', { into: into.id });
      await this.messages.tellEach([row.askedBy], {
        communityId: row.communityId,
        kind: 'help.merged',
        title: '您的求助已合并',
        body: `您的「${this.what(row)}」求助和另一条相同，已合并处理，请在合并后的求助里查看进展`,
        link: helpLink(into.id),
      });
    });
    return this.views.staffSummary(id);
  }
}
