import type { Flow } from './flow';

/**
 * Contests (比赛评选): staff open a photo, drawing, short-video or essay contest; residents enter
 * (pictures and a caption), WeChat's content security and then staff check each entry before
 * anyone else sees it; residents vote (or staff judge); results are published with a ranking.
 */

export const CONTEST_KINDS = ['photo', 'drawing', 'video', 'essay'] as const;
export type ContestKind = (typeof CONTEST_KINDS)[number];

export const CONTEST_KIND_LABELS: Record<ContestKind, string> = {
  photo: '摄影',
  drawing: '绘画',
  video: '短视频',
  essay: '征文',
};

/** Residents vote, or the community's staff score as judges (0–100, ranked by average). */
export type ContestMode = 'vote' | 'judges';
export const CONTEST_MODES = ['vote', 'judges'] as const satisfies readonly ContestMode[];

/** Pictures on one entry (photo and drawing contests). */
export const MAX_ENTRY_PICTURES = 6;

/**
 * An entry's way: CHECKING while WeChat's content security looks at it; FLAGGED when it found
 * something (risky or review: staff decide, shown first); PENDING when it passed (or could not
 * be checked) and staff have yet to approve; APPROVED entries are seen by the whole community;
 * REJECTED ones carry a reason the resident reads. A late risky verdict hides an approved entry again.
 */
export type ContestEntryState = 'CHECKING' | 'FLAGGED' | 'PENDING' | 'APPROVED' | 'REJECTED';

export const CONTEST_ENTRY_FLOW = {
  CHECKING: { FLAGGED: ['system'], PENDING: ['system'], APPROVED: ['system', 'staff'], REJECTED: ['staff'] },
  FLAGGED: { APPROVED: ['staff'], REJECTED: ['staff'] },
  PENDING: { APPROVED: ['staff', 'system'], REJECTED: ['staff'] },
  APPROVED: { FLAGGED: ['system'], REJECTED: ['staff'] },
  REJECTED: {},
} as const satisfies Flow<ContestEntryState>;

/** What residents read of their own entry's state. */
export const CONTEST_ENTRY_STATE_LABELS: Record<ContestEntryState, string> = {
  CHECKING: '审核中',
  FLAGGED: '审核中',
  PENDING: '审核中',
  APPROVED: '已通过',
  REJECTED: '未通过',
};

/** Where a contest stands at a moment (from its periods and whether results are out). */
export type ContestPhase = 'upcoming' | 'entering' | 'between' | 'voting' | 'judging' | 'closed' | 'published';

export const CONTEST_PHASE_LABELS: Record<ContestPhase, string> = {
  upcoming: '即将开始',
  entering: '征集作品中',
  between: '等待投票',
  voting: '投票中',
  judging: '评审中',
  closed: '等待公布结果',
  published: '已公布结果',
};

/** POST /api/staff/contests */
export interface ContestRequest {
  kind: ContestKind;
  title: string;
  rules: string;
  /** ISO moments: entries are taken from entryStartsAt to entryEndsAt, votes from voteStartsAt to voteEndsAt. */
  entryStartsAt: string;
  entryEndsAt: string;
  voteStartsAt: string;
  voteEndsAt: string;
  /** Entries one household may have (a rejected one frees its place). */
  entriesPerHousehold: number;
  /** Votes one person may cast per day (Asia/Shanghai), on different entries. */
  votesPerDay: number;
  mode: ContestMode;
  /** Entries WeChat's check passed are approved without staff. */
  autoApprove: boolean;
}

/** PATCH /api/staff/contests/:id: only the fields sent change. */
export type UpdateContestRequest = Partial<ContestRequest>;

/** A contest as residents see it. */
export interface ContestView {
  id: number;
  kind: ContestKind;
  title: string;
  rules: string;
  entryStartsAt: string;
  entryEndsAt: string;
  voteStartsAt: string;
  voteEndsAt: string;
  entriesPerHousehold: number;
  votesPerDay: number;
  mode: ContestMode;
  autoApprove: boolean;
  phase: ContestPhase;
  resultsPublishedAt: string | null;
  /** Approved entries. */
  approvedEntries: number;
}

/** One entry as anyone allowed sees it. */
export interface ContestEntryView {
  id: number;
  contestId: number;
  title: string;
  caption: string;
  /** Short-lived links of its pictures. */
  pictures: { fileId: number; url: string }[];
  videoUrl: string | null;
  /** The door, masked ("1栋1单元1**"). */
  door: string;
  votes: number;
  /** Judges' average score (null: not scored, or a vote contest). */
  averageScore: number | null;
  createdAt: string;
  /** Whether my household entered it (no vote for it). */
  mine: boolean;
  /** Whether I have voted for it. */
  votedByMe: boolean;
}

/** One of my household's entries, with where it stands. */
export interface MyContestEntryView extends ContestEntryView {
  state: ContestEntryState;
  /** 审核中 / 未通过 / 已通过 */
  stateLabel: string;
  rejectReason: string | null;
}

/** GET /api/contests/:id */
export interface ContestDetailView {
  contest: ContestView;
  myEntries: MyContestEntryView[];
  /** Approved entries, oldest first. */
  entries: ContestEntryView[];
  /** Votes I have left today (0 outside the voting period). */
  votesLeftToday: number;
  /** Whether I (my household) may still enter now. */
  canEnter: boolean;
  results: ContestResultsView | null;
}

/** POST /api/contests/:id/entries */
export interface ContestEntryRequest {
  title: string;
  caption: string;
  /** Files of purpose `contest` I uploaded (photo and drawing contests). */
  pictureIds?: number[];
  /** An https link (video contests). */
  videoUrl?: string | null;
}

/** POST /api/contest-entries/:id/vote */
export interface VoteView {
  entryId: number;
  votes: number;
  votesLeftToday: number;
}

/** One place of the published ranking. */
export interface ContestRankView {
  rank: number;
  entryId: number;
  title: string;
  door: string;
  votes: number;
  averageScore: number | null;
}

/** GET /api/contests/:id/results (published only) */
export interface ContestResultsView {
  contestId: number;
  publishedAt: string;
  mode: ContestMode;
  ranking: ContestRankView[];
}

/** What WeChat's content security said of one part of an entry (its caption, or one picture). */
export interface ContentCheckView {
  part: string;
  suggest: 'pass' | 'review' | 'risky' | 'error' | null;
  label: number | null;
}

/** An entry in the staff queue. */
export interface StaffContestEntryView extends MyContestEntryView {
  householdId: number;
  userId: number;
  /** Whether WeChat's content security checked it (false: the demo, no public URL, or the check failed). */
  machineChecked: boolean;
  checks: ContentCheckView[];
  /** My score as a judge (judges mode). */
  myScore: number | null;
  scores: number;
  /** What staff may do now. */
  actions: ContestEntryState[];
}

/** GET /api/staff/contests/:id */
export interface StaffContestDetailView {
  contest: ContestView;
  /** FLAGGED first, then CHECKING, PENDING, APPROVED, REJECTED; oldest first within each. */
  entries: StaffContestEntryView[];
  /** The ranking as it stands (published or not). */
  ranking: ContestRankView[];
}

/** POST /api/staff/contest-entries/:id/reject */
export interface RejectEntryRequest {
  reason: string;
}

/** PUT /api/staff/contest-entries/:id/score */
export interface ScoreEntryRequest {
  score: number;
}
