import { describe, expect, it } from '@jest/globals';
import type { ParcelSummary } from '@linli/shared-types';
import { showsDoorCode } from './door-code';

describe('showsDoorCode', () => {
  const parcel = (state: ParcelSummary['state']) => ({ id: 7, state }) as ParcelSummary;

  it('offers the 收货码 while the parcel is on its way', () => {
    for (const state of ['READY', 'ASSIGNED', 'ACCEPTED', 'PICKED_UP'] as const) expect(showsDoorCode(parcel(state))).toBe(true);
  });

  it('not before there is a parcel, nor once it is at the door, delivered or back', () => {
    expect(showsDoorCode(null)).toBe(false);
    for (const state of ['LEFT_AT_DOOR', 'DELIVERED', 'FAILED', 'RETURNED', 'CANCELLED'] as const) {
      expect(showsDoorCode(parcel(state))).toBe(false);
    }
  });
});
