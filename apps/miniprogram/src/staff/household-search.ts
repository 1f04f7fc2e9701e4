import type { HouseholdView } from '@linli/shared-types';

/** What staff typed to find a household: a building (or all), a room, a name or phone. */
export interface HouseholdDraft {
  buildingId?: number;
  room: string;
  q: string;
}

export const EMPTY_DRAFT: HouseholdDraft = { room: '', q: '' };

/** The query sent for a draft: blank boxes are left out rather than sent empty. */
export function householdQuery(draft: HouseholdDraft): { buildingId?: number; room?: string; q?: string } {
  return { buildingId: draft.buildingId, room: draft.room.trim() || undefined, q: draft.q.trim() || undefined };
}

/** The household's contact as staff read it out: 王阿姨  13800001234, or 未登记. */
export function contactOf(h: Pick<HouseholdView, 'contactName' | 'contactPhone'>): string {
  return h.contactName || h.contactPhone ? `${h.contactName ?? ''}  ${h.contactPhone ?? ''}`.trim() : '未登记';
}
