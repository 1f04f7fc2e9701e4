/**
 * Quizzes (知识竞答): staff keep a question bank and make quizzes from it; a resident starts an
 * attempt on the server's clock, answers one question per screen, and sees the score, the
 * correct answers and the explanations after submitting; a leaderboard ranks by score, then
 * time taken. In the seeds more than 1,300 people took one, with results the same day.
 */

/** Single choice: exactly one option is correct. Multiple choice: one or more are, all must be chosen. */
export type QuestionKind = 'single' | 'multiple';

/** The tags staff pick from first; free tags are allowed too. */
export const QUIZ_SUGGESTED_TAGS = ['防疫知识', '急救', '心理'] as const;

export const QUIZ_MIN_OPTIONS = 2;
export const QUIZ_MAX_OPTIONS = 6;
export const QUIZ_MAX_QUESTIONS = 50;

/**
 * Seconds after an attempt's deadline during which an answer still counts: the network's
 * delay, not extra time. The phone stops the clock at the deadline itself.
 */
export const QUIZ_GRACE_SECONDS = 5;

/** The late rule, as every quiz states it to the person before they start. */
export const QUIZ_LATE_RULE =
  `计时以服务器时间为准，每答一题即保存。时间到（另有 ${QUIZ_GRACE_SECONDS} 秒网络宽限）后不再接受作答，超时后的作答不计分；` +
  '未交卷的答卷在时间到时按已保存的作答自动计分。';

/** The ranking every quiz uses: score (high first), then time taken (short first), then the earlier submission. */
export type QuizRankRule = 'score_then_time';
export const QUIZ_RANK_RULE_LABEL: Record<QuizRankRule, string> = {
  score_then_time: '先比得分，得分相同比用时，用时相同比交卷先后',
};

// ---- question bank (staff) ------------------------------------------------------------------

/** POST /api/staff/quiz-questions */
export interface QuestionRequest {
  kind: QuestionKind;
  text: string;
  /** 2 to 6 options, in the order staff wrote them. */
  options: string[];
  /** Indexes into `options` of the correct ones: one for single choice, one or more for multiple. */
  correct: number[];
  explanation: string;
  tags?: string[];
}

/** PATCH /api/staff/quiz-questions/:id: only the fields sent change (attempts already drawn keep their copy). */
export type UpdateQuestionRequest = Partial<QuestionRequest>;

export interface StaffQuestionView {
  id: number;
  kind: QuestionKind;
  text: string;
  options: string[];
  correct: number[];
  explanation: string;
  tags: string[];
  /** Archived questions are drawn no more; attempts that drew them keep them. */
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

// ---- quizzes ------------------------------------------------------------------------------

/** POST /api/staff/quizzes */
export interface QuizRequest {
  title: string;
  intro: string;
  /** How many questions each attempt draws. */
  questionCount: number;
  /** Draw from questions with any of these tags; absent or empty: from the whole bank. */
  tags?: string[];
  timeLimitSeconds: number;
  /** Attempts allowed per person. */
  attemptsAllowed: number;
  /** ISO 8601 with offset. */
  opensAt: string;
  closesAt: string;
}

/** PATCH /api/staff/quizzes/:id */
export type UpdateQuizRequest = Partial<QuizRequest>;

/** Not open yet, open for attempts, or closed. */
export type QuizStatus = 'UPCOMING' | 'OPEN' | 'CLOSED';

export const QUIZ_STATUS_LABELS: Record<QuizStatus, string> = {
  UPCOMING: '未开始',
  OPEN: '进行中',
  CLOSED: '已结束',
};

/** A quiz as a resident sees it on its intro screen. */
export interface QuizView {
  id: number;
  title: string;
  intro: string;
  questionCount: number;
  timeLimitSeconds: number;
  attemptsAllowed: number;
  opensAt: string;
  closesAt: string;
  status: QuizStatus;
  rankRule: string;
  lateRule: string;
  /** Attempts this person has started. */
  attemptsUsed: number;
  /** An attempt of theirs still running: the phone resumes it. */
  openAttemptId: number | null;
  /** Their best submitted attempt. */
  best: { attemptId: number; score: number; total: number; timeTakenMs: number } | null;
}

/** A quiz as staff see it. */
export interface StaffQuizView extends Omit<QuizView, 'attemptsUsed' | 'openAttemptId' | 'best'> {
  tags: string[];
  /** Questions in the bank it can draw from now. */
  available: number;
  attempts: number;
  people: number;
  createdAt: string;
}

// ---- attempts -----------------------------------------------------------------------------

/** A question as the phone shows it during an attempt: no correct answer, no explanation. */
export interface AttemptQuestion {
  position: number;
  kind: QuestionKind;
  text: string;
  /** In the order drawn for this attempt (possibly shuffled). */
  options: string[];
}

/** What is known after submission, per question. */
export interface AttemptReview {
  position: number;
  /** Indexes into the attempt's options. */
  correct: number[];
  /** What was chosen and saved in time; null: no answer counted. */
  chosen: number[] | null;
  right: boolean;
  /** An answer sent after the deadline: kept for the person to see, not counted. */
  late: boolean;
  explanation: string;
}

export interface AttemptResult {
  score: number;
  total: number;
  timeTakenMs: number;
  submittedAt: string;
  /** Submitted after the deadline (or scored at the deadline, never submitted). */
  late: boolean;
  review: AttemptReview[];
}

export type AttemptStatus = 'IN_PROGRESS' | 'SUBMITTED';

/** GET /api/quiz-attempts/:id, and the answer of starting and submitting. */
export interface AttemptView {
  id: number;
  quizId: number;
  quizTitle: string;
  attemptNo: number;
  status: AttemptStatus;
  startedAt: string;
  /** Answers after this moment (plus the grace) are not accepted. */
  deadline: string;
  /** The server's clock when it answered: the phone counts down by `deadline - serverNow`. */
  serverNow: string;
  questions: AttemptQuestion[];
  /** Answers saved so far (position → chosen indexes). */
  saved: { position: number; chosen: number[] }[];
  /** Only once submitted. */
  result: AttemptResult | null;
  lateRule: string;
}

/** POST /api/quiz-attempts/:id/answers: one save per question. */
export interface SaveAnswerRequest {
  position: number;
  chosen: number[];
}

export interface AnswerSaved {
  position: number;
  savedAt: string;
  deadline: string;
  serverNow: string;
}

/** POST /api/quiz-attempts/:id/submit: answers not saved yet may come along (counted only in time). */
export interface SubmitAttemptRequest {
  answers?: SaveAnswerRequest[];
}

// ---- leaderboard --------------------------------------------------------------------------

export interface LeaderboardEntry {
  rank: number;
  /** 1栋1单元1**: the door masked, no name. */
  door: string;
  score: number;
  total: number;
  timeTakenMs: number;
  mine: boolean;
}

/** GET /api/quizzes/:id/leaderboard: each person's best attempt. */
export interface QuizLeaderboard {
  quizId: number;
  title: string;
  rankRule: string;
  people: number;
  /** The first 50. */
  entries: LeaderboardEntry[];
  /** The person's own place, also when outside the first 50; null: no submitted attempt. */
  mine: LeaderboardEntry | null;
}

/** A row of GET /api/staff/quizzes/:id/attempts. */
export interface StaffAttemptRow {
  id: number;
  userId: number;
  nickname: string;
  door: string;
  attemptNo: number;
  status: AttemptStatus;
  startedAt: string;
  submittedAt: string | null;
  score: number | null;
  total: number;
  timeTakenMs: number | null;
  late: boolean;
}

/** "3分12秒" */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}分${s}秒` : `${s}秒`;
}

/** A door for a public list: the room's last two characters hidden ("1栋1单元1203" → "1栋1单元12**"). */
export function maskDoor(building: string, unit: string, room: string): string {
  const kept = room.length > 2 ? room.slice(0, room.length - 2) : '';
  return `${building}${unit}${kept}**`;
}
