import type { CareSelection, HouseholdTag } from '@linli/shared-types';

export interface CareCandidate {
  id: number;
  buildingId: number;
  tags: readonly HouseholdTag[];
}

/**
 * The households a campaign reaches, in id order: those with any of its tags (or all of them when
 * `allTags`), within its buildings when it names any; with no tags, every household of its
 * buildings; plus the households picked by hand, wherever they live. A selection of nothing
 * (no tags, no buildings, nobody by hand) reaches nobody — never the whole community by accident.
 */
export function selectHouseholds(selection: CareSelection, candidates: readonly CareCandidate[]): number[] {
  const buildings = new Set(selection.buildingIds);
  const byHand = new Set(selection.householdIds);
  const chosen = candidates.filter((h) => {
    if (byHand.has(h.id)) return true;
    if (selection.tags.length === 0) return buildings.has(h.buildingId);
    if (buildings.size > 0 && !buildings.has(h.buildingId)) return false;
    return selection.allTags ? selection.tags.every((t) => h.tags.includes(t)) : selection.tags.some((t) => h.tags.includes(t));
  });
  return chosen.map((h) => h.id).sort((a, b) => a - b);
}

/** The households of `selected` that have no parcel yet: what a run adds. */
export function toGive(selected: readonly number[], given: ReadonlySet<number>): number[] {
  return selected.filter((id) => !given.has(id));
}
