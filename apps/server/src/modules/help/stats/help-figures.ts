import {
  HELP_CATEGORIES,
  HELP_CATEGORY_LABELS,
  type HelpCategory,
  type HelpFigures,
  type HelpState,
  type HelpStats,
  type HelpStatsPeriod,
} from '@linli/shared-types';
import { DAY_MS, shanghaiDay, shanghaiDayStart } from '../../../common/shanghai-days';

/**
 * The supervisors' statistics of help requests (issue 17), every definition in one place:
 *
 * - Period: `today` = from 00:00 Asia/Shanghai of today; `7d` = from 00:00 six days before today
 *   (7 calendar days, today included); `all` = "the lockdown so far" = from 00:00 of the day of
 *   the community's first help request (none yet: the day the community was created) to now.
 *   A request belongs to the period by when it was asked (created_at). `days` = the calendar days
 *   of the period (≥ 1). Requests merged into another (MERGED, duplicates) are left out: the
 *   request they were merged into counts.
 * - First-response minutes = first_response_at − created_at, for requests with a first response.
 *   Median: the usual one (mean of the two middle values for an even count); p90: nearest rank
 *   (the ceil(0.9·n)-th smallest). Both rounded to one decimal.
 * - Within-deadline share: among requests that are decided — answered, or whose first-response
 *   deadline has passed — the share answered by the deadline (first_response_at ≤ first_response_due).
 *   Null when none is decided.
 * - Open now: the period's requests not ended (OPEN, TAKEN, RESOLVED). Overdue now: open ones
 *   with no first response past first_response_due, or not solved (OPEN or TAKEN — a reopened
 *   request is unsolved again) past solution_due.
 * - Reopen rate: of requests resolved at least once (resolved_at set or reopen_count > 0), the
 *   share reopened (reopen_count > 0). Null when none was resolved.
 * - Complaints per day: requests of category `complaint` / days, two decimals.
 * - Shares are fractions 0–1 rounded to four decimals.
 * - byResponder: by who gave the first response (requests without one are not attributed);
 *   byBuilding / byCategory: the buildings / categories with requests in the period; daily: one
 *   entry per Asia/Shanghai day of the period — asked, answered (have a first response), answered
 *   by the deadline.
 *
 * Statistics carry no text: only counts and times (counselling included).
 */

/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const MINUTE_MS = 60_000;

/** States a request is not ended in. */
const OPEN_STATES: readonly HelpState[] = ['OPEN', 'TAKEN', 'RESOLVED'];
/** States a request is not solved in. */
const UNSOLVED_STATES: readonly HelpState[] = ['OPEN', 'TAKEN'];

/**
 * The period's start and its calendar days (oldest first). `lockdownStart` is when the lockdown
 * began for `all` (the first request, or the community's creation), ignored otherwise.
 */
export function statsPeriod(period: HelpStatsPeriod, now: Date, lockdownStart: Date): { from: Date; days: string[] } {
  const todayStart = shanghaiDayStart(now).getTime();
  let from: number;
  if (period === 'today') from = todayStart;
  else if (period === '7d') from = todayStart - 6 * DAY_MS;
  else from = Math.min(shanghaiDayStart(lockdownStart).getTime(), todayStart);
  const count = Math.round((todayStart - from) / DAY_MS) + 1;
  return { from: new Date(from), days: Array.from({ length: count }, (_, i) => shanghaiDay(new Date(from + i * DAY_MS))) };
}

const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** The usual median: the middle value, or the mean of the two middle ones. Null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Nearest-rank percentile: the ceil(p·n)-th smallest value (p in (0, 1]). Null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * s.length));
  return s[rank - 1] as number;
}

/** A share of a whole, four decimals; null when the whole is empty. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4);
}

/** The columns of a help request the statistics read. */
export interface HelpStatRow {
  buildingId: number;
  category: HelpCategory;
  state: HelpState;
  createdAt: Date;
  firstResponseDue: Date;
  firstResponseAt: Date | null;
  firstResponderId: number | null;
  solutionDue: Date;
  resolvedAt: Date | null;
  reopenCount: number;
}

/** Minutes from asking to the first response (null: not answered). */
export function firstResponseMinutes(r: HelpStatRow): number | null {
  return r.firstResponseAt === null ? null : (r.firstResponseAt.getTime() - r.createdAt.getTime()) / MINUTE_MS;
}

/** Answered, by the deadline. */
export function answeredInTime(r: HelpStatRow): boolean {
  return r.firstResponseAt !== null && r.firstResponseAt.getTime() <= r.firstResponseDue.getTime();
}

/** Answered, or the first-response deadline has passed by `now`. */
export function decided(r: HelpStatRow, now: Date): boolean {
  return r.firstResponseAt !== null || r.firstResponseDue.getTime() <= now.getTime();
}

export function isOpen(r: HelpStatRow): boolean {
  return OPEN_STATES.includes(r.state);
}

/** Not ended, and past a deadline it has not met. */
export function isOverdue(r: HelpStatRow, now: Date): boolean {
  if (!isOpen(r)) return false;
  const t = now.getTime();
  return (
    (r.firstResponseAt === null && r.firstResponseDue.getTime() <= t) || (UNSOLVED_STATES.includes(r.state) && r.solutionDue.getTime() <= t)
  );
}

/** The figures of one group of requests over a period of `days` calendar days. */
export function helpFigures(rows: readonly HelpStatRow[], now: Date, days: number): HelpFigures {
  const minutes = rows.map(firstResponseMinutes).filter((m): m is number => m !== null);
  const med = median(minutes);
  const p90 = percentile(minutes, 0.9);
  const decidedRows = rows.filter((r) => decided(r, now));
  const resolvedOnce = rows.filter((r) => r.resolvedAt !== null || r.reopenCount > 0);
  return {
    requests: rows.length,
    medianFirstResponseMinutes: med === null ? null : round(med, 1),
    p90FirstResponseMinutes: p90 === null ? null : round(p90, 1),
    withinDeadlineShare: share(decidedRows.filter(answeredInTime).length, decidedRows.length),
    openNow: rows.filter(isOpen).length,
    overdueNow: rows.filter((r) => isOverdue(r, now)).length,
    reopenRate: share(resolvedOnce.filter((r) => r.reopenCount > 0).length, resolvedOnce.length),
    complaintsPerDay: round(rows.filter((r) => r.category === 'complaint').length / Math.max(1, days), 2),
  };
}

function groupBy<K>(rows: readonly HelpStatRow[], key: (r: HelpStatRow) => K | null): Map<K, HelpStatRow[]> {
  const groups = new Map<K, HelpStatRow[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/**
 * The whole statistics of a period from its requests (already limited to the community and the
 * period). `buildings` in the order they are listed to staff; `names` of the responders.
 */
export function helpStats(input: {
  period: HelpStatsPeriod;
  from: Date;
  now: Date;
  days: readonly string[];
  rows: readonly HelpStatRow[];
  buildings: readonly { id: number; name: string }[];
  names: ReadonlyMap<number, string>;
}): HelpStats {
  const { rows, now } = input;
  const n = input.days.length;
  const perBuilding = groupBy(rows, (r) => r.buildingId);
  const known = new Set(input.buildings.map((b) => b.id));
  const buildingOrder = [
    ...input.buildings,
    ...[...perBuilding.keys()].filter((id) => !known.has(id)).map((id) => ({ id, name: `#${id}` })),
  ];
  const perResponder = groupBy(rows, (r) => r.firstResponderId);
  const perCategory = groupBy(rows, (r) => r.category);
  const perDay = groupBy(rows, (r) => shanghaiDay(r.createdAt));
  return {
    period: input.period,
    from: input.from.toISOString(),
    to: now.toISOString(),
    days: n,
    total: helpFigures(rows, now, n),
    byBuilding: buildingOrder
      .filter((b) => perBuilding.has(b.id))
      .map((b) => ({ buildingId: b.id, buildingName: b.name, ...helpFigures(perBuilding.get(b.id) ?? [], now, n) })),
    byResponder: [...perResponder.entries()]
      .sort(([a, ra], [b, rb]) => rb.length - ra.length || a - b)
      .map(([userId, list]) => ({ userId, name: input.names.get(userId) ?? `#${userId}`, ...helpFigures(list, now, n) })),
    byCategory: HELP_CATEGORIES.filter((c) => perCategory.has(c)).map((category) => ({
      category,
      label: HELP_CATEGORY_LABELS[category],
      ...helpFigures(perCategory.get(category) ?? [], now, n),
    })),
    daily: input.days.map((date) => {
      const list = perDay.get(date) ?? [];
      return {
        date,
        requests: list.length,
        answered: list.filter((r) => r.firstResponseAt !== null).length,
        withinDeadline: list.filter(answeredInTime).length,
      };
    }),
  };
}
