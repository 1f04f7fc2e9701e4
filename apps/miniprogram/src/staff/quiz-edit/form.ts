import type { QuizRequest, StaffQuizView } from '@linli/shared-types';

/** The quiz form as typed: numbers as text boxes, the time limit in minutes. */
export interface QuizForm {
  title: string;
  intro: string;
  questionCount: string;
  tags: string[];
  minutes: string;
  attemptsAllowed: string;
  opensAt: string;
  closesAt: string;
}

export type QuizFormErrors = Partial<Record<'title' | 'questionCount' | 'minutes' | 'attemptsAllowed' | 'closesAt', string>>;

export function emptyQuiz(now: number): QuizForm {
  return {
    title: '',
    intro: '',
    questionCount: '10',
    tags: [],
    minutes: '5',
    attemptsAllowed: '1',
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
  };
}

export function quizFormOf(q: StaffQuizView): QuizForm {
  return {
    title: q.title,
    intro: q.intro,
    questionCount: String(q.questionCount),
    tags: [...q.tags],
    minutes: String(Math.round((q.timeLimitSeconds / 60) * 10) / 10),
    attemptsAllowed: String(q.attemptsAllowed),
    opensAt: q.opensAt,
    closesAt: q.closesAt,
  };
}

const whole = (s: string): number | null => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/** Checks the form as the server will, in words; the time limit is typed in minutes (0.5 to 120). */
export function validateQuiz(form: QuizForm): { errors: QuizFormErrors; body: QuizRequest | null } {
  const errors: QuizFormErrors = {};
  const title = form.title.trim();
  if (title.length < 2 || title.length > 60) errors.title = '标题要 2 到 60 个字';
  const count = whole(form.questionCount);
  if (count === null || count < 1 || count > 50) errors.questionCount = '每次抽 1 到 50 道题';
  const minutes = Number(form.minutes.trim());
  if (!Number.isFinite(minutes) || minutes < 0.5 || minutes > 120 || form.minutes.trim() === '')
    errors.minutes = '答题时间要在 0.5 到 120 分钟之间';
  const attempts = whole(form.attemptsAllowed);
  if (attempts === null || attempts < 1 || attempts > 10) errors.attemptsAllowed = '每人可答 1 到 10 次';
  if (Date.parse(form.closesAt) <= Date.parse(form.opensAt)) errors.closesAt = '结束时间要晚于开始时间';
  if (Object.keys(errors).length > 0) return { errors, body: null };
  return {
    errors,
    body: {
      title,
      intro: form.intro.trim(),
      questionCount: count as number,
      tags: form.tags,
      timeLimitSeconds: Math.round(minutes * 60),
      attemptsAllowed: attempts as number,
      opensAt: form.opensAt,
      closesAt: form.closesAt,
    },
  };
}
