import type {
  AcceptQuoteBody,
  CannotBuyBody,
  JoinPharmacyBody,
  MedicineListQuery,
  MedicineRequestBody,
  MedicineRequestView,
  MedicineState,
  MoveRequestBody,
  PaymentCheck,
  PaymentParams,
  PharmacistInvite,
  PharmacyBody,
  PharmacyView,
  ProxyMedicineRequestBody,
  PurchaseBody,
  QuoteBody,
  RejectMedicineBody,
} from '@linli/shared-types';
import { request } from './client';

/**
 * The server's pharmacy module, medicine bought on a household's behalf: the household's
 * requests and answers to quotes; the pharmacist's joining, queue, quotes and purchases; staff's
 * pharmacies and overview. (Photos: uploadPhoto with purpose `prescription`, uploadReceipt; files.ts.)
 */

// ---- the household -------------------------------------------------------------------------

/** A request for my household (400 PRESCRIPTION_PHOTO_REQUIRED without a photo for 处方药). */
export function submitMedicineRequest(body: MedicineRequestBody, key?: string): Promise<MedicineRequestView> {
  return request({ method: 'POST', path: '/medicine-requests', body, idempotencyKey: key });
}

/** My household's requests, newest first. */
export function listMyMedicineRequests(): Promise<MedicineRequestView[]> {
  return request({ path: '/medicine-requests' });
}

/** One request (mine; staff see any of their community's). */
export function getMedicineRequest(id: number): Promise<MedicineRequestView> {
  return request({ path: `/medicine-requests/${id}` });
}

/** Takes the chosen quoted items (400 NOTHING_TO_ACCEPT when none is available). */
export function acceptMedicineQuote(id: number, itemIds: number[], key?: string): Promise<MedicineRequestView> {
  return request({
    method: 'POST',
    path: `/medicine-requests/${id}/accept`,
    body: { itemIds } satisfies AcceptQuoteBody,
    idempotencyKey: key,
  });
}

/** 都不要了: declines the whole quote. */
export function declineMedicineQuote(id: number, key?: string): Promise<MedicineRequestView> {
  return request({ method: 'POST', path: `/medicine-requests/${id}/decline`, idempotencyKey: key });
}

/** Cancels a request while the server offers CANCELLED (unquoted, awaiting payment, confirmed, or not buyable); paid money goes back. */
export function cancelMedicineRequest(id: number, key?: string): Promise<MedicineRequestView> {
  return request({ method: 'POST', path: `/medicine-requests/${id}/cancel`, idempotencyKey: key });
}

/** What Taro.requestPayment needs for an accepted quote awaiting WeChat Pay. */
export function payMedicineRequest(id: number, key?: string): Promise<PaymentParams> {
  return request({ method: 'POST', path: `/medicine-requests/${id}/pay`, idempotencyKey: key });
}

/** After the app's payment: the server asks WeChat Pay itself when the notification is late. */
export function checkMedicinePayment(id: number): Promise<PaymentCheck<MedicineState>> {
  return request({ method: 'POST', path: `/medicine-requests/${id}/pay/check` });
}

/** 再买一次 (慢性病续药): a new request with the same items and photos. */
export function repeatMedicineRequest(id: number, key?: string): Promise<MedicineRequestView> {
  return request({ method: 'POST', path: `/medicine-requests/${id}/repeat`, idempotencyKey: key });
}

// ---- the pharmacist ------------------------------------------------------------------------

/** With the 8-character code staff generated: the person becomes a pharmacist of that pharmacy. */
export function joinPharmacy(code: string, key?: string): Promise<PharmacyView> {
  return request({ method: 'POST', path: '/pharmacy/join', body: { code } satisfies JoinPharmacyBody, idempotencyKey: key });
}

/** The pharmacy I work for (403 NOT_A_PHARMACIST otherwise). */
export function getMyPharmacy(): Promise<PharmacyView> {
  return request({ path: '/pharmacy/me' });
}

/** My pharmacy's open requests, most urgent first; or (finished) the done ones. */
export function listPharmacyRequests(finished = false): Promise<MedicineRequestView[]> {
  return request({ path: '/pharmacy/requests', query: { show: finished ? 'finished' : undefined } satisfies MedicineListQuery });
}

export function getPharmacyRequest(id: number): Promise<MedicineRequestView> {
  return request({ path: `/pharmacy/requests/${id}` });
}

/** Every item quoted (approves any prescription); 400 VALIDATION_FAILED names `items.N.field`. */
export function quoteRequest(id: number, body: QuoteBody, key?: string): Promise<MedicineRequestView> {
  return request({ method: 'POST', path: `/pharmacy/requests/${id}/quote`, body, idempotencyKey: key });
}

/** 不能受理, with a reason (2–200 characters) the resident reads. */
export function rejectRequest(id: number, body: RejectMedicineBody, key?: string): Promise<MedicineRequestView> {
  return request({ method: 'POST', path: `/pharmacy/requests/${id}/reject`, body, idempotencyKey: key });
}

/** 买不到: a CONFIRMED request the pharmacy cannot buy, with a reason (2–200 characters) the resident reads; paid money goes back. */
export function cannotBuyRequest(id: number, body: CannotBuyBody, key?: string): Promise<MedicineRequestView> {
  return request({ method: 'POST', path: `/pharmacy/requests/${id}/cannot-buy`, body, idempotencyKey: key });
}

/** Bought, with the receipt: the request becomes a parcel for delivery. */
export function purchaseRequest(id: number, body: PurchaseBody, key?: string): Promise<MedicineRequestView> {
  return request({ method: 'POST', path: `/pharmacy/requests/${id}/purchase`, body, idempotencyKey: key });
}

// ---- staff ---------------------------------------------------------------------------------

export function listPharmacies(): Promise<PharmacyView[]> {
  return request({ path: '/staff/pharmacies' });
}

/** 400 VALIDATION_FAILED with details.fields (name, address, hours, phone…). */
export function createPharmacy(body: PharmacyBody, key?: string): Promise<PharmacyView> {
  return request({ method: 'POST', path: '/staff/pharmacies', body, idempotencyKey: key });
}

export function updatePharmacy(id: number, body: PharmacyBody, key?: string): Promise<PharmacyView> {
  return request({ method: 'PUT', path: `/staff/pharmacies/${id}`, body, idempotencyKey: key });
}

/** A one-time code (7 days) the pharmacist enters in the app to join this pharmacy. */
export function invitePharmacist(id: number, key?: string): Promise<PharmacistInvite> {
  return request({ method: 'POST', path: `/staff/pharmacies/${id}/invite`, idempotencyKey: key });
}

/** Open requests of the community, overdue ones first (or only those). */
export function listStaffMedicineRequests(overdueOnly: boolean): Promise<MedicineRequestView[]> {
  return request({ path: '/staff/medicine-requests', query: { show: overdueOnly ? 'overdue' : undefined } satisfies MedicineListQuery });
}

/** 代登记: a request for a household without a smartphone (body.householdId set). */
export function submitProxyMedicineRequest(body: ProxyMedicineRequestBody, key?: string): Promise<MedicineRequestView> {
  // Staff, the household's grid worker or its 家属: the server decides who may act for it.
  return request({ method: 'POST', path: '/proxy/medicine-requests', body, idempotencyKey: key });
}

/**
 * Hands a request to another pharmacy: an unquoted one moves there with a fresh deadline; one the
 * pharmacy could not buy (CANNOT_BUY) is closed and a fresh request is made there — the answer is
 * the request at the new pharmacy.
 */
export function moveMedicineRequest(id: number, pharmacyId: number, key?: string): Promise<MedicineRequestView> {
  return request({
    method: 'POST',
    path: `/staff/medicine-requests/${id}/move`,
    body: { pharmacyId } satisfies MoveRequestBody,
    idempotencyKey: key,
  });
}
