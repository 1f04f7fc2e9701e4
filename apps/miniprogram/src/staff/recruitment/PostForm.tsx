import { Textarea, View } from '@tarojs/components';
import { SQUAD_LABELS, SQUADS, type Squad, type VolunteerPostRequest, type VolunteerPostView } from '@linli/shared-types';
import { createVolunteerPost } from '@/api';
import { FormActions } from '@/components/FormActions';
import { Choices } from '@/components/Choices';
import { Field, TextField } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { type FormErrors, useForm } from '@/hooks/useForm';

interface Form {
  squad: Squad | null;
  title: string;
  requirements: string;
  shift: string;
  slots: string;
}

type Errors = FormErrors<Form>;

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
  const { form, setForm, set, errors, serverError, check, refused } = useForm<Form>(EMPTY);

  const save = useAction(async (body: VolunteerPostRequest, key: string) => {
    const post = await createVolunteerPost(body, key);
    setForm(EMPTY);
    onCreated(post);
    return post;
  }, refused);

  const submit = () => {
    const { errors: found, body } = validate(form);
    if (check(found) && body) void save.run(body);
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
      <TextField
        label="标题"
        error={errors.title}
        id="post-title"
        value={form.title}
        maxlength={60}
        placeholder="例如：招募送菜上门志愿者"
        onChange={(title) => set({ title })}
      />
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
      <TextField
        label="服务时间"
        error={errors.shift}
        id="post-shift"
        value={form.shift}
        maxlength={100}
        placeholder="例如：每天 8:00–12:00"
        onChange={(shift) => set({ shift })}
      />
      <TextField
        label="招募人数"
        error={errors.slots}
        id="post-slots"
        type="number"
        value={form.slots}
        maxlength={4}
        placeholder="例如：10"
        onChange={(slots) => set({ slots })}
      />
      <FormActions
        error={serverError}
        errorId="post-error"
        cancelId="post-cancel"
        onCancel={onCancel}
        submitId="post-submit"
        submitText="发布招募"
        busy={save.busy}
        onSubmit={submit}
      />
    </View>
  );
}
