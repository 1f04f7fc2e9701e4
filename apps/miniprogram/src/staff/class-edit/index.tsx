import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import { CLASS_KINDS, CLASS_KIND_LABELS, type BuildingView, type ClassRequest, type StaffClassView } from '@linli/shared-types';
import { createClass, getBuildings, getStaffClass, showApiError, updateClass } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { BuildingChoices } from '@/components/BuildingChoices';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { DateTimeField } from '../window-edit/DateTimeField';
import { roundUp } from '../window-edit/wall-time';
import { changes, emptyForm, formOf, validate, type ClassForm, type ClassFormErrors } from './form';
import { usePageClass } from '@/hooks/useElderly';

const DAY_MS = 24 * 3600 * 1000;

/** 新建课程 (no id) or 修改课程 (?id=). */
export default function ClassEditPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const editing = Number.isInteger(id) && id > 0;
  const [[pickerStart, pickerEnd]] = useState((): [number, number] => {
    const start = roundUp(Date.now(), 5);
    return [start, start + 120 * DAY_MS];
  });
  const [before, setBefore] = useState<StaffClassView | null>(null);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const { form, setForm, set, errors, serverError, setServerError, check, refused } = useForm<ClassForm, keyof ClassFormErrors>(() =>
    emptyForm(new Date(pickerStart + DAY_MS).toISOString()),
  );

  useEffect(() => {
    if (editing) void Taro.setNavigationBarTitle({ title: '修改课程' });
    Promise.all([getBuildings(), editing ? getStaffClass(id) : Promise.resolve(null)])
      .then(([b, c]) => {
        setBuildings(b);
        if (c) {
          setBefore(c);
          setForm(formOf(c));
        }
      })
      .catch(showApiError);
  }, []);

  const save = useAction(async (body: ClassRequest, key: string) => {
    const saved = before ? await updateClass(before.id, changes(before, body), key) : await createClass(body, key);
    await Taro.showToast({ title: before ? '已修改' : '已安排', icon: 'success' });
    if (before) await Taro.navigateBack();
    else await Taro.redirectTo({ url: `/staff/class-signups/index?id=${saved.id}` });
    return saved;
  }, refused);

  const onSave = () => {
    const { errors: found, body } = validate(form, Date.now());
    if (check(found) && body) {
      if (before && Object.keys(changes(before, body)).length === 0) return setServerError('没有修改任何内容');
      void save.run(body);
    }
  };

  const whole = form.buildingIds.length === 0;

  if (editing && !before) return <View className="loading">正在加载…</View>;

  return (
    <View className={pageClass}>
      <Field label="类别" error={errors.kind}>
        <Choices
          idPrefix="class-kind"
          columns={3}
          options={CLASS_KINDS.map((k) => ({ value: k, label: CLASS_KIND_LABELS[k] }))}
          selected={form.kind ? [form.kind] : []}
          onToggle={(kind) => set({ kind })}
        />
      </Field>
      <Field label="课程名称" error={errors.title}>
        <TextInput
          id="class-title"
          value={form.title}
          maxlength={60}
          onChange={(title) => set({ title })}
          placeholder="例如：居家瑜伽入门"
        />
      </Field>
      <Field label="老师" error={errors.teacher}>
        <TextInput
          id="class-teacher"
          value={form.teacher}
          maxlength={40}
          onChange={(teacher) => set({ teacher })}
          placeholder="例如：李老师"
        />
      </Field>
      <Field label="课程介绍（可不填）" error={errors.description}>
        <Textarea
          id="class-description"
          className="textarea"
          value={form.description}
          maxlength={1000}
          placeholder="上课要准备什么，适合哪些人"
          placeholderClass="input-placeholder"
          onInput={(e) => set({ description: e.detail.value })}
        />
      </Field>
      <Field label="上课时间" error={errors.startsAt} hint="北京时间；点一下，在转盘上选">
        <DateTimeField
          id="class-starts-at"
          title="上课时间"
          type="datetime"
          value={form.startsAt}
          min={pickerStart}
          max={pickerEnd}
          invalid={Boolean(errors.startsAt)}
          onChange={(startsAt) => set({ startsAt })}
        />
      </Field>
      <Field label="时长（分钟）" error={errors.minutes}>
        <TextInput id="class-minutes" type="number" value={form.minutes} maxlength={3} onChange={(minutes) => set({ minutes })} />
      </Field>
      <Field label="名额" error={errors.capacity}>
        <Choices
          idPrefix="class-limited"
          columns={2}
          options={[
            { value: 'no', label: '不限名额' },
            { value: 'yes', label: '限定名额' },
          ]}
          selected={[form.limited ? 'yes' : 'no']}
          onToggle={(v) => set({ limited: v === 'yes', capacity: v === 'yes' ? form.capacity : '' })}
        />
        {form.limited ? (
          <View className="gap-top">
            <TextInput
              id="class-capacity"
              type="number"
              value={form.capacity}
              maxlength={5}
              onChange={(capacity) => set({ capacity })}
              placeholder="多少户"
            />
          </View>
        ) : null}
      </Field>
      <Field label="直播链接" error={errors.liveUrl} hint="视频号直播、腾讯会议或其他网址">
        <TextInput
          id="class-live-url"
          value={form.liveUrl}
          maxlength={500}
          onChange={(liveUrl) => set({ liveUrl })}
          placeholder="https://"
        />
      </Field>
      <Field label="面向哪些楼栋" hint={whole ? '全体居民都能报名' : '只有选中楼栋的居民能看到和报名'}>
        <BuildingChoices
          idPrefix="class-building"
          buildings={buildings}
          buildingIds={form.buildingIds}
          whole={whole}
          onChange={(buildingIds) => set({ buildingIds })}
        />
      </Field>

      {serverError ? (
        <View className="error-text" role="alert" id="class-error">
          {serverError}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="class-save" type="primary" size="large" block loading={save.busy} onClick={onSave}>
          {before ? '保存修改' : '安排课程'}
        </Button>
      </View>
    </View>
  );
}
