import type { AwardPrizesRequest, AwardPrizesResult, PrizeSource, PrizeView, PrizeWinnersView, StaffPrizeView } from '@linli/shared-types';
import { request } from './client';

/** Prizes of contests and quizzes: staff award the top N (one parcel each); residents follow theirs. */

export function listMyPrizes(): Promise<PrizeView[]> {
  return request({ path: '/me/prizes' });
}

export function getPrizeWinners(source: PrizeSource, sourceId: number, top: number): Promise<PrizeWinnersView> {
  return request({ path: `/staff/prizes/winners?source=${source}&sourceId=${sourceId}&top=${top}` });
}

export function awardPrizes(body: AwardPrizesRequest, key?: string): Promise<AwardPrizesResult> {
  return request({ method: 'POST', path: '/staff/prizes', body, idempotencyKey: key });
}

export function listPrizes(source: PrizeSource, sourceId: number): Promise<StaffPrizeView[]> {
  return request({ path: `/staff/prizes?source=${source}&sourceId=${sourceId}` });
}
