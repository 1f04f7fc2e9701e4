import type { ParcelState, ParcelSummary } from '@linli/shared-types';
/** The parcel is on its way (not yet at the door): the household's 收货码 is what the volunteer scans. */
const DOOR_CODE_STATES: readonly ParcelState[] = ['READY', 'ASSIGNED', 'ACCEPTED', 'PICKED_UP'];

export function showsDoorCode(parcel: ParcelSummary | null): parcel is ParcelSummary {
  return parcel !== null && DOOR_CODE_STATES.includes(parcel.state);
}
