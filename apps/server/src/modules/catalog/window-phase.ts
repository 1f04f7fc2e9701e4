import type { WindowPhase, WindowStatus } from '@linli/shared-types';

export interface PhaseInput {
  status: WindowStatus;
  opensAt: Date;
  closesAt: Date;
  maxOrders: number | null;
  orderCount: number;
}

/** Open means: staff have not paused or closed it, the clock is inside its hours, its cap is not reached. */
export function windowPhase(w: PhaseInput, now: Date): WindowPhase {
  if (w.status === 'CLOSED' || now.getTime() >= w.closesAt.getTime()) return 'CLOSED';
  if (w.maxOrders !== null && w.orderCount >= w.maxOrders) return 'CLOSED';
  if (now.getTime() < w.opensAt.getTime()) return 'UPCOMING';
  return w.status === 'PAUSED' ? 'PAUSED' : 'OPEN';
}

/** ",3,7," ⇄ [3, 7]: list columns stored so that one LIKE finds a member. */
export function joinList(values: readonly (string | number)[]): string {
  return values.length === 0 ? '' : `,${values.join(',')},`;
}

export function splitList(stored: string): string[] {
  return stored.split(',').filter((v) => v !== '');
}

/** Whether a window serves a household: by building, by zone, or (both lists empty) everyone. */
export function servesHousehold(
  w: { buildingIds: string; zones: string },
  household: { buildingId: number; zone: string | null },
): boolean {
  const buildings = splitList(w.buildingIds).map(Number);
  const zones = splitList(w.zones);
  if (buildings.length === 0 && zones.length === 0) return true;
  return buildings.includes(household.buildingId) || (household.zone !== null && zones.includes(household.zone));
}
