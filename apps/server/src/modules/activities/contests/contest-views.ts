import { Injectable } from '@nestjs/common';
import {
  CONTEST_ENTRY_STATE_LABELS,
  type ContestEntryView,
  type ContestRankView,
  type ContestView,
  type MyContestEntryView,
} from '@linli/shared-types';
import { In } from 'typeorm';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { HouseholdsService } from '../../community/households.service';
import { FilesService } from '../../files/files.service';
import { maskDoor, phaseOf, rank } from './contest-rules';
import { Contest, ContestEntry, ContestEntryPicture, ContestScore, ContestVote } from './entities/contest.entity';

/** What views of entries need besides the rows: pictures, doors, scores, my votes. */
export interface EntryFacts {
  pictures: Map<number, { fileId: number; url: string }[]>;
  doors: Map<number, string>;
  averages: Map<number, { average: number; count: number }>;
  myVotes: Set<number>;
}

/** Views of contests and entries, for residents and staff. */
@Injectable()
export class ContestViews {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
    private readonly files: FilesService,
  ) {}

  async contests(rows: Contest[]): Promise<ContestView[]> {
    if (rows.length === 0) return [];
    const counts = await this.db
      .repo(ContestEntry)
      .createQueryBuilder('e')
      .select('e.contest_id', 'contestId')
      .addSelect('COUNT(*)', 'n')
      .where('e.contest_id IN (:...ids) AND e.state = :state', { ids: rows.map((c) => c.id), state: 'APPROVED' })
      .groupBy('e.contest_id')
      .getRawMany<{ contestId: number | string; n: number | string }>();
    const approved = new Map(counts.map((c) => [Number(c.contestId), Number(c.n)]));
    const now = this.clock.now();
    return rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: c.title,
      rules: c.rules,
      entryStartsAt: c.entryStartsAt.toISOString(),
      entryEndsAt: c.entryEndsAt.toISOString(),
      voteStartsAt: c.voteStartsAt.toISOString(),
      voteEndsAt: c.voteEndsAt.toISOString(),
      entriesPerHousehold: c.entriesPerHousehold,
      votesPerDay: c.votesPerDay,
      mode: c.mode,
      autoApprove: c.autoApprove,
      phase: phaseOf(c, now),
      resultsPublishedAt: c.resultsPublishedAt ? c.resultsPublishedAt.toISOString() : null,
      approvedEntries: approved.get(c.id) ?? 0,
    }));
  }

  async contest(row: Contest): Promise<ContestView> {
    return (await this.contests([row]))[0] as ContestView;
  }

  /** Pictures (signed links), masked doors, judges' averages, and which of them `voterId` voted for. */
  async facts(entries: ContestEntry[], voterId: number | null): Promise<EntryFacts> {
    const ids = entries.map((e) => e.id);
    const facts: EntryFacts = { pictures: new Map(), doors: new Map(), averages: new Map(), myVotes: new Set() };
    if (ids.length === 0) return facts;
    const pictures = await this.db.repo(ContestEntryPicture).find({ where: { entryId: In(ids) }, order: { position: 'ASC' } });
    for (const p of pictures) {
      facts.pictures.set(p.entryId, [...(facts.pictures.get(p.entryId) ?? []), { fileId: p.fileId, url: this.files.link(p.fileId) }]);
    }
    const doors = await this.households.doors(entries.map((e) => e.householdId));
    for (const [id, d] of doors) facts.doors.set(id, maskDoor(d.building, d.unit, d.room));
    const scores = await this.db
      .repo(ContestScore)
      .createQueryBuilder('s')
      .select('s.entry_id', 'entryId')
      .addSelect('AVG(s.score)', 'average')
      .addSelect('COUNT(*)', 'n')
      .where('s.entry_id IN (:...ids)', { ids })
      .groupBy('s.entry_id')
      .getRawMany<{ entryId: number | string; average: number | string; n: number | string }>();
    for (const s of scores) facts.averages.set(Number(s.entryId), { average: Math.round(Number(s.average) * 10) / 10, count: Number(s.n) });
    if (voterId !== null) {
      const votes = await this.db.repo(ContestVote).find({ where: { entryId: In(ids), userId: voterId }, select: ['entryId'] });
      for (const v of votes) facts.myVotes.add(v.entryId);
    }
    return facts;
  }

  entry(e: ContestEntry, facts: EntryFacts, myHouseholdId: number | null): ContestEntryView {
    return {
      id: e.id,
      contestId: e.contestId,
      title: e.title,
      caption: e.caption,
      pictures: facts.pictures.get(e.id) ?? [],
      videoUrl: e.videoUrl,
      door: facts.doors.get(e.householdId) ?? '',
      votes: e.votes,
      averageScore: facts.averages.get(e.id)?.average ?? null,
      createdAt: e.createdAt.toISOString(),
      mine: myHouseholdId !== null && e.householdId === myHouseholdId,
      votedByMe: facts.myVotes.has(e.id),
    };
  }

  mine(e: ContestEntry, facts: EntryFacts, myHouseholdId: number | null): MyContestEntryView {
    return {
      ...this.entry(e, facts, myHouseholdId),
      state: e.state,
      stateLabel: CONTEST_ENTRY_STATE_LABELS[e.state],
      rejectReason: e.state === 'REJECTED' ? e.rejectReason : null,
    };
  }

  /** The ranking of a contest's approved entries as it stands. */
  async ranking(
    contest: Contest,
  ): Promise<{ rows: (ContestEntry & { rank: number; averageScore: number | null })[]; view: ContestRankView[] }> {
    const approved = await this.db.repo(ContestEntry).find({ where: { contestId: contest.id, state: 'APPROVED' } });
    const facts = await this.facts(approved, null);
    const rows = rank(
      approved.map((e) => ({ ...e, averageScore: facts.averages.get(e.id)?.average ?? null })),
      contest.mode,
    );
    return {
      rows,
      view: rows.map((e) => ({
        rank: e.rank,
        entryId: e.id,
        title: e.title,
        door: facts.doors.get(e.householdId) ?? '',
        votes: e.votes,
        averageScore: e.averageScore,
      })),
    };
  }
}
