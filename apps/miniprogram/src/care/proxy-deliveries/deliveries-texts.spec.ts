import { describe, expect, it } from '@jest/globals';
import type { ProxyDeliveries } from '@linli/shared-types';
import { headline, todoCount } from './deliveries-texts';

const empty: ProxyDeliveries = {
  householdId: 1,
  door: '1栋1单元101',
  as: 'family',
  asLabel: '家属',
  ordersToPay: [],
  medicineToPay: [],
  parcelsToConfirm: [],
  parcelsToRate: [],
};

describe('proxy deliveries texts', () => {
  it('says there is nothing to do when every list is empty', () => {
    expect(todoCount(empty)).toBe(0);
    expect(headline(empty)).toBe('1栋1单元101：现在没有要代办的事');
  });

  it('counts every list', () => {
    const parcel = {
      id: 3,
      state: 'LEFT_AT_DOOR',
      deliveredAt: null,
      leftAt: null,
      photoUrl: null,
      actions: [],
      rating: null,
      contents: '蔬菜包×1',
      deliveryDate: '2022-04-27',
    } as const;
    const d: ProxyDeliveries = {
      ...empty,
      parcelsToConfirm: [{ ...parcel, actions: [] }],
      parcelsToRate: [{ ...parcel, state: 'DELIVERED', actions: [] }],
    };
    expect(todoCount(d)).toBe(2);
    expect(headline(d)).toBe('1栋1单元101：有 2 件事可以代办');
  });
});
