import { Injectable } from '@nestjs/common';
import { QUIZ_LATE_RULE, type AnswerSaved, type AttemptView, type SaveAnswerRequest, type SubmitAttemptRequest } from '@linli/shared-types';
import type { Actor } from '../../../common/actor';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { isUniqueViolation } from '../../../common/db-errors';
import { DomainError } from '../../../common/domain-error';
import { HouseholdsService } from '../../community/households.service';
import { Quiz, QuizAnswer, QuizAttempt } from './entities/quiz.entity';
import { joinIndexes, readPaper } from './quiz-codec';
import { attemptDeadline, drawPaper, inTime, scorePaper, validChoice, type PaperQuestion, type SavedAnswer } from './quiz-rules';
import { QuestionBankService } from './question-bank.service';
import { QuizScoring, quizStatus, residentCommunity } from './quiz-scoring';

/**
 * A resident's attempts: start (the server draws the paper and sets the deadline by its own
 * clock), save one answer per question, submit. What the phone gets during an attempt carries
 * no correct answer and no explanation; they come with the result.
 */
@Injectable()
export class QuizAttemptsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly scoring: QuizScoring,
    private readonly bank: QuestionBankService,
    private readonly households: HouseholdsService,
  ) {}

  /**
   * Starts an attempt, or resumes the person's running one. The attempt number is the next of
   * theirs, and (quiz, person, number) is a unique key: two starts at once make one attempt, the
   * other is refused, and the attempts allowed are never exceeded.
   */
  async start(actor: Actor, quizId: number): Promise<AttemptView> {
    const { communityId, householdId } = residentCommunity(actor);
    const quiz = await this.scoring.quizOf(communityId, quizId);
    const now = this.clock.now();
    const status = quizStatus(quiz, now);
    if (status === 'UPCOMING') throw new DomainError('QUIZ_NOT_OPEN', { opensAt: quiz.opensAt.toISOString() });
    if (status === 'CLOSED') throw new DomainError('QUIZ_CLOSED');
    await this.scoring.settle(quiz, actor.userId);
    const mine = await this.db.repo(QuizAttempt).find({ where: { quizId, userId: actor.userId }, order: { attemptNo: 'DESC' } });
    const running = mine.find((a) => a.status === 'IN_PROGRESS');
    if (running) return this.view(running, quiz);
    const attemptNo = (mine[0]?.attemptNo ?? 0) + 1;
    if (attemptNo > quiz.attemptsAllowed) throw new DomainError('QUIZ_NO_ATTEMPTS_LEFT', { attemptsAllowed: quiz.attemptsAllowed });
    const paper = drawPaper(await this.bank.pool(communityId, quiz.tags), quiz.questionCount);
    if (paper.length === 0) throw new DomainError('QUIZ_NOT_ENOUGH_QUESTIONS');
    const door = (await this.households.doors([householdId])).get(householdId);
    const row = {
      quizId,
      communityId,
      userId: actor.userId,
      householdId,
      buildingId: door?.buildingId ?? 0,
      attemptNo,
      status: 'IN_PROGRESS' as const,
      startedAt: now,
      deadlineAt: attemptDeadline(now, quiz.timeLimitSeconds, quiz.closesAt),
      submittedAt: null,
      score: null,
      total: paper.length,
      timeTakenMs: null,
      late: false,
      paper: JSON.stringify(paper),
    };
    try {
      const saved = await this.db.repo(QuizAttempt).save(row);
      return this.view(saved, quiz);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('QUIZ_ALREADY_STARTED');
      throw error;
    }
  }

  /** The person's own attempt (another's: not found); one whose time is over is scored first. */
  async get(actor: Actor, attemptId: number): Promise<AttemptView> {
    const { attempt, quiz } = await this.mine(actor, attemptId);
    if (attempt.status === 'IN_PROGRESS' && !inTime(this.clock.now(), attempt.deadlineAt, quiz.graceSeconds)) {
      await this.scoring.settle(quiz, actor.userId);
      return this.view(await this.db.repo(QuizAttempt).findOneByOrFail({ id: attemptId }), quiz);
    }
    return this.view(attempt, quiz);
  }

  /**
   * Saves one question's answer, on the server's clock: after the deadline and its grace it is
   * refused (超时后的作答不计分); a question answered once keeps its answer (a unique key).
   */
  async save(actor: Actor, attemptId: number, dto: SaveAnswerRequest): Promise<AnswerSaved> {
    const { attempt, quiz } = await this.mine(actor, attemptId);
    if (attempt.status !== 'IN_PROGRESS') throw new DomainError('QUIZ_ATTEMPT_SUBMITTED');
    const now = this.clock.now();
    if (!inTime(now, attempt.deadlineAt, quiz.graceSeconds))
      throw new DomainError('QUIZ_TIME_UP', { deadline: attempt.deadlineAt.toISOString() });
    const paper = readPaper(attempt.paper);
    checkChoice(paper, dto);
    await this.insertAnswer(attempt.id, dto, now);
    return { position: dto.position, savedAt: now.toISOString(), deadline: attempt.deadlineAt.toISOString(), serverNow: now.toISOString() };
  }

  /**
   * Submits: answers sent along that were not saved yet are saved at the server's time, so
   * after the deadline they are kept for the person to see and counted for nothing; the score
   * counts only answers saved in time. Submitting an attempt already scored answers its result.
   */
  async submit(actor: Actor, attemptId: number, dto: SubmitAttemptRequest): Promise<AttemptView> {
    const { attempt, quiz } = await this.mine(actor, attemptId);
    if (attempt.status !== 'IN_PROGRESS') return this.view(attempt, quiz);
    const now = this.clock.now();
    const paper = readPaper(attempt.paper);
    const saved = new Set((await this.scoring.answers(attempt.id)).map((a) => a.position));
    for (const answer of dto.answers ?? []) {
      if (saved.has(answer.position)) continue;
      checkChoice(paper, answer);
      await this.insertAnswer(attempt.id, answer, now);
      saved.add(answer.position);
    }
    return this.view(await this.scoring.close(attempt, quiz, now), quiz);
  }

  private async insertAnswer(attemptId: number, dto: SaveAnswerRequest, now: Date): Promise<void> {
    try {
      await this.db.repo(QuizAnswer).insert({ attemptId, position: dto.position, chosen: joinIndexes(dto.chosen), savedAt: now });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('QUIZ_ANSWER_SAVED', { position: dto.position });
      throw error;
    }
  }

  private async mine(actor: Actor, attemptId: number): Promise<{ attempt: QuizAttempt; quiz: Quiz }> {
    const { communityId } = residentCommunity(actor);
    const attempt = await this.db.repo(QuizAttempt).findOneBy({ id: attemptId, userId: actor.userId, communityId });
    if (!attempt) throw new DomainError('QUIZ_ATTEMPT_NOT_FOUND');
    return { attempt, quiz: await this.scoring.quizOf(communityId, attempt.quizId, 'QUIZ_ATTEMPT_NOT_FOUND') };
  }

  /** The attempt for its person: questions without answers; the result once submitted. */
  private async view(attempt: QuizAttempt, quiz: Quiz): Promise<AttemptView> {
    const paper = readPaper(attempt.paper);
    const answers = await this.scoring.answers(attempt.id);
    return {
      id: attempt.id,
      quizId: quiz.id,
      quizTitle: quiz.title,
      attemptNo: attempt.attemptNo,
      status: attempt.status,
      startedAt: attempt.startedAt.toISOString(),
      deadline: attempt.deadlineAt.toISOString(),
      serverNow: this.clock.now().toISOString(),
      questions: paper.map((q, position) => ({ position, kind: q.kind, text: q.text, options: q.options })),
      saved: answers.map((a) => ({ position: a.position, chosen: a.chosen })),
      result: attempt.status === 'SUBMITTED' ? result(attempt, quiz, paper, answers) : null,
      lateRule: QUIZ_LATE_RULE,
    };
  }
}

function result(attempt: QuizAttempt, quiz: Quiz, paper: PaperQuestion[], answers: SavedAnswer[]): AttemptView['result'] {
  const { review } = scorePaper(paper, answers, attempt.deadlineAt, quiz.graceSeconds);
  return {
    score: attempt.score ?? 0,
    total: attempt.total,
    timeTakenMs: attempt.timeTakenMs ?? 0,
    submittedAt: (attempt.submittedAt ?? attempt.deadlineAt).toISOString(),
    late: attempt.late,
    review,
  };
}

function checkChoice(paper: PaperQuestion[], dto: SaveAnswerRequest): void {
  const question = paper[dto.position];
  if (!question || !validChoice(question.kind, question.options.length, dto.chosen)) {
    throw new DomainError('QUIZ_ANSWER_INVALID', { position: dto.position });
  }
}
