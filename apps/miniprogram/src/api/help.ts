import type {
  BuildingTeamView,
  CancelHelpRequest,
  ConfirmHelpRequest,
  CreateHelpRequest,
  HelpBoardPage,
  HelpDeadline,
  HelpDetail,
  HelpHistory,
  HelpInboxPage,
  HelpReplyRequest,
  MergeHelpRequest,
  MyHelpPage,
  MyTeamView,
  RateHelpRequest,
  ReassignHelpRequest,
  ReopenHelpRequest,
  ResolveHelpRequest,
  SetHelpDeadlinesRequest,
  SetTeamMemberRequest,
  TeamCandidate,
  TeamsOverview,
} from '@linli/shared-types';
import type { FileView } from '@linli/shared-types';
import { request } from './client';
import { uploadFile, type PickedFile } from './transfer';

/**
 * The server's help module (issue 17): a household asks for help, its team of five (or a
 * counsellor) answers in a thread within the deadline; staff manage teams and deadlines and
 * watch the board. Pictures: uploadPhoto with purpose `help` (files.ts).
 */

// ---- the household ---------------------------------------------------------------------------

/** Who looks after my household: names and phones, to call. */
export function getMyHelpTeam(): Promise<MyTeamView> {
  return request({ path: '/me/help-team' });
}

/** Asks for help (for my household; staff or a team member with `householdId`: by proxy). */
export function createHelpRequest(body: CreateHelpRequest, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: '/help', body, idempotencyKey: key });
}

/** My household's requests, newest first. */
export function listMyHelpRequests(page = 1, pageSize = 50): Promise<MyHelpPage> {
  return request({ path: '/help/mine', query: { page, pageSize } });
}

export type HelpInboxTab = 'open' | 'mine' | 'done';

/** Requests I am a responder for, overdue first. */
export function listHelpInbox(state: HelpInboxTab, page = 1, pageSize = 100): Promise<HelpInboxPage> {
  return request({ path: '/help/inbox', query: { state, page, pageSize } });
}

/** One request: the thread and what I may do now (`actions`). */
export function getHelpRequest(id: number): Promise<HelpDetail> {
  return request({ path: `/help/${id}` });
}

export function replyHelp(id: number, body: HelpReplyRequest, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: `/help/${id}/messages`, body, idempotencyKey: key });
}

/** 接单: the request becomes mine. */
export function takeHelp(id: number, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: `/help/${id}/take`, idempotencyKey: key });
}

/** 放弃: back to the team. */
export function releaseHelp(id: number, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: `/help/${id}/release`, idempotencyKey: key });
}

export function resolveHelp(id: number, body: ResolveHelpRequest, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: `/help/${id}/resolve`, body, idempotencyKey: key });
}

export function confirmHelp(id: number, body: ConfirmHelpRequest, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: `/help/${id}/confirm`, body, idempotencyKey: key });
}

export function reopenHelp(id: number, body: ReopenHelpRequest, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: `/help/${id}/reopen`, body, idempotencyKey: key });
}

export function rateHelp(id: number, body: RateHelpRequest, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: `/help/${id}/rate`, body, idempotencyKey: key });
}

export function cancelHelp(id: number, body: CancelHelpRequest, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: `/help/${id}/cancel`, body, idempotencyKey: key });
}

// ---- staff and supervisors -------------------------------------------------------------------

export type HelpBoardTab = 'open' | 'overdue' | 'done';

/** The community's board: escalated and overdue first. */
export function listHelpBoard(state: HelpBoardTab, buildingId?: number, page = 1, pageSize = 100): Promise<HelpBoardPage> {
  return request({ path: '/staff/help', query: { state, buildingId, page, pageSize } });
}

/** Every step of a request (audit). */
export function getHelpHistory(id: number): Promise<HelpHistory> {
  return request({ path: `/staff/help/${id}/history` });
}

export function reassignHelp(id: number, body: ReassignHelpRequest, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: `/staff/help/${id}/reassign`, body, idempotencyKey: key });
}

export function mergeHelp(id: number, body: MergeHelpRequest, key?: string): Promise<HelpDetail> {
  return request({ method: 'POST', path: `/staff/help/${id}/merge`, body, idempotencyKey: key });
}

export function getHelpTeams(): Promise<TeamsOverview> {
  return request({ path: '/staff/help/teams' });
}

export function getBuildingHelpTeam(buildingId: number): Promise<BuildingTeamView> {
  return request({ path: '/staff/help/teams', query: { buildingId } });
}

/** Puts a person in a role (or takes the role away with `userId: null`). */
export function setHelpTeamMember(body: SetTeamMemberRequest, key?: string): Promise<unknown> {
  return request({ method: 'PUT', path: '/staff/help/teams', body, idempotencyKey: key });
}

export function searchTeamCandidates(q: string): Promise<TeamCandidate[]> {
  return request({ path: '/staff/help/team-candidates', query: { q } });
}

/** The community's deadlines, every category × urgency. */
export async function getHelpDeadlines(): Promise<HelpDeadline[]> {
  const answer = await request<HelpDeadline[] | SetHelpDeadlinesRequest>({ path: '/staff/help/deadlines' });
  return Array.isArray(answer) ? answer : answer.deadlines;
}

export async function setHelpDeadlines(body: SetHelpDeadlinesRequest, key?: string): Promise<HelpDeadline[]> {
  const answer = await request<HelpDeadline[] | SetHelpDeadlinesRequest>({
    method: 'PUT',
    path: '/staff/help/deadlines',
    body,
    idempotencyKey: key,
  });
  return Array.isArray(answer) ? answer : answer.deadlines;
}

/** A picture for a request or a reply (purpose `help`; JPEG, PNG or WebP, 5 MB at most). */
export function uploadHelpPhoto(file: PickedFile, key?: string): Promise<FileView> {
  return uploadFile('/files', file, key, { purpose: 'help' });
}
