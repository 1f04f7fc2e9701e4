import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import { QUIZ_MAX_OPTIONS, QUIZ_SUGGESTED_TAGS, type QuestionRequest, type StaffQuestionView } from '@linli/shared-types';
import { archiveQuestion, createQuestion, getQuestion, showApiError, updateQuestion } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { FormActions } from '@/components/FormActions';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { emptyQuestion, questionFormOf, validateQuestion, type QuestionForm, type QuestionFormErrors } from './form';
import { usePageClass } from '@/hooks/useElderly';

const LETTERS = 'ABCDEF';

/** 新增题目 (no id) or 修改题目 (?id=): kind, text, 2–6 options, the correct ones, the explanation, tags; archive. */
export default function QuestionEditPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const editing = Number.isInteger(id) && id > 0;
  const [before, setBefore] = useState<StaffQuestionView | null>(null);
  const [freeTag, setFreeTag] = useState('');
  const { form, setForm, set, errors, serverError, check, refused } = useForm<QuestionForm, keyof QuestionFormErrors>(emptyQuestion);

  useEffect(() => {
    if (!editing) return;
    void Taro.setNavigationBarTitle({ title: '修改题目' });
    getQuestion(id)
      .then((q) => {
        setBefore(q);
        setForm(questionFormOf(q));
      })
      .catch(showApiError);
  }, []);

  const save = useAction(async (body: QuestionRequest, key: string) => {
    const saved = before ? await updateQuestion(before.id, body, key) : await createQuestion(body, key);
    await Taro.showToast({ title: '已保存', icon: 'success' });
    await Taro.navigateBack();
    return saved;
  }, refused);
  const archive = useAction(async (_: null, key: string) => {
    const done = await archiveQuestion(id, key);
    await Taro.showToast({ title: '已归档', icon: 'success' });
    await Taro.navigateBack();
    return done;
  });

  const onSave = () => {
    const { errors: found, body } = validateQuestion(form);
    if (check(found) && body) void save.run(body);
  };
  const toggleCorrect = (i: number) => {
    if (form.kind === 'single') return set({ correct: [i] });
    set({ correct: form.correct.includes(i) ? form.correct.filter((c) => c !== i) : [...form.correct, i] });
  };
  const toggleTag = (tag: string) => set({ tags: form.tags.includes(tag) ? form.tags.filter((t) => t !== tag) : [...form.tags, tag] });
  const allTags = [...new Set([...QUIZ_SUGGESTED_TAGS, ...form.tags])];

  if (editing && !before) return <View className="loading">正在加载…</View>;

  return (
    <View className={pageClass}>
      {before?.archived ? <View className="status status--pending">这道题已归档，不再被抽到</View> : null}
      <Field label="题型">
        <Choices
          idPrefix="question-kind"
          columns={2}
          options={[
            { value: 'single', label: '单选题' },
            { value: 'multiple', label: '多选题' },
          ]}
          selected={[form.kind]}
          onToggle={(kind) => set({ kind, correct: kind === 'single' ? form.correct.slice(0, 1) : form.correct })}
        />
      </Field>
      <Field label="题目" error={errors.text}>
        <Textarea
          id="question-text"
          className="textarea"
          value={form.text}
          maxlength={500}
          placeholder="例如：以下哪项是正确的洗手方法？"
          placeholderClass="input-placeholder"
          onInput={(e) => set({ text: e.detail.value })}
        />
      </Field>
      <Field label="选项（2 到 6 个，空着的不算）" error={errors.options}>
        {form.options.map((o, i) => (
          <View key={i} className="gap-small">
            <TextInput
              id={`question-option-${i}`}
              value={o}
              maxlength={100}
              placeholder={`选项 ${LETTERS[i] ?? ''}`}
              onChange={(v) => set({ options: form.options.map((x, n) => (n === i ? v : x)) })}
            />
          </View>
        ))}
        {form.options.length < QUIZ_MAX_OPTIONS ? (
          <Button id="question-add-option" size="large" block fill="outline" onClick={() => set({ options: [...form.options, ''] })}>
            再加一个选项
          </Button>
        ) : null}
      </Field>
      <Field label={form.kind === 'single' ? '正确答案（选一个）' : '正确答案（可选多个）'} error={errors.correct}>
        <Choices
          idPrefix="question-correct"
          columns={3}
          options={form.options.map((o, i) => ({ value: i, label: `${LETTERS[i] ?? ''} ${o}`.trim() }))}
          selected={form.correct}
          onToggle={toggleCorrect}
        />
      </Field>
      <Field label="解析（交卷后居民看到）" error={errors.explanation}>
        <Textarea
          id="question-explanation"
          className="textarea"
          value={form.explanation}
          maxlength={1000}
          placeholderClass="input-placeholder"
          onInput={(e) => set({ explanation: e.detail.value })}
        />
      </Field>
      <Field label="标签（可不选）">
        <Choices
          idPrefix="question-tag"
          columns={3}
          options={allTags.map((t) => ({ value: t, label: t }))}
          selected={form.tags}
          onToggle={toggleTag}
        />
        <View className="row gap-small">
          <TextInput id="question-free-tag" value={freeTag} maxlength={12} placeholder="自己写一个标签" onChange={setFreeTag} />
          <Button
            id="question-add-tag"
            size="large"
            fill="outline"
            onClick={() => {
              const tag = freeTag.trim();
              if (tag && !form.tags.includes(tag)) set({ tags: [...form.tags, tag] });
              setFreeTag('');
            }}
          >
            添加
          </Button>
        </View>
      </Field>
      <FormActions
        error={serverError}
        errorId="question-error"
        submitId="question-save"
        submitText="保存"
        busy={save.busy}
        onSubmit={onSave}
        cancelId="question-cancel"
      />
      {before && !before.archived ? (
        <View className="gap-top">
          <Button id="question-archive" size="large" block fill="outline" loading={archive.busy} onClick={() => void archive.run(null)}>
            归档（不再抽到这道题）
          </Button>
        </View>
      ) : null}
    </View>
  );
}
