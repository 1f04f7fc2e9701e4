import { CLASS_LIVE_OPENS_MINUTES, type ClassPhase, type ClassState } from '@linli/shared-types';

/** ",3,7," ⇄ [3, 7]: stored so that one LIKE finds a member (as notices and windows store theirs). */
export function joinIds(ids: readonly number[]): string {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  return unique.length === 0 ? '' : `,${unique.join(',')},`;
}

export function splitIds(stored: string): number[] {
  return stored
    .split(',')
    .filter((v) => v !== '')
    .map(Number);
}

/** Whether a household of this building may see and join the class (no buildings: everyone). */
export function classReaches(buildingIds: string, buildingId: number): boolean {
  const ids = splitIds(buildingIds);
  return ids.length === 0 || ids.includes(buildingId);
}

/** The class's end. */
export function classEnd(c: { startsAt: Date; minutes: number }): Date {
  return new Date(c.startsAt.getTime() + c.minutes * 60_000);
}

/** Where a class stands at `now` for a resident: before the live opens, live, over, cancelled. */
export function classPhase(c: { state: ClassState; startsAt: Date; minutes: number }, now: Date): ClassPhase {
  if (c.state === 'CANCELLED') return 'CANCELLED';
  if (c.state === 'DONE' || now.getTime() >= classEnd(c).getTime()) return 'OVER';
  if (now.getTime() >= c.startsAt.getTime() - CLASS_LIVE_OPENS_MINUTES * 60_000) return 'LIVE';
  return 'UPCOMING';
}

/** What the waiting list needs of a sign-up. */
export interface WaitingPlace {
  id: number;
  waitingSince: Date;
}

/** First come, first served: the earlier wait first, the earlier row on a tie. */
export function waitingOrder(a: WaitingPlace, b: WaitingPlace): number {
  return a.waitingSince.getTime() - b.waitingSince.getTime() || a.id - b.id;
}

/**
 * Who moves up when `seats` places come free: the earliest waiting households, as many as there
 * are seats (none when there is no seat).
 */
export function toPromote<T extends WaitingPlace>(waiting: readonly T[], seats: number): T[] {
  return [...waiting].sort(waitingOrder).slice(0, Math.max(0, seats));
}

/** Each waiting sign-up's place in line (1 for the first). */
export function waitingPositions(waiting: readonly WaitingPlace[]): Map<number, number> {
  return new Map([...waiting].sort(waitingOrder).map((w, i) => [w.id, i + 1]));
}

/** Seats a class has free; null when it has no limit. */
export function seatsLeft(c: { capacity: number | null; signedCount: number }): number | null {
  return c.capacity === null ? null : Math.max(0, c.capacity - c.signedCount);
}
