import { QUIZ_GRACE_SECONDS, type AttemptReview, type QuestionKind } from '@linli/shared-types';

/**
 * The pure rules of quizzes: drawing a paper, the late rule, scoring and the leaderboard's
 * order. The services only read and write rows around them.
 */

/** A question of the bank as drawing sees it. */
export interface BankQuestion {
  id: number;
  kind: QuestionKind;
  text: string;
  options: string[];
  correct: number[];
  explanation: string;
}

/**
 * One question of an attempt's paper: a copy of the bank's question taken when drawn (an edit
 * or archive afterwards leaves the attempt as it was), its options in the order shown.
 */
export interface PaperQuestion {
  questionId: number;
  kind: QuestionKind;
  text: string;
  /** As shown, after shuffling. */
  options: string[];
  /** Indexes into the shown options. */
  correct: number[];
  explanation: string;
}

/** A random number in [0, 1): Math.random in the app, a seeded one in tests. */
export type Random = () => number;

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Draws `count` different questions at random (all of them when the pool is smaller), each with
 * its options shuffled and its correct indexes following them.
 */
export function drawPaper(pool: readonly BankQuestion[], count: number, random: Random = Math.random): PaperQuestion[] {
  return shuffle(pool, random)
    .slice(0, Math.max(0, count))
    .map((q) => {
      const order = shuffle(
        q.options.map((_, i) => i),
        random,
      );
      return {
        questionId: q.id,
        kind: q.kind,
        text: q.text,
        options: order.map((i) => q.options[i] as string),
        correct: order.map((original, shown) => (q.correct.includes(original) ? shown : -1)).filter((i) => i >= 0),
        explanation: q.explanation,
      };
    });
}

/**
 * When an attempt's time is up: its time limit after the start, but never after the quiz closes.
 */
export function attemptDeadline(startedAt: Date, timeLimitSeconds: number, closesAt: Date): Date {
  return new Date(Math.min(startedAt.getTime() + timeLimitSeconds * 1000, closesAt.getTime()));
}

/** The late rule: an answer or submission at `at` counts when it is no later than the deadline plus the grace. */
export function inTime(at: Date, deadline: Date, graceSeconds = QUIZ_GRACE_SECONDS): boolean {
  return at.getTime() <= deadline.getTime() + graceSeconds * 1000;
}

/** A choice is valid for a question: known, distinct option indexes; exactly one for single choice. */
export function validChoice(kind: QuestionKind, optionCount: number, chosen: readonly number[]): boolean {
  if (chosen.length === 0 || new Set(chosen).size !== chosen.length) return false;
  if (chosen.some((i) => !Number.isInteger(i) || i < 0 || i >= optionCount)) return false;
  return kind === 'multiple' || chosen.length === 1;
}

/** An answer as saved: when the server received it. */
export interface SavedAnswer {
  position: number;
  chosen: number[];
  savedAt: Date;
}

export interface Score {
  score: number;
  total: number;
  review: AttemptReview[];
}

/**
 * Scores a paper: one point per question answered right (multiple choice: exactly the correct
 * set), only for answers saved in time; an answer saved after the deadline and its grace is
 * shown as late and counts nothing.
 */
export function scorePaper(
  paper: readonly PaperQuestion[],
  answers: readonly SavedAnswer[],
  deadline: Date,
  graceSeconds = QUIZ_GRACE_SECONDS,
): Score {
  const byPosition = new Map(answers.map((a) => [a.position, a]));
  const review = paper.map((q, position): AttemptReview => {
    const answer = byPosition.get(position);
    const late = answer !== undefined && !inTime(answer.savedAt, deadline, graceSeconds);
    const chosen = answer && !late ? [...answer.chosen].sort((a, b) => a - b) : null;
    const correct = [...q.correct].sort((a, b) => a - b);
    const right = chosen !== null && chosen.length === correct.length && chosen.every((c, i) => c === correct[i]);
    return { position, correct, chosen, right, late, explanation: q.explanation };
  });
  return { score: review.filter((r) => r.right).length, total: paper.length, review };
}

/**
 * Time taken: from the start to the submission, at most to the deadline (a late submission, or
 * one never made and scored at the deadline, took the whole time).
 */
export function timeTaken(startedAt: Date, submittedAt: Date, deadline: Date): number {
  return Math.max(0, Math.min(submittedAt.getTime(), deadline.getTime()) - startedAt.getTime());
}

/** A submitted attempt as the leaderboard ranks it. */
export interface Ranked {
  attemptId: number;
  userId: number;
  householdId: number;
  score: number;
  timeTakenMs: number;
  submittedAt: Date;
}

/** The leaderboard's order: score high first, then time taken short first, then the earlier submission. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    b.score - a.score || a.timeTakenMs - b.timeTakenMs || a.submittedAt.getTime() - b.submittedAt.getTime() || a.attemptId - b.attemptId
  );
}

/** Each person's best attempt, in leaderboard order, ranked 1, 2, 3… (ties broken by the order, never shared). */
export function leaderboard<T extends Ranked>(attempts: readonly T[]): (T & { rank: number })[] {
  const best = new Map<number, T>();
  for (const a of attempts) {
    const held = best.get(a.userId);
    if (!held || compareRanked(a, held) < 0) best.set(a.userId, a);
  }
  return [...best.values()].sort(compareRanked).map((a, i) => ({ ...a, rank: i + 1 }));
}

/** The top `top` households: a household's place is that of its best-placed member. */
export function topHouseholds<T extends Ranked & { rank: number }>(board: readonly T[], top: number): T[] {
  const seen = new Set<number>();
  const out: T[] = [];
  for (const entry of board) {
    if (out.length >= top) break;
    if (seen.has(entry.householdId)) continue;
    seen.add(entry.householdId);
    out.push(entry);
  }
  return out;
}
