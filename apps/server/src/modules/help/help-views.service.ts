import { Injectable } from '@nestjs/common';
import {
  formatDoor,
  type HelpAction,
  type HelpBoardPage,
  type HelpDetail,
  type HelpEvent,
  type HelpEventKind,
  type HelpHistory,
  type HelpInboxPage,
  type HelpPerson,
  type HelpSummary,
  type MyHelpPage,
  type PageQuery,
} from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import { staffCommunity } from '../../common/access';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { pageWindow } from '../../common/page-query.dto';
import { FilesService } from '../files/files.service';
import { HelpAccess, HELP_SELECT, ids, LIVE, personLabel, toHelpRow, type HelpRow, type Relation } from './help-access';
import { isOverdue, reopenUntil } from './help-rules';
import { HelpTeamsService } from './help-teams.service';

const PAGE = 20;

export type InboxState = 'open' | 'mine' | 'done';
export type BoardState = 'open' | 'overdue' | 'done';

/** The lists and the detail of help requests, each showing only what its reader may read. */
@Injectable()
export class HelpViewsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: HelpAccess,
    private readonly teams: HelpTeamsService,
    private readonly files: FilesService,
  ) {}

  private async names(userIds: (number | null)[]): Promise<Map<number, string>> {
    const unique = [...new Set(userIds.filter((id): id is number => id !== null))];
    if (unique.length === 0) return new Map();
    const rows = await this.db.rows<{ id: number; nickname: string }>(
      `SELECT id, nickname FROM users WHERE id IN (${Db.marks(unique.length)})`,
      unique,
    );
    return new Map(rows.map((r) => [Number(r.id), r.nickname]));
  }

  private async labels(householdIds: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(householdIds)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.rows<{ id: number; building: string; unit: string; room: string }>(
      `SELECT h.id, b.name AS building, h.unit, h.room FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.id IN (${Db.marks(unique.length)})`,
      unique,
    );
    return new Map(rows.map((r) => [Number(r.id), formatDoor(r.building, r.unit, r.room)]));
  }

  private person(id: number | null, as: HelpPerson['as'] | null, names: Map<number, string>): HelpPerson | null {
    if (id === null) return null;
    const role = as ?? 'resident';
    return { userId: id, name: names.get(id) ?? '', as: role, asLabel: personLabel(role) };
  }

  private async summaries(rows: HelpRow[], readsText: (r: HelpRow) => boolean): Promise<HelpSummary[]> {
    const names = await this.names(rows.map((r) => r.assigneeId));
    const labels = await this.labels(rows.map((r) => r.householdId));
    const now = this.clock.now();
    return rows.map((r) => this.summary(r, readsText(r), names, labels.get(r.householdId) ?? '', now));
  }

  private summary(r: HelpRow, readsText: boolean, names: Map<number, string>, label: string, now: Date): HelpSummary {
    return {
      id: r.id,
      category: r.category,
      urgency: r.urgency,
      state: r.state,
      text: readsText ? (r.text.split('\n')[0] ?? '') : null,
      householdLabel: label,
      buildingId: r.buildingId,
      createdAt: r.createdAt.toISOString(),
      firstResponseDue: r.firstResponseDue.toISOString(),
      firstResponseAt: r.firstResponseAt ? r.firstResponseAt.toISOString() : null,
      solutionDue: r.solutionDue.toISOString(),
      assignee: this.person(r.assigneeId, r.assigneeAs, names),
      overdue: isOverdue(r, now),
      escalation: Math.min(2, Math.max(0, r.escalation)) as 0 | 1 | 2,
      proxy: r.proxy,
    };
  }

  /** My household's requests, newest first. */
  async mine(actor: Actor, query: PageQuery): Promise<MyHelpPage> {
    if (actor.householdId === null) return { items: [], total: 0, page: 1, pageSize: query.pageSize ?? PAGE };
    const { page, pageSize, skip } = pageWindow(query, PAGE);
    const [count] = await this.db.rows<{ n: number }>('SELECT COUNT(*) AS n FROM help_requests WHERE household_id = ?', [
      actor.householdId,
    ]);
    const rows = (
      await this.db.rows<Parameters<typeof toHelpRow>[0]>(
        `${HELP_SELECT} WHERE r.household_id = ? ORDER BY r.id DESC LIMIT ${pageSize} OFFSET ${skip}`,
        [actor.householdId],
      )
    ).map(toHelpRow);
    return { items: await this.summaries(rows, () => true), total: Number(count?.n ?? 0), page, pageSize };
  }

  /**
   * The requests I answer for: my buildings' and households' teams (household rows override the
   * building's, so the candidates are checked one by one), counselling for counsellors.
   */
  async inbox(actor: Actor, state: InboxState, query: PageQuery): Promise<HelpInboxPage> {
    const { page, pageSize, skip } = pageWindow(query, PAGE);
    if (actor.communityId === null) return { items: [], total: 0, page, pageSize };
    const scopes = await this.teams.scopesOf(actor.communityId, actor.userId);
    const where: string[] = [];
    const params: unknown[] = [actor.communityId];
    if (scopes.buildingIds.length > 0) {
      where.push(`(r.category <> 'counselling' AND r.building_id IN (${Db.marks(scopes.buildingIds.length)}))`);
      params.push(...scopes.buildingIds);
    }
    if (scopes.householdIds.length > 0) {
      where.push(`(r.category <> 'counselling' AND r.household_id IN (${Db.marks(scopes.householdIds.length)}))`);
      params.push(...scopes.householdIds);
    }
    if (actor.roles.includes('counsellor')) where.push(`r.category = 'counselling'`);
    where.push('r.assignee_id = ?');
    params.push(actor.userId);
    const states = state === 'open' ? ['OPEN'] : state === 'mine' ? ['TAKEN', 'RESOLVED'] : ['CLOSED', 'MERGED', 'CANCELLED'];
    const candidates = (
      await this.db.rows<Parameters<typeof toHelpRow>[0]>(
        `${HELP_SELECT} WHERE r.community_id = ? AND (${where.join(' OR ')}) AND r.state IN (${Db.marks(states.length)}) ORDER BY r.id DESC LIMIT 2000`,
        [...params, ...states],
      )
    ).map(toHelpRow);
    const mine: { row: HelpRow; rel: Relation }[] = [];
    for (const row of candidates) {
      const rel = await this.access.relation(actor, row);
      if (!rel.responder || !rel.readsThread) continue;
      if (state === 'mine' && row.assigneeId !== actor.userId) continue;
      mine.push({ row, rel });
    }
    const now = this.clock.now();
    const ordered =
      state === 'done'
        ? mine
        : mine.sort(
            (a, b) =>
              Number(isOverdue(b.row, now)) - Number(isOverdue(a.row, now)) ||
              a.row.firstResponseDue.getTime() - b.row.firstResponseDue.getTime() ||
              a.row.id - b.row.id,
          );
    const slice = ordered.slice(skip, skip + pageSize);
    return {
      items: await this.summaries(
        slice.map((m) => m.row),
        () => true,
      ),
      total: ordered.length,
      page,
      pageSize,
    };
  }

  /** The community's board: past a deadline (escalated first) at the top, then by deadline; counselling without text. */
  async board(actor: Actor, state: BoardState, buildingId: number | undefined, query: PageQuery): Promise<HelpBoardPage> {
    const communityId = staffCommunity(actor);
    const { page, pageSize, skip } = pageWindow(query, PAGE);
    const now = this.clock.now();
    const late = '((r.first_response_at IS NULL AND r.first_response_due <= ?) OR r.solution_due <= ?)';
    const where = ['r.community_id = ?'];
    const params: unknown[] = [communityId];
    if (buildingId !== undefined) {
      where.push('r.building_id = ?');
      params.push(buildingId);
    }
    if (state === 'open') where.push(`r.state IN ('OPEN', 'TAKEN', 'RESOLVED')`);
    if (state === 'done') where.push(`r.state IN ('CLOSED', 'MERGED', 'CANCELLED')`);
    if (state === 'overdue') {
      where.push(`r.state IN ('OPEN', 'TAKEN') AND ${late}`);
      params.push(now, now);
    }
    const order =
      state === 'done'
        ? 'r.id DESC'
        : `CASE WHEN r.state IN ('OPEN', 'TAKEN') AND ${late} THEN 0 ELSE 1 END, r.escalation DESC, r.first_response_due, r.id`;
    const orderParams = state === 'done' ? [] : [now, now];
    const [count] = await this.db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM help_requests r WHERE ${where.join(' AND ')}`, params);
    const rows = (
      await this.db.rows<Parameters<typeof toHelpRow>[0]>(
        `${HELP_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${skip}`,
        [...params, ...orderParams],
      )
    ).map(toHelpRow);
    return { items: await this.summaries(rows, (r) => r.category !== 'counselling'), total: Number(count?.n ?? 0), page, pageSize };
  }

  private async events(requestId: number, withText: boolean): Promise<HelpEvent[]> {
    const rows = await this.db.rows<{
      id: number;
      kind: HelpEventKind;
      actorId: number | null;
      actorAs: HelpPerson['as'] | null;
      text: string | null;
      photoIds: string | null;
      at: Date | string;
    }>(
      'SELECT id, kind, actor_id AS actorId, actor_as AS actorAs, text, photo_ids AS photoIds, created_at AS at FROM help_events WHERE request_id = ? ORDER BY id',
      [requestId],
    );
    const names = await this.names(rows.map((r) => (r.actorId === null ? null : Number(r.actorId))));
    return rows.map((e) => ({
      id: Number(e.id),
      kind: e.kind,
      by: this.person(e.actorId === null ? null : Number(e.actorId), e.actorAs, names),
      text: withText ? e.text : null,
      photos: withText ? ids(e.photoIds).map((id) => this.files.link(id)) : [],
      at: (Db.date(e.at) as Date).toISOString(),
    }));
  }

  /** What this person may do to the request now. */
  actions(r: HelpRow, rel: Relation, actor: Actor): HelpAction[] {
    const out: HelpAction[] = [];
    const live = LIVE.includes(r.state);
    const acts = rel.actors.includes('responder');
    if ((rel.resident || acts) && (live || r.state === 'RESOLVED')) out.push('reply');
    if (acts && r.state === 'OPEN') out.push('take');
    if (r.state === 'TAKEN' && r.assigneeId === actor.userId) out.push('release');
    if (acts && (r.state === 'OPEN' || (r.state === 'TAKEN' && r.assigneeId === actor.userId))) out.push('resolve');
    if ((rel.resident || rel.staff) && r.state === 'RESOLVED') {
      out.push('confirm');
      if (r.resolvedAt && reopenUntil(r.resolvedAt).getTime() > this.clock.now().getTime()) out.push('reopen');
    }
    if (rel.resident && r.state === 'CLOSED' && r.rating === null) out.push('rate');
    if ((rel.resident || rel.staff) && live) out.push('cancel');
    if (rel.staff && live) out.push('reassign', 'merge');
    return out;
  }

  async detail(actor: Actor, id: number): Promise<HelpDetail> {
    const { row, rel } = await this.access.readable(actor, id);
    const names = await this.names([row.assigneeId, row.askedBy]);
    const label = (await this.labels([row.householdId])).get(row.householdId) ?? '';
    const [asker] = await this.db.rows<{ proxyAs: string | null }>(
      "SELECT actor_as AS proxyAs FROM help_events WHERE request_id = ? AND kind = 'created' ORDER BY id LIMIT 1",
      [row.id],
    );
    let householdPhone: string | null = null;
    if (!rel.resident) {
      const [h] = await this.db.rows<{ phone: string | null }>('SELECT contact_phone AS phone FROM households WHERE id = ?', [
        row.householdId,
      ]);
      householdPhone = h?.phone ?? null;
    }
    return {
      ...this.summary(row, true, names, label, this.clock.now()),
      text: row.text,
      photos: row.photoIds.map((p) => this.files.link(p)),
      askedBy: this.person(row.askedBy, (asker?.proxyAs as HelpPerson['as'] | null) ?? 'resident', names) as HelpPerson,
      resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
      reopenUntil: row.state === 'RESOLVED' && row.resolvedAt ? reopenUntil(row.resolvedAt).toISOString() : null,
      rating: row.rating,
      ratingComment: row.ratingComment,
      mergedIntoId: row.mergedIntoId,
      events: await this.events(row.id, true),
      actions: this.actions(row, rel, actor),
      householdPhone,
    };
  }

  /** Staff and supervisors: the whole history of a request (counselling: who and when, never the words). */
  async history(actor: Actor, id: number): Promise<HelpHistory> {
    const { row } = await this.access.ofStaff(actor, id);
    return { id: row.id, events: await this.events(row.id, row.category !== 'counselling') };
  }

  /** A summary for staff (the answer of reassign and merge). */
  async staffSummary(id: number): Promise<HelpSummary> {
    const row = await this.access.load(id);
    if (!row) throw new DomainError('HELP_NOT_FOUND');
    const [s] = await this.summaries([row], (r) => r.category !== 'counselling');
    return s as HelpSummary;
  }
}
