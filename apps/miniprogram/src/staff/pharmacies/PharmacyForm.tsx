import { View } from '@tarojs/components';
import { PAYMENT_MODE_LABELS, PHONE_PATTERN, type PaymentMode, type PharmacyBody, type PharmacyView } from '@linli/shared-types';
import { createPharmacy, updatePharmacy } from '@/api';
import { FormActions } from '@/components/FormActions';
import { Choices } from '@/components/Choices';
import { Field, TextField } from '@/components/Field';
import { Segments } from '@/components/Segments';
import { useAction } from '@/hooks/useAction';
import { type FormErrors, useForm } from '@/hooks/useForm';

type PharmacyPayment = PaymentMode;

interface Form {
  name: string;
  address: string;
  hours: string;
  phone: string;
  defaultFor: string[];
  paymentMode: PharmacyPayment;
}

type Errors = FormErrors<Form>;

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
  const { form, set, errors, serverError, check, refused } = useForm<Form>(() => formOf(pharmacy));

  const save = useAction(async (body: PharmacyBody, key: string) => {
    const saved = pharmacy ? await updatePharmacy(pharmacy.id, body, key) : await createPharmacy(body, key);
    onSaved(saved);
    return saved;
  }, refused);

  const submit = () => {
    const { errors: found, body } = validate(form);
    if (check(found) && body) void save.run(body);
  };

  const toggleZone = (zone: string) =>
    set({ defaultFor: form.defaultFor.includes(zone) ? form.defaultFor.filter((z) => z !== zone) : [...form.defaultFor, zone] });

  const payments: PharmacyPayment[] = ['cod', 'wechat', 'free'];

  return (
    <View className="card" id="pharmacy-form">
      <View className="card-title">{pharmacy ? `修改：${pharmacy.name}` : '新增药房'}</View>
      <TextField
        label="药房名称"
        error={errors.name}
        id="ph-name"
        value={form.name}
        maxlength={60}
        placeholder="例如：老百姓大药房（滨湖店）"
        onChange={(name) => set({ name })}
      />
      <TextField
        label="地址"
        error={errors.address}
        id="ph-address"
        value={form.address}
        maxlength={200}
        placeholder="例如：滨湖路 88 号"
        onChange={(address) => set({ address })}
      />
      <TextField
        label="营业时间"
        error={errors.hours}
        id="ph-hours"
        value={form.hours}
        maxlength={60}
        placeholder="例如：8:00–20:00"
        onChange={(hours) => set({ hours })}
      />
      <TextField
        label="电话（可不填）"
        error={errors.phone}
        id="ph-phone"
        type="number"
        value={form.phone}
        maxlength={11}
        placeholder="11位手机号"
        onChange={(phone) => set({ phone })}
      />
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
      <FormActions
        error={serverError}
        errorId="pharmacy-error"
        cancelId="ph-cancel"
        onCancel={onCancel}
        submitId="ph-submit"
        submitText={pharmacy ? '保存' : '新增药房'}
        busy={save.busy}
        onSubmit={submit}
      />
    </View>
  );
}
