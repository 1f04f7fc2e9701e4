import type { Squad } from './parcels';

/**
 * Volunteer rosters (issue 19): staff or a squad leader lay out shifts at a post (岗位: a test
 * point, the east gate, the sorting area); volunteers of that squad sign up, never beyond the
 * places; they check in and out by scanning the post's QR poster; hours come from the check-ins
 * (and, for the delivery squad, from the duty switch as before).
 *
 * The rules below are the one source for both sides: the server decides with them, the app
 * words its hints with them.
 */

/** A scan this long before the shift's start checks in (earlier: refused with the time to come back). */
export const CHECK_IN_EARLY_MINUTES = 30;
/** Checked in later than this after the start: 迟到. */
export const SHIFT_LATE_AFTER_MINUTES = 5;
/** A check-out scan is taken until this long after the shift's end; later the shift is closed. */
export const CHECK_OUT_LATE_MINUTES = 120;
/** A second scan within this many minutes of the check-in repeats it (a double tap), not a check-out. */
export const REPEAT_SCAN_MINUTES = 2;
/** Default of how long before the start a volunteer may still give the shift up. */
export const DEFAULT_GIVE_UP_HOURS = 2;
/** The reminder goes this long before the start. */
export const SHIFT_REMINDER_MINUTES = 60;

export const SHIFT_STATES = ['OPEN', 'CANCELLED'] as const;
export type ShiftState = (typeof SHIFT_STATES)[number];

/** A volunteer's place in a shift, as stored. */
export const SHIFT_SIGNUP_STATES = ['SIGNED_UP', 'GIVEN_UP'] as const;
export type ShiftSignupState = (typeof SHIFT_SIGNUP_STATES)[number];

/**
 * Where a signed-up volunteer stands, computed from the stored times by one rule
 * (`attendanceOf`), so a restart or a second instance changes nothing.
 */
export const ATTENDANCE = ['COMING', 'ON_POST', 'DONE', 'NO_CHECK_OUT', 'MISSING', 'GIVEN_UP', 'CANCELLED'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  COMING: '待到岗',
  ON_POST: '在岗',
  DONE: '已完成',
  NO_CHECK_OUT: '未签退',
  MISSING: '缺岗',
  GIVEN_UP: '已取消',
  CANCELLED: '班次已取消',
};

export interface SignupTimes {
  state: ShiftSignupState;
  checkedInAt: string | null;
  checkedOutAt: string | null;
}

export interface ShiftTimes {
  state: ShiftState;
  startsAt: string;
  endsAt: string;
}

/** A signed-up volunteer's standing at `now`. */
export function attendanceOf(shift: ShiftTimes, signup: SignupTimes, now: number): Attendance {
  if (signup.state === 'GIVEN_UP') return 'GIVEN_UP';
  if (shift.state === 'CANCELLED') return 'CANCELLED';
  const end = Date.parse(shift.endsAt);
  if (signup.checkedInAt === null) return now > end ? 'MISSING' : 'COMING';
  if (signup.checkedOutAt !== null) return 'DONE';
  return now > end + CHECK_OUT_LATE_MINUTES * 60_000 ? 'NO_CHECK_OUT' : 'ON_POST';
}

/** Checked in more than SHIFT_LATE_AFTER_MINUTES after the start. */
export function isLate(shift: Pick<ShiftTimes, 'startsAt'>, checkedInAt: string | null): boolean {
  return checkedInAt !== null && Date.parse(checkedInAt) > Date.parse(shift.startsAt) + SHIFT_LATE_AFTER_MINUTES * 60_000;
}

/** Until when a volunteer may give the shift up. */
export function giveUpUntil(shift: Pick<ShiftTimes, 'startsAt'>, giveUpHours: number): number {
  return Date.parse(shift.startsAt) - giveUpHours * 3_600_000;
}

/**
 * The stretch a signup counts for the hours ledger: check-in to check-out; a volunteer who
 * never checked out is counted up to the shift's planned end (flagged 未签退 elsewhere), never
 * beyond; null when they never checked in.
 */
export function workedInterval(
  shift: Pick<ShiftTimes, 'endsAt'>,
  signup: Pick<SignupTimes, 'checkedInAt' | 'checkedOutAt'>,
): [number, number] | null {
  if (signup.checkedInAt === null) return null;
  const from = Date.parse(signup.checkedInAt);
  const to = signup.checkedOutAt !== null ? Date.parse(signup.checkedOutAt) : Math.max(from, Date.parse(shift.endsAt));
  return to > from ? [from, to] : null;
}

/** Minutes in a set of stretches, overlaps counted once (two shifts at once, a shift during duty). */
export function mergedMinutes(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let start = -Infinity;
  let end = -Infinity;
  for (const [a, b] of sorted) {
    if (a > end) {
      if (end > start) total += end - start;
      start = a;
      end = b;
    } else if (b > end) end = b;
  }
  if (end > start) total += end - start;
  return Math.floor(total / 60_000);
}

// ---- posts -----------------------------------------------------------------------------------

/** POST /api/staff/roster/posts */
export interface SaveRosterPostRequest {
  /** 东门岗, 3号核酸检测点, 分拣区 — 1–30 characters. */
  name: string;
  squad: Squad;
  /** Where exactly, what to bring: up to 200 characters. */
  note?: string;
}

export interface RosterPostView {
  id: number;
  name: string;
  squad: Squad;
  squadLabel: string;
  note: string;
  /** The check-in code the poster carries: managers' views only (a leader can show it on a phone). */
  checkInToken?: string;
}

// ---- shifts ----------------------------------------------------------------------------------

/** POST /api/staff/roster/shifts */
export interface CreateShiftRequest {
  postId: number;
  startsAt: string;
  endsAt: string;
  /** How many people: 1–200. */
  places: number;
  /** 需要会开车 / 能搬重物 — up to 200 characters. */
  requirements?: string;
  /** How long before the start a volunteer may still give it up: 0–48, default 2. */
  giveUpHours?: number;
}

/** POST /api/staff/roster/shifts/:id/cancel */
export interface CancelShiftRequest {
  reason: string;
}

export interface ShiftView {
  id: number;
  post: RosterPostView;
  startsAt: string;
  endsAt: string;
  places: number;
  taken: number;
  requirements: string;
  giveUpHours: number;
  state: ShiftState;
  cancelReason: string | null;
  /** The asking volunteer's own place, if any (volunteers' lists). */
  mine: {
    attendance: Attendance;
    attendanceLabel: string;
    checkedInAt: string | null;
    checkedOutAt: string | null;
    late: boolean;
    canGiveUp: boolean;
  } | null;
}

/** One row of a shift's roster: who is coming, on post, late, missing. */
export interface ShiftRosterRow {
  userId: number;
  nickname: string;
  phone: string | null;
  attendance: Attendance;
  attendanceLabel: string;
  late: boolean;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  signedUpAt: string;
}

/** GET /api/staff/roster/shifts/:id */
export interface ShiftRosterView {
  shift: ShiftView;
  rows: ShiftRosterRow[];
  /** Places still free. */
  open: number;
  late: number;
  missing: number;
}

/** POST /api/staff/roster/shifts/:id/standby: squad members free then were asked to come. */
export interface StandbyResult {
  asked: number;
}

// ---- check-in --------------------------------------------------------------------------------

/** POST /api/volunteer/roster/scan: the post's poster QR, at the start and at the end of a shift. */
export interface RosterScanRequest {
  token: string;
}

export interface RosterScanResult {
  /** What the scan did. */
  did: 'CHECKED_IN' | 'CHECKED_OUT' | 'REPEATED';
  shift: ShiftView;
  /** 已签到 08:02（迟到 2 分钟以内不算迟到）… the words to show. */
  message: string;
}

// ---- hours -----------------------------------------------------------------------------------

export interface HoursEntry {
  /** 'shift': a roster shift at a post; 'duty': the delivery squad's duty switch. */
  source: 'shift' | 'duty';
  /** The post's name, or 配送值班. */
  what: string;
  from: string;
  to: string;
  minutes: number;
  /** Counted to the planned end: the volunteer did not scan out. */
  noCheckOut: boolean;
}

/** GET /api/volunteer/roster/hours: my hours (overlaps counted once) and my shifts. */
export interface MyHoursView {
  totalMinutes: number;
  /** 人次: shifts attended plus duty stretches. */
  times: number;
  entries: HoursEntry[];
}

/** GET /api/staff/roster/hours?from=&to=: everyone's hours in a period, per squad. */
export interface HoursLedgerRow {
  userId: number;
  nickname: string;
  squad: Squad | null;
  squadLabel: string;
  times: number;
  minutes: number;
  /** First and last day worked in the period (YYYY-MM-DD, Asia/Shanghai). */
  firstDay: string | null;
  lastDay: string | null;
  missed: number;
  late: number;
}

/** The community's volunteer service in total and this week, by the hours ledger's rules. */
export interface RosterTotalsView {
  /** 人次: shifts checked in and delivery duty stretches. */
  totalTimes: number;
  totalMinutes: number;
  weekFrom: string;
  weekTimes: number;
  weekMinutes: number;
}

export interface HoursLedgerView {
  from: string;
  to: string;
  rows: HoursLedgerRow[];
  totalTimes: number;
  totalMinutes: number;
  perSquad: { squad: Squad | null; squadLabel: string; people: number; times: number; minutes: number }[];
}
