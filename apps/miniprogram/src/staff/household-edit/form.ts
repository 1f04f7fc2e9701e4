import { PHONE_PATTERN, type HouseholdTag, type HouseholdView, type UpsertHouseholdRequest } from '@linli/shared-types';
import type { FormErrors } from '@/hooks/useForm';
import { doorErrors } from '@/utils/door';

export interface Form {
  buildingId: number | null;
  unit: string;
  room: string;
  headcount: string;
  tags: HouseholdTag[];
  zone: string;
  contactName: string;
  contactPhone: string;
  /** 长辈模式 for the household's members who have not chosen themselves. */
  elderlyDefault: boolean;
}

export type Errors = FormErrors<Form>;

export const EMPTY: Form = {
  buildingId: null,
  unit: '',
  room: '',
  headcount: '1',
  tags: [],
  zone: '',
  contactName: '',
  contactPhone: '',
  elderlyDefault: false,
};

export function fromHousehold(h: HouseholdView): Form {
  return {
    buildingId: h.buildingId,
    unit: h.unit,
    room: h.room,
    headcount: String(h.headcount),
    tags: [...h.tags],
    zone: h.zone ?? '',
    contactName: h.contactName ?? '',
    contactPhone: h.contactPhone ?? '',
    elderlyDefault: h.elderlyDefault,
  };
}

export function validate(form: Form): Errors {
  const errors: Errors = doorErrors(form);
  const headcount = Number(form.headcount);
  if (!/^\d+$/.test(form.headcount) || headcount < 1 || headcount > 30) errors.headcount = '请填写人数：1 到 30 的整数';
  if (form.contactPhone.trim() && !PHONE_PATTERN.test(form.contactPhone.trim())) errors.contactPhone = '请填写正确的11位手机号';
  return errors;
}

export function toRequest(form: Form): UpsertHouseholdRequest {
  return {
    buildingId: form.buildingId ?? 0,
    unit: form.unit,
    room: form.room.trim(),
    headcount: Number(form.headcount),
    tags: form.tags,
    zone: form.zone.trim() || null,
    contactName: form.contactName.trim() || null,
    contactPhone: form.contactPhone.trim() || null,
    elderlyDefault: form.elderlyDefault,
  };
}
