import type {
  CareCampaignDetail,
  CareCampaignSummary,
  CareContactView,
  FamilyBindingView,
  FamilyState,
  FollowUpRequest,
  LedgerHistory,
  LedgerView,
  MyCareParcel,
  ProxyDeliveries,
  ProxyHousehold,
  RecordContactRequest,
  RequestFamilyBinding,
  RunCareCampaignResult,
  SaveCareCampaignRequest,
} from '@linli/shared-types';
import { request } from './client';
import { downloadFile } from './transfer';

/** Care campaigns: staff give free packages to the households most at risk; residents follow theirs. */

export function listMyCareParcels(): Promise<MyCareParcel[]> {
  return request({ path: '/me/care-parcels' });
}

export function listCareCampaigns(): Promise<CareCampaignSummary[]> {
  return request({ path: '/staff/care-campaigns' });
}

export function getCareCampaign(id: number): Promise<CareCampaignDetail> {
  return request({ path: `/staff/care-campaigns/${id}` });
}

export function createCareCampaign(body: SaveCareCampaignRequest, key?: string): Promise<CareCampaignDetail> {
  return request({ method: 'POST', path: '/staff/care-campaigns', body, idempotencyKey: key });
}

export function updateCareCampaign(id: number, body: SaveCareCampaignRequest, key?: string): Promise<CareCampaignDetail> {
  return request({ method: 'PUT', path: `/staff/care-campaigns/${id}`, body, idempotencyKey: key });
}

export function runCareCampaign(id: number, key?: string): Promise<RunCareCampaignResult> {
  return request({ method: 'POST', path: `/staff/care-campaigns/${id}/run`, idempotencyKey: key });
}

// ---- the daily care ledger ------------------------------------------------------------------

export function getCareLedger(query: { date?: string; gridWorkerId?: number } = {}): Promise<LedgerView> {
  return request({ path: '/care/ledger', query });
}

export function recordCareContact(body: RecordContactRequest, key?: string): Promise<CareContactView> {
  return request({ method: 'POST', path: '/care/ledger/contacts', body, idempotencyKey: key });
}

export function linkCareFollowUp(contactId: number, body: FollowUpRequest, key?: string): Promise<CareContactView> {
  return request({ method: 'POST', path: `/care/ledger/contacts/${contactId}/follow-up`, body, idempotencyKey: key });
}

export function getCareLedgerHistory(householdId: number): Promise<LedgerHistory> {
  return request({ path: `/care/ledger/households/${householdId}` });
}

export function exportCareLedger(from: string, to: string): Promise<void> {
  return downloadFile('/staff/care/ledger.xlsx', { from, to }, `关爱台账-${from}至${to}.xlsx`);
}

// ---- acting for a household: 家属 and grid workers ---------------------------------------------

export function listProxyHouseholds(): Promise<ProxyHousehold[]> {
  return request({ path: '/me/proxy-households' });
}

/** The household's orders and medicine to pay and parcels to confirm or rate, for me acting for it. */
export function getProxyDeliveries(householdId: number): Promise<ProxyDeliveries> {
  return request({ path: `/proxy/households/${householdId}/deliveries` });
}

export function listMyFamilyBindings(): Promise<FamilyBindingView[]> {
  return request({ path: '/me/family-bindings' });
}

export function requestFamilyBinding(body: RequestFamilyBinding, key?: string): Promise<FamilyBindingView> {
  return request({ method: 'POST', path: '/me/family-bindings', body, idempotencyKey: key });
}

export function cancelFamilyBinding(id: number, key?: string): Promise<FamilyBindingView> {
  return request({ method: 'POST', path: `/me/family-bindings/${id}/cancel`, idempotencyKey: key });
}

export function listStaffFamilyBindings(state?: FamilyState): Promise<FamilyBindingView[]> {
  return request({ path: '/staff/family-bindings', query: state ? { state } : {} });
}

export function decideFamilyBinding(id: number, decision: 'approve' | 'revoke', key?: string): Promise<FamilyBindingView> {
  return request({ method: 'POST', path: `/staff/family-bindings/${id}/${decision}`, idempotencyKey: key });
}

export function rejectFamilyBinding(id: number, reason: string, key?: string): Promise<FamilyBindingView> {
  return request({ method: 'POST', path: `/staff/family-bindings/${id}/reject`, body: { reason }, idempotencyKey: key });
}
