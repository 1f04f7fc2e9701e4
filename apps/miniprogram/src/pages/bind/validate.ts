import { PHONE_PATTERN, type CreateBindingRequest } from '@linli/shared-types';
import type { FormErrors } from '@/hooks/useForm';
import { doorErrors } from '@/utils/door';

export type Mode = 'door' | 'code';

export interface Form {
  buildingId: number | null;
  unit: string;
  room: string;
  bindingCode: string;
  name: string;
  phone: string;
}

export type Errors = FormErrors<Form>;

export function validate(mode: Mode, form: Form): Errors {
  const errors: Errors = {};
  if (mode === 'door') {
    Object.assign(errors, doorErrors(form));
  } else if (!form.bindingCode.trim()) {
    errors.bindingCode = '请填写绑定码';
  }
  if (!form.name.trim()) errors.name = '请填写姓名';
  if (!PHONE_PATTERN.test(form.phone.trim())) errors.phone = '请填写正确的11位手机号';
  return errors;
}

export function toRequest(mode: Mode, form: Form): CreateBindingRequest {
  const person = { name: form.name.trim(), phone: form.phone.trim() };
  if (mode === 'code') return { ...person, bindingCode: form.bindingCode.trim() };
  return { ...person, buildingId: form.buildingId ?? undefined, unit: form.unit, room: form.room.trim() };
}
