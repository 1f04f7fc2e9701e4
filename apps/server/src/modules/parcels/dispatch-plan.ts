export interface PlanParcel {
  id: number;
  buildingId: number;
  /** Volunteers who let this parcel go (declined, timed out): never given it again. */
  missedBy?: readonly number[];
}

export interface PlanVolunteer {
  userId: number;
  buildings: number[];
  /** Most parcels this volunteer can carry in this batch, counting what they already hold. */
  capacity: number;
  /** Parcels they already hold. */
  load: number;
}

export interface Plan {
  /** parcelId → volunteer userId */
  assignments: Map<number, number>;
  /** Parcels no on-duty volunteer covering their building had room for. */
  unassigned: number[];
}

/**
 * Dispatch by building: each parcel goes to the least-loaded volunteer covering its building who
 * still has capacity and has not let it go before (ties: lower user id), so work is balanced by
 * count. Every parcel appears at most once; nobody passes their capacity; a building nobody
 * covers stays unassigned.
 */
export function planDispatch(parcels: PlanParcel[], volunteers: PlanVolunteer[]): Plan {
  const load = new Map(volunteers.map((v) => [v.userId, v.load]));
  const capacity = new Map(volunteers.map((v) => [v.userId, v.capacity]));
  const coverers = new Map<number, number[]>();
  for (const v of [...volunteers].sort((a, b) => a.userId - b.userId)) {
    for (const b of new Set(v.buildings)) coverers.set(b, [...(coverers.get(b) ?? []), v.userId]);
  }
  const assignments = new Map<number, number>();
  const unassigned: number[] = [];
  const seen = new Set<number>();
  for (const parcel of [...parcels].sort((a, b) => a.buildingId - b.buildingId || a.id - b.id)) {
    if (seen.has(parcel.id)) continue;
    seen.add(parcel.id);
    let best: number | null = null;
    for (const v of coverers.get(parcel.buildingId) ?? []) {
      const l = load.get(v) ?? 0;
      if (l >= (capacity.get(v) ?? 0)) continue;
      if (parcel.missedBy?.includes(v)) continue;
      if (best === null || l < (load.get(best) ?? 0)) best = v;
    }
    if (best === null) {
      unassigned.push(parcel.id);
      continue;
    }
    assignments.set(parcel.id, best);
    load.set(best, (load.get(best) ?? 0) + 1);
  }
  return { assignments, unassigned };
}
