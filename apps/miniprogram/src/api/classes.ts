import type {
  ClassReplayRequest,
  ClassRequest,
  ClassSignupsView,
  ClassView,
  ProxyClassSignupRequest,
  StaffClassView,
  UpdateClassRequest,
} from '@linli/shared-types';
import { request } from './client';

/** The server's classes: residents sign their household up (or join the waiting list); staff schedule and follow sign-ups. */

export function listClasses(): Promise<ClassView[]> {
  return request({ path: '/classes' });
}

export function getClass(id: number): Promise<ClassView> {
  return request({ path: `/classes/${id}` });
}

/** 报名; `waitlist` joins the waiting list of a full class (「排队候补」). */
export function signUpForClass(id: number, waitlist: boolean, key?: string): Promise<ClassView> {
  return request({ method: 'POST', path: `/classes/${id}/signup`, body: waitlist ? { waitlist: true } : {}, idempotencyKey: key });
}

export function cancelClassSignup(id: number, key?: string): Promise<ClassView> {
  return request({ method: 'POST', path: `/classes/${id}/cancel`, idempotencyKey: key });
}

export function listStaffClasses(): Promise<StaffClassView[]> {
  return request({ path: '/staff/classes' });
}

export function getStaffClass(id: number): Promise<StaffClassView> {
  return request({ path: `/staff/classes/${id}` });
}

export function createClass(body: ClassRequest, key?: string): Promise<StaffClassView> {
  return request({ method: 'POST', path: '/staff/classes', body, idempotencyKey: key });
}

export function updateClass(id: number, body: UpdateClassRequest, key?: string): Promise<StaffClassView> {
  return request({ method: 'PATCH', path: `/staff/classes/${id}`, body, idempotencyKey: key });
}

export function cancelClass(id: number, key?: string): Promise<StaffClassView> {
  return request({ method: 'POST', path: `/staff/classes/${id}/cancel`, idempotencyKey: key });
}

export function setClassReplay(id: number, body: ClassReplayRequest, key?: string): Promise<StaffClassView> {
  return request({ method: 'POST', path: `/staff/classes/${id}/replay`, body, idempotencyKey: key });
}

export function markClassDone(id: number, key?: string): Promise<StaffClassView> {
  return request({ method: 'POST', path: `/staff/classes/${id}/done`, idempotencyKey: key });
}

export function getClassSignups(id: number): Promise<ClassSignupsView> {
  return request({ path: `/staff/classes/${id}/signups` });
}

export function proxyClassSignup(id: number, body: ProxyClassSignupRequest, key?: string): Promise<ClassSignupsView> {
  return request({ method: 'POST', path: `/staff/classes/${id}/signups`, body, idempotencyKey: key });
}

export function proxyCancelClassSignup(id: number, householdId: number, key?: string): Promise<ClassSignupsView> {
  return request({ method: 'POST', path: `/staff/classes/${id}/signups/${householdId}/cancel`, idempotencyKey: key });
}

// ---- for a household I act for (staff, its grid worker, its 家属) ---------------------------

/** The household's class list, as its members see it. */
export function listClassesFor(householdId: number): Promise<ClassView[]> {
  return request({ path: `/proxy/households/${householdId}/classes` });
}

/** 代报名; `waitlist` joins the waiting list of a full class. The household is told who did. */
export function signUpClassFor(id: number, householdId: number, waitlist: boolean, key?: string): Promise<ClassView> {
  const body: ProxyClassSignupRequest = waitlist ? { householdId, waitlist: true } : { householdId };
  return request({ method: 'POST', path: `/proxy/classes/${id}/signups`, body, idempotencyKey: key });
}

export function cancelClassFor(id: number, householdId: number, key?: string): Promise<ClassView> {
  return request({ method: 'POST', path: `/proxy/classes/${id}/signups/${householdId}/cancel`, idempotencyKey: key });
}
