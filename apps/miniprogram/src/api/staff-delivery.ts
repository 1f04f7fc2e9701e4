import type {
  AssignRequest,
  DeliveryOverview,
  ParcelDetail,
  ParcelView,
  RejectSignupRequest,
  ResolveTarget,
  SignupView,
  VolunteerPostRequest,
  VolunteerPostView,
} from '@linli/shared-types';
import { request } from './client';
import { downloadFile, type OnDownloadProgress } from './transfer';

/**
 * Staff delivery: adjusting parcels by hand, printing labels and volunteers' sheets, and
 * volunteer recruitment. One typed function per endpoint, like endpoints.ts; mutating ones
 * take the user action's Idempotency-Key.
 */

export type { DownloadProgress, OnDownloadProgress } from './transfer';

// ---- parcels -------------------------------------------------------------------------------

/** Delivery as it happens: counts by state per building, late parcels, volunteers on duty. */
export function getDeliveryOverview(): Promise<DeliveryOverview> {
  return request({ path: '/staff/parcels/overview' });
}

/** One parcel with its timeline: each move, when, how (scan, app, dispatch, system) and by whom. */
export function getParcelDetail(id: number): Promise<ParcelDetail> {
  return request({ path: `/staff/parcels/${id}` });
}

/** A FAILED parcel back to the pool (READY), or back to the supply point (RETURNED). */
export function resolveParcel(id: number, to: ResolveTarget, key?: string): Promise<ParcelView> {
  return request({ method: 'POST', path: `/staff/parcels/${id}/resolve`, body: { to }, idempotencyKey: key });
}

/** A parcel not yet picked up to this volunteer, or back to the pool (volunteerId null). */
export function assignParcel(id: number, body: AssignRequest, key?: string): Promise<ParcelView> {
  return request({ method: 'POST', path: `/staff/parcels/${id}/assign`, body, idempotencyKey: key });
}

/** Labels with QR codes, eight to an A4 page, of the batch (or every parcel not yet delivered). */
export function downloadParcelLabels(batch: string | undefined, onProgress?: OnDownloadProgress): Promise<void> {
  return downloadFile('/staff/parcels/labels.pdf', { batch }, '包裹标签.pdf', onProgress);
}

/** Each volunteer's open parcels in door order, a page each. */
export function downloadVolunteerSheets(batch: string | undefined, onProgress?: OnDownloadProgress): Promise<void> {
  return downloadFile('/staff/parcels/volunteer-sheets.pdf', { batch }, '志愿者配送单.pdf', onProgress);
}

// ---- recruitment ---------------------------------------------------------------------------

/** Every recruitment post of the community, newest first. */
export function listVolunteerPosts(): Promise<VolunteerPostView[]> {
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
