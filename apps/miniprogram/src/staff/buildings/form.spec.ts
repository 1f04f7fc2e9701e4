import { describe, expect, it } from '@jest/globals';
import type { StaffBuildingView } from '@linli/shared-types';
import {
  addUnit,
  buildingForm,
  createRequest,
  doorsPreview,
  doorsRequest,
  renameUnit,
  storedUnit,
  updateRequest,
  validateBuilding,
} from './form';

const building: StaffBuildingView = {
  id: 7,
  name: '3栋',
  units: ['1单元', '2单元'],
  zone: 'A区',
  households: 24,
  unitHouseholds: { '1单元': 12, '2单元': 12 },
};

describe('building form', () => {
  it('adds typed units as chips, a bare number named like the import names it, and refuses a repeat', () => {
    const form = { ...buildingForm(null), newUnit: '1' };
    expect(addUnit(form)).toEqual({ units: ['1单元'] });
    expect(addUnit({ ...form, units: ['1单元'] }).error).toBe('已经有“1单元”了');
    expect(addUnit({ ...form, newUnit: '  ' }).error).toBe('请先填写单元，例如 1单元');
    expect(addUnit({ ...form, newUnit: '1,2' }).error).toBe('单元名称里不能有逗号');
  });

  it('asks for a name and at least one unit', () => {
    expect(validateBuilding(buildingForm(null))).toEqual({ name: '请填写楼栋名称，例如 3栋', units: '请至少添加一个单元' });
    expect(createRequest({ name: '13', units: ['1单元'], newUnit: '', zone: ' ', renames: [] })).toEqual({
      name: '13栋',
      units: ['1单元'],
      zone: null,
    });
  });

  it('sends only what changed', () => {
    expect(updateRequest(building, buildingForm(building))).toEqual({});
    expect(updateRequest(building, { ...buildingForm(building), name: '3号楼', zone: '' })).toEqual({ name: '3号楼', zone: null });
    expect(updateRequest(building, { ...buildingForm(building), units: ['1单元', '2单元', '3单元'] })).toEqual({
      units: ['1单元', '2单元', '3单元'],
    });
  });
});

describe('renaming a unit chip', () => {
  it('renames a unit the building has (once, however often it is renamed) and sends it with the new list', () => {
    const form = buildingForm(building);
    const once = { ...form, ...renameUnit(form, building.units, '1单元', '东单元') };
    expect(once.units).toEqual(['东单元', '2单元']);
    expect(once.renames).toEqual([{ from: '1单元', to: '东单元' }]);
    expect(storedUnit(once, '东单元')).toBe('1单元');
    const twice = { ...once, ...renameUnit(once, building.units, '东单元', '东楼') };
    expect(twice.renames).toEqual([{ from: '1单元', to: '东楼' }]);
    expect(updateRequest(building, twice)).toEqual({ renameUnits: [{ from: '1单元', to: '东楼' }] });
    const back = { ...twice, ...renameUnit(twice, building.units, '东楼', '1') };
    expect(back.renames).toEqual([]);
    expect(updateRequest(building, back)).toEqual({});
  });

  it('a chip added in the form is just called something else; a taken name is refused', () => {
    const form = { ...buildingForm(building), units: ['1单元', '2单元', '3单元'] };
    const renamed = renameUnit(form, building.units, '3单元', '西单元');
    expect(renamed).toEqual({ units: ['1单元', '2单元', '西单元'], renames: [] });
    expect(renameUnit(form, building.units, '3单元', '2').error).toBe('已经有“2单元”了');
  });
});

describe('doors form', () => {
  it('generates floors × doors per floor and says which numbers', () => {
    const form = { unit: '1单元', mode: 'floors' as const, floors: '6', roomsPerFloor: '4', room: '' };
    expect(doorsRequest(form).body).toEqual({ unit: '1单元', floors: 6, roomsPerFloor: 4 });
    expect(doorsPreview(form)).toBe('将添加 101 到 604，共 24 户');
    expect(doorsPreview({ ...form, floors: '' })).toBe('');
    expect(doorsRequest({ ...form, floors: '0', roomsPerFloor: '21' }).errors).toEqual({
      floors: '请填写楼层数：1 到 60',
      roomsPerFloor: '请填写每层户数：1 到 20',
    });
  });

  it('adds one door by its number', () => {
    const form = { unit: '2单元', mode: 'single' as const, floors: '', roomsPerFloor: '', room: ' 1203 ' };
    expect(doorsRequest(form).body).toEqual({ unit: '2单元', rooms: ['1203'] });
    expect(doorsRequest({ ...form, room: '12 03' }).errors).toEqual({ room: '房号只能是数字或字母，例如 1203' });
  });
});
