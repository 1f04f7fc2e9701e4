import { describe, expect, it } from '@jest/globals';
import type { ParcelTaskView } from '@linli/shared-types';
import { byBuilding, canCallHousehold, cashStep, cashText, door } from './parcels';

function task(patch: Partial<ParcelTaskView> = {}): ParcelTaskView {
  return {
    id: 1,
    state: 'ASSIGNED',
    building: '3栋',
    unit: '2单元',
    room: '1203',
    phone: '138****1234',
    contents: '蔬菜套餐B × 1',
    deliveryDate: '2026-04-26',
    actions: [],
    cashDueFen: 0,
    cashCollected: false,
    canCollect: false,
    canCall: false,
    ...patch,
  };
}

describe('door and byBuilding', () => {
  it('reads the door as volunteers do, and groups doors by building in the given order', () => {
    expect(door(task())).toBe('3栋 2单元 1203');
    const groups = byBuilding([task({ id: 1 }), task({ id: 2 }), task({ id: 3, building: '5栋' })]);
    expect(groups.map((g) => [g.building, g.tasks.map((t) => t.id)])).toEqual([
      ['3栋', [1, 2]],
      ['5栋', [3]],
    ]);
  });
});

describe('cashStep', () => {
  it('has nothing to collect for a free or prepaid parcel', () => {
    expect(cashStep(task({ state: 'PICKED_UP', cashDueFen: 0 }))).toBe('none');
  });

  it('tells the amount before the door and asks for 已收款 when the server says it may be tapped', () => {
    expect(cashStep(task({ state: 'ACCEPTED', cashDueFen: 3900, canCollect: false }))).toBe('due');
    expect(cashStep(task({ state: 'PICKED_UP', cashDueFen: 3900, canCollect: true }))).toBe('collect');
  });

  it('is done once collected', () => {
    expect(cashStep(task({ state: 'DELIVERED', cashDueFen: 3900, cashCollected: true }))).toBe('collected');
  });
});

describe('cashText', () => {
  it('says the amount in yuan with fen', () => {
    expect(cashText(task({ cashDueFen: 3950 }))).toBe('到门口收款 ¥39.50');
    expect(cashText(task({ cashDueFen: 5 }))).toBe('到门口收款 ¥0.05');
  });
});

describe('canCallHousehold', () => {
  it('offers the call exactly when the server says the real number may be asked for', () => {
    expect(canCallHousehold(task({ state: 'ACCEPTED', canCall: true }))).toBe(true);
    expect(canCallHousehold(task({ state: 'DELIVERED', canCall: false }))).toBe(false);
  });
});
