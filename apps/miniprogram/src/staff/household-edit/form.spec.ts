import { describe, expect, it } from '@jest/globals';
import { EMPTY, toRequest, validate } from './form';

describe('household form', () => {
  it('asks for the door and a headcount of 1 to 30; a contact phone only when one is given', () => {
    expect(validate({ ...EMPTY, headcount: '0', contactPhone: '12345' })).toEqual({
      buildingId: '请选择楼栋',
      unit: '请选择单元',
      room: '请填写房号',
      headcount: '请填写人数：1 到 30 的整数',
      contactPhone: '请填写正确的11位手机号',
    });
    const door = { ...EMPTY, buildingId: 1, unit: '1单元', room: '101' };
    expect(validate({ ...door, headcount: '31' })).toEqual({ headcount: '请填写人数：1 到 30 的整数' });
    expect(validate({ ...door, headcount: '2.5' })).toEqual({ headcount: '请填写人数：1 到 30 的整数' });
    expect(validate({ ...door, headcount: '30', contactPhone: '' })).toEqual({});
  });

  it('sends blank optional fields as null', () => {
    expect(toRequest({ ...EMPTY, buildingId: 1, unit: '1单元', room: ' 101 ', headcount: '2', zone: ' ', contactName: '王阿姨' })).toEqual({
      buildingId: 1,
      unit: '1单元',
      room: '101',
      headcount: 2,
      tags: [],
      zone: null,
      contactName: '王阿姨',
      contactPhone: null,
      elderlyDefault: false,
    });
  });

  it('sends the staff default for elderly mode as set', () => {
    expect(toRequest({ ...EMPTY, buildingId: 1, unit: '1单元', room: '101', headcount: '1', elderlyDefault: true }).elderlyDefault).toBe(
      true,
    );
  });
});
