import { useState } from 'react';
import { View } from '@tarojs/components';
import { PAYMENT_MODE_LABELS, PHONE_PATTERN, type PaymentMode, type PharmacyBody, type PharmacyView } from '@linli/shared-types';
import { errorMessage, fieldErrors } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { Segments } from '@/components/Segments';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { createPharmacy, updatePharmacy } from '../../api/medicine';

type PharmacyPayment = PaymentMode;

interface Form {
  name: string;
  address: string;
  hours: string;
  phone: string;
  defaultFor: string[];
  paymentMode: PharmacyPayment;
}

type Errors = Partial<Record<keyof Form, string>>;

/** '' in defaultFor: the pharmacy is the default for the whole community. */
export const WHOLE_COMMUNITY = '';

function formOf(pharmacy: PharmacyView | null): Form {
  if (!pharmacy) return { name: '', address: '', hours: '', phone: '', defaultFor: [], paymentMode: 'cod' };
  return {
    name: pharmacy.name,
    address: pharmacy.address,
    hours: pharmacy.hours,
    phone: pharmacy.phone ?? '',
    defaultFor: pharmacy.defaultFor,
    paymentMode: pharmacy.paymentMode,
  };
}

/** The same limits as the server's, checked here first so the answer comes at once. */
function validate(form: Form): { errors: Errors; body: PharmacyBody | null } {
  const errors: Errors = {};
  const name = form.name.trim();
  const address = form.address.trim();
  const hours = form.hours.trim();
  const phone = form.phone.trim();
  if (name.length < 2 || name.length > 60) errors.name = '名称要 2 到 60 个字';
  if (address.length < 2 || address.length > 200) errors.address = '地址要 2 到 200 个字';
  if (hours.length < 2 || hours.length > 60) errors.hours = '营业时间要 2 到 60 个字';
  if (phone && !PHONE_PATTERN.test(phone)) errors.phone = '请填写正确的11位手机号，或者不填';
  if (Object.keys(errors).length > 0) return { errors, body: null };
  return {
    errors,
    body: { name, address, hours, ...(phone ? { phone } : {}), defaultFor: form.defaultFor, paymentMode: form.paymentMode },
  };
}

interface PharmacyFormProps {
  /** The pharmacy being changed; null for a new one. */
  pharmacy: PharmacyView | null;
  /** The community's zones (封控区), from its buildings. */
  zones: string[];
  onSaved: (pharmacy: PharmacyView) => void;
  onCancel?: () => void;
}

/**
 * 新增 / 修改药房: name, address, hours, phone, the zones it serves by default (big toggles;
 * 全社区 for all) and how the household pays. The server's field errors show under their fields.
 * Ids: ph-name, ph-address, ph-hours, ph-phone, ph-zone-{i} (0 = 全社区), ph-pay-cod / ph-pay-free, ph-submit.
 */
export function PharmacyForm({ pharmacy, zones, onSaved, onCancel }: PharmacyFormProps) {
  const [form, setForm] = useState<Form>(() => formOf(pharmacy));
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState('');

  const set = (patch: Partial<Form>) => {
    setForm((prev) => ({ ...prev, ...patch }));
    setErrors((prev) => {
      const next = { ...prev };
      for (const key of Object.keys(patch) as (keyof Form)[]) delete next[key];
      return next;
    });
    setServerError('');
  };

  const save = useAction(
    async (body: PharmacyBody, key: string) => {
      const saved = pharmacy ? await updatePharmacy(pharmacy.id, body, key) : await createPharmacy(body, key);
      onSaved(saved);
      return saved;
    },
    (error) => {
      const fields = fieldErrors(error);
      if (Object.keys(fields).length > 0) {
        const found: Errors = {};
        for (const [path, message] of Object.entries(fields)) found[path.split('.')[0] as keyof Form] = message;
        setErrors(found);
        setServerError('还有内容没有填好，请看红色提示');
      } else {
        setServerError(errorMessage(error));
      }
      return true;
    },
  );

  const submit = () => {
    const { errors: found, body } = validate(form);
    setErrors(found);
    if (!body) {
      setServerError('还有内容没有填好，请看红色提示');
      return;
    }
    void save.run(body);
  };

  const toggleZone = (zone: string) =>
    set({ defaultFor: form.defaultFor.includes(zone) ? form.defaultFor.filter((z) => z !== zone) : [...form.defaultFor, zone] });

  const payments: PharmacyPayment[] = ['cod', 'wechat', 'free'];

  return (
    <View className="card" id="pharmacy-form">
      <View className="card-title">{pharmacy ? `修改：${pharmacy.name}` : '新增药房'}</View>
      <Field label="药房名称" error={errors.name}>
        <TextInput
          id="ph-name"
          value={form.name}
          maxlength={60}
          invalid={Boolean(errors.name)}
          placeholder="例如：老百姓大药房（滨湖店）"
          onChange={(name) => set({ name })}
        />
      </Field>
      <Field label="地址" error={errors.address}>
        <TextInput
          id="ph-address"
          value={form.address}
          maxlength={200}
          invalid={Boolean(errors.address)}
          placeholder="例如：滨湖路 88 号"
          onChange={(address) => set({ address })}
        />
      </Field>
      <Field label="营业时间" error={errors.hours}>
        <TextInput
          id="ph-hours"
          value={form.hours}
          maxlength={60}
          invalid={Boolean(errors.hours)}
          placeholder="例如：8:00–20:00"
          onChange={(hours) => set({ hours })}
        />
      </Field>
      <Field label="电话（可不填）" error={errors.phone}>
        <TextInput
          id="ph-phone"
          type="number"
          value={form.phone}
          maxlength={11}
          invalid={Boolean(errors.phone)}
          placeholder="11位手机号"
          onChange={(phone) => set({ phone })}
        />
      </Field>
      <Field
        label="默认服务区域"
        error={errors.defaultFor}
        hint="这些区域的买药登记默认交给这家药房。一个区域只有一家默认药房，选了会从原来的药房转过来。"
      >
        <Choices
          idPrefix="ph-zone"
          columns={3}
          options={[{ value: WHOLE_COMMUNITY, label: '全社区' }, ...zones.map((z) => ({ value: z, label: z }))]}
          selected={form.defaultFor}
          onToggle={toggleZone}
        />
      </Field>
      <Field label="付款方式" error={errors.paymentMode}>
        <Segments
          idPrefix="ph-pay"
          options={payments.map((p) => ({ value: p, label: PAYMENT_MODE_LABELS[p] }))}
          value={form.paymentMode}
          onChange={(paymentMode) => set({ paymentMode })}
        />
      </Field>
      {serverError ? (
        <View className="error-text" role="alert" id="pharmacy-error">
          {serverError}
        </View>
      ) : null}
      <View className="button-row gap-top">
        {onCancel ? (
          <Button id="ph-cancel" size="large" fill="outline" disabled={save.busy} onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button id="ph-submit" type="primary" size="large" loading={save.busy} onClick={submit}>
          {pharmacy ? '保存' : '新增药房'}
        </Button>
      </View>
    </View>
  );
}
