import { describe, expect, it } from '@jest/globals';
import { toRequest, validate, type Form } from './validate';

const filled: Form = { buildingId: 3, unit: '2单元', room: ' 1203 ', bindingCode: '', name: ' 李梅 ', phone: '13800001234' };

describe('binding form', () => {
  it('by door: asks for building, unit, room, name and a mobile number, in Chinese', () => {
    expect(validate('door', { buildingId: null, unit: '', room: '', bindingCode: '', name: ' ', phone: '1380000' })).toEqual({
      buildingId: '请选择楼栋',
      unit: '请选择单元',
      room: '请填写房号',
      name: '请填写姓名',
      phone: '请填写正确的11位手机号',
    });
    expect(validate('door', filled)).toEqual({});
  });

  it('by code: asks for the code instead of the door', () => {
    expect(validate('code', { ...filled, buildingId: null, unit: '', room: '' })).toEqual({ bindingCode: '请填写绑定码' });
  });

  it('sends the door or the code, trimmed, with the person', () => {
    expect(toRequest('door', filled)).toEqual({ name: '李梅', phone: '13800001234', buildingId: 3, unit: '2单元', room: '1203' });
    expect(toRequest('code', { ...filled, bindingCode: ' AB12 ' })).toEqual({ name: '李梅', phone: '13800001234', bindingCode: 'AB12' });
  });
});
