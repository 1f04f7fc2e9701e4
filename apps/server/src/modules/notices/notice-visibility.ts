import type { NoticeStatus } from '@linli/shared-types';

/** ",3,7," ⇄ [3, 7]: list columns stored so that one LIKE finds a member (as windows store theirs). */
export function joinList(values: readonly (string | number)[]): string {
  return values.length === 0 ? '' : `,${values.join(',')},`;
}

export function splitList(stored: string): string[] {
  return stored.split(',').filter((v) => v !== '');
}

/** What visibility needs of a notice. */
export interface NoticeReach {
  buildingIds: string;
  zones: string;
  publishAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
}

/** Where a notice stands at `now`: withdrawn beats expired beats scheduled. */
export function noticeStatus(n: Omit<NoticeReach, 'buildingIds' | 'zones'>, now: Date): NoticeStatus {
  if (n.withdrawnAt !== null) return 'WITHDRAWN';
  if (n.expiresAt !== null && now.getTime() >= n.expiresAt.getTime()) return 'EXPIRED';
  if (now.getTime() < n.publishAt.getTime()) return 'SCHEDULED';
  return 'PUBLISHED';
}

/** Whether the notice concerns this household: its building, its zone, or (no lists) everyone. */
export function reachesHousehold(
  n: Pick<NoticeReach, 'buildingIds' | 'zones'>,
  household: { buildingId: number; zone: string | null },
): boolean {
  const buildings = splitList(n.buildingIds).map(Number);
  const zones = splitList(n.zones);
  if (buildings.length === 0 && zones.length === 0) return true;
  return buildings.includes(household.buildingId) || (household.zone !== null && zones.includes(household.zone));
}

/**
 * Whether a resident of this household sees the notice now: it concerns the household, it is
 * published (its time has come), not expired and not withdrawn.
 */
export function noticeVisible(n: NoticeReach, household: { buildingId: number; zone: string | null }, now: Date): boolean {
  return noticeStatus(n, now) === 'PUBLISHED' && reachesHousehold(n, household);
}

/** Whether a building (by its id or its zone) is among those a notice reaches. */
export function reachesBuilding(n: Pick<NoticeReach, 'buildingIds' | 'zones'>, building: { id: number; zone: string | null }): boolean {
  return reachesHousehold(n, { buildingId: building.id, zone: building.zone });
}

/** Residents' order: pinned first, then the newest publish time, then the newest id. */
export function residentOrder<T extends { pinned: boolean; publishAt: Date; id: number }>(a: T, b: T): number {
  return Number(b.pinned) - Number(a.pinned) || b.publishAt.getTime() - a.publishAt.getTime() || b.id - a.id;
}
