import type { StaffQuestionView } from '@linli/shared-types';
import type { QuizQuestion } from './entities/quiz.entity';
import type { BankQuestion, PaperQuestion } from './quiz-rules';

/** How quiz rows store lists: tags as ",a,b,", indexes as "0,2", options and papers as JSON. */

export function joinTags(tags: readonly string[]): string {
  const clean = [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
  return clean.length === 0 ? '' : `,${clean.join(',')},`;
}

export function splitTags(stored: string): string[] {
  return stored.split(',').filter((t) => t !== '');
}

export function joinIndexes(indexes: readonly number[]): string {
  return [...new Set(indexes)].sort((a, b) => a - b).join(',');
}

export function splitIndexes(stored: string): number[] {
  return stored === '' ? [] : stored.split(',').map(Number);
}

export function bankQuestion(row: QuizQuestion): BankQuestion {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    options: JSON.parse(row.options) as string[],
    correct: splitIndexes(row.correct),
    explanation: row.explanation,
  };
}

export function readPaper(stored: string): PaperQuestion[] {
  return JSON.parse(stored) as PaperQuestion[];
}

export function questionView(row: QuizQuestion): StaffQuestionView {
  const q = bankQuestion(row);
  return {
    id: row.id,
    kind: q.kind,
    text: q.text,
    options: q.options,
    correct: q.correct,
    explanation: q.explanation,
    tags: splitTags(row.tags),
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Whether a quiz's tags (",a,b,", empty: all) let it draw a question with these tags. */
export function drawsFrom(quizTags: string, questionTags: string): boolean {
  const wanted = splitTags(quizTags);
  if (wanted.length === 0) return true;
  const has = splitTags(questionTags);
  return wanted.some((t) => has.includes(t));
}
