import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import { CONTEST_KINDS, CONTEST_KIND_LABELS, type ContestRequest, type ContestView } from '@linli/shared-types';
import { createContest, getStaffContest, showApiError, updateContest } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { DateTimeField } from '../window-edit/DateTimeField';
import { contestFormOf, emptyContest, validateContest, type ContestForm, type ContestFormErrors } from './form';
import { usePageClass } from '@/hooks/useElderly';

const DAY_MS = 24 * 3600 * 1000;

/** 新建比赛 (no id) or 修改比赛 (?id=): kind, rules, the entry and voting periods, limits, votes or judges. */
export default function ContestEditPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const editing = Number.isInteger(id) && id > 0;
  const [before, setBefore] = useState<ContestView | null>(null);
  const [[min, max]] = useState((): [number, number] => [Date.now() - DAY_MS, Date.now() + 180 * DAY_MS]);
  const { form, setForm, set, errors, serverError, check, refused } = useForm<ContestForm, keyof ContestFormErrors>(() =>
    emptyContest(Date.now()),
  );

  useEffect(() => {
    if (!editing) return;
    void Taro.setNavigationBarTitle({ title: '修改比赛' });
    getStaffContest(id)
      .then((d) => {
        setBefore(d.contest);
        setForm(contestFormOf(d.contest));
      })
      .catch(showApiError);
  }, []);

  const save = useAction(async (body: ContestRequest, key: string) => {
    const saved = before ? await updateContest(before.id, body, key) : await createContest(body, key);
    await Taro.showToast({ title: before ? '已修改' : '已创建', icon: 'success' });
    if (before) await Taro.navigateBack();
    else await Taro.redirectTo({ url: `/staff/contest-review/index?id=${saved.id}` });
    return saved;
  }, refused);

  const onSave = () => {
    const { errors: found, body } = validateContest(form);
    if (check(found) && body) void save.run(body);
  };

  if (editing && !before) return <View className="loading">正在加载…</View>;
  const moment = (key: 'entryStartsAt' | 'entryEndsAt' | 'voteStartsAt' | 'voteEndsAt', title: string, error?: string) => (
    <Field label={title} error={error}>
      <DateTimeField
        id={`contest-${key}`}
        title={title}
        type="datetime"
        value={form[key]}
        min={min}
        max={max}
        invalid={Boolean(error)}
        onChange={(v) => set({ [key]: v })}
      />
    </Field>
  );

  return (
    <View className={pageClass}>
      <Field label="比赛类型">
        <Choices
          idPrefix="contest-kind"
          columns={4}
          options={CONTEST_KINDS.map((k) => ({ value: k, label: CONTEST_KIND_LABELS[k] }))}
          selected={[form.kind]}
          onToggle={(kind) => set({ kind })}
        />
      </Field>
      <Field label="标题" error={errors.title}>
        <TextInput
          id="contest-title"
          value={form.title}
          maxlength={60}
          onChange={(title) => set({ title })}
          placeholder="例如：春天的小区摄影赛"
        />
      </Field>
      <Field label="比赛规则" error={errors.rules}>
        <Textarea
          id="contest-rules"
          className="textarea"
          value={form.rules}
          maxlength={3000}
          placeholder="主题、要求、奖品"
          placeholderClass="input-placeholder"
          onInput={(e) => set({ rules: e.detail.value })}
        />
      </Field>
      {moment('entryStartsAt', '征集开始')}
      {moment('entryEndsAt', '征集结束', errors.entryEndsAt)}
      <Field label="评选方式">
        <Choices
          idPrefix="contest-mode"
          columns={2}
          options={[
            { value: 'vote', label: '居民投票' },
            { value: 'judges', label: '评委打分' },
          ]}
          selected={[form.mode]}
          onToggle={(mode) => set({ mode })}
        />
      </Field>
      {moment('voteStartsAt', form.mode === 'vote' ? '投票开始' : '评审开始', errors.voteStartsAt)}
      {moment('voteEndsAt', form.mode === 'vote' ? '投票结束' : '评审结束', errors.voteEndsAt)}
      <Field label="每户最多几件作品" error={errors.entriesPerHousehold}>
        <TextInput
          id="contest-per-household"
          type="number"
          value={form.entriesPerHousehold}
          onChange={(entriesPerHousehold) => set({ entriesPerHousehold })}
        />
      </Field>
      {form.mode === 'vote' ? (
        <Field label="每人每天最多几票" error={errors.votesPerDay}>
          <TextInput id="contest-per-day" type="number" value={form.votesPerDay} onChange={(votesPerDay) => set({ votesPerDay })} />
        </Field>
      ) : null}
      <Field label="机器审核通过后自动上墙" hint="选「否」：每件作品都要工作人员点通过">
        <Choices
          idPrefix="contest-auto"
          columns={2}
          options={[
            { value: 'no', label: '否' },
            { value: 'yes', label: '是' },
          ]}
          selected={[form.autoApprove ? 'yes' : 'no']}
          onToggle={(v) => set({ autoApprove: v === 'yes' })}
        />
      </Field>
      {serverError ? (
        <View className="error-text" role="alert" id="contest-error">
          {serverError}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="contest-save" type="primary" size="large" block loading={save.busy} onClick={onSave}>
          {before ? '保存修改' : '创建比赛'}
        </Button>
      </View>
    </View>
  );
}
