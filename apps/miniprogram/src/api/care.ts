import type {
  CareCampaignDetail,
  CareCampaignSummary,
  MyCareParcel,
  RunCareCampaignResult,
  SaveCareCampaignRequest,
} from '@linli/shared-types';
import { request } from './client';

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
