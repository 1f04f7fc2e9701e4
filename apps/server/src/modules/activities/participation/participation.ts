import { PARTICIPATION_KINDS, PARTICIPATION_LABELS, type ParticipationKind, type ParticipationView } from '@linli/shared-types';
import { DAY_MS, dayStart, shanghaiDay } from '../../../common/shanghai-days';

/**
 * The last `count` Asia/Shanghai days up to and including the day of `now`, oldest first, and
 * the instant the first of them began (what the queries count from).
 */
export function participationPeriod(now: Date, count: number): { days: string[]; since: Date } {
  const today = shanghaiDay(now);
  const todayStart = dayStart(today);
  const since = todayStart - (count - 1) * DAY_MS;
  const days = Array.from({ length: count }, (_, i) => shanghaiDay(new Date(since + i * DAY_MS)));
  return { days, since: new Date(since) };
}

/** One figure the database counted: so many of a kind, for one building on one day. */
export interface ParticipationCount {
  kind: ParticipationKind;
  buildingId: number;
  /** YYYY-MM-DD, Asia/Shanghai. */
  day: string;
  n: number;
}

/**
 * The view staff see: per day, one series per kind (in PARTICIPATION_KINDS order, zero-filled);
 * per building, every building of the community in the order given, even with nothing yet.
 * Counts for a day outside the period or a building not listed are left out of both.
 */
export function tallyParticipation(
  days: readonly string[],
  buildings: readonly { id: number; name: string }[],
  counts: readonly ParticipationCount[],
): ParticipationView {
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const zero = (): Record<ParticipationKind, number> => ({ signups: 0, entries: 0, votes: 0, attempts: 0 });
  const perDay = Object.fromEntries(PARTICIPATION_KINDS.map((k) => [k, days.map(() => 0)])) as Record<ParticipationKind, number[]>;
  const perBuilding = new Map(buildings.map((b) => [b.id, zero()]));
  const totals = zero();
  for (const c of counts) {
    const i = dayIndex.get(c.day);
    const figures = perBuilding.get(c.buildingId);
    if (i === undefined || figures === undefined) continue;
    const series = perDay[c.kind];
    series[i] = (series[i] ?? 0) + c.n;
    figures[c.kind] += c.n;
    totals[c.kind] += c.n;
  }
  return {
    days: [...days],
    series: PARTICIPATION_KINDS.map((kind) => ({ kind, label: PARTICIPATION_LABELS[kind], perDay: perDay[kind] })),
    perBuilding: buildings.map((b) => ({ buildingId: b.id, name: b.name, figures: perBuilding.get(b.id) ?? zero() })),
    totals,
  };
}
