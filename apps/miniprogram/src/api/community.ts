import type {
  AddDoorsRequest,
  AddDoorsResult,
  BindingCodeResponse,
  BindingRequestView,
  BuildingView,
  ChooseCommunityRequest,
  CommunityView,
  CreateBindingRequest,
  CreateBuildingRequest,
  HouseholdQuery,
  HouseholdView,
  ImportResult,
  MeResponse,
  Page,
  RejectBindingRequest,
  RenameZoneRequest,
  StaffBindingQuery,
  StaffBuildingView,
  UpdateBuildingRequest,
  UpdatePreferencesRequest,
  UpsertHouseholdRequest,
  ZoneView,
} from '@linli/shared-types';
import { request, type Query } from './client';
import { downloadFile, uploadFile, type PickedFile } from './transfer';

/** The server's community module: who I am, buildings, binding a resident to a household, staff's households. */

export function getMe(): Promise<MeResponse> {
  return request({ path: '/me' });
}

export function getBuildings(): Promise<BuildingView[]> {
  return request({ path: '/community/buildings' });
}

/** Communities by (part of) their name, for a newcomer choosing theirs. */
export function searchCommunities(q: string): Promise<CommunityView[]> {
  return request({ path: '/communities', query: q ? { q } : {} });
}

/** Act in this community from now on (a poster's, one found by name, the switcher). */
/** 长辈模式 on or off for me; null follows my household's default again. Answers with the new MeResponse. */
export function updatePreferences(body: UpdatePreferencesRequest, key?: string): Promise<MeResponse> {
  return request({ method: 'PUT', path: '/me/preferences', body, idempotencyKey: key });
}

export function chooseCommunity(communityId: number, key?: string): Promise<MeResponse> {
  return request({ method: 'PUT', path: '/me/community', body: { communityId } satisfies ChooseCommunityRequest, idempotencyKey: key });
}

// ---- binding -------------------------------------------------------------------------------

export function createBinding(body: CreateBindingRequest, key?: string): Promise<BindingRequestView> {
  return request({ method: 'POST', path: '/bindings', body, idempotencyKey: key });
}

export function cancelBinding(id: number, key?: string): Promise<BindingRequestView> {
  return request({ method: 'POST', path: `/bindings/${id}/cancel`, idempotencyKey: key });
}

// ---- staff: binding review -----------------------------------------------------------------

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

// ---- staff: buildings, units, zones and doors ----------------------------------------------

export function listStaffBuildings(): Promise<StaffBuildingView[]> {
  return request({ path: '/staff/buildings' });
}

export function createBuilding(body: CreateBuildingRequest, key?: string): Promise<StaffBuildingView> {
  return request({ method: 'POST', path: '/staff/buildings', body, idempotencyKey: key });
}

export function updateBuilding(id: number, body: UpdateBuildingRequest, key?: string): Promise<StaffBuildingView> {
  return request({ method: 'PATCH', path: `/staff/buildings/${id}`, body, idempotencyKey: key });
}

/** Refused (409 BUILDING_HAS_HOUSEHOLDS, with the count in its message) while households live there. */
export function deleteBuilding(id: number, key?: string): Promise<void> {
  return request({ method: 'DELETE', path: `/staff/buildings/${id}`, idempotencyKey: key });
}

/** Doors of one unit: listed rooms, or floors × doors per floor (101…604). */
export function addDoors(buildingId: number, body: AddDoorsRequest, key?: string): Promise<AddDoorsResult> {
  return request({ method: 'POST', path: `/staff/buildings/${buildingId}/households`, body, idempotencyKey: key });
}

export function listZones(): Promise<ZoneView[]> {
  return request({ path: '/staff/zones' });
}

export function renameZone(body: RenameZoneRequest, key?: string): Promise<ZoneView[]> {
  return request({ method: 'POST', path: '/staff/zones/rename', body, idempotencyKey: key });
}
