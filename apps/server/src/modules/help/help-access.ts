import { Injectable } from '@nestjs/common';
import {
  HELP_FLOW,
  ROLE_LABELS,
  TEAM_ROLE_LABELS,
  refuseTransition,
  type Actor as FlowActor,
  type HelpCategory,
  type HelpPerson,
  type HelpState,
  type HelpUrgency,
  type TeamRole,
} from '@linli/shared-types';
import { hasRole, type Actor } from '../../common/actor';
import { isStaffOf } from '../../common/access';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { HelpTeamsService, type TeamRow } from './help-teams.service';

export interface HelpRow {
  id: number;
  communityId: number;
  householdId: number;
  buildingId: number;
  category: HelpCategory;
  urgency: HelpUrgency;
  state: HelpState;
  text: string;
  photoIds: number[];
  askedBy: number;
  proxy: boolean;
  routeRole: TeamRole | null;
  assigneeId: number | null;
  assigneeAs: HelpPerson['as'] | null;
  firstResponseDue: Date;
  firstResponseAt: Date | null;
  firstResponderId: number | null;
  solutionDue: Date;
  resolvedAt: Date | null;
  reopenCount: number;
  closedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  mergedIntoId: number | null;
  escalation: number;
  firstEscalatedAt: Date | null;
  solutionEscalatedAt: Date | null;
  createdAt: Date;
}

export const HELP_SELECT = `SELECT r.id, r.community_id AS communityId, r.household_id AS householdId, r.building_id AS buildingId, r.category,
  r.urgency, r.state, r.text, r.photo_ids AS photoIds, r.asked_by AS askedBy, r.proxy, r.route_role AS routeRole, r.assignee_id AS assigneeId,
  r.assignee_as AS assigneeAs, r.first_response_due AS firstResponseDue, r.first_response_at AS firstResponseAt,
  r.first_responder_id AS firstResponderId, r.solution_due AS solutionDue, r.resolved_at AS resolvedAt, r.reopen_count AS reopenCount,
  r.closed_at AS closedAt, r.rating, r.rating_comment AS ratingComment, r.merged_into_id AS mergedIntoId, r.escalation,
  r.first_escalated_at AS firstEscalatedAt, r.solution_escalated_at AS solutionEscalatedAt, r.created_at AS createdAt
  FROM help_requests r`;

type Raw = Record<keyof HelpRow, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const date = (v: unknown): Date | null => Db.date(v as Date | string | null);

export function ids(text: unknown): number[] {
  return typeof text === 'string' && text !== '' ? text.split(',').map(Number) : [];
}

export function toHelpRow(r: Raw): HelpRow {
  return {
    id: Number(r.id),
    communityId: Number(r.communityId),
    householdId: Number(r.householdId),
    buildingId: Number(r.buildingId),
    category: r.category as HelpCategory,
    urgency: r.urgency as HelpUrgency,
    state: r.state as HelpState,
    text: String(r.text),
    photoIds: ids(r.photoIds),
    askedBy: Number(r.askedBy),
    proxy: Boolean(Number(r.proxy)),
    routeRole: (r.routeRole as TeamRole | null) ?? null,
    assigneeId: num(r.assigneeId),
    assigneeAs: (r.assigneeAs as HelpPerson['as'] | null) ?? null,
    firstResponseDue: date(r.firstResponseDue) as Date,
    firstResponseAt: date(r.firstResponseAt),
    firstResponderId: num(r.firstResponderId),
    solutionDue: date(r.solutionDue) as Date,
    resolvedAt: date(r.resolvedAt),
    reopenCount: Number(r.reopenCount),
    closedAt: date(r.closedAt),
    rating: num(r.rating),
    ratingComment: (r.ratingComment as string | null) ?? null,
    mergedIntoId: num(r.mergedIntoId),
    escalation: Number(r.escalation),
    firstEscalatedAt: date(r.firstEscalatedAt),
    solutionEscalatedAt: date(r.solutionEscalatedAt),
    createdAt: date(r.createdAt) as Date,
  };
}

/** Who the actor is to one request. */
export interface Relation {
  resident: boolean;
  teamRole: TeamRole | null;
  /** A counsellor of the community, for a counselling request. */
  counsellor: boolean;
  supervisor: boolean;
  staff: boolean;
  /** May answer, take and resolve it (team member or supervisor; counsellor for counselling). */
  responder: boolean;
  /** May read the request and its thread (GET /api/help/:id). */
  readsThread: boolean;
  /** As whom their actions are recorded. */
  as: HelpPerson['as'];
  /** The workflow actors they are to it (HELP_FLOW). */
  actors: FlowActor[];
}

export function personLabel(as: HelpPerson['as']): string {
  return as in TEAM_ROLE_LABELS ? TEAM_ROLE_LABELS[as as TeamRole] : ROLE_LABELS[as as keyof typeof ROLE_LABELS];
}

export const ENDED: readonly HelpState[] = ['CLOSED', 'MERGED', 'CANCELLED'];
export const LIVE: readonly HelpState[] = ['OPEN', 'TAKEN'];

/**
 * Who may see and do what to a help request, decided in one place. A non-counselling request:
 * its household, its household's team (household rows override the building's), the
 * community's staff and supervisors. A counselling request: its household, and the community's
 * counsellors while nobody holds it, then only the counsellor holding it; staff and supervisors
 * see on the board that it exists, never its words.
 */
@Injectable()
export class HelpAccess {
  constructor(
    private readonly db: Db,
    private readonly teams: HelpTeamsService,
  ) {}

  async load(id: number): Promise<HelpRow | null> {
    const [row] = await this.db.rows<Raw>(`${HELP_SELECT} WHERE r.id = ?`, [id]);
    return row ? toHelpRow(row) : null;
  }

  async relation(actor: Actor, r: HelpRow, team?: TeamRow[]): Promise<Relation> {
    const same = actor.communityId === r.communityId;
    const resident = same && actor.householdId === r.householdId;
    const staff = isStaffOf(actor, r.communityId);
    const supervisor = staff && hasRole(actor, 'supervisor');
    const counselling = r.category === 'counselling';
    let teamRole: TeamRole | null = null;
    if (!counselling && same) {
      const members = team ?? (await this.teams.teamOf(r.communityId, r.householdId));
      teamRole = members.find((m) => m.userId === actor.userId)?.role ?? null;
    }
    const counsellor = counselling && same && hasRole(actor, 'counsellor');
    const responder = counselling ? counsellor : teamRole !== null || supervisor;
    const counsellorReads = counsellor && (r.assigneeId === null ? r.state === 'OPEN' : r.assigneeId === actor.userId);
    const readsThread = resident || (counselling ? counsellorReads : teamRole !== null || staff);
    const as: HelpPerson['as'] = resident
      ? 'resident'
      : teamRole !== null
        ? teamRole
        : counsellor
          ? 'counsellor'
          : supervisor
            ? 'supervisor'
            : 'staff';
    const actors: FlowActor[] = [];
    if (resident) actors.push('resident');
    if (responder && (!counselling || counsellorReads)) actors.push('responder');
    if (staff) actors.push('staff');
    if (supervisor) actors.push('supervisor');
    return { resident, teamRole, counsellor, supervisor, staff, responder, readsThread, as, actors };
  }

  /** The request and the actor's relation; HELP_NOT_FOUND unless they may read its thread. */
  async readable(actor: Actor, id: number): Promise<{ row: HelpRow; rel: Relation }> {
    const row = await this.load(id);
    if (!row) throw new DomainError('HELP_NOT_FOUND');
    const rel = await this.relation(actor, row);
    if (!rel.readsThread) throw new DomainError('HELP_NOT_FOUND');
    return { row, rel };
  }

  /** A request of the staff member's community (staff, supervisors), else HELP_NOT_FOUND. */
  async ofStaff(actor: Actor, id: number): Promise<{ row: HelpRow; rel: Relation }> {
    const row = await this.load(id);
    if (!row || !isStaffOf(actor, row.communityId)) throw new DomainError('HELP_NOT_FOUND');
    return { row, rel: await this.relation(actor, row) };
  }
}

/** Refuses a move HELP_FLOW does not allow: not a responder 403, the wrong person 403, the wrong moment 409. */
export function assertMove(from: HelpState, to: HelpState, actors: readonly FlowActor[]): void {
  const refusal = refuseTransition(HELP_FLOW, from, to, actors);
  if (refusal === 'WRONG_ACTOR') {
    const edge = (HELP_FLOW[from] as Partial<Record<HelpState, readonly FlowActor[]>>)[to] ?? [];
    throw new DomainError(edge.includes('responder') ? 'HELP_NOT_RESPONDER' : 'FORBIDDEN');
  }
  if (refusal !== null) throw new DomainError('INVALID_TRANSITION', { from, to });
}
