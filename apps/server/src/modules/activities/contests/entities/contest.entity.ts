import type { ContentCheckView, ContestEntryState, ContestKind, ContestMode } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A contest staff open in their community. */
@Entity('contests')
export class Contest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 20 })
  kind: ContestKind;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  rules: string;

  @Column({ name: 'entry_starts_at', type: 'datetime', precision: 3 })
  entryStartsAt: Date;

  @Column({ name: 'entry_ends_at', type: 'datetime', precision: 3 })
  entryEndsAt: Date;

  @Column({ name: 'vote_starts_at', type: 'datetime', precision: 3 })
  voteStartsAt: Date;

  @Column({ name: 'vote_ends_at', type: 'datetime', precision: 3 })
  voteEndsAt: Date;

  /** Live (not rejected) entries one household may have: enforced by the slot unique key. */
  @Column({ name: 'entries_per_household', type: 'int' })
  entriesPerHousehold: number;

  /** Votes per person per day (Asia/Shanghai): enforced by the day counter's conditional UPDATE. */
  @Column({ name: 'votes_per_day', type: 'int' })
  votesPerDay: number;

  @Column({ type: 'varchar', length: 10 })
  mode: ContestMode;

  /** Entries WeChat's check passed go straight to APPROVED. */
  @Column({ name: 'auto_approve', type: 'boolean', default: false })
  autoApprove: boolean;

  /** When staff published the ranking (null: not yet); residents see it from then. */
  @Column({ name: 'results_published_at', type: 'datetime', precision: 3, nullable: true })
  resultsPublishedAt: Date | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** A household's entry. */
@Entity('contest_entries')
export class ContestEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'contest_id', type: 'int' })
  contestId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  /** Who of the household sent it (told about it; their openid goes to the content check). */
  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /**
   * Which of the household's places (1…entries_per_household) it takes: unique with the
   * contest and household, so the limit holds under races. Null once rejected: the place is free.
   */
  @Column({ type: 'int', nullable: true })
  slot: number | null;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  caption: string;

  @Column({ name: 'video_url', type: 'varchar', length: 500, nullable: true })
  videoUrl: string | null;

  @Column({ type: 'varchar', length: 12 })
  state: ContestEntryState;

  /** Whether WeChat's content security looked at it (false: not configured, no public URL, or the check failed). */
  @Column({ name: 'machine_checked', type: 'boolean', default: false })
  machineChecked: boolean;

  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;

  /** Votes counted (also one row each in contest_votes). */
  @Column({ type: 'int', default: 0 })
  votes: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy: number | null;
}

/** A picture of an entry (a file of purpose `contest`), in order. */
@Entity('contest_entry_pictures')
export class ContestEntryPicture {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'entry_id', type: 'int' })
  entryId: number;

  @Column({ name: 'file_id', type: 'int' })
  fileId: number;

  @Column({ type: 'int' })
  position: number;
}

/**
 * One part of an entry (its text, or one picture) sent to WeChat's content security: unique
 * per (entry, part) so the check is asked once, and by trace id so a pushed verdict finds it
 * (and a repeated push changes nothing).
 */
@Entity('contest_content_checks')
export class ContestContentCheck {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'entry_id', type: 'int' })
  entryId: number;

  /** `text`, or `file:<id>`. */
  @Column({ type: 'varchar', length: 30 })
  part: string;

  @Column({ name: 'trace_id', type: 'varchar', length: 100, nullable: true })
  traceId: string | null;

  /** Null while WeChat has not answered; `error` when it refused to check. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  suggest: ContentCheckView['suggest'];

  @Column({ type: 'int', nullable: true })
  label: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;
}

/** One person's vote for one entry: unique (entry_id, user_id). */
@Entity('contest_votes')
export class ContestVote {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'contest_id', type: 'int' })
  contestId: number;

  @Column({ name: 'entry_id', type: 'int' })
  entryId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /** The voter's household. */
  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** Votes a person cast in a contest on a day (Asia/Shanghai): unique (contest_id, user_id, day), raised by a conditional UPDATE. */
@Entity('contest_vote_days')
export class ContestVoteDay {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'contest_id', type: 'int' })
  contestId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /** YYYY-MM-DD in Asia/Shanghai. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'int', default: 0 })
  used: number;
}

/** A judge's score for an entry: unique (entry_id, judge_id); a new score replaces the old. */
@Entity('contest_scores')
export class ContestScore {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'contest_id', type: 'int' })
  contestId: number;

  @Column({ name: 'entry_id', type: 'int' })
  entryId: number;

  @Column({ name: 'judge_id', type: 'int' })
  judgeId: number;

  @Column({ type: 'int' })
  score: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
