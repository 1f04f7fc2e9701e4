import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import {
  ELDERLY_TAGS,
  HOUSEHOLD_TAG_LABELS,
  HOUSEHOLD_TAGS,
  type BindingCodeResponse,
  type BuildingView,
  type HouseholdTag,
  type UpsertHouseholdRequest,
} from '@linli/shared-types';
import {
  createBindingCode,
  createHousehold,
  errorMessage,
  fieldErrors,
  getBuildings,
  getHousehold,
  showApiError,
  updateHousehold,
} from '@/api';
import { Choices } from '@/components/Choices';
import { DoorFields } from '@/components/DoorFields';
import { Field, TextField } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { BindingCodeCard } from './BindingCodeCard';
import { EMPTY, fromHousehold, toRequest, validate, type Errors, type Form } from './form';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** Add a household or change one; give its residents a binding code. */
export default function HouseholdEditPage() {
  const pageClassHouseholdEdit = usePageClass('household-edit');
  const pageClassLoading = usePageClass('loading');
  const router = useRouter();
  const [id, setId] = useState<number | null>(router.params.id ? Number(router.params.id) : null);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const { form, setForm, set, errors, setErrors, serverError, setServerError, check } = useForm<Form>(EMPTY);
  const [loaded, setLoaded] = useState(id === null);
  const [code, setCode] = useState<BindingCodeResponse | null>(null);
  /** Staff set elderly mode by hand: tagging stops suggesting it. */
  const [elderlyTouched, setElderlyTouched] = useState(false);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id === null ? '新增住户' : '住户信息' });
  }, [id]);

  useEffect(() => {
    getBuildings().then(setBuildings).catch(showApiError);
    if (id !== null) {
      getHousehold(id)
        .then((h) => {
          setForm(fromHousehold(h));
          setLoaded(true);
        })
        .catch(showApiError);
    }
    // Load once per page: saving a new household switches `id` without reloading.
  }, []);

  const toggleTag = (tag: HouseholdTag) => {
    const adding = !form.tags.includes(tag);
    const tags = adding ? [...form.tags, tag] : form.tags.filter((t) => t !== tag);
    // An elderly person living alone or without children nearby: suggest elderly mode for them.
    const suggest = adding && ELDERLY_TAGS.includes(tag) && !elderlyTouched && !form.elderlyDefault;
    set(suggest ? { tags, elderlyDefault: true } : { tags });
  };
  const elderlyTagged = form.tags.some((t) => ELDERLY_TAGS.includes(t));

  const save = useAction(
    async (body: UpsertHouseholdRequest, key: string) => {
      const saved = id === null ? await createHousehold(body, key) : await updateHousehold(id, body, key);
      setId(saved.id);
      setForm(fromHousehold(saved));
      void Taro.showToast({ title: '已保存', icon: 'success' });
      return saved;
    },
    (error) => {
      setErrors((prev) => ({ ...prev, ...(fieldErrors(error) as Errors) }));
      setServerError(errorMessage(error));
      return true;
    },
  );

  const makeCode = useAction(async (householdId: number, key: string) => {
    const res = await createBindingCode(householdId, key);
    setCode(res);
    return res;
  });

  const onSave = () => {
    if (check(validate(form))) void save.run(toRequest(form));
  };

  if (!loaded) return <View className={pageClassLoading}>正在加载…</View>;

  return (
    <View className={pageClassHouseholdEdit}>
      <DoorFields
        idPrefix="edit"
        buildings={buildings}
        door={form}
        errors={errors}
        onChange={(patch, chosen) => set(chosen ? { ...patch, zone: form.zone || chosen.zone || '' } : patch)}
        roomPlaceholder="例如 1203"
      />
      <TextField
        label="人数"
        error={errors.headcount}
        id="edit-headcount"
        type="number"
        value={form.headcount}
        onChange={(headcount) => set({ headcount })}
        maxlength={2}
      />
      <Field label="标签（可多选）">
        <Choices
          idPrefix="edit-tag"
          columns={3}
          options={HOUSEHOLD_TAGS.map((tag) => ({ value: tag, label: HOUSEHOLD_TAG_LABELS[tag] }))}
          selected={form.tags}
          onToggle={toggleTag}
        />
      </Field>
      <Field label="长辈模式（大字、大按钮）">
        <Choices
          idPrefix="edit-elderly"
          columns={2}
          options={[
            { value: 'on', label: '默认开启' },
            { value: 'off', label: '不开启' },
          ]}
          selected={[form.elderlyDefault ? 'on' : 'off']}
          onToggle={(value) => {
            setElderlyTouched(true);
            set({ elderlyDefault: value === 'on' });
          }}
        />
        <View className="field__hint" id="edit-elderly-hint">
          {elderlyTagged
            ? '独居、空巢老人家庭建议开启。家里每个人仍可在「我的」里自己关闭'
            : '开启后，这户人家打开小程序就是大字和三个大按钮（订物资、买药、求助）'}
        </View>
      </Field>
      <TextField
        label="封控片区"
        id="edit-zone"
        value={form.zone}
        onChange={(zone) => set({ zone })}
        placeholder="例如 A区"
        maxlength={20}
      />
      <TextField
        label="联系人"
        id="edit-contact-name"
        value={form.contactName}
        onChange={(contactName) => set({ contactName })}
        placeholder="姓名"
        maxlength={20}
      />
      <TextField
        label="联系电话"
        error={errors.contactPhone}
        id="edit-contact-phone"
        type="number"
        value={form.contactPhone}
        onChange={(contactPhone) => set({ contactPhone })}
        placeholder="11位手机号"
        maxlength={11}
      />

      {serverError ? (
        <View className="status status--rejected household-edit__error" role="alert">
          <View className="text">{serverError}</View>
        </View>
      ) : null}

      <Button id="household-save" type="primary" size="large" block loading={save.busy} onClick={onSave}>
        保存
      </Button>

      {id !== null ? (
        <View className="household-edit__code">
          <Button id="binding-code-create" size="large" block loading={makeCode.busy} onClick={() => void makeCode.run(id)}>
            生成绑定码
          </Button>
          {code ? <BindingCodeCard code={code} /> : null}
        </View>
      ) : null}
    </View>
  );
}
