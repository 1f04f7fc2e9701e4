import type {
  BindingCodeResponse,
  BindingRequestView,
  BindingState,
  BuildingView,
  CreateBindingRequest,
  DevLoginRequest,
  DevUsersResponse,
  HouseholdQuery,
  HouseholdView,
  ImportResult,
  LoginResponse,
  MeResponse,
  Page,
  RejectBindingRequest,
  UpsertHouseholdRequest,
  WechatLoginRequest,
} from '@linli/shared-types';
import { request, type Query } from './client';
import { downloadFile, uploadFile, type PickedFile } from './files';

/** One typed function per endpoint. Mutating ones take the user action's Idempotency-Key. */

// ---- auth and me ---------------------------------------------------------------------------

export function getDevUsers(): Promise<DevUsersResponse> {
  return request({ path: '/auth/dev-users' });
}

export function devLogin(body: DevLoginRequest, key?: string): Promise<LoginResponse> {
  return request({ method: 'POST', path: '/auth/dev', body, idempotencyKey: key });
}

export function wechatLogin(body: WechatLoginRequest, key?: string): Promise<LoginResponse> {
  return request({ method: 'POST', path: '/auth/wechat', body, idempotencyKey: key });
}

export function getMe(): Promise<MeResponse> {
  return request({ path: '/me' });
}

// ---- community and binding -----------------------------------------------------------------

export function getBuildings(): Promise<BuildingView[]> {
  return request({ path: '/community/buildings' });
}

export function createBinding(body: CreateBindingRequest, key?: string): Promise<BindingRequestView> {
  return request({ method: 'POST', path: '/bindings', body, idempotencyKey: key });
}

export function cancelBinding(id: number, key?: string): Promise<BindingRequestView> {
  return request({ method: 'POST', path: `/bindings/${id}/cancel`, idempotencyKey: key });
}

// ---- staff: binding review -----------------------------------------------------------------

/** Local addition: the query of GET /api/staff/bindings (no state = all). */
export interface StaffBindingQuery {
  state?: BindingState;
}

export function listStaffBindings(query: StaffBindingQuery): Promise<BindingRequestView[]> {
  return request({ path: '/staff/bindings', query: { state: query.state } });
}

export function approveBinding(id: number, key?: string): Promise<BindingRequestView> {
  return request({ method: 'POST', path: `/staff/bindings/${id}/approve`, idempotencyKey: key });
}

export function rejectBinding(id: number, body: RejectBindingRequest, key?: string): Promise<BindingRequestView> {
  return request({ method: 'POST', path: `/staff/bindings/${id}/reject`, body, idempotencyKey: key });
}

// ---- staff: households ---------------------------------------------------------------------

function householdQuery(query: HouseholdQuery): Query {
  return {
    buildingId: query.buildingId,
    room: query.room,
    tag: query.tag,
    q: query.q,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export function listHouseholds(query: HouseholdQuery): Promise<Page<HouseholdView>> {
  return request({ path: '/staff/households', query: householdQuery(query) });
}

export function getHousehold(id: number): Promise<HouseholdView> {
  return request({ path: `/staff/households/${id}` });
}

export function createHousehold(body: UpsertHouseholdRequest, key?: string): Promise<HouseholdView> {
  return request({ method: 'POST', path: '/staff/households', body, idempotencyKey: key });
}

export function updateHousehold(id: number, body: UpsertHouseholdRequest, key?: string): Promise<HouseholdView> {
  return request({ method: 'PATCH', path: `/staff/households/${id}`, body, idempotencyKey: key });
}

export function createBindingCode(householdId: number, key?: string): Promise<BindingCodeResponse> {
  return request({ method: 'POST', path: `/staff/households/${householdId}/binding-code`, idempotencyKey: key });
}

/** All rows or none: a 422 IMPORT_INVALID carries details.errors (see importRowErrors). */
export function importHouseholds(file: PickedFile, key?: string): Promise<ImportResult> {
  return uploadFile('/staff/households/import', file, key);
}

/** The households matching the list's filters, as 住户.xlsx. */
export function exportHouseholds(query: Omit<HouseholdQuery, 'page' | 'pageSize'>): Promise<void> {
  return downloadFile('/staff/households/export', householdQuery(query), '住户.xlsx');
}
