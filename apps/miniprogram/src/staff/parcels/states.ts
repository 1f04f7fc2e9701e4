import type { ParcelState } from '@linli/shared-types';

/** On their way: handed to a volunteer and not yet delivered (配送中 on the filters and the board). */
export const MOVING_STATES: readonly ParcelState[] = ['ASSIGNED', 'ACCEPTED', 'PICKED_UP', 'LEFT_AT_DOOR'];

/** The colour of a state's badge (pc-state--{tone}). */
export function stateTone(state: ParcelState): string {
  if (state === 'READY') return 'ready';
  if (state === 'FAILED') return 'failed';
  if (state === 'DELIVERED') return 'done';
  if (state === 'RETURNED') return 'returned';
  if (state === 'CANCELLED') return 'cancelled';
  return 'moving';
}
