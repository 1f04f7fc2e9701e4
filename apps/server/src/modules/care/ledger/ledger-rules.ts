import type { CareNeed, ContactKind, FollowUpKind, LedgerFigures, LedgerStatus } from '@linli/shared-types';

/** A contact got through when the person was spoken to (phone) or seen (visit). */
export function reaches(kind: ContactKind): boolean {
  return kind !== 'no_answer';
}

/** A day's standing from its contacts: reached if any got through, tried if there were only unanswered ones. */
export function statusOf(kinds: readonly ContactKind[]): LedgerStatus {
  if (kinds.some(reaches)) return 'reached';
  return kinds.length > 0 ? 'tried' : 'none';
}

/**
 * Red: not reached on the day nor on the day before. Any day before the household was first on the
 * list counts as not reached: a household newly tagged should be called at once.
 */
export function notReachedForTwoDays(today: readonly ContactKind[], yesterday: readonly ContactKind[]): boolean {
  return !today.some(reaches) && !yesterday.some(reaches);
}

/**
 * Each household's grid worker: its own assignment for the role before its building's (the help
 * team's rule); households of a building with none have none.
 */
export function gridWorkers(
  households: readonly { id: number; buildingId: number }[],
  assignments: readonly { buildingId: number | null; householdId: number | null; userId: number }[],
): Map<number, number> {
  const ofHousehold = new Map<number, number>();
  const ofBuilding = new Map<number, number>();
  for (const a of assignments) {
    if (a.householdId !== null) ofHousehold.set(a.householdId, a.userId);
    else if (a.buildingId !== null) ofBuilding.set(a.buildingId, a.userId);
  }
  const result = new Map<number, number>();
  for (const h of households) {
    const who = ofHousehold.get(h.id) ?? ofBuilding.get(h.buildingId);
    if (who !== undefined) result.set(h.id, who);
  }
  return result;
}

/** The needs a contact may carry: none when nobody answered; at least one (「都好」 alone) when reached. */
export function needsValid(kind: ContactKind, needs: readonly CareNeed[]): boolean {
  if (!reaches(kind)) return needs.length === 0;
  if (needs.length === 0) return false;
  return !(needs.includes('nothing') && needs.length > 1);
}

export function figuresOf(rows: readonly { status: LedgerStatus; twoDays: boolean }[]): LedgerFigures {
  const reached = rows.filter((r) => r.status === 'reached').length;
  return { households: rows.length, reached, notReached: rows.length - reached, twoDays: rows.filter((r) => r.twoDays).length };
}

/** "help:12,medicine:3" ⇄ [{ kind, id }] */
export function parseFollowUps(stored: string): { kind: FollowUpKind; id: number }[] {
  return stored
    .split(',')
    .filter(Boolean)
    .map((part) => {
      const [kind, id] = part.split(':');
      return { kind: kind as FollowUpKind, id: Number(id) };
    })
    .filter((f) => ['help', 'medicine', 'order'].includes(f.kind) && Number.isInteger(f.id) && f.id > 0);
}

export function joinFollowUps(list: readonly { kind: FollowUpKind; id: number }[]): string {
  return list.map((f) => `${f.kind}:${f.id}`).join(',');
}
