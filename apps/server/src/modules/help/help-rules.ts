import {
  DEFAULT_HELP_DEADLINES,
  HELP_REOPEN_HOURS,
  HELP_ROUTES,
  TEAM_ROLES,
  type HelpCategory,
  type HelpDeadline,
  type HelpState,
  type HelpUrgency,
  type TeamRole,
} from '@linli/shared-types';

const MINUTE = 60_000;

/** The minutes of a category and urgency: the community's row if it set one, else the default. */
export function deadlineMinutes(
  category: HelpCategory,
  urgency: HelpUrgency,
  rows: readonly HelpDeadline[],
): { firstResponseMinutes: number; solutionMinutes: number } {
  const own = rows.find((r) => r.category === category && r.urgency === urgency);
  if (own) return { firstResponseMinutes: own.firstResponseMinutes, solutionMinutes: own.solutionMinutes };
  return DEFAULT_HELP_DEADLINES[category][urgency];
}

/** The deadlines stored with a request asked at `createdAt` (the one rule every instance computes from stored times). */
export function deadlinesAt(
  createdAt: Date,
  minutes: { firstResponseMinutes: number; solutionMinutes: number },
): { firstResponseDue: Date; solutionDue: Date } {
  return {
    firstResponseDue: new Date(createdAt.getTime() + minutes.firstResponseMinutes * MINUTE),
    solutionDue: new Date(createdAt.getTime() + minutes.solutionMinutes * MINUTE),
  };
}

/** A reopened request gets a fresh solution deadline from the moment it was reopened. */
export function reopenedSolutionDue(now: Date, solutionMinutes: number): Date {
  return new Date(now.getTime() + solutionMinutes * MINUTE);
}

/** Until when a request resolved at `resolvedAt` may be reopened (and after which it closes by itself). */
export function reopenUntil(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + HELP_REOPEN_HOURS * 3600_000);
}

/** The team role a category goes to first (null: counselling, which goes to counsellors). */
export function routeRole(category: HelpCategory): TeamRole | null {
  return category === 'counselling' ? null : HELP_ROUTES[category];
}

/**
 * The household's team from building-level and household-level rows: a household row for a role
 * replaces the building's person for that role. Ordered with the routed role first, then by TEAM_ROLES.
 */
export function effectiveTeam<M extends { role: TeamRole; householdId: number | null }>(
  rows: readonly M[],
  first: TeamRole | null = null,
): M[] {
  const byRole = new Map<TeamRole, M>();
  for (const row of rows) if (row.householdId === null) byRole.set(row.role, row);
  for (const row of rows) if (row.householdId !== null) byRole.set(row.role, row);
  const order = [...TEAM_ROLES].sort((a, b) => (a === first ? -1 : b === first ? 1 : TEAM_ROLES.indexOf(a) - TEAM_ROLES.indexOf(b)));
  return order.flatMap((role) => {
    const m = byRole.get(role);
    return m ? [m] : [];
  });
}

/** What the escalator looks at in a request. */
export interface EscalationFacts {
  state: HelpState;
  escalation: number;
  firstResponseAt: Date | null;
  firstResponseDue: Date;
  solutionDue: Date;
  resolvedAt: Date | null;
  solutionEscalatedAt: Date | null;
}

const LIVE: readonly HelpState[] = ['OPEN', 'TAKEN'];

/**
 * The escalation due now, or null. Level 1: the first-response deadline passed with no response
 * (raised once). Level 2: the solution deadline passed while still open or taken, and not
 * escalated for this solution deadline yet (a reopen clears solution_escalated_at, so a second
 * solution deadline escalates again). The SQL of the escalator is the same condition.
 */
export function escalationDue(r: EscalationFacts, now: Date): 1 | 2 | null {
  if (!LIVE.includes(r.state)) return null;
  if (r.escalation === 0 && r.firstResponseAt === null && r.firstResponseDue.getTime() <= now.getTime()) return 1;
  if (r.solutionEscalatedAt === null && r.solutionDue.getTime() <= now.getTime()) return 2;
  return null;
}

/** Past a deadline now: the first response is late, or the solution is. */
export function isOverdue(r: Omit<EscalationFacts, 'escalation' | 'solutionEscalatedAt'>, now: Date): boolean {
  if (!LIVE.includes(r.state)) return false;
  if (r.firstResponseAt === null && r.firstResponseDue.getTime() <= now.getTime()) return true;
  return r.solutionDue.getTime() <= now.getTime();
}
