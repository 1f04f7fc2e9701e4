import { Injectable } from '@nestjs/common';
import {
  formatDuration,
  maskDoor,
  QUIZ_GRACE_SECONDS,
  QUIZ_LATE_RULE,
  QUIZ_RANK_RULE_LABEL,
  type ActivityWinner,
  type LeaderboardEntry,
  type QuizLeaderboard,
  type QuizRequest,
  type QuizView,
  type StaffAttemptRow,
  type StaffQuizView,
  type UpdateQuizRequest,
} from '@linli/shared-types';
import { In, MoreThan } from 'typeorm';
import { staffCommunity } from '../../../common/access';
import type { Actor } from '../../../common/actor';
import { AuditService } from '../../../common/audit/audit.service';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import { HouseholdsService } from '../../community/households.service';
import { User } from '../../community/entities/user.entity';
import { Quiz, QuizAttempt } from './entities/quiz.entity';
import { joinTags, splitTags } from './quiz-codec';
import { inTime, leaderboard, topHouseholds, type Ranked } from './quiz-rules';
import { QuestionBankService } from './question-bank.service';
import { QuizScoring, quizStatus, residentCommunity } from './quiz-scoring';

/** Shown on the leaderboard. */
const BOARD_SIZE = 50;
/** Closed quizzes stay on residents' list this long (their results and leaderboard). */
const CLOSED_SHOWN_MS = 30 * 86_400_000;

type Board = (Ranked & { rank: number; total: number })[];

/**
 * Quizzes: staff make them from the bank; residents see them, their own best and the
 * leaderboard; prizes ask for the top households.
 */
@Injectable()
export class QuizzesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scoring: QuizScoring,
    private readonly bank: QuestionBankService,
    private readonly households: HouseholdsService,
  ) {}

  // ---- staff ----------------------------------------------------------------------------------

  async create(actor: Actor, dto: QuizRequest): Promise<StaffQuizView> {
    const communityId = staffCommunity(actor);
    const fields = {
      title: dto.title,
      intro: dto.intro,
      questionCount: dto.questionCount,
      tags: joinTags(dto.tags ?? []),
      timeLimitSeconds: dto.timeLimitSeconds,
      attemptsAllowed: dto.attemptsAllowed,
      opensAt: new Date(dto.opensAt),
      closesAt: new Date(dto.closesAt),
    };
    await this.check(communityId, fields);
    const quiz = await this.db.repo(Quiz).save({
      ...fields,
      communityId,
      rankRule: 'score_then_time',
      graceSeconds: QUIZ_GRACE_SECONDS,
      createdBy: actor.userId,
      createdAt: this.clock.now(),
    });
    await this.audit.record(actor, { action: 'quiz.create', targetType: 'quiz', targetId: quiz.id, details: { ...dto } });
    return this.staffView(quiz);
  }

  /** Only the fields sent change; attempts already started keep their paper and deadline. */
  async update(actor: Actor, id: number, dto: UpdateQuizRequest): Promise<StaffQuizView> {
    const quiz = await this.scoring.quizOf(staffCommunity(actor), id);
    const fields = {
      title: dto.title ?? quiz.title,
      intro: dto.intro ?? quiz.intro,
      questionCount: dto.questionCount ?? quiz.questionCount,
      tags: dto.tags ? joinTags(dto.tags) : quiz.tags,
      timeLimitSeconds: dto.timeLimitSeconds ?? quiz.timeLimitSeconds,
      attemptsAllowed: dto.attemptsAllowed ?? quiz.attemptsAllowed,
      opensAt: dto.opensAt ? new Date(dto.opensAt) : quiz.opensAt,
      closesAt: dto.closesAt ? new Date(dto.closesAt) : quiz.closesAt,
    };
    await this.check(quiz.communityId, fields);
    await this.db.repo(Quiz).update({ id }, fields);
    await this.audit.record(actor, { action: 'quiz.edit', targetType: 'quiz', targetId: id, details: { ...dto } });
    return this.staffView({ ...quiz, ...fields });
  }

  async staffList(actor: Actor): Promise<StaffQuizView[]> {
    const communityId = staffCommunity(actor);
    const quizzes = await this.db.repo(Quiz).find({ where: { communityId }, order: { opensAt: 'DESC', id: 'DESC' }, take: 200 });
    const out: StaffQuizView[] = [];
    for (const quiz of quizzes) out.push(await this.staffView(quiz));
    return out;
  }

  async staffGet(actor: Actor, id: number): Promise<StaffQuizView> {
    return this.staffView(await this.scoring.quizOf(staffCommunity(actor), id));
  }

  /** Every attempt, in leaderboard order first (submitted), then the ones running; with names and doors. */
  async attempts(actor: Actor, id: number): Promise<StaffAttemptRow[]> {
    const quiz = await this.scoring.quizOf(staffCommunity(actor), id);
    await this.scoring.settle(quiz);
    const rows = await this.db.repo(QuizAttempt).find({ where: { quizId: id }, order: { startedAt: 'ASC' }, take: 5000 });
    const doors = await this.households.doors(rows.map((r) => r.householdId));
    const users = await this.db
      .repo(User)
      .find({ where: { id: In([...new Set(rows.map((r) => r.userId)), 0]) }, select: ['id', 'nickname'] });
    const names = new Map(users.map((u) => [u.id, u.nickname]));
    const order = (a: QuizAttempt): number[] =>
      a.status === 'SUBMITTED' ? [0, -(a.score ?? 0), a.timeTakenMs ?? 0, a.submittedAt?.getTime() ?? 0] : [1, 0, 0, a.startedAt.getTime()];
    rows.sort((a, b) => {
      const x = order(a);
      const y = order(b);
      return x.map((v, i) => v - (y[i] ?? 0)).find((d) => d !== 0) ?? a.id - b.id;
    });
    return rows.map((a) => ({
      id: a.id,
      userId: a.userId,
      nickname: names.get(a.userId) ?? '',
      door: doors.get(a.householdId)?.address ?? '',
      attemptNo: a.attemptNo,
      status: a.status,
      startedAt: a.startedAt.toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
      score: a.score,
      total: a.total,
      timeTakenMs: a.timeTakenMs,
      late: a.late,
    }));
  }

  // ---- residents ------------------------------------------------------------------------------

  /** The community's quizzes: open and coming ones, and those closed in the last 30 days. */
  async list(actor: Actor): Promise<QuizView[]> {
    const { communityId } = residentCommunity(actor);
    const since = new Date(this.clock.now().getTime() - CLOSED_SHOWN_MS);
    const quizzes = await this.db
      .repo(Quiz)
      .find({ where: { communityId, closesAt: MoreThan(since) }, order: { opensAt: 'DESC', id: 'DESC' }, take: 100 });
    const out: QuizView[] = [];
    for (const quiz of quizzes) out.push(await this.residentView(actor, quiz));
    return out;
  }

  async get(actor: Actor, id: number): Promise<QuizView> {
    const { communityId } = residentCommunity(actor);
    return this.residentView(actor, await this.scoring.quizOf(communityId, id));
  }

  /** Each person's best attempt, by score, then time taken, then the earlier submission; doors masked, no names. */
  async leaderboard(actor: Actor, id: number): Promise<QuizLeaderboard> {
    const { communityId } = residentCommunity(actor);
    const quiz = await this.scoring.quizOf(communityId, id);
    const board = await this.board(quiz);
    const shown = board.slice(0, BOARD_SIZE);
    const own = board.find((e) => e.userId === actor.userId);
    const doors = await this.maskedDoors([...shown, ...(own ? [own] : [])].map((e) => e.householdId));
    const entry = (e: Board[number]): LeaderboardEntry => ({
      rank: e.rank,
      door: doors.get(e.householdId) ?? '**',
      score: e.score,
      total: e.total,
      timeTakenMs: e.timeTakenMs,
      mine: e.userId === actor.userId,
    });
    return {
      quizId: quiz.id,
      title: quiz.title,
      rankRule: QUIZ_RANK_RULE_LABEL[quiz.rankRule],
      people: board.length,
      entries: shown.map(entry),
      mine: own ? entry(own) : null,
    };
  }

  /** For prizes: the leaderboard's top `top` households (a household placed by its best member). */
  async winners(communityId: number, quizId: number, top: number): Promise<{ title: string; winners: ActivityWinner[] }> {
    const quiz = await this.scoring.quizOf(communityId, quizId);
    const chosen = topHouseholds(await this.board(quiz), top);
    const doors = await this.maskedDoors(chosen.map((e) => e.householdId));
    return {
      title: quiz.title,
      winners: chosen.map((e, i) => ({
        rank: i + 1,
        householdId: e.householdId,
        userId: e.userId,
        door: doors.get(e.householdId) ?? '**',
        label: `${e.score}/${e.total} 分 · ${formatDuration(e.timeTakenMs)}`,
      })),
    };
  }

  // ---- parts ----------------------------------------------------------------------------------

  private async board(quiz: Quiz): Promise<Board> {
    await this.scoring.settle(quiz);
    const rows = await this.db.rows<{
      id: number;
      userId: number;
      householdId: number;
      score: number;
      total: number;
      ms: number;
      at: Date | string;
    }>(
      `SELECT id, user_id AS userId, household_id AS householdId, score, total, time_taken_ms AS ms, submitted_at AS at
         FROM quiz_attempts WHERE quiz_id = ? AND status = 'SUBMITTED'`,
      [quiz.id],
    );
    const totals = new Map(rows.map((r) => [Number(r.id), Number(r.total)]));
    return leaderboard(
      rows.map((r) => ({
        attemptId: Number(r.id),
        userId: Number(r.userId),
        householdId: Number(r.householdId),
        score: Number(r.score),
        timeTakenMs: Number(r.ms),
        submittedAt: Db.date(r.at) as Date,
      })),
    ).map((e) => ({ ...e, total: totals.get(e.attemptId) ?? 0 }));
  }

  private async maskedDoors(householdIds: number[]): Promise<Map<number, string>> {
    const doors = await this.households.doors(householdIds);
    return new Map([...doors].map(([id, d]) => [id, maskDoor(d.building, d.unit, d.room)]));
  }

  private async check(communityId: number, f: Pick<Quiz, 'questionCount' | 'tags' | 'opensAt' | 'closesAt'>): Promise<void> {
    if (f.closesAt.getTime() <= f.opensAt.getTime()) throw new DomainError('QUIZ_TIMES_INVALID');
    const available = (await this.bank.pool(communityId, f.tags)).length;
    if (available < f.questionCount) throw new DomainError('QUIZ_NOT_ENOUGH_QUESTIONS', { available, questionCount: f.questionCount });
  }

  private base(quiz: Quiz): Omit<QuizView, 'attemptsUsed' | 'openAttemptId' | 'best'> {
    return {
      id: quiz.id,
      title: quiz.title,
      intro: quiz.intro,
      questionCount: quiz.questionCount,
      timeLimitSeconds: quiz.timeLimitSeconds,
      attemptsAllowed: quiz.attemptsAllowed,
      opensAt: quiz.opensAt.toISOString(),
      closesAt: quiz.closesAt.toISOString(),
      status: quizStatus(quiz, this.clock.now()),
      rankRule: QUIZ_RANK_RULE_LABEL[quiz.rankRule],
      lateRule: QUIZ_LATE_RULE,
    };
  }

  private async staffView(quiz: Quiz): Promise<StaffQuizView> {
    const [figures] = await this.db.rows<{ n: number | string; people: number | string }>(
      'SELECT COUNT(*) AS n, COUNT(DISTINCT user_id) AS people FROM quiz_attempts WHERE quiz_id = ?',
      [quiz.id],
    );
    return {
      ...this.base(quiz),
      tags: splitTags(quiz.tags),
      available: (await this.bank.pool(quiz.communityId, quiz.tags)).length,
      attempts: Number(figures?.n ?? 0),
      people: Number(figures?.people ?? 0),
      createdAt: quiz.createdAt.toISOString(),
    };
  }

  private async residentView(actor: Actor, quiz: Quiz): Promise<QuizView> {
    await this.scoring.settle(quiz, actor.userId);
    const mine = await this.db.repo(QuizAttempt).find({ where: { quizId: quiz.id, userId: actor.userId } });
    const now = this.clock.now();
    const open = mine.find((a) => a.status === 'IN_PROGRESS' && inTime(now, a.deadlineAt, quiz.graceSeconds));
    const best = leaderboard(
      mine
        .filter((a) => a.status === 'SUBMITTED')
        .map((a) => ({
          attemptId: a.id,
          userId: a.userId,
          householdId: a.householdId,
          score: a.score ?? 0,
          timeTakenMs: a.timeTakenMs ?? 0,
          submittedAt: a.submittedAt ?? a.deadlineAt,
        })),
    )[0];
    const bestRow = best ? mine.find((a) => a.id === best.attemptId) : undefined;
    return {
      ...this.base(quiz),
      attemptsUsed: mine.length,
      openAttemptId: open?.id ?? null,
      best: best && bestRow ? { attemptId: best.attemptId, score: best.score, total: bestRow.total, timeTakenMs: best.timeTakenMs } : null,
    };
  }
}
