import type {
  AnswerSaved,
  AttemptView,
  QuestionRequest,
  QuizLeaderboard,
  QuizRequest,
  QuizView,
  SaveAnswerRequest,
  StaffAttemptRow,
  StaffQuestionView,
  StaffQuizView,
  SubmitAttemptRequest,
  UpdateQuestionRequest,
  UpdateQuizRequest,
} from '@linli/shared-types';
import { request } from './client';

/** The server's quizzes module: residents take quizzes and see the leaderboard; staff keep the bank and make quizzes. */

export function listQuizzes(): Promise<QuizView[]> {
  return request({ path: '/quizzes' });
}

export function getQuiz(id: number): Promise<QuizView> {
  return request({ path: `/quizzes/${id}` });
}

export function getLeaderboard(id: number): Promise<QuizLeaderboard> {
  return request({ path: `/quizzes/${id}/leaderboard` });
}

/** Start an attempt (or resume the running one). */
export function startAttempt(quizId: number, key?: string): Promise<AttemptView> {
  return request({ method: 'POST', path: `/quizzes/${quizId}/attempts`, idempotencyKey: key });
}

export function getAttempt(id: number): Promise<AttemptView> {
  return request({ path: `/quiz-attempts/${id}` });
}

export function saveAnswer(attemptId: number, body: SaveAnswerRequest, key?: string): Promise<AnswerSaved> {
  return request({ method: 'POST', path: `/quiz-attempts/${attemptId}/answers`, body, idempotencyKey: key });
}

export function submitAttempt(attemptId: number, body: SubmitAttemptRequest, key?: string): Promise<AttemptView> {
  return request({ method: 'POST', path: `/quiz-attempts/${attemptId}/submit`, body, idempotencyKey: key });
}

export function listQuestions(archived = false): Promise<StaffQuestionView[]> {
  return request({ path: '/staff/quiz-questions', query: { archived } });
}

export function getQuestion(id: number): Promise<StaffQuestionView> {
  return request({ path: `/staff/quiz-questions/${id}` });
}

export function createQuestion(body: QuestionRequest, key?: string): Promise<StaffQuestionView> {
  return request({ method: 'POST', path: '/staff/quiz-questions', body, idempotencyKey: key });
}

export function updateQuestion(id: number, body: UpdateQuestionRequest, key?: string): Promise<StaffQuestionView> {
  return request({ method: 'PATCH', path: `/staff/quiz-questions/${id}`, body, idempotencyKey: key });
}

export function archiveQuestion(id: number, key?: string): Promise<StaffQuestionView> {
  return request({ method: 'POST', path: `/staff/quiz-questions/${id}/archive`, idempotencyKey: key });
}

export function listStaffQuizzes(): Promise<StaffQuizView[]> {
  return request({ path: '/staff/quizzes' });
}

export function getStaffQuiz(id: number): Promise<StaffQuizView> {
  return request({ path: `/staff/quizzes/${id}` });
}

export function createQuiz(body: QuizRequest, key?: string): Promise<StaffQuizView> {
  return request({ method: 'POST', path: '/staff/quizzes', body, idempotencyKey: key });
}

export function updateQuiz(id: number, body: UpdateQuizRequest, key?: string): Promise<StaffQuizView> {
  return request({ method: 'PATCH', path: `/staff/quizzes/${id}`, body, idempotencyKey: key });
}

export function listQuizAttempts(id: number): Promise<StaffAttemptRow[]> {
  return request({ path: `/staff/quizzes/${id}/attempts` });
}
