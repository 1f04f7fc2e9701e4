import { Textarea, View } from '@tarojs/components';
import { SQUAD_LABELS, type RosterPostView, type SaveRosterPostRequest, type Squad } from '@linli/shared-types';
import { createRosterPost } from '@/api';
import { Choices } from '@/components/Choices';
import { Field, TextField } from '@/components/Field';
import { FormActions } from '@/components/FormActions';
import { useAction } from '@/hooks/useAction';
import { type FormErrors, useForm } from '@/hooks/useForm';

interface Form {
  name: string;
  squad: Squad | null;
  note: string;
}

const EMPTY: Form = { name: '', squad: null, note: '' };

/** The server's limits, checked here first so the answer comes at once. */
function validate(form: Form): { errors: FormErrors<Form>; body: SaveRosterPostRequest | null } {
  const errors: FormErrors<Form> = {};
  const name = form.name.trim();
  const note = form.note.trim();
  if (name.length < 1 || name.length > 30) errors.name = '岗位名称要 1 到 30 个字，例如：东门岗、3号核酸检测点、分拣区';
  if (form.squad === null) errors.squad = '请选择小组';
  if (note.length > 200) errors.note = '说明最多 200 个字';
  if (Object.keys(errors).length > 0 || form.squad === null) return { errors, body: null };
  return { errors, body: { name, squad: form.squad, note } };
}

interface PostFormProps {
  /** The squads this person may lay out posts for: every squad for staff, their own for a leader. */
  squads: readonly Squad[];
  onCreated: (post: RosterPostView) => void;
  onCancel: () => void;
}

/** 新建岗位: its name, squad and where exactly / what to bring. Ids rpost-name, rpost-squad-{i}, rpost-note, rpost-submit. */
export function RosterPostForm({ squads, onCreated, onCancel }: PostFormProps) {
  const { form, setForm, set, errors, serverError, check, refused } = useForm<Form>(() => ({
    ...EMPTY,
    squad: squads.length === 1 ? (squads[0] ?? null) : null,
  }));

  const save = useAction(async (body: SaveRosterPostRequest, key: string) => {
    const post = await createRosterPost(body, key);
    setForm(EMPTY);
    onCreated(post);
    return post;
  }, refused);

  const submit = () => {
    const { errors: found, body } = validate(form);
    if (check(found) && body) void save.run(body);
  };

  return (
    <View className="card" id="rpost-form">
      <View className="card-title">新建岗位</View>
      <TextField
        label="岗位名称"
        error={errors.name}
        id="rpost-name"
        value={form.name}
        maxlength={30}
        placeholder="例如：东门核酸检测点"
        onChange={(name) => set({ name })}
      />
      <Field label="哪个小组的岗位" error={errors.squad}>
        <Choices
          idPrefix="rpost-squad"
          columns={2}
          options={squads.map((s) => ({ value: s, label: SQUAD_LABELS[s] }))}
          selected={form.squad ? [form.squad] : []}
          onToggle={(squad) => set({ squad })}
        />
      </Field>
      <Field label="说明（可不填）" error={errors.note}>
        <Textarea
          id="rpost-note"
          className={errors.note ? 'textarea input--error' : 'textarea'}
          value={form.note}
          maxlength={200}
          placeholder="例如：东门岗亭旁，穿好防护服"
          placeholderClass="input-placeholder"
          onInput={(e) => set({ note: e.detail.value })}
        />
      </Field>
      <FormActions
        error={serverError}
        errorId="rpost-error"
        cancelId="rpost-cancel"
        onCancel={onCancel}
        submitId="rpost-submit"
        submitText="保存岗位"
        busy={save.busy}
        onSubmit={submit}
      />
    </View>
  );
}
