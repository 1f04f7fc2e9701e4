import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { AttemptView, SaveAnswerRequest } from '@linli/shared-types';
import { ApiError, getAttempt, newIdempotencyKey, saveAnswer, showApiError, submitAttempt } from '@/api';
import { Button } from '@/components/nutui';
import { useRefresh } from '@/hooks/useRefresh';
import { firstUnanswered, formatRemaining, hurry, letter, toggleChoice } from './countdown';
import { Result } from './Result';
import { useCountdown } from './useCountdown';
import '../quizzes.css';
import { usePageClass } from '@/hooks/useElderly';

/**
 * 答题: one question per screen, big option buttons, the server's countdown on top. Each answer is
 * saved when the person moves on; at 0:00 the attempt is submitted by itself (late answers count
 * nothing, the server decides). Once submitted, the result with explanations.
 */
export default function QuizAttemptPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [current, setCurrent] = useState(0);
  const [chosen, setChosen] = useState<Record<number, number[]>>({});
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);

  const show = (a: AttemptView) => {
    setAttempt(a);
    setChosen(Object.fromEntries(a.saved.map((s) => [s.position, s.chosen])));
    setCurrent(firstUnanswered(a.questions.length, a.saved));
  };

  useRefresh(async () => {
    try {
      show(await getAttempt(id));
    } catch (error) {
      showApiError(error);
    }
  });

  const submit = async (answers: SaveAnswerRequest[]) => {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    try {
      setAttempt(await submitAttempt(id, { answers }, newIdempotencyKey()));
    } catch (error) {
      showApiError(error);
      submitting.current = false;
    } finally {
      setBusy(false);
    }
  };

  // Each question, and the result, starts at the top of the screen.
  useEffect(() => {
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, [current, attempt?.status]);

  const running = attempt?.status === 'IN_PROGRESS';
  const saved = new Set(attempt?.saved.map((s) => s.position) ?? []);
  const unsaved = (): SaveAnswerRequest[] =>
    Object.entries(chosen)
      .map(([position, c]) => ({ position: Number(position), chosen: c }))
      .filter((a) => a.chosen.length > 0 && !saved.has(a.position));

  const left = useCountdown(running ? attempt.deadline : null, running ? attempt.serverNow : null, () => {
    void Taro.showToast({ title: '时间到，自动交卷', icon: 'none' });
    void submit(unsaved());
  });

  if (!attempt) return <View className="loading">正在加载…</View>;
  if (attempt.status === 'SUBMITTED') return <Result attempt={attempt} />;

  const question = attempt.questions[current];
  if (!question) return <View className="loading">正在加载…</View>;
  const mine = chosen[current] ?? [];
  const locked = saved.has(current);
  const last = current === attempt.questions.length - 1;

  const next = async () => {
    if (mine.length > 0 && !locked) {
      setBusy(true);
      try {
        await saveAnswer(id, { position: current, chosen: mine }, newIdempotencyKey());
        setAttempt({ ...attempt, saved: [...attempt.saved, { position: current, chosen: mine }] });
      } catch (error) {
        setBusy(false);
        if (error instanceof ApiError && error.code === 'QUIZ_TIME_UP') return void submit(unsaved());
        if (!(error instanceof ApiError && error.code === 'QUIZ_ANSWER_SAVED')) return showApiError(error);
      }
      setBusy(false);
    }
    if (last) void submit(unsaved().filter((a) => a.position !== current));
    else setCurrent(current + 1);
  };

  return (
    <View className={pageClass}>
      <View id="quiz-countdown" className={`quiz-countdown${hurry(left) ? ' quiz-countdown--hurry' : ''}`}>
        剩余 {Number.isFinite(left) ? formatRemaining(left) : '--:--'}
      </View>
      <View className="quiz-progress" id="quiz-progress">
        第 {current + 1} 题 / 共 {attempt.questions.length} 题 · {question.kind === 'multiple' ? '多选题' : '单选题'}
      </View>
      <View className="quiz-question" id="quiz-question">
        {question.text}
      </View>
      {question.options.map((o, i) => (
        <View
          key={i}
          id={`quiz-option-${i}`}
          role="button"
          aria-pressed={mine.includes(i)}
          className={mine.includes(i) ? 'quiz-option quiz-option--chosen' : 'quiz-option'}
          onClick={() => {
            if (!locked) setChosen({ ...chosen, [current]: toggleChoice(question.kind, mine, i) });
          }}
        >
          <View className="quiz-option__letter">{letter(i)}</View>
          <View>{o}</View>
        </View>
      ))}
      {locked ? <View className="muted">这道题已经保存，不能修改</View> : null}
      <View className="button-row gap-top">
        {current > 0 ? (
          <Button id="quiz-prev" size="large" fill="outline" disabled={busy} onClick={() => setCurrent(current - 1)}>
            上一题
          </Button>
        ) : null}
        <Button id="quiz-next" type="primary" size="large" loading={busy} onClick={() => void next()}>
          {last ? '交卷' : mine.length > 0 || locked ? '下一题' : '跳过'}
        </Button>
      </View>
    </View>
  );
}
