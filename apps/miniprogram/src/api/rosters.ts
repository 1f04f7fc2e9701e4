import type {
  CreateShiftRequest,
  HoursLedgerView,
  RosterTotalsView,
  MyHoursView,
  RosterPostView,
  RosterScanRequest,
  RosterScanResult,
  SaveRosterPostRequest,
  ShiftRosterView,
  ShiftView,
  StandbyResult,
} from '@linli/shared-types';
import { request } from './client';
import { downloadFile, type OnDownloadProgress } from './transfer';

/**
 * Volunteer rosters (issue 19). `roster/…` is the managers' side: staff for every squad, a squad
 * leader for their own (the server decides, 403 ROSTER_NOT_LEADER otherwise); `volunteer/roster…`
 * is a volunteer's own shifts, sign-ups, scans and hours.
 */

// ---- managers: posts, shifts, the roster of a shift, hours --------------------------------

/** Posts of the squads I manage, each with its check-in code. */
export function listRosterPosts(): Promise<RosterPostView[]> {
  return request({ path: '/roster/posts' });
}

export function createRosterPost(body: SaveRosterPostRequest, key?: string): Promise<RosterPostView> {
  return request({ method: 'POST', path: '/roster/posts', body, idempotencyKey: key });
}

/** The post's A4 poster with its check-in QR, to print and hang at the post. */
export function downloadRosterPoster(post: Pick<RosterPostView, 'id' | 'name'>, onProgress?: OnDownloadProgress): Promise<void> {
  return downloadFile(`/roster/posts/${post.id}/poster.pdf`, {}, `岗位码-${post.name}.pdf`, onProgress);
}

/** Shifts starting from `from` to `to` (days YYYY-MM-DD, Asia/Shanghai; two weeks from today by default). */
export function listRosterShifts(query: { from?: string; to?: string } = {}): Promise<ShiftView[]> {
  return request({ path: '/roster/shifts', query });
}

export function createRosterShift(body: CreateShiftRequest, key?: string): Promise<ShiftView> {
  return request({ method: 'POST', path: '/roster/shifts', body, idempotencyKey: key });
}

/** Who is coming, on post, late and missing, with their phones. */
export function getShiftRoster(id: number): Promise<ShiftRosterView> {
  return request({ path: `/roster/shifts/${id}` });
}

/** Everyone on the shift is told, with the reason. */
export function cancelRosterShift(id: number, reason: string, key?: string): Promise<ShiftView> {
  return request({ method: 'POST', path: `/roster/shifts/${id}/cancel`, body: { reason }, idempotencyKey: key });
}

/** 叫替补: the squad's free members are asked to take the places left; how many were asked. */
export function callStandby(id: number, key?: string): Promise<StandbyResult> {
  return request({ method: 'POST', path: `/roster/shifts/${id}/standby`, idempotencyKey: key });
}

/** Everyone's hours in the period (this week by default), per squad. */
/** The community's total 人次 and hours, overall and this week (staff). */
export function getRosterTotals(): Promise<RosterTotalsView> {
  return request({ path: '/staff/roster/totals' });
}

export function getHoursLedger(query: { from?: string; to?: string } = {}): Promise<HoursLedgerView> {
  return request({ path: '/roster/hours', query });
}

/** The same as an Excel workbook (志愿服务时长, 明细). */
export function exportHoursLedger(from: string, to: string, onProgress?: OnDownloadProgress): Promise<void> {
  return downloadFile('/roster/hours.xlsx', { from, to }, `志愿服务时长-${from}至${to}.xlsx`, onProgress);
}

// ---- a volunteer's own ------------------------------------------------------------------------

/** My squad's shifts not yet over, and mine (`mine`). */
export function listMyRoster(): Promise<ShiftView[]> {
  return request({ path: '/volunteer/roster' });
}

/** 409 SHIFT_FULL when the places went to others first. */
export function signUpShift(id: number, key?: string): Promise<ShiftView> {
  return request({ method: 'POST', path: `/volunteer/roster/${id}/signup`, idempotencyKey: key });
}

/** 409 SHIFT_GIVE_UP_CLOSED too close to the start. */
export function giveUpShift(id: number, key?: string): Promise<ShiftView> {
  return request({ method: 'POST', path: `/volunteer/roster/${id}/give-up`, idempotencyKey: key });
}

/** The post's poster scanned: checks in at the start, out at the end; `message` is what to show. */
export function scanRosterPost(token: string, key?: string): Promise<RosterScanResult> {
  return request({ method: 'POST', path: '/volunteer/roster/scan', body: { token } satisfies RosterScanRequest, idempotencyKey: key });
}

/** My hours, overlaps counted once, and every shift and duty stretch. */
export function getMyHours(): Promise<MyHoursView> {
  return request({ path: '/volunteer/roster/hours' });
}
