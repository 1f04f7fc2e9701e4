import { PAGE_SIZE_MAX } from '@linli/shared-types';
import type {
  AssignRequest,
  CancelParcelRequest,
  CashRow,
  DeliveryOverview,
  DispatchResult,
  DutyRequest,
  DutyView,
  FailRequest,
  FailureReason,
  LeaveAtDoorRequest,
  Page,
  OrderQrView,
  ParcelDetail,
  ParcelQuery,
  ParcelSummary,
  ParcelTaskView,
  ParcelView,
  RateRequest,
  RejectSignupRequest,
  ResolveRequest,
  ResolveTarget,
  ScanRequest,
  ShiftLedger,
  SignupRequest,
  SignupView,
  SquadView,
  StaffParcelQuery,
  TaskPhoneView,
  VolunteerCoverageRequest,
  VolunteerPostRequest,
  VolunteerPostView,
  VolunteerRow,
} from '@linli/shared-types';
import { request } from './client';
import { downloadFile, type OnDownloadProgress } from './transfer';

/**
 * The server's parcels module, everything delivered: the household's side of a parcel, the
 * volunteer's duty, tasks and scans, volunteer recruitment and squads, and staff's dispatch,
 * parcel board, labels and volunteers.
 */

// ---- the household -------------------------------------------------------------------------

/** The resident rates a DELIVERED parcel of their household, once (409 ALREADY_RATED). */
export function rateParcel(parcelId: number, body: RateRequest, key?: string): Promise<ParcelSummary> {
  return request({ method: 'POST', path: `/parcels/${parcelId}/rating`, body, idempotencyKey: key });
}

/**
 * The household's door code for its parcel, whatever it carries (a medicine parcel has no order
 * QR): shown at the door, the volunteer's 扫码送达 takes it. 409 ORDER_NOT_ACTIVE once the parcel
 * is no longer on its way.
 */
export function getParcelDoorCode(parcelId: number): Promise<OrderQrView> {
  return request({ path: `/parcels/${parcelId}/qr` });
}

/** The household confirms a contactless parcel is in their hands. */
export function confirmParcel(parcelId: number, key?: string): Promise<ParcelSummary> {
  return request({ method: 'POST', path: `/parcels/${parcelId}/confirm`, idempotencyKey: key });
}

/** The household says the contactless parcel is not at their door. */
export function reportParcelMissing(parcelId: number, key?: string): Promise<ParcelSummary> {
  return request({ method: 'POST', path: `/parcels/${parcelId}/missing`, idempotencyKey: key });
}

// ---- the volunteer: duty, tasks, scans, the pool -------------------------------------------

/** The volunteer's duty as the server has it (the switch on any phone). */
export function getDuty(): Promise<DutyView> {
  return request({ path: '/volunteer/duty' });
}

export function setDuty(body: DutyRequest, key?: string): Promise<DutyView> {
  return request({ method: 'PUT', path: '/volunteer/duty', body, idempotencyKey: key });
}

/** My own hours on duty. */
export function getShifts(): Promise<ShiftLedger> {
  return request({ path: '/volunteer/shifts' });
}

/** My open tasks (assigned, accepted, picked up), by building and door. */
export function listVolunteerTasks(): Promise<ParcelTaskView[]> {
  return request({ path: '/volunteer/tasks' });
}

export function acceptTask(id: number, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/tasks/${id}/accept`, idempotencyKey: key });
}

export function declineTask(id: number, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/tasks/${id}/decline`, idempotencyKey: key });
}

/** At the supply point: the parcel label's code, with the time it was scanned (scanning twice is fine). */
export function scanPickup(body: ScanRequest, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: '/volunteer/scan/pickup', body, idempotencyKey: key });
}

/** At the door: the resident's order QR, with the time it was scanned. */
export function scanDelivery(id: number, body: ScanRequest, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/tasks/${id}/deliver`, body, idempotencyKey: key });
}

/** Contactless: the parcel left at the door, with the uploaded photo of it there. */
export function leaveAtDoor(id: number, body: LeaveAtDoorRequest, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/tasks/${id}/leave`, body, idempotencyKey: key });
}

export function failTask(id: number, reason: FailureReason, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/tasks/${id}/fail`, body: { reason } satisfies FailRequest, idempotencyKey: key });
}

/** 已收款: I have the cash due at the door (once picked up; 409 NOTHING_TO_COLLECT when nothing is due). Twice is harmless. */
export function collectCash(id: number, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/tasks/${id}/collect`, idempotencyKey: key });
}

/**
 * The household's real number, to call, while the task is accepted or picked up (409
 * PHONE_NOT_AVAILABLE otherwise). Every ask is in the server's audit log.
 */
export function getTaskPhone(id: number, key?: string): Promise<TaskPhoneView> {
  return request({ method: 'POST', path: `/volunteer/tasks/${id}/phone`, idempotencyKey: key });
}

/** Unassigned parcels of the buildings I cover, to grab (see grabParcel; 409 PARCEL_TAKEN). */
export function listPool(): Promise<ParcelTaskView[]> {
  return request({ path: '/volunteer/pool' });
}

export function grabParcel(id: number, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/parcels/${id}/grab`, idempotencyKey: key });
}

// ---- volunteering: recruitment and squads --------------------------------------------------

/** Open recruitment posts of my community, each with my own sign-up. */
export function listVolunteerPosts(): Promise<VolunteerPostView[]> {
  return request({ path: '/volunteer-posts' });
}

export function signUpForPost(postId: number, body: SignupRequest, key?: string): Promise<VolunteerPostView> {
  return request({ method: 'POST', path: `/volunteer-posts/${postId}/signups`, body, idempotencyKey: key });
}

/** Withdraws my sign-up while it waits (409 SIGNUP_DECIDED once staff decided). */
export function withdrawSignup(postId: number, key?: string): Promise<VolunteerPostView> {
  return request({ method: 'POST', path: `/volunteer-posts/${postId}/withdraw`, idempotencyKey: key });
}

/** My squad; a leader also sees every member and their hours this week. */
export function getSquad(): Promise<SquadView> {
  return request({ path: '/volunteer/squad' });
}

// ---- staff: volunteers and dispatch --------------------------------------------------------

export function listVolunteers(): Promise<VolunteerRow[]> {
  return request({ path: '/staff/volunteers' });
}

export function setVolunteerCoverage(userId: number, body: VolunteerCoverageRequest, key?: string): Promise<DutyView> {
  return request({ method: 'PUT', path: `/staff/volunteers/${userId}`, body, idempotencyKey: key });
}

export function dispatchParcels(key?: string): Promise<DispatchResult> {
  return request({ method: 'POST', path: '/staff/parcels/dispatch', idempotencyKey: key });
}

// ---- staff: the parcel board ---------------------------------------------------------------

/** A page of the batch's parcels (or every parcel), by building and door, PAGE_SIZE_MAX to a page. */
export function listStaffParcels(batch: string | undefined, page = 1): Promise<Page<ParcelView>> {
  return request({ path: '/staff/parcels', query: { batch, page, pageSize: PAGE_SIZE_MAX } satisfies StaffParcelQuery });
}

/** Delivery as it happens: counts by state per building, late parcels, volunteers on duty. */
export function getDeliveryOverview(): Promise<DeliveryOverview> {
  return request({ path: '/staff/parcels/overview' });
}

/** One parcel with its timeline: each move, when, how (scan, app, dispatch, system) and by whom. */
export function getParcelDetail(id: number): Promise<ParcelDetail> {
  return request({ path: `/staff/parcels/${id}` });
}

/** A FAILED parcel back to the pool (READY) or to the supply point (RETURNED); a RETURNED one delivered again (READY). */
export function resolveParcel(id: number, to: ResolveTarget, key?: string): Promise<ParcelView> {
  return request({ method: 'POST', path: `/staff/parcels/${id}/resolve`, body: { to } satisfies ResolveRequest, idempotencyKey: key });
}

/**
 * A RETURNED parcel is given up, with the reason the household reads (2–200 characters): what it
 * carried (orders, medicine) is cancelled, stock goes back, paid money is refunded.
 */
export function cancelParcel(id: number, reason: string, key?: string): Promise<ParcelView> {
  return request({
    method: 'POST',
    path: `/staff/parcels/${id}/cancel`,
    body: { reason } satisfies CancelParcelRequest,
    idempotencyKey: key,
  });
}

/** Cash at the doors per volunteer: collected (已收款), delivered without 已收款, still in hand. */
export function listCashRows(): Promise<CashRow[]> {
  return request({ path: '/staff/parcels/cash' });
}

/** A parcel not yet picked up to this volunteer, or back to the pool (volunteerId null). */
export function assignParcel(id: number, body: AssignRequest, key?: string): Promise<ParcelView> {
  return request({ method: 'POST', path: `/staff/parcels/${id}/assign`, body, idempotencyKey: key });
}

/** Labels with QR codes, eight to an A4 page, of the batch (or every parcel not yet delivered). */
export function downloadParcelLabels(batch: string | undefined, onProgress?: OnDownloadProgress): Promise<void> {
  return downloadFile('/staff/parcels/labels.pdf', { batch } satisfies ParcelQuery, '包裹标签.pdf', onProgress);
}

/** Each volunteer's open parcels in door order, a page each. */
export function downloadVolunteerSheets(batch: string | undefined, onProgress?: OnDownloadProgress): Promise<void> {
  return downloadFile('/staff/parcels/volunteer-sheets.pdf', { batch } satisfies ParcelQuery, '志愿者配送单.pdf', onProgress);
}

// ---- staff: recruitment --------------------------------------------------------------------

/** Every recruitment post of the community, newest first (listVolunteerPosts: the open ones, for residents). */
export function listStaffVolunteerPosts(): Promise<VolunteerPostView[]> {
  return request({ path: '/staff/volunteer-posts' });
}

/** 400 VALIDATION_FAILED carries details.fields (field → Chinese message; see fieldErrors). */
export function createVolunteerPost(body: VolunteerPostRequest, key?: string): Promise<VolunteerPostView> {
  return request({ method: 'POST', path: '/staff/volunteer-posts', body, idempotencyKey: key });
}

export function closeVolunteerPost(id: number, key?: string): Promise<VolunteerPostView> {
  return request({ method: 'POST', path: `/staff/volunteer-posts/${id}/close`, idempotencyKey: key });
}

/** A post's sign-ups, waiting ones first. */
export function listPostSignups(postId: number): Promise<SignupView[]> {
  return request({ path: `/staff/volunteer-posts/${postId}/signups` });
}

/** The person becomes a volunteer in the post's squad; 409 POST_FULL or SIGNUP_DECIDED otherwise. */
export function approveSignup(id: number, key?: string): Promise<SignupView> {
  return request({ method: 'POST', path: `/staff/volunteer-signups/${id}/approve`, idempotencyKey: key });
}

export function rejectSignup(id: number, body: RejectSignupRequest, key?: string): Promise<SignupView> {
  return request({ method: 'POST', path: `/staff/volunteer-signups/${id}/reject`, body, idempotencyKey: key });
}
