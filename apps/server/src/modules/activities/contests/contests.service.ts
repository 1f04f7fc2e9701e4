import { Injectable } from '@nestjs/common';
import {
  nextStates,
  type ActivityWinner,
  type ContestRequest,
  type ContestResultsView,
  type ContestView,
  type StaffContestDetailView,
  type StaffContestEntryView,
  type UpdateContestRequest,
} from '@linli/shared-types';
import { In, Not } from 'typeorm';
import { staffCommunity } from '../../../common/access';
import type { Actor } from '../../../common/actor';
import { AuditService } from '../../../common/audit/audit.service';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import { Transitions } from '../../../common/workflow';
import { MessagesService } from '../../messages/messages.service';
import { periodsValid, QUEUE_ORDER } from './contest-rules';
import { ContestViews } from './contest-views';
import { ENTRY_WORKFLOW } from './contest-workflow';
import { Contest, ContestContentCheck, ContestEntry, ContestScore } from './entities/contest.entity';

/**
 * Staff's side of contests: open and edit them, moderate entries (flagged first; approve, or
 * reject with a reason the resident reads), score them as judges, publish the ranking; and the
 * winners for prizes. Staff act on their own community only; every decision is audited.
 */
@Injectable()
export class ContestsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly transitions: Transitions,
    private readonly messages: MessagesService,
    private readonly views: ContestViews,
  ) {}

  async create(actor: Actor, dto: ContestRequest): Promise<ContestView> {
    const communityId = staffCommunity(actor);
    const fields = this.fields(dto);
    const contest = await this.db.repo(Contest).save({
      ...fields,
      communityId,
      resultsPublishedAt: null,
      createdBy: actor.userId,
      createdAt: this.clock.now(),
    });
    await this.audit.record(actor, { action: 'contest.create', targetType: 'contest', targetId: contest.id, details: { ...dto } });
    return this.views.contest(contest);
  }

  /** An edit: only the fields sent; not once the results are out. */
  async update(actor: Actor, id: number, dto: UpdateContestRequest): Promise<ContestView> {
    const contest = await this.staffContest(actor, id);
    if (contest.resultsPublishedAt) throw new DomainError('CONTEST_RESULTS_PUBLISHED');
    const iso = (d: Date): string => d.toISOString();
    const fields = this.fields({
      kind: dto.kind ?? contest.kind,
      title: dto.title ?? contest.title,
      rules: dto.rules ?? contest.rules,
      entryStartsAt: dto.entryStartsAt ?? iso(contest.entryStartsAt),
      entryEndsAt: dto.entryEndsAt ?? iso(contest.entryEndsAt),
      voteStartsAt: dto.voteStartsAt ?? iso(contest.voteStartsAt),
      voteEndsAt: dto.voteEndsAt ?? iso(contest.voteEndsAt),
      entriesPerHousehold: dto.entriesPerHousehold ?? contest.entriesPerHousehold,
      votesPerDay: dto.votesPerDay ?? contest.votesPerDay,
      mode: dto.mode ?? contest.mode,
      autoApprove: dto.autoApprove ?? contest.autoApprove,
    });
    await this.db.repo(Contest).update({ id }, fields);
    await this.audit.record(actor, { action: 'contest.edit', targetType: 'contest', targetId: id, details: { ...dto } });
    return this.views.contest({ ...contest, ...fields });
  }

  async list(actor: Actor): Promise<ContestView[]> {
    const communityId = staffCommunity(actor);
    return this.views.contests(
      await this.db.repo(Contest).find({ where: { communityId }, order: { entryStartsAt: 'DESC', id: 'DESC' }, take: 200 }),
    );
  }

  /** The contest, its entries in queue order (flagged first) with the machine's verdicts, and the ranking as it stands. */
  async detail(actor: Actor, id: number): Promise<StaffContestDetailView> {
    const contest = await this.staffContest(actor, id);
    const entries = await this.db.repo(ContestEntry).find({ where: { contestId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
    entries.sort((a, b) => QUEUE_ORDER[a.state] - QUEUE_ORDER[b.state] || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
    return {
      contest: await this.views.contest(contest),
      entries: await this.staffEntries(actor, entries),
      ranking: (await this.views.ranking(contest)).view,
    };
  }

  async approve(actor: Actor, entryId: number): Promise<StaffContestEntryView> {
    const entry = await this.staffEntry(actor, entryId);
    const now = this.clock.now();
    await this.transitions.transition(ENTRY_WORKFLOW, entry, 'APPROVED', ['staff'], {
      decidedAt: now,
      decidedBy: actor.userId,
      rejectReason: null,
    });
    await this.messages.tell({
      userId: entry.userId,
      communityId: entry.communityId,
      kind: 'contest.approved',
      title: '您的参赛作品已通过审核',
      body: `《${entry.title}》已通过审核，邻居们现在可以看到了。`,
      link: `/activities/contest/index?id=${entry.contestId}`,
    });
    await this.audit.record(actor, { action: 'contest.entry.approve', targetType: 'contest_entry', targetId: entryId });
    return this.staffEntryView(actor, entryId);
  }

  /** Reject with a reason the resident reads; the household's place is free again. */
  async reject(actor: Actor, entryId: number, reason: string): Promise<StaffContestEntryView> {
    const entry = await this.staffEntry(actor, entryId);
    const now = this.clock.now();
    await this.transitions.transition(ENTRY_WORKFLOW, entry, 'REJECTED', ['staff'], {
      decidedAt: now,
      decidedBy: actor.userId,
      rejectReason: reason,
      slot: null,
    });
    await this.messages.tell({
      userId: entry.userId,
      communityId: entry.communityId,
      kind: 'contest.rejected',
      title: '您的参赛作品未通过审核',
      body: `《${entry.title}》未通过审核：${reason}`,
      link: `/activities/contest/index?id=${entry.contestId}`,
    });
    await this.audit.record(actor, { action: 'contest.entry.reject', targetType: 'contest_entry', targetId: entryId, details: { reason } });
    return this.staffEntryView(actor, entryId);
  }

  /** A judge's score (0–100) for an approved entry: one per judge and entry (unique key), a new one replaces it. */
  async score(actor: Actor, entryId: number, score: number): Promise<StaffContestEntryView> {
    const entry = await this.staffEntry(actor, entryId);
    const contest = await this.db.repo(Contest).findOneByOrFail({ id: entry.contestId });
    if (contest.mode !== 'judges') throw new DomainError('CONTEST_NOT_JUDGED');
    if (contest.resultsPublishedAt) throw new DomainError('CONTEST_RESULTS_PUBLISHED');
    if (entry.state !== 'APPROVED') throw new DomainError('INVALID_TRANSITION', { state: entry.state });
    const now = this.clock.now();
    const upsert = this.db.isMysql
      ? 'INSERT INTO contest_scores (contest_id, entry_id, judge_id, score, updated_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE score = VALUES(score), updated_at = VALUES(updated_at)'
      : 'INSERT INTO contest_scores (contest_id, entry_id, judge_id, score, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (entry_id, judge_id) DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at';
    await this.db.run(upsert, [contest.id, entryId, actor.userId, score, now]);
    await this.audit.record(actor, { action: 'contest.entry.score', targetType: 'contest_entry', targetId: entryId, details: { score } });
    return this.staffEntryView(actor, entryId);
  }

  /**
   * Publish the ranking: residents see it at once, voting ends, and every household that has an
   * entry in it is told. Publishing twice changes nothing (conditional UPDATE) and tells no one again.
   */
  async publish(actor: Actor, id: number): Promise<ContestResultsView> {
    const contest = await this.staffContest(actor, id);
    const now = this.clock.now();
    const done = await this.db
      .repo(Contest)
      .createQueryBuilder()
      .update()
      .set({ resultsPublishedAt: now })
      .where('id = :id AND results_published_at IS NULL', { id })
      .execute();
    const published = done.affected === 1 ? { ...contest, resultsPublishedAt: now } : contest;
    if (done.affected === 1) {
      const entrants = await this.db.repo(ContestEntry).find({ where: { contestId: id, state: Not('REJECTED') }, select: ['householdId'] });
      await this.messages.tellHouseholds(
        [...new Set(entrants.map((e) => e.householdId))].map((householdId) => ({
          householdId,
          link: `/activities/contest/index?id=${id}`,
        })),
        {
          communityId: contest.communityId,
          kind: 'contest.results',
          title: '比赛结果公布了',
          body: `「${contest.title}」的结果已经公布，快来看看排名吧。`,
        },
      );
      await this.audit.record(actor, { action: 'contest.publish', targetType: 'contest', targetId: id });
    }
    const { view } = await this.views.ranking(published);
    return { contestId: id, publishedAt: (published.resultsPublishedAt as Date).toISOString(), mode: contest.mode, ranking: view };
  }

  /**
   * For prizes: the first `top` places of the published ranking (votes, or judges' average;
   * ties broken by the earlier entry), with the winner's household and door masked.
   * CONTEST_RESULTS_NOT_PUBLISHED before publication; another community's contest: not found.
   */
  async winners(communityId: number, contestId: number, top: number): Promise<{ title: string; winners: ActivityWinner[] }> {
    const contest = await this.db.repo(Contest).findOneBy({ id: contestId, communityId });
    if (!contest) throw new DomainError('CONTEST_NOT_FOUND');
    if (!contest.resultsPublishedAt) throw new DomainError('CONTEST_RESULTS_NOT_PUBLISHED');
    const { rows, view } = await this.views.ranking(contest);
    return {
      title: contest.title,
      winners: rows.slice(0, Math.max(0, top)).map((e, i) => ({
        rank: e.rank,
        householdId: e.householdId,
        userId: e.userId,
        door: view[i]?.door ?? '',
        label: contest.mode === 'vote' ? `《${e.title}》 ${e.votes} 票` : `《${e.title}》 ${e.averageScore ?? 0} 分`,
      })),
    };
  }

  private fields(dto: ContestRequest): Omit<Contest, 'id' | 'communityId' | 'resultsPublishedAt' | 'createdBy' | 'createdAt'> {
    const fields = {
      kind: dto.kind,
      title: dto.title,
      rules: dto.rules,
      entryStartsAt: new Date(dto.entryStartsAt),
      entryEndsAt: new Date(dto.entryEndsAt),
      voteStartsAt: new Date(dto.voteStartsAt),
      voteEndsAt: new Date(dto.voteEndsAt),
      entriesPerHousehold: dto.entriesPerHousehold,
      votesPerDay: dto.votesPerDay,
      mode: dto.mode,
      autoApprove: dto.autoApprove,
    };
    if (!periodsValid(fields)) throw new DomainError('CONTEST_PERIODS_INVALID');
    return fields;
  }

  private async staffContest(actor: Actor, id: number): Promise<Contest> {
    const communityId = staffCommunity(actor);
    const contest = await this.db.repo(Contest).findOneBy({ id, communityId });
    if (!contest) throw new DomainError('CONTEST_NOT_FOUND');
    return contest;
  }

  private async staffEntry(actor: Actor, id: number): Promise<ContestEntry> {
    const communityId = staffCommunity(actor);
    const entry = await this.db.repo(ContestEntry).findOneBy({ id, communityId });
    if (!entry) throw new DomainError('CONTEST_ENTRY_NOT_FOUND');
    return entry;
  }

  private async staffEntryView(actor: Actor, id: number): Promise<StaffContestEntryView> {
    const entry = await this.db.repo(ContestEntry).findOneByOrFail({ id });
    return (await this.staffEntries(actor, [entry]))[0] as StaffContestEntryView;
  }

  private async staffEntries(actor: Actor, entries: ContestEntry[]): Promise<StaffContestEntryView[]> {
    const ids = entries.map((e) => e.id);
    const facts = await this.views.facts(entries, null);
    const checks = ids.length ? await this.db.repo(ContestContentCheck).find({ where: { entryId: In(ids) }, order: { id: 'ASC' } }) : [];
    const scores = ids.length ? await this.db.repo(ContestScore).findBy({ entryId: In(ids), judgeId: actor.userId }) : [];
    return entries.map((e) => ({
      ...this.views.mine(e, facts, null),
      householdId: e.householdId,
      userId: e.userId,
      machineChecked: e.machineChecked,
      checks: checks.filter((c) => c.entryId === e.id).map((c) => ({ part: c.part, suggest: c.suggest, label: c.label })),
      myScore: scores.find((s) => s.entryId === e.id)?.score ?? null,
      scores: facts.averages.get(e.id)?.count ?? 0,
      actions: nextStates(ENTRY_WORKFLOW.flow, e.state, ['staff']),
      rejectReason: e.rejectReason,
    }));
  }
}
