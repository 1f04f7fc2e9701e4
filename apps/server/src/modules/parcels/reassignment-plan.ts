import { MISSES_TO_STAFF } from '@linli/shared-types';

/** An on-duty volunteer covering the parcel's building, as the reassignment weighs them. */
export interface Candidate {
  userId: number;
  /** Parcels they hold now (assigned, accepted, picked up). */
  load: number;
  /** Most parcels they carry at once. */
  capacity: number;
}

/** Where a parcel a volunteer let go goes next. */
export type NextStep = { to: 'volunteer'; volunteerId: number } | { to: 'pool' } | { to: 'staff' };

/**
 * Who gets a parcel its volunteer just let go: after MISSES_TO_STAFF misses, staff (it waits on
 * their board); otherwise the least-loaded candidate with room (ties: lower user id) who has not
 * let this parcel go before; with none, the pool (READY, for a grab or the next dispatch).
 */
export function nextStep(missCount: number, candidates: readonly Candidate[], missedBy: readonly number[]): NextStep {
  if (missCount >= MISSES_TO_STAFF) return { to: 'staff' };
  const excluded = new Set(missedBy);
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (excluded.has(c.userId) || c.load >= c.capacity) continue;
    if (best === null || c.load < best.load || (c.load === best.load && c.userId < best.userId)) best = c;
  }
  return best === null ? { to: 'pool' } : { to: 'volunteer', volunteerId: best.userId };
}
