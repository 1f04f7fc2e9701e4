import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import { formatDuration, QUIZ_LATE_RULE, type QuizRequest, type StaffAttemptRow, type StaffQuizView } from '@linli/shared-types';
import { createQuiz, getStaffQuiz, listQuestions, listQuizAttempts, showApiError, updateQuiz } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { FormActions } from '@/components/FormActions';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { formatTime } from '@/utils/format';
import { DateTimeField } from '../window-edit/DateTimeField';
import { emptyQuiz, quizFormOf, validateQuiz, type QuizForm, type QuizFormErrors } from './form';
import { usePageClass } from '@/hooks/useElderly';

const DAY_MS = 86_400_000;

/** 新建竞答 (no id) or a quiz's settings and its attempts (?id=). */
export default function QuizEditPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const editing = Number.isInteger(id) && id > 0;
  const [before, setBefore] = useState<StaffQuizView | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [attempts, setAttempts] = useState<StaffAttemptRow[] | null>(null);
  const [[min, max]] = useState((): [number, number] => [Date.now() - DAY_MS, Date.now() + 90 * DAY_MS]);
  const { form, setForm, set, errors, serverError, check, refused } = useForm<QuizForm, keyof QuizFormErrors>(() => emptyQuiz(Date.now()));

  useEffect(() => {
    if (editing) void Taro.setNavigationBarTitle({ title: '竞答设置' });
    Promise.all([
      listQuestions(),
      editing ? getStaffQuiz(id) : Promise.resolve(null),
      editing ? listQuizAttempts(id) : Promise.resolve(null),
    ])
      .then(([questions, quiz, rows]) => {
        setTags([...new Set(questions.flatMap((q) => q.tags))]);
        if (quiz) {
          setBefore(quiz);
          setForm(quizFormOf(quiz));
        }
        setAttempts(rows);
      })
      .catch(showApiError);
  }, []);

  const save = useAction(async (body: QuizRequest, key: string) => {
    const saved = before ? await updateQuiz(before.id, body, key) : await createQuiz(body, key);
    await Taro.showToast({ title: '已保存', icon: 'success' });
    await Taro.navigateBack();
    return saved;
  }, refused);

  const onSave = () => {
    const { errors: found, body } = validateQuiz(form);
    if (check(found) && body) void save.run(body);
  };

  if (editing && !before) return <View className="loading">正在加载…</View>;

  return (
    <View className={pageClass}>
      {before ? (
        <View className="big-text" id="quiz-edit-figures">
          {before.people} 人参加，共 {before.attempts} 次 · 可抽 {before.available} 题
        </View>
      ) : null}
      <Field label="标题" error={errors.title}>
        <TextInput
          id="quiz-title"
          value={form.title}
          maxlength={60}
          placeholder="例如：防疫知识竞答"
          onChange={(title) => set({ title })}
        />
      </Field>
      <Field label="介绍（可不写）">
        <Textarea
          id="quiz-intro"
          className="textarea"
          value={form.intro}
          maxlength={2000}
          placeholder="奖品、规则"
          placeholderClass="input-placeholder"
          onInput={(e) => set({ intro: e.detail.value })}
        />
      </Field>
      <Field label="每次抽几道题" error={errors.questionCount}>
        <TextInput
          id="quiz-count"
          type="number"
          value={form.questionCount}
          maxlength={2}
          onChange={(questionCount) => set({ questionCount })}
        />
      </Field>
      <Field label="从哪些标签抽题" hint={form.tags.length === 0 ? '不选：从整个题库抽' : '只抽带这些标签的题'}>
        <Choices
          idPrefix="quiz-tag"
          columns={3}
          options={tags.map((t) => ({ value: t, label: t }))}
          selected={form.tags}
          onToggle={(t) => set({ tags: form.tags.includes(t) ? form.tags.filter((x) => x !== t) : [...form.tags, t] })}
        />
      </Field>
      <Field label="答题时间（分钟）" error={errors.minutes}>
        <TextInput id="quiz-minutes" type="digit" value={form.minutes} maxlength={5} onChange={(minutes) => set({ minutes })} />
      </Field>
      <Field label="每人可答几次" error={errors.attemptsAllowed}>
        <TextInput
          id="quiz-attempts"
          type="number"
          value={form.attemptsAllowed}
          maxlength={2}
          onChange={(attemptsAllowed) => set({ attemptsAllowed })}
        />
      </Field>
      <Field label="开始时间">
        <DateTimeField
          id="quiz-opens-at"
          title="开始时间"
          type="datetime"
          value={form.opensAt}
          min={min}
          max={max}
          onChange={(opensAt) => set({ opensAt })}
        />
      </Field>
      <Field label="结束时间" error={errors.closesAt}>
        <DateTimeField
          id="quiz-closes-at"
          title="结束时间"
          type="datetime"
          value={form.closesAt}
          min={min}
          max={max}
          invalid={Boolean(errors.closesAt)}
          onChange={(closesAt) => set({ closesAt })}
        />
      </Field>
      <View className="quiz-rule-note muted">排名：先比得分，再比用时。{QUIZ_LATE_RULE}</View>
      <FormActions
        error={serverError}
        errorId="quiz-error"
        submitId="quiz-save"
        submitText="保存"
        busy={save.busy}
        onSubmit={onSave}
        cancelId="quiz-cancel"
      />
      {attempts ? (
        <View className="card gap-top" id="quiz-attempts-list">
          <View className="card-title">答卷（按名次）</View>
          {attempts.length === 0 ? <View className="empty">还没有人答题</View> : null}
          {attempts.some((a) => a.status === 'SUBMITTED') ? (
            <View className="gap-small">
              <Button
                id="quiz-prizes"
                type="primary"
                size="large"
                block
                onClick={() => void Taro.navigateTo({ url: `/staff/prizes/index?source=quiz&id=${id}` })}
              >
                给前几名发奖品
              </Button>
            </View>
          ) : null}
          {attempts.map((a) => (
            <View key={a.id} id={`attempt-${a.id}`} className="row gap-small">
              <View className="text">
                {a.nickname} · {a.door} · 第 {a.attemptNo} 次
              </View>
              <View className="muted">
                {a.status === 'SUBMITTED'
                  ? `${a.score ?? 0}/${a.total} 分 · ${formatDuration(a.timeTakenMs ?? 0)}${a.late ? ' · 超时' : ''}`
                  : `答题中（${formatTime(a.startedAt)} 开始）`}
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
