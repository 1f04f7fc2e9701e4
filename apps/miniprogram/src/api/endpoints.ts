import type {
  AllocateRequest,
  AllocationView,
  BindingCodeResponse,
  BindingRequestView,
  BuildingView,
  CreateBindingRequest,
  CreateItemRequest,
  CreateSupplierRequest,
  CreateWindowRequest,
  DevLoginRequest,
  DispatchResult,
  DutyRequest,
  DutyView,
  FailureReason,
  ParcelSummary,
  ParcelTaskView,
  ParcelView,
  RateRequest,
  VolunteerCoverageRequest,
  VolunteerRow,
  DevUsersResponse,
  HouseholdQuery,
  HouseholdView,
  ImportResult,
  ItemView,
  LoginResponse,
  MeResponse,
  OrderQrView,
  OrderState,
  OrderView,
  PackResult,
  Page,
  PaymentCheck,
  PaymentParams,
  PlaceOrderRequest,
  ProxyOrderRequest,
  RegisterRequest,
  RegistrationView,
  RejectBindingRequest,
  ScanRequest,
  StaffBindingQuery,
  SupplierView,
  UpsertHouseholdRequest,
  WechatLoginRequest,
  WindowStats,
  WindowStatus,
  WindowView,
} from '@linli/shared-types';
import { request, type Query } from './client';
import { downloadFile, uploadFile, type PickedFile } from './transfer';

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

// ---- ordering (resident) -------------------------------------------------------------------

/** Windows serving my household that have not ended. */
export function listWindows(): Promise<WindowView[]> {
  return request({ path: '/windows' });
}

export function getWindow(id: number): Promise<WindowView> {
  return request({ path: `/windows/${id}` });
}

export function placeOrder(body: PlaceOrderRequest, key?: string): Promise<OrderView> {
  return request({ method: 'POST', path: '/orders', body, idempotencyKey: key });
}

export function listMyOrders(): Promise<OrderView[]> {
  return request({ path: '/orders/mine' });
}

export function getOrder(id: number): Promise<OrderView> {
  return request({ path: `/orders/${id}` });
}

export function cancelOrder(id: number, key?: string): Promise<OrderView> {
  return request({ method: 'POST', path: `/orders/${id}/cancel`, idempotencyKey: key });
}

/** The hand-over code of a CONFIRMED or PACKED order (409 ORDER_NOT_ACTIVE otherwise). */
export function getOrderQr(id: number): Promise<OrderQrView> {
  return request({ path: `/orders/${id}/qr` });
}

/** What Taro.requestPayment needs for a PENDING_PAYMENT order; success there is not proof of payment. */
export function getPaymentParams(id: number, key?: string): Promise<PaymentParams> {
  return request({ method: 'POST', path: `/orders/${id}/pay`, idempotencyKey: key });
}

/**
 * After the app's payment: the server asks WeChat Pay itself when its notification has not
 * arrived yet, and answers the order's state.
 */
export function checkPayment(id: number): Promise<PaymentCheck<OrderState>> {
  return request({ method: 'POST', path: `/orders/${id}/pay/check` });
}

// ---- fair share: registration and lottery --------------------------------------------------

/** Register (or change) my household's wish on an open fair-share window. */
export function putRegistration(windowId: number, body: RegisterRequest, key?: string): Promise<RegistrationView> {
  return request({ method: 'PUT', path: `/windows/${windowId}/registration`, body, idempotencyKey: key });
}

/** My household's registration; 404 REGISTRATION_NOT_FOUND when it has not registered. */
export function getRegistration(windowId: number): Promise<RegistrationView> {
  return request({ path: `/windows/${windowId}/registration` });
}

export function withdrawRegistration(windowId: number, key?: string): Promise<RegistrationView> {
  return request({ method: 'POST', path: `/windows/${windowId}/registration/withdraw`, idempotencyKey: key });
}

/** The published draw; 404 NOT_ALLOCATED before it. Doors are masked for residents. */
export function getAllocation(windowId: number): Promise<AllocationView> {
  return request({ path: `/windows/${windowId}/allocation` });
}

/** Staff: run the lottery of a closed fair-share window. */
export function allocateWindow(windowId: number, body: AllocateRequest, key?: string): Promise<AllocationView> {
  return request({ method: 'POST', path: `/staff/windows/${windowId}/allocate`, body, idempotencyKey: key });
}

// ---- ordering (staff) ----------------------------------------------------------------------

export function listSuppliers(): Promise<SupplierView[]> {
  return request({ path: '/staff/suppliers' });
}

export function createSupplier(body: CreateSupplierRequest, key?: string): Promise<SupplierView> {
  return request({ method: 'POST', path: '/staff/suppliers', body, idempotencyKey: key });
}

export function listItems(): Promise<ItemView[]> {
  return request({ path: '/staff/items' });
}

export function createItem(body: CreateItemRequest, key?: string): Promise<ItemView> {
  return request({ method: 'POST', path: '/staff/items', body, idempotencyKey: key });
}

export function listStaffWindows(): Promise<WindowView[]> {
  return request({ path: '/staff/windows' });
}

export function createWindow(body: CreateWindowRequest, key?: string): Promise<WindowView> {
  return request({ method: 'POST', path: '/staff/windows', body, idempotencyKey: key });
}

export function setWindowStatus(id: number, status: WindowStatus, key?: string): Promise<WindowView> {
  return request({ method: 'POST', path: `/staff/windows/${id}/status`, body: { status }, idempotencyKey: key });
}

export function getWindowStats(id: number): Promise<WindowStats> {
  return request({ path: `/staff/windows/${id}/stats` });
}

/** Packs every confirmed order; `parcels` is how many parcels were made for delivery. */
export function packWindow(id: number, key?: string): Promise<PackResult> {
  return request({ method: 'POST', path: `/staff/windows/${id}/pack`, idempotencyKey: key });
}

export function placeProxyOrder(body: ProxyOrderRequest, key?: string): Promise<OrderView> {
  return request({ method: 'POST', path: '/staff/orders', body, idempotencyKey: key });
}

/** The window's pick lists (one per building) as a printable PDF. */
export function downloadPickListsPdf(windowId: number): Promise<void> {
  return downloadFile(`/staff/windows/${windowId}/pick-lists.pdf`, {}, `拣货单-${windowId}.pdf`);
}

/** The window's pick lists as an Excel sheet. */
export function downloadPickListsXlsx(windowId: number): Promise<void> {
  return downloadFile(`/staff/windows/${windowId}/pick-lists.xlsx`, {}, `拣货单-${windowId}.xlsx`);
}

/** Every order of the window as an Excel sheet. */
export function downloadWindowOrdersXlsx(windowId: number): Promise<void> {
  return downloadFile(`/staff/windows/${windowId}/orders.xlsx`, {}, `订单-${windowId}.xlsx`);
}

// ---- delivery: parcels and volunteers ------------------------------------------------------

/** The resident rates a DELIVERED parcel of their household, once (409 ALREADY_RATED). */
export function rateParcel(parcelId: number, body: RateRequest, key?: string): Promise<ParcelSummary> {
  return request({ method: 'POST', path: `/parcels/${parcelId}/rating`, body, idempotencyKey: key });
}

/** The volunteer's duty as the server has it (the switch on any phone). */
export function getDuty(): Promise<DutyView> {
  return request({ path: '/volunteer/duty' });
}

export function setDuty(body: DutyRequest, key?: string): Promise<DutyView> {
  return request({ method: 'PUT', path: '/volunteer/duty', body, idempotencyKey: key });
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

export function failTask(id: number, reason: FailureReason, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/tasks/${id}/fail`, body: { reason }, idempotencyKey: key });
}

export function grabParcel(id: number, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/parcels/${id}/grab`, idempotencyKey: key });
}

export function listVolunteers(): Promise<VolunteerRow[]> {
  return request({ path: '/staff/volunteers' });
}

export function setVolunteerCoverage(userId: number, body: VolunteerCoverageRequest, key?: string): Promise<DutyView> {
  return request({ method: 'PUT', path: `/staff/volunteers/${userId}`, body, idempotencyKey: key });
}

export function dispatchParcels(key?: string): Promise<DispatchResult> {
  return request({ method: 'POST', path: '/staff/parcels/dispatch', idempotencyKey: key });
}

export function listStaffParcels(batch?: string): Promise<ParcelView[]> {
  return request({ path: '/staff/parcels', query: { batch } });
}

// ---- volunteering: offline scans, contactless delivery, the pool, squads, recruitment -------

import type {
  FilePurpose,
  FileView,
  LeaveAtDoorRequest,
  ShiftLedger,
  SignupRequest,
  SquadView,
  VolunteerPostView,
} from '@linli/shared-types';

/** At the supply point: the parcel label's code, with the time it was scanned. */
export function scanPickup(body: ScanRequest, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: '/volunteer/scan/pickup', body, idempotencyKey: key });
}

/** At the door: the resident's order QR, with the time it was scanned. */
export function scanDelivery(id: number, body: ScanRequest, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/tasks/${id}/deliver`, body, idempotencyKey: key });
}

/** A photo (JPEG, PNG or WebP, 5 MB at most; 415 FILE_NOT_IMAGE, 413 PHOTO_TOO_LARGE). */
export function uploadPhoto(file: PickedFile, purpose: FilePurpose, key?: string): Promise<FileView> {
  return uploadFile('/files', file, key, { purpose });
}

/** Contactless: the parcel left at the door, with the uploaded photo of it there. */
export function leaveAtDoor(id: number, body: LeaveAtDoorRequest, key?: string): Promise<ParcelTaskView> {
  return request({ method: 'POST', path: `/volunteer/tasks/${id}/leave`, body, idempotencyKey: key });
}

/** Unassigned parcels of the buildings I cover, to grab (see grabParcel; 409 PARCEL_TAKEN). */
export function listPool(): Promise<ParcelTaskView[]> {
  return request({ path: '/volunteer/pool' });
}

/** My squad; a leader also sees every member and their hours this week. */
export function getSquad(): Promise<SquadView> {
  return request({ path: '/volunteer/squad' });
}

/** My own hours on duty. */
export function getShifts(): Promise<ShiftLedger> {
  return request({ path: '/volunteer/shifts' });
}

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

/** The household confirms a contactless parcel is in their hands. */
export function confirmParcel(parcelId: number, key?: string): Promise<ParcelSummary> {
  return request({ method: 'POST', path: `/parcels/${parcelId}/confirm`, idempotencyKey: key });
}

/** The household says the contactless parcel is not at their door. */
export function reportParcelMissing(parcelId: number, key?: string): Promise<ParcelSummary> {
  return request({ method: 'POST', path: `/parcels/${parcelId}/missing`, idempotencyKey: key });
}
