import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Textarea, View } from '@tarojs/components';
import {
  MAX_NOTICE_PICTURES,
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_LABELS,
  type BuildingView,
  type NoticeRequest,
  type StaffNoticeView,
} from '@linli/shared-types';
import {
  createNotice,
  errorMessage,
  fileUrl,
  getBuildings,
  getStaffNotice,
  pickPhoto,
  showApiError,
  updateNotice,
  uploadPhoto,
  type PickedFile,
} from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { BuildingChoices } from '@/components/BuildingChoices';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { DateTimeField } from '../window-edit/DateTimeField';
import { roundUp } from '../window-edit/wall-time';
import { changes, emptyForm, formOf, validate, type NoticeForm, type NoticeFormErrors } from './form';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
const YES_NO = [
  { value: 'no', label: '否' },
  { value: 'yes', label: '是' },
] as const;

/** 发布通知 (no id) or 修改通知 (?id=). */
export default function NoticeEditPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const editing = Number.isInteger(id) && id > 0;
  const [before, setBefore] = useState<StaffNoticeView | null>(null);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const { form, setForm, set, errors, serverError, setServerError, check, refused } = useForm<NoticeForm, keyof NoticeFormErrors>(
    emptyForm,
  );
  const [[pickerStart, pickerEnd]] = useState((): [number, number] => {
    const start = roundUp(Date.now(), 5);
    return [start, start + 90 * DAY_MS];
  });

  useEffect(() => {
    if (editing) void Taro.setNavigationBarTitle({ title: '修改通知' });
    Promise.all([getBuildings(), editing ? getStaffNotice(id) : Promise.resolve(null)])
      .then(([b, n]) => {
        setBuildings(b);
        if (n) {
          setBefore(n);
          setForm(formOf(n));
        }
      })
      .catch(showApiError);
  }, []);

  const upload = useAction(
    async (picked: PickedFile, key: string) => {
      const file = await uploadPhoto(picked, 'notice', key);
      setForm((prev) => ({ ...prev, pictures: [...prev.pictures, { id: file.id, url: file.url }] }));
      return file;
    },
    (error) => {
      setServerError(errorMessage(error));
      return true;
    },
  );

  const save = useAction(async (body: NoticeRequest, key: string) => {
    const saved = before ? await updateNotice(before.id, changes(before, body), key) : await createNotice(body, key);
    await Taro.showToast({ title: before ? '已修改' : '已发布', icon: 'success' });
    // An edit goes back to the notice's page (it reloads on show); a new notice opens its own.
    if (before) await Taro.navigateBack();
    else await Taro.redirectTo({ url: `/staff/notices-reads/index?id=${saved.id}` });
    return saved;
  }, refused);

  const onSave = () => {
    const { errors: found, body } = validate(form, Date.now());
    if (check(found) && body) {
      if (before && Object.keys(changes(before, body)).length === 0) return setServerError('没有修改任何内容');
      void save.run(body);
    }
  };

  const addPicture = async () => {
    if (form.pictures.length >= MAX_NOTICE_PICTURES || upload.busy) return;
    const picked = await pickPhoto();
    if (picked) void upload.run(picked);
  };

  const zones = [...new Set(buildings.map((b) => b.zone).filter((z): z is string => Boolean(z)))];
  const whole = form.buildingIds.length === 0 && form.zones.length === 0;
  const published = before !== null && Date.parse(before.publishAt) <= Date.now();

  if (editing && !before) return <View className="loading">正在加载…</View>;

  return (
    <View className={pageClass}>
      <Field label="类别" error={errors.category}>
        <Choices
          idPrefix="notice-category"
          columns={3}
          options={NOTICE_CATEGORIES.map((c) => ({ value: c, label: NOTICE_CATEGORY_LABELS[c] }))}
          selected={form.category ? [form.category] : []}
          onToggle={(category) => set({ category })}
        />
      </Field>
      <Field label="标题" error={errors.title}>
        <TextInput
          id="notice-title"
          value={form.title}
          maxlength={60}
          onChange={(title) => set({ title })}
          placeholder="例如：明早7点 南门广场核酸检测"
        />
      </Field>
      <Field label="正文" error={errors.body}>
        <Textarea
          id="notice-body"
          className="textarea"
          value={form.body}
          maxlength={5000}
          placeholder="时间、地点、要带什么"
          placeholderClass="input-placeholder"
          onInput={(e) => set({ body: e.detail.value })}
        />
      </Field>
      <Field label={`图片（可不放，最多 ${MAX_NOTICE_PICTURES} 张）`}>
        {form.pictures.length > 0 ? (
          <View className="ne-photos">
            {form.pictures.map((p, n) => (
              <View key={p.id} className="ne-photo" id={`notice-picture-${n}`}>
                <Image className="ne-photo__image" src={fileUrl(p.url)} mode="aspectFill" />
                <View
                  id={`notice-picture-${n}-remove`}
                  role="button"
                  aria-label="删掉这张图片"
                  className="ne-photo__remove"
                  onClick={() => set({ pictures: form.pictures.filter((x) => x.id !== p.id) })}
                >
                  ×
                </View>
              </View>
            ))}
          </View>
        ) : null}
        {form.pictures.length < MAX_NOTICE_PICTURES ? (
          <View className="gap-top">
            <Button id="notice-add-picture" size="large" block fill="outline" loading={upload.busy} onClick={() => void addPicture()}>
              添加图片
            </Button>
          </View>
        ) : null}
      </Field>
      <Field label="通知哪些楼栋" hint={whole ? '全体居民都能看到' : '只有选中楼栋（和片区）的居民能看到'}>
        <BuildingChoices
          idPrefix="notice-building"
          buildings={buildings}
          buildingIds={form.buildingIds}
          whole={whole}
          onChange={(buildingIds, all) => set(all ? { buildingIds: [], zones: [] } : { buildingIds })}
        />
      </Field>
      {zones.length > 0 ? (
        <Field label="通知哪些片区（可不选）">
          <Choices
            idPrefix="notice-zone"
            columns={3}
            options={zones.map((z) => ({ value: z, label: z }))}
            selected={form.zones}
            onToggle={(z) => set({ zones: form.zones.includes(z) ? form.zones.filter((x) => x !== z) : [...form.zones, z] })}
          />
        </Field>
      ) : null}
      <Field label="紧急通知" hint="紧急通知用红色显示，并写在居民「我的」页面最上面">
        <Choices
          idPrefix="notice-urgent"
          columns={2}
          options={[...YES_NO]}
          selected={[form.urgent ? 'yes' : 'no']}
          onToggle={(v) => set({ urgent: v === 'yes' })}
        />
      </Field>
      <Field label="置顶">
        <Choices
          idPrefix="notice-pinned"
          columns={2}
          options={[...YES_NO]}
          selected={[form.pinned ? 'yes' : 'no']}
          onToggle={(v) => set({ pinned: v === 'yes' })}
        />
      </Field>
      {published ? null : (
        <Field label="什么时候发布" error={errors.publishAt} hint="北京时间；点一下，在转盘上选">
          <Choices
            idPrefix="notice-publish"
            columns={2}
            options={[
              { value: 'now', label: '马上发布' },
              { value: 'later', label: '定时发布' },
            ]}
            selected={[form.publishAt === null ? 'now' : 'later']}
            onToggle={(v) => set({ publishAt: v === 'now' ? null : new Date(pickerStart + HOUR_MS).toISOString() })}
          />
          {form.publishAt !== null ? (
            <View className="gap-top">
              <DateTimeField
                id="notice-publish-at"
                title="发布时间"
                type="datetime"
                value={form.publishAt}
                min={pickerStart}
                max={pickerEnd}
                onChange={(publishAt) => set({ publishAt })}
              />
            </View>
          ) : null}
        </Field>
      )}
      <Field label="什么时候结束" error={errors.expiresAt} hint="结束后居民就看不到了">
        <Choices
          idPrefix="notice-expire"
          columns={2}
          options={[
            { value: 'never', label: '一直有效' },
            { value: 'at', label: '到时结束' },
          ]}
          selected={[form.expiresAt === null ? 'never' : 'at']}
          onToggle={(v) =>
            set({
              expiresAt:
                v === 'never'
                  ? null
                  : new Date(Math.max(pickerStart, form.publishAt ? Date.parse(form.publishAt) : 0) + DAY_MS).toISOString(),
            })
          }
        />
        {form.expiresAt !== null ? (
          <View className="gap-top">
            <DateTimeField
              id="notice-expires-at"
              title="结束时间"
              type="datetime"
              value={form.expiresAt}
              min={pickerStart}
              max={pickerEnd + 30 * DAY_MS}
              invalid={Boolean(errors.expiresAt)}
              onChange={(expiresAt) => set({ expiresAt })}
            />
          </View>
        ) : null}
      </Field>

      {serverError ? (
        <View className="error-text" role="alert" id="notice-error">
          {serverError}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="notice-save" type="primary" size="large" block loading={save.busy} onClick={onSave}>
          {before ? '保存修改' : '发布'}
        </Button>
      </View>
    </View>
  );
}
