import type { ContentCheckView, ContestEntryState, ContestMode, ContestPhase, ErrorCode } from '@linli/shared-types';

/**
 * The pure rules of contests: periods, phases, who may vote when, the order of the ranking,
 * and what WeChat's verdicts make of an entry. The database enforces the counts (unique keys,
 * conditional UPDATEs); these decide everything that needs no count.
 */

export interface Periods {
  entryStartsAt: Date;
  entryEndsAt: Date;
  voteStartsAt: Date;
  voteEndsAt: Date;
}

/** Entries open before they close; votes start no earlier than entries and end after they start. */
export function periodsValid(p: Periods): boolean {
  const t = (d: Date): number => d.getTime();
  return t(p.entryStartsAt) < t(p.entryEndsAt) && t(p.voteStartsAt) >= t(p.entryStartsAt) && t(p.voteStartsAt) < t(p.voteEndsAt);
}

export function within(now: Date, from: Date, to: Date): boolean {
  return now.getTime() >= from.getTime() && now.getTime() < to.getTime();
}

/** Where a contest stands now. */
export function phaseOf(c: Periods & { mode: ContestMode; resultsPublishedAt: Date | null }, now: Date): ContestPhase {
  if (c.resultsPublishedAt !== null) return 'published';
  if (now.getTime() < c.entryStartsAt.getTime()) return 'upcoming';
  if (within(now, c.voteStartsAt, c.voteEndsAt)) return c.mode === 'vote' ? 'voting' : 'judging';
  if (within(now, c.entryStartsAt, c.entryEndsAt)) return 'entering';
  if (now.getTime() < c.voteStartsAt.getTime()) return 'between';
  return 'closed';
}

/**
 * Why this person may not vote for this entry now, or null. The counts (one vote per entry,
 * N a day) are the database's; this is what needs none: the mode, the period, results not yet
 * out, an approved entry, and not one's own household's.
 */
export function voteRefusal(
  contest: Periods & { mode: ContestMode; resultsPublishedAt: Date | null },
  entry: { state: ContestEntryState; householdId: number },
  voterHouseholdId: number,
  now: Date,
): ErrorCode | null {
  if (entry.state !== 'APPROVED') return 'CONTEST_ENTRY_NOT_FOUND';
  if (contest.mode !== 'vote') return 'CONTEST_NOT_VOTING';
  if (entry.householdId === voterHouseholdId) return 'CONTEST_OWN_ENTRY';
  if (contest.resultsPublishedAt !== null || !within(now, contest.voteStartsAt, contest.voteEndsAt)) return 'CONTEST_VOTING_CLOSED';
  return null;
}

export interface Rankable {
  id: number;
  votes: number;
  averageScore: number | null;
  createdAt: Date;
}

/**
 * The ranking: by votes (or judges' average; unscored entries last), ties broken by the
 * earlier entry (then the lower id), so every place is distinct.
 */
export function rank<T extends Rankable>(entries: readonly T[], mode: ContestMode): (T & { rank: number })[] {
  const figure = (e: T): number => (mode === 'vote' ? e.votes : (e.averageScore ?? -1));
  return [...entries]
    .sort((a, b) => figure(b) - figure(a) || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
    .map((e, i) => ({ ...e, rank: i + 1 }));
}

/**
 * What the verdicts on an entry's parts make of it: FLAGGED as soon as one part is risky or
 * for review; still waiting (null) while a part has no verdict; PENDING for staff when a part
 * could not be checked (`error`) or all passed (APPROVED instead when the contest auto-approves
 * passed entries). `checked`: whether the machine really looked at all of it.
 */
export function afterChecks(
  verdicts: readonly ContentCheckView['suggest'][],
  expectedParts: number,
  autoApprove: boolean,
): { state: ContestEntryState; checked: boolean } | null {
  if (verdicts.some((v) => v === 'risky' || v === 'review')) return { state: 'FLAGGED', checked: true };
  if (verdicts.length < expectedParts || verdicts.some((v) => v === null)) return null;
  if (verdicts.some((v) => v === 'error')) return { state: 'PENDING', checked: false };
  return { state: autoApprove ? 'APPROVED' : 'PENDING', checked: true };
}

/** The first free place of a household among 1…limit, or null when all are taken. */
export function freeSlot(taken: readonly number[], limit: number): number | null {
  for (let slot = 1; slot <= limit; slot++) if (!taken.includes(slot)) return slot;
  return null;
}

/** A door for a public list: 1栋1单元1** (the room's first digit only). */
export function maskDoor(building: string, unit: string, room: string): string {
  return `${building}${unit}${room.slice(0, 1)}**`;
}

/** Staff queue order: flagged first, then being checked, waiting, approved, rejected; oldest first within each. */
export const QUEUE_ORDER: Record<ContestEntryState, number> = { FLAGGED: 0, CHECKING: 1, PENDING: 2, APPROVED: 3, REJECTED: 4 };
