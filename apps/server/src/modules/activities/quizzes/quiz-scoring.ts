import { Injectable } from '@nestjs/common';
import type { ErrorCode, QuizStatus } from '@linli/shared-types';
import type { Actor } from '../../../common/actor';
import { hasRole } from '../../../common/actor';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import { Quiz, QuizAnswer, QuizAttempt } from './entities/quiz.entity';
import { readPaper, splitIndexes } from './quiz-codec';
import { inTime, scorePaper, timeTaken, type SavedAnswer } from './quiz-rules';

/** Where a quiz stands at `now`. */
export function quizStatus(quiz: Quiz, now: Date): QuizStatus {
  if (now.getTime() < quiz.opensAt.getTime()) return 'UPCOMING';
  return now.getTime() < quiz.closesAt.getTime() ? 'OPEN' : 'CLOSED';
}

/** The community of a resident bound to a household; anyone else may not take part. */
export function residentCommunity(actor: Actor): { communityId: number; householdId: number } {
  if (actor.communityId === null || actor.householdId === null || !hasRole(actor, 'resident')) {
    throw new DomainError('QUIZ_RESIDENTS_ONLY');
  }
  return { communityId: actor.communityId, householdId: actor.householdId };
}

/**
 * Scoring attempts by the late rule, in one place: a submission scores the answers saved by the
 * deadline plus the grace; an attempt never submitted is scored at its deadline, by the same
 * rule, the next time anyone reads it (its person, the leaderboard, staff).
 */
@Injectable()
export class QuizScoring {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async quizOf(communityId: number, quizId: number, notFound: ErrorCode = 'QUIZ_NOT_FOUND'): Promise<Quiz> {
    const quiz = await this.db.repo(Quiz).findOneBy({ id: quizId, communityId });
    if (!quiz) throw new DomainError(notFound);
    return quiz;
  }

  async answers(attemptId: number): Promise<SavedAnswer[]> {
    const rows = await this.db.repo(QuizAnswer).find({ where: { attemptId }, order: { position: 'ASC' } });
    return rows.map((r) => ({ position: r.position, chosen: splitIndexes(r.chosen), savedAt: r.savedAt }));
  }

  /**
   * Scores and closes an attempt submitted at `at` (a conditional UPDATE: an attempt already
   * closed, by a twin submission or a reader settling it, stays as it was). Returns the row as stored.
   */
  async close(attempt: QuizAttempt, quiz: Quiz, at: Date): Promise<QuizAttempt> {
    const deadline = attempt.deadlineAt;
    const late = !inTime(at, deadline, quiz.graceSeconds);
    const { score } = scorePaper(readPaper(attempt.paper), await this.answers(attempt.id), deadline, quiz.graceSeconds);
    const submittedAt = late ? deadline : at;
    const fields = {
      status: 'SUBMITTED' as const,
      submittedAt,
      score,
      late,
      timeTakenMs: timeTaken(attempt.startedAt, submittedAt, deadline),
    };
    const done = await this.db.repo(QuizAttempt).update({ id: attempt.id, status: 'IN_PROGRESS' }, fields);
    if (done.affected === 1) return { ...attempt, ...fields };
    return this.db.repo(QuizAttempt).findOneByOrFail({ id: attempt.id });
  }

  /**
   * Scores, at their deadline, the quiz's attempts (or one person's) whose time and grace are
   * over. A read that finds none writes nothing (and on SQLite takes no writer's turn).
   */
  async settle(quiz: Quiz, userId?: number): Promise<void> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - quiz.graceSeconds * 1000);
    const params: unknown[] = [quiz.id, cutoff];
    let where = "quiz_id = ? AND status = 'IN_PROGRESS' AND deadline_at < ?";
    if (userId !== undefined) {
      where += ' AND user_id = ?';
      params.push(userId);
    }
    const expired = await this.db.entities(QuizAttempt, where, params);
    if (expired.length === 0) return;
    await this.db.transaction(async () => {
      for (const attempt of expired) await this.close(attempt, quiz, now);
    });
  }
}
