import type {
  ContestDetailView,
  ContestEntryRequest,
  ContestEntryView,
  ContestRequest,
  ContestResultsView,
  ContestView,
  MyContestEntryView,
  StaffContestDetailView,
  StaffContestEntryView,
  UpdateContestRequest,
  VoteView,
} from '@linli/shared-types';
import { request } from './client';

/** The server's contests (activities): residents enter and vote; staff open, moderate, judge and publish. */

export function listContests(): Promise<ContestView[]> {
  return request({ path: '/contests' });
}

export function getContest(id: number): Promise<ContestDetailView> {
  return request({ path: `/contests/${id}` });
}

export function getContestEntry(id: number): Promise<ContestEntryView | MyContestEntryView> {
  return request({ path: `/contest-entries/${id}` });
}

export function enterContest(contestId: number, body: ContestEntryRequest, key?: string): Promise<MyContestEntryView> {
  return request({ method: 'POST', path: `/contests/${contestId}/entries`, body, idempotencyKey: key });
}

export function voteForEntry(entryId: number, key?: string): Promise<VoteView> {
  return request({ method: 'POST', path: `/contest-entries/${entryId}/vote`, idempotencyKey: key });
}

export function getContestResults(id: number): Promise<ContestResultsView> {
  return request({ path: `/contests/${id}/results` });
}

export function listStaffContests(): Promise<ContestView[]> {
  return request({ path: '/staff/contests' });
}

export function getStaffContest(id: number): Promise<StaffContestDetailView> {
  return request({ path: `/staff/contests/${id}` });
}

export function createContest(body: ContestRequest, key?: string): Promise<ContestView> {
  return request({ method: 'POST', path: '/staff/contests', body, idempotencyKey: key });
}

export function updateContest(id: number, body: UpdateContestRequest, key?: string): Promise<ContestView> {
  return request({ method: 'PATCH', path: `/staff/contests/${id}`, body, idempotencyKey: key });
}

export function approveEntry(id: number, key?: string): Promise<StaffContestEntryView> {
  return request({ method: 'POST', path: `/staff/contest-entries/${id}/approve`, idempotencyKey: key });
}

export function rejectEntry(id: number, reason: string, key?: string): Promise<StaffContestEntryView> {
  return request({ method: 'POST', path: `/staff/contest-entries/${id}/reject`, body: { reason }, idempotencyKey: key });
}

export function scoreEntry(id: number, score: number, key?: string): Promise<StaffContestEntryView> {
  return request({ method: 'PUT', path: `/staff/contest-entries/${id}/score`, body: { score }, idempotencyKey: key });
}

export function publishContest(id: number, key?: string): Promise<ContestResultsView> {
  return request({ method: 'POST', path: `/staff/contests/${id}/publish`, idempotencyKey: key });
}
