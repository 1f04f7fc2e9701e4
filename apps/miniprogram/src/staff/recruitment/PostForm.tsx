import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { SQUAD_LABELS, SQUADS, type Squad, type VolunteerPostRequest, type VolunteerPostView } from '@linli/shared-types';
import { errorMessage, fieldErrors } from '@/api';
import { createVolunteerPost } from '@/api/staff-delivery';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';

interface Form {
  squad: Squad | null;
  title: string;
  requirements: string;
  shift: string;
  slots: string;
}

type Errors = Partial<Record<keyof Form, string>>;

const EMPTY: Form = { squad: null, title: '', requirements: '', shift: '', slots: '' };

/** The same limits as the server's, checked here first so the answer comes at once. */
function validate(form: Form): { errors: Errors; body: VolunteerPostRequest | null } {
  const errors: Errors = {};
  const title = form.title.trim();
  const requirements = form.requirements.trim();
  const shift = form.shift.trim();
  const slots = Number(form.slots.trim());
  if (form.squad === null) errors.squad = '请选择招募哪个小组';
  if (title.length < 2 || title.length > 60) errors.title = '标题要 2 到 60 个字';
  if (requirements.length < 2 || requirements.length > 500) errors.requirements = '要求要 2 到 500 个字';
  if (shift.length < 2 || shift.length > 100) errors.shift = '服务时间要 2 到 100 个字';
  if (!/^\d+$/.test(form.slots.trim()) || slots < 1 || slots > 2000) errors.slots = '招募人数要填 1 到 2000 之间的整数';
  if (Object.keys(errors).length > 0 || form.squad === null) return { errors, body: null };
  return { errors, body: { squad: form.squad, title, requirements, shift, slots } };
}

interface PostFormProps {
  onCreated: (post: VolunteerPostView) => void;
  onCancel?: () => void;
}

/**
 * 发布招募: the squad (big buttons), a title, what is asked of volunteers, the hours and how
 * many. The server's field errors (400 VALIDATION_FAILED) show under their fields.
 * Ids: post-squad-{i}, post-title, post-requirements, post-shift, post-slots, post-submit.
 */
export function PostForm({ onCreated, onCancel }: PostFormProps) {
  const [form, setForm] = useState<Form>(EMPTY);
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
    async (body: VolunteerPostRequest, key: string) => {
      const post = await createVolunteerPost(body, key);
      setForm(EMPTY);
      onCreated(post);
      return post;
    },
    (error) => {
      const fields = fieldErrors(error);
      if (Object.keys(fields).length > 0) {
        setErrors(fields as Errors);
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

  return (
    <View className="card" id="post-form">
      <View className="card-title">发布招募</View>
      <Field label="招募哪个小组" error={errors.squad}>
        <Choices
          idPrefix="post-squad"
          columns={2}
          options={SQUADS.map((s) => ({ value: s, label: SQUAD_LABELS[s] }))}
          selected={form.squad ? [form.squad] : []}
          onToggle={(squad) => set({ squad })}
        />
      </Field>
      <Field label="标题" error={errors.title}>
        <TextInput
          id="post-title"
          value={form.title}
          maxlength={60}
          invalid={Boolean(errors.title)}
          placeholder="例如：招募送菜上门志愿者"
          onChange={(title) => set({ title })}
        />
      </Field>
      <Field label="对志愿者的要求" error={errors.requirements}>
        <Textarea
          id="post-requirements"
          className={errors.requirements ? 'textarea input--error' : 'textarea'}
          value={form.requirements}
          maxlength={500}
          placeholder="例如：18 到 60 岁，身体健康，已完成核酸检测"
          placeholderClass="input-placeholder"
          onInput={(e) => set({ requirements: e.detail.value })}
        />
      </Field>
      <Field label="服务时间" error={errors.shift}>
        <TextInput
          id="post-shift"
          value={form.shift}
          maxlength={100}
          invalid={Boolean(errors.shift)}
          placeholder="例如：每天 8:00–12:00"
          onChange={(shift) => set({ shift })}
        />
      </Field>
      <Field label="招募人数" error={errors.slots}>
        <TextInput
          id="post-slots"
          type="number"
          value={form.slots}
          maxlength={4}
          invalid={Boolean(errors.slots)}
          placeholder="例如：10"
          onChange={(slots) => set({ slots })}
        />
      </Field>
      {serverError ? (
        <View className="error-text" role="alert" id="post-error">
          {serverError}
        </View>
      ) : null}
      <View className="button-row gap-top">
        {onCancel ? (
          <Button id="post-cancel" size="large" fill="outline" disabled={save.busy} onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button id="post-submit" type="primary" size="large" loading={save.busy} onClick={submit}>
          发布招募
        </Button>
      </View>
    </View>
  );
}
