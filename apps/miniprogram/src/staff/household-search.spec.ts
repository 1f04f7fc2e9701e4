import { describe, expect, it } from '@jest/globals';
import { contactOf, householdQuery } from './household-search';

describe('householdQuery', () => {
  it('leaves out blank boxes and trims what was typed', () => {
    expect(householdQuery({ room: '  ', q: '' })).toEqual({ buildingId: undefined, room: undefined, q: undefined });
    expect(householdQuery({ buildingId: 3, room: ' 1203 ', q: ' 王 ' })).toEqual({ buildingId: 3, room: '1203', q: '王' });
  });
});

describe('contactOf', () => {
  it('reads out name and phone, either alone, or 未登记', () => {
    expect(contactOf({ contactName: '王阿姨', contactPhone: '13800001234' })).toBe('王阿姨  13800001234');
    expect(contactOf({ contactName: null, contactPhone: '13800001234' })).toBe('13800001234');
    expect(contactOf({ contactName: '王阿姨', contactPhone: null })).toBe('王阿姨');
    expect(contactOf({ contactName: null, contactPhone: null })).toBe('未登记');
  });
});
