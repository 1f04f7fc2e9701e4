import { QUIZ_MAX_OPTIONS, QUIZ_MIN_OPTIONS, type QuestionKind, type QuestionRequest, type StaffQuestionView } from '@linli/shared-types';

/** The question form as typed: options as text boxes, the correct ones as indexes. */
export interface QuestionForm {
  kind: QuestionKind;
  text: string;
  options: string[];
  correct: number[];
  explanation: string;
  tags: string[];
}

export type QuestionFormErrors = Partial<Record<'text' | 'options' | 'correct' | 'explanation', string>>;

export const emptyQuestion: QuestionForm = { kind: 'single', text: '', options: ['', '', '', ''], correct: [], explanation: '', tags: [] };

export function questionFormOf(q: StaffQuestionView): QuestionForm {
  return { kind: q.kind, text: q.text, options: [...q.options], correct: [...q.correct], explanation: q.explanation, tags: [...q.tags] };
}

/**
 * Checks the form the way the server will, in words: empty option boxes are dropped (the
 * correct marks follow the options they were on), 2 to 6 options, one correct for single choice.
 */
export function validateQuestion(form: QuestionForm): { errors: QuestionFormErrors; body: QuestionRequest | null } {
  const errors: QuestionFormErrors = {};
  const kept = form.options.map((o, i) => ({ text: o.trim(), i })).filter((o) => o.text !== '');
  const correct = kept.map((o, n) => (form.correct.includes(o.i) ? n : -1)).filter((n) => n >= 0);
  const text = form.text.trim();
  const explanation = form.explanation.trim();
  if (text.length < 2) errors.text = '请写题目（至少 2 个字）';
  if (kept.length < QUIZ_MIN_OPTIONS || kept.length > QUIZ_MAX_OPTIONS)
    errors.options = `请写 ${QUIZ_MIN_OPTIONS} 到 ${QUIZ_MAX_OPTIONS} 个选项`;
  else if (kept.some((o) => o.text.length > 100)) errors.options = '每个选项最多 100 个字';
  if (correct.length === 0) errors.correct = '请点选正确的选项';
  else if (form.kind === 'single' && correct.length > 1) errors.correct = '单选题只能有一个正确选项';
  if (explanation.length < 2) errors.explanation = '请写解析（至少 2 个字），交卷后居民会看到';
  if (Object.keys(errors).length > 0) return { errors, body: null };
  return { errors, body: { kind: form.kind, text, options: kept.map((o) => o.text), correct, explanation, tags: form.tags } };
}
