/**
 * What the parts of online activities share: the winners an activity names for prizes and the
 * participation figures staff see as charts. Each part (classes, contests, quizzes) has its own file.
 */

/** One winner an activity names for a prize: a contest's ranking, a quiz's leaderboard. */
export interface ActivityWinner {
  rank: number;
  householdId: number;
  userId: number;
  /** The winner's door, masked for a public list ("1栋1单元1**"). */
  door: string;
  /** What they won with: "《春天的小区》 128 票", "98 分 · 3分12秒". */
  label: string;
}

/** The activities that can award prizes. */
export type PrizeSource = 'contest' | 'quiz';

/** What staff see of participation: per day and per building, for the charts. */
export interface ParticipationView {
  /** Days (Asia/Shanghai, YYYY-MM-DD), oldest first; each series has one figure per day. */
  days: string[];
  series: { kind: ParticipationKind; label: string; perDay: number[] }[];
  perBuilding: { buildingId: number; name: string; figures: Record<ParticipationKind, number> }[];
  /** Each kind over the whole period (all buildings). */
  totals: Record<ParticipationKind, number>;
}

export type ParticipationKind = 'signups' | 'entries' | 'votes' | 'attempts';

/** The series in the order the charts draw them. */
export const PARTICIPATION_KINDS: readonly ParticipationKind[] = ['signups', 'entries', 'votes', 'attempts'];

/** The legend's words. */
export const PARTICIPATION_LABELS: Record<ParticipationKind, string> = {
  signups: '报名',
  entries: '作品',
  votes: '投票',
  attempts: '答题',
};

/** GET /api/staff/activities/participation?days=: how many days back (today included); default and limits. */
export const PARTICIPATION_DAYS_DEFAULT = 14;
export const PARTICIPATION_DAYS_MAX = 90;
