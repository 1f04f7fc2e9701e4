import type { NoticeReadStats, NoticeRequest, NoticeSummary, NoticeView, StaffNoticeView, UpdateNoticeRequest } from '@linli/shared-types';
import { request } from './client';

/** The server's notices module: residents read their building's notices; staff post, edit, withdraw and follow reads. */

export function listNotices(): Promise<NoticeView[]> {
  return request({ path: '/notices' });
}

export function getNoticeSummary(): Promise<NoticeSummary> {
  return request({ path: '/notices/summary' });
}

/** Opening a notice: it becomes read for the household (once, however often). */
export function openNotice(id: number, key?: string): Promise<NoticeView> {
  return request({ method: 'POST', path: `/notices/${id}/read`, idempotencyKey: key });
}

export function listStaffNotices(): Promise<StaffNoticeView[]> {
  return request({ path: '/staff/notices' });
}

export function getStaffNotice(id: number): Promise<StaffNoticeView> {
  return request({ path: `/staff/notices/${id}` });
}

export function createNotice(body: NoticeRequest, key?: string): Promise<StaffNoticeView> {
  return request({ method: 'POST', path: '/staff/notices', body, idempotencyKey: key });
}

export function updateNotice(id: number, body: UpdateNoticeRequest, key?: string): Promise<StaffNoticeView> {
  return request({ method: 'PATCH', path: `/staff/notices/${id}`, body, idempotencyKey: key });
}

export function withdrawNotice(id: number, key?: string): Promise<StaffNoticeView> {
  return request({ method: 'POST', path: `/staff/notices/${id}/withdraw`, idempotencyKey: key });
}

export function getNoticeReads(id: number): Promise<NoticeReadStats> {
  return request({ path: `/staff/notices/${id}/reads` });
}
