import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import { PHONE_PATTERN, type BuildingView, type CreateBindingRequest } from '@linli/shared-types';
import { createBinding, errorMessage, fieldErrors, getBuildings, getSession, showApiError } from '@/api';
import { DoorFields } from '@/components/DoorFields';
import { TextField } from '@/components/Field';
import { Segments } from '@/components/Segments';
import { useAction } from '@/hooks/useAction';
import { type FormErrors, useForm } from '@/hooks/useForm';
import { doorErrors } from '@/utils/door';
import './index.css';

type Mode = 'door' | 'code';

interface Form {
  buildingId: number | null;
  unit: string;
  room: string;
  bindingCode: string;
  name: string;
  phone: string;
}

type Errors = FormErrors<Form>;

function validate(mode: Mode, form: Form): Errors {
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

function toRequest(mode: Mode, form: Form): CreateBindingRequest {
  const person = { name: form.name.trim(), phone: form.phone.trim() };
  if (mode === 'code') return { ...person, bindingCode: form.bindingCode.trim() };
  return { ...person, buildingId: form.buildingId ?? undefined, unit: form.unit, room: form.room.trim() };
}

/** The resident says which door they live behind (or types the code staff gave them). */
export default function BindPage() {
  const [buildings, setBuildings] = useState<BuildingView[] | null>(null);
  const [mode, setMode] = useState<Mode>('door');
  const { form, set, errors, setErrors, serverError, setServerError, check } = useForm<Form>(() => ({
    buildingId: null,
    unit: '',
    room: '',
    bindingCode: '',
    name: '',
    phone: getSession()?.me.user.phone ?? '',
  }));

  useEffect(() => {
    getBuildings().then(setBuildings).catch(showApiError);
  }, []);

  const submit = useAction(
    async (body: CreateBindingRequest, key: string) => {
      const result = await createBinding(body, key);
      await Taro.showToast({ title: result.state === 'APPROVED' ? '绑定成功' : '已提交', icon: 'success' });
      if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
      else await Taro.reLaunch({ url: '/pages/me/index' });
      return result;
    },
    (error) => {
      const fields = fieldErrors(error);
      setErrors((prev) => ({ ...prev, ...(fields as Errors) }));
      setServerError(errorMessage(error));
      return true; // shown above the submit button, where the person is looking
    },
  );

  const onSubmit = () => {
    if (check(validate(mode, form))) void submit.run(toRequest(mode, form));
  };

  return (
    <View className="page bind">
      <Segments
        idPrefix="bind-mode"
        value={mode}
        onChange={(next) => {
          setMode(next);
          setErrors({});
          setServerError('');
        }}
        options={[
          { value: 'door', label: '按门牌号填写' },
          { value: 'code', label: '我有绑定码' },
        ]}
      />

      {mode === 'door' ? (
        <DoorFields
          idPrefix="bind"
          buildings={buildings}
          door={form}
          errors={errors}
          onChange={(patch) => set(patch)}
          roomHint="例如 1203"
          roomPlaceholder="请输入房号"
        />
      ) : (
        <TextField
          label="绑定码"
          error={errors.bindingCode}
          hint="社区工作人员给您的绑定码"
          id="bind-code"
          value={form.bindingCode}
          onChange={(bindingCode) => set({ bindingCode })}
          placeholder="请输入绑定码"
          maxlength={20}
        />
      )}

      <TextField
        label="姓名"
        error={errors.name}
        id="bind-name"
        value={form.name}
        onChange={(name) => set({ name })}
        placeholder="请输入您的姓名"
        maxlength={20}
      />
      <TextField
        label="手机号"
        error={errors.phone}
        id="bind-phone"
        type="number"
        value={form.phone}
        onChange={(phone) => set({ phone })}
        placeholder="请输入11位手机号"
        maxlength={11}
      />

      {serverError ? (
        <View className="status status--rejected bind__error" id="bind-error" role="alert">
          <View className="text">{serverError}</View>
        </View>
      ) : null}

      <Button id="bind-submit" type="primary" size="large" block loading={submit.busy} onClick={onSubmit}>
        提交
      </Button>
      <View className="muted bind__note">{mode === 'door' ? '提交后，社区工作人员会核对您的信息。' : '绑定码正确会立即绑定成功。'}</View>
    </View>
  );
}
