import { describe, expect, it } from '@jest/globals';
import type { BuildingView } from '@linli/shared-types';
import { doorErrors, unitAfterChoosing, unitOptions } from './door';

const building = (units: string[]) => ({ id: 1, name: '3栋', units }) as unknown as BuildingView;

describe('doorErrors', () => {
  it('names each missing part of the door in Chinese', () => {
    expect(doorErrors({ buildingId: null, unit: '', room: '  ' })).toEqual({
      buildingId: '请选择楼栋',
      unit: '请选择单元',
      room: '请填写房号',
    });
  });

  it('finds nothing wrong with a whole door', () => {
    expect(doorErrors({ buildingId: 3, unit: '2单元', room: '1203' })).toEqual({});
  });
});

describe('unitAfterChoosing', () => {
  it('picks the only unit of a building, and none of a building with several', () => {
    expect(unitAfterChoosing(building(['1单元']))).toBe('1单元');
    expect(unitAfterChoosing(building(['1单元', '2单元']))).toBe('');
    expect(unitAfterChoosing(undefined)).toBe('');
  });
});

describe('unitOptions', () => {
  it("offers the building's units, and keeps a household's unit the building no longer lists", () => {
    expect(unitOptions(building(['1单元', '2单元']), '2单元')).toEqual(['1单元', '2单元']);
    expect(unitOptions(building(['1单元']), '5单元')).toEqual(['1单元', '5单元']);
    expect(unitOptions(null, '')).toEqual([]);
  });
});
