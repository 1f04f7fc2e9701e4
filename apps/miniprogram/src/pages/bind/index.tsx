import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import type { BuildingView, CreateBindingRequest } from '@linli/shared-types';
import { createBinding, errorMessage, fieldErrors, getBuildings, getSession, showApiError } from '@/api';
import { DoorFields } from '@/components/DoorFields';
import { TextField } from '@/components/Field';
import { Segments } from '@/components/Segments';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { toRequest, validate, type Errors, type Form, type Mode } from './validate';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** The resident says which door they live behind (or types the code staff gave them). */
export default function BindPage() {
  const pageClassBind = usePageClass('bind');
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
    <View className={pageClassBind}>
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
