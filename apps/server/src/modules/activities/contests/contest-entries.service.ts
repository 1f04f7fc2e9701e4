import { Injectable, OnModuleInit } from '@nestjs/common';
import type {
  ContestDetailView,
  ContestEntryRequest,
  ContestEntryView,
  ContestResultsView,
  ContestView,
  MyContestEntryView,
  VoteView,
} from '@linli/shared-types';
import { IsNull, Not } from 'typeorm';
import { hasRole, type Actor } from '../../../common/actor';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { isUniqueViolation } from '../../../common/db-errors';
import { DomainError } from '../../../common/domain-error';
import type { Household } from '../../community/entities/household.entity';
import { HouseholdsService } from '../../community/households.service';
import { FilesService } from '../../files/files.service';
import { OutboxService } from '../../notify/outbox.service';
import { ContentCheckService, CONTEST_CHECK } from './content-check.service';
import { shanghaiDay } from '../../../common/shanghai-days';
import { freeSlot, voteRefusal, within } from './contest-rules';
import { ContestViews } from './contest-views';
import { Contest, ContestEntry, ContestEntryPicture, ContestVoteDay } from './entities/contest.entity';

/**
 * Residents' side of contests: the contests of their community, entering (pictures and a
 * caption, checked by WeChat and staff before anyone else sees them), voting, the results.
 * A neighbour sees only approved entries; one's own household's are seen in every state.
 */
@Injectable()
export class ContestEntriesService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
    private readonly files: FilesService,
    private readonly outbox: OutboxService,
    private readonly checks: ContentCheckService,
    private readonly views: ContestViews,
  ) {}

  /** An entry's pictures: its household and staff always (the file's own rule); the community once it is approved. */
  onModuleInit(): void {
    this.files.allow('contest', async (actor, file) => {
      if (actor.communityId !== file.communityId) return false;
      const picture = await this.db.repo(ContestEntryPicture).findOneBy({ fileId: file.id });
      if (!picture) return false;
      const entry = await this.db.repo(ContestEntry).findOneBy({ id: picture.entryId });
      return entry?.state === 'APPROVED' && entry.communityId === actor.communityId;
    });
  }

  async list(actor: Actor): Promise<ContestView[]> {
    const { communityId } = await this.residentOf(actor);
    const rows = await this.db.repo(Contest).find({ where: { communityId }, order: { entryStartsAt: 'DESC', id: 'DESC' }, take: 100 });
    return this.views.contests(rows);
  }

  /** A contest with my household's entries, the approved ones to vote on, my votes left today and the results once out. */
  async detail(actor: Actor, id: number): Promise<ContestDetailView> {
    const { household } = await this.residentOf(actor);
    const contest = await this.contestOf(household, id);
    const now = this.clock.now();
    const mine = await this.db
      .repo(ContestEntry)
      .find({ where: { contestId: id, householdId: household.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const approved = await this.db
      .repo(ContestEntry)
      .find({ where: { contestId: id, state: 'APPROVED' }, order: { createdAt: 'ASC', id: 'ASC' } });
    const facts = await this.views.facts([...mine, ...approved], actor.userId);
    const used = await this.db.repo(ContestVoteDay).findOneBy({ contestId: id, userId: actor.userId, day: shanghaiDay(now) });
    const voting = contest.mode === 'vote' && contest.resultsPublishedAt === null && within(now, contest.voteStartsAt, contest.voteEndsAt);
    const live = mine.filter((e) => e.slot !== null).length;
    return {
      contest: await this.views.contest(contest),
      myEntries: mine.map((e) => this.views.mine(e, facts, household.id)),
      entries: approved.map((e) => this.views.entry(e, facts, household.id)),
      votesLeftToday: voting ? Math.max(0, contest.votesPerDay - (used?.used ?? 0)) : 0,
      canEnter: within(now, contest.entryStartsAt, contest.entryEndsAt) && live < contest.entriesPerHousehold,
      results: contest.resultsPublishedAt ? await this.resultsOf(contest) : null,
    };
  }

  /** One entry: my household's in any state, anyone's once approved; anything else is not found. */
  async entry(actor: Actor, id: number): Promise<ContestEntryView | MyContestEntryView> {
    const { household } = await this.residentOf(actor);
    const entry = await this.visibleEntry(household, id);
    const facts = await this.views.facts([entry], actor.userId);
    return entry.householdId === household.id ? this.views.mine(entry, facts, household.id) : this.views.entry(entry, facts, household.id);
  }

  /**
   * An entry of my household, during the entry period, within the household's limit (a free
   * slot, unique per contest and household, so two members sending at once cannot pass it). It
   * is checked by WeChat through the outbox when it can be (WeChat configured, the sender's
   * openid, a public URL for the pictures); otherwise it waits for staff, marked not machine-checked.
   */
  async enter(actor: Actor, contestId: number, dto: ContestEntryRequest): Promise<MyContestEntryView> {
    const { household } = await this.residentOf(actor);
    const contest = await this.contestOf(household, contestId);
    const now = this.clock.now();
    if (!within(now, contest.entryStartsAt, contest.entryEndsAt)) throw new DomainError('CONTEST_NOT_TAKING_ENTRIES');
    const pictureIds = [...new Set(dto.pictureIds ?? [])];
    const videoUrl = dto.videoUrl ?? null;
    const needsPictures = contest.kind === 'photo' || contest.kind === 'drawing';
    if (needsPictures !== pictureIds.length > 0) throw new DomainError('CONTEST_ENTRY_CONTENT');
    if ((contest.kind === 'video') !== (videoUrl !== null)) throw new DomainError('CONTEST_ENTRY_CONTENT');
    if (contest.kind === 'essay' && dto.caption.length < 10)
      throw new DomainError('CONTEST_ENTRY_CONTENT', { caption: '征文至少 10 个字' });
    const taken = await this.db
      .repo(ContestEntry)
      .find({ where: { contestId, householdId: household.id, slot: Not(IsNull()) }, select: ['slot'] });
    const slot = freeSlot(
      taken.map((e) => Number(e.slot)),
      contest.entriesPerHousehold,
    );
    if (slot === null) throw new DomainError('CONTEST_ENTRY_LIMIT', { limit: contest.entriesPerHousehold });
    const checkable = await this.checks.checkable(actor.userId, pictureIds.length);
    let entry: ContestEntry;
    try {
      entry = await this.db.repo(ContestEntry).save({
        contestId,
        communityId: contest.communityId,
        householdId: household.id,
        userId: actor.userId,
        slot,
        title: dto.title,
        caption: dto.caption,
        videoUrl,
        state: checkable ? 'CHECKING' : 'PENDING',
        machineChecked: false,
        rejectReason: null,
        votes: 0,
        createdAt: now,
        decidedAt: null,
        decidedBy: null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CONTEST_ENTRY_LIMIT', { limit: contest.entriesPerHousehold });
      throw error;
    }
    for (const [position, fileId] of pictureIds.entries()) {
      await this.files.attach(actor, fileId, 'contest', household.id);
      try {
        await this.db.repo(ContestEntryPicture).insert({ entryId: entry.id, fileId, position });
      } catch (error) {
        // A picture already on another entry.
        if (isUniqueViolation(error)) throw new DomainError('FILE_NOT_FOUND', { fileId });
        throw error;
      }
    }
    if (checkable) await this.outbox.enqueue(CONTEST_CHECK, `contest-entry:${entry.id}`, { entryId: entry.id });
    const facts = await this.views.facts([entry], actor.userId);
    return this.views.mine(entry, facts, household.id);
  }

  /**
   * A vote: the rules that need no count first (voteRefusal), then the database decides the
   * counts — the unique (entry, user) key makes a second vote (or 50 at once) count once, and
   * the day row's conditional UPDATE keeps to N a day; a refusal rolls the vote back.
   */
  async vote(actor: Actor, entryId: number): Promise<VoteView> {
    const { household } = await this.residentOf(actor);
    const entry = await this.visibleEntry(household, entryId);
    const contest = await this.contestOf(household, entry.contestId);
    const now = this.clock.now();
    const refusal = voteRefusal(contest, entry, household.id, now);
    if (refusal) throw new DomainError(refusal);
    const mysql = this.db.isMysql;
    // A duplicate inserts nothing and counts 0 rows (MySQL's ON DUPLICATE KEY would count it as found).
    const ignore = (sql: string, conflict: string): string =>
      mysql ? sql.replace(/^INSERT INTO/, 'INSERT IGNORE INTO') : `${sql} ON CONFLICT (${conflict}) DO NOTHING`;
    const cast = await this.db.run(
      ignore(
        'INSERT INTO contest_votes (contest_id, entry_id, user_id, household_id, created_at) VALUES (?, ?, ?, ?, ?)',
        'entry_id, user_id',
      ),
      [contest.id, entry.id, actor.userId, household.id, now],
    );
    if (cast.affected !== 1) throw new DomainError('CONTEST_ALREADY_VOTED');
    const day = shanghaiDay(now);
    await this.db.run(
      ignore('INSERT INTO contest_vote_days (contest_id, user_id, day, used) VALUES (?, ?, ?, 0)', 'contest_id, user_id, day'),
      [contest.id, actor.userId, day],
    );
    const counted = await this.db.run(
      'UPDATE contest_vote_days SET used = used + 1 WHERE contest_id = ? AND user_id = ? AND day = ? AND used < ?',
      [contest.id, actor.userId, day, contest.votesPerDay],
    );
    if (counted.affected !== 1) throw new DomainError('CONTEST_VOTE_LIMIT', { perDay: contest.votesPerDay });
    await this.db.run('UPDATE contest_entries SET votes = votes + 1 WHERE id = ?', [entry.id]);
    const [after] = await this.db.rows<{ votes: number | string; used: number | string }>(
      'SELECT e.votes AS votes, d.used AS used FROM contest_entries e, contest_vote_days d WHERE e.id = ? AND d.contest_id = ? AND d.user_id = ? AND d.day = ?',
      [entry.id, contest.id, actor.userId, day],
    );
    return {
      entryId: entry.id,
      votes: Number(after?.votes ?? 0),
      votesLeftToday: Math.max(0, contest.votesPerDay - Number(after?.used ?? 0)),
    };
  }

  /** The published ranking; before publication: CONTEST_RESULTS_NOT_PUBLISHED. */
  async results(actor: Actor, id: number): Promise<ContestResultsView> {
    const { household } = await this.residentOf(actor);
    const contest = await this.contestOf(household, id);
    if (!contest.resultsPublishedAt) throw new DomainError('CONTEST_RESULTS_NOT_PUBLISHED');
    return this.resultsOf(contest);
  }

  private async resultsOf(contest: Contest): Promise<ContestResultsView> {
    const { view } = await this.views.ranking(contest);
    return { contestId: contest.id, publishedAt: (contest.resultsPublishedAt as Date).toISOString(), mode: contest.mode, ranking: view };
  }

  private async contestOf(household: Household, id: number): Promise<Contest> {
    const contest = await this.db.repo(Contest).findOneBy({ id, communityId: household.communityId });
    if (!contest) throw new DomainError('CONTEST_NOT_FOUND');
    return contest;
  }

  private async visibleEntry(household: Household, id: number): Promise<ContestEntry> {
    const entry = await this.db.repo(ContestEntry).findOneBy({ id, communityId: household.communityId });
    if (!entry || (entry.state !== 'APPROVED' && entry.householdId !== household.id)) throw new DomainError('CONTEST_ENTRY_NOT_FOUND');
    return entry;
  }

  private async residentOf(actor: Actor): Promise<{ communityId: number; household: Household }> {
    if (!hasRole(actor, 'resident') || actor.communityId === null || actor.householdId === null) throw new DomainError('FORBIDDEN');
    const household = await this.households.find(actor.householdId);
    if (household.communityId !== actor.communityId) throw new DomainError('FORBIDDEN');
    return { communityId: actor.communityId, household };
  }
}
