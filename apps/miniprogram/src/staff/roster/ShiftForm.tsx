import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { DEFAULT_GIVE_UP_HOURS, type CreateShiftRequest, type RosterPostView, type ShiftView } from '@linli/shared-types';
import { createRosterShift } from '@/api';
import { Choices } from '@/components/Choices';
import { Field, TextField } from '@/components/Field';
import { FormActions } from '@/components/FormActions';
import { useAction } from '@/hooks/useAction';
import { type FormErrors, useForm } from '@/hooks/useForm';
import { nextDays, parseClock, shiftMoments } from '@/utils/roster';

/** The form's fields are named as the request's, so the server's field errors land under them. */
interface Form {
  postId: number | null;
  day: string;
  startsAt: string;
  endsAt: string;
  places: string;
  requirements: string;
  giveUpHours: string;
}

/** How many days ahead a shift can be laid out from this screen. */
const DAYS_AHEAD = 7;

const TIME_HINT = '请填时刻，例如 08:00';

function validate(form: Form): { errors: FormErrors<Form>; body: CreateShiftRequest | null } {
  const errors: FormErrors<Form> = {};
  if (form.postId === null) errors.postId = '请选择岗位';
  if (!form.day) errors.day = '请选择日期';
  if (parseClock(form.startsAt) === null) errors.startsAt = TIME_HINT;
  if (parseClock(form.endsAt) === null) errors.endsAt = TIME_HINT;
  const places = form.places.trim();
  if (!/^\d+$/.test(places) || Number(places) < 1 || Number(places) > 200) errors.places = '人数要是 1 到 200 的整数';
  const requirements = form.requirements.trim();
  if (requirements.length > 200) errors.requirements = '要求最多 200 个字';
  const giveUp = form.giveUpHours.trim();
  if (!/^\d+$/.test(giveUp) || Number(giveUp) > 48) errors.giveUpHours = '可取消时限要是 0 到 48 小时的整数';
  const moments = shiftMoments(form.day, form.startsAt, form.endsAt);
  if (Object.keys(errors).length > 0 || form.postId === null || moments === null) return { errors, body: null };
  return {
    errors,
    body: {
      postId: form.postId,
      startsAt: moments.startsAt,
      endsAt: moments.endsAt,
      places: Number(places),
      requirements,
      giveUpHours: Number(giveUp),
    },
  };
}

interface ShiftFormProps {
  posts: RosterPostView[];
  onCreated: (shift: ShiftView) => void;
  onCancel: () => void;
}

/**
 * 排班: the post, the day (today and the next six, as big buttons), start and end typed as
 * 08:00 (an end before the start is the next morning), how many people, what they need and until
 * how many hours before the start a place can be given up. Ids shift-post-{i}, shift-day-{i},
 * shift-start, shift-end, shift-places, shift-requirements, shift-give-up, shift-submit.
 */
export function ShiftForm({ posts, onCreated, onCancel }: ShiftFormProps) {
  const days = useMemo(() => nextDays(Date.now(), DAYS_AHEAD), []);
  const empty = (): Form => ({
    postId: posts.length === 1 ? (posts[0]?.id ?? null) : null,
    day: days[1]?.day ?? '',
    startsAt: '',
    endsAt: '',
    places: '',
    requirements: '',
    giveUpHours: String(DEFAULT_GIVE_UP_HOURS),
  });
  const { form, setForm, set, errors, serverError, check, refused } = useForm<Form>(empty);
  const moments = shiftMoments(form.day, form.startsAt, form.endsAt);

  const save = useAction(async (body: CreateShiftRequest, key: string) => {
    const shift = await createRosterShift(body, key);
    setForm(empty());
    onCreated(shift);
    return shift;
  }, refused);

  const submit = () => {
    const { errors: found, body } = validate(form);
    if (check(found) && body) void save.run(body);
  };

  return (
    <View className="card" id="shift-form">
      <View className="card-title">排班</View>
      <Field label="岗位" error={errors.postId}>
        <Choices
          idPrefix="shift-post"
          columns={2}
          options={posts.map((p) => ({ value: p.id, label: p.name }))}
          selected={form.postId !== null ? [form.postId] : []}
          onToggle={(postId) => set({ postId })}
        />
      </Field>
      <Field label="日期" error={errors.day}>
        <Choices
          idPrefix="shift-day"
          columns={2}
          options={days.map((d) => ({ value: d.day, label: d.label }))}
          selected={[form.day]}
          onToggle={(day) => set({ day })}
        />
      </Field>
      <TextField
        label="开始时间"
        error={errors.startsAt}
        id="shift-start"
        value={form.startsAt}
        maxlength={5}
        placeholder="08:00"
        onChange={(startsAt) => set({ startsAt })}
      />
      <TextField
        label="结束时间"
        error={errors.endsAt}
        hint={moments?.nextDay ? '结束在第二天' : undefined}
        id="shift-end"
        value={form.endsAt}
        maxlength={5}
        placeholder="12:00"
        onChange={(endsAt) => set({ endsAt })}
      />
      <TextField
        label="需要几个人"
        error={errors.places}
        id="shift-places"
        type="number"
        value={form.places}
        maxlength={3}
        placeholder="例如：4"
        onChange={(places) => set({ places })}
      />
      <TextField
        label="要求（可不填）"
        error={errors.requirements}
        id="shift-requirements"
        value={form.requirements}
        maxlength={200}
        placeholder="例如：会开车、能搬重物"
        onChange={(requirements) => set({ requirements })}
      />
      <TextField
        label="开始前几小时内不能在手机上取消"
        error={errors.giveUpHours}
        id="shift-give-up"
        type="number"
        value={form.giveUpHours}
        maxlength={2}
        onChange={(giveUpHours) => set({ giveUpHours })}
      />
      <FormActions
        error={serverError}
        errorId="shift-error"
        cancelId="shift-cancel"
        onCancel={onCancel}
        submitId="shift-submit"
        submitText="发布班次"
        busy={save.busy}
        onSubmit={submit}
      />
    </View>
  );
}
