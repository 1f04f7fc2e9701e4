import type { FileView, MedicineRequestView, PharmacyView, PurchaseBody, QuoteBody, RejectMedicineBody } from '@linli/shared-types';
import { request } from './client';
import { uploadFile, type PickedFile } from './transfer';

/**
 * The pharmacy's side of medicine bought on residents' behalf: joining with the invite code,
 * the queue, quoting, rejecting and buying. One typed function per endpoint, like endpoints.ts;
 * mutating ones take the user action's Idempotency-Key.
 */

/** With the 8-character code staff generated: the person becomes a pharmacist of that pharmacy. */
export function joinPharmacy(code: string, key?: string): Promise<PharmacyView> {
  return request({ method: 'POST', path: '/pharmacy/join', body: { code }, idempotencyKey: key });
}

/** The pharmacy I work for (403 NOT_A_PHARMACIST otherwise). */
export function getMyPharmacy(): Promise<PharmacyView> {
  return request({ path: '/pharmacy/me' });
}

/** My pharmacy's open requests, most urgent first; or (finished) the done ones. */
export function listPharmacyRequests(finished = false): Promise<MedicineRequestView[]> {
  return request({ path: '/pharmacy/requests', query: { show: finished ? 'finished' : undefined } });
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

/** The receipt photo (purpose `receipt`), uploaded before the purchase is confirmed. */
export function uploadReceipt(file: PickedFile, key?: string): Promise<FileView> {
  return uploadFile('/files', file, key, { purpose: 'receipt' });
}

/** Bought, with the receipt: the request becomes a parcel for delivery. */
export function purchaseRequest(id: number, body: PurchaseBody, key?: string): Promise<MedicineRequestView> {
  return request({ method: 'POST', path: `/pharmacy/requests/${id}/purchase`, body, idempotencyKey: key });
}
