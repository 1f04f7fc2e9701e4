import type { ActivityWinner, PrizeSource } from './activities';
import type { ParcelState, ParcelSummary } from './parcels';

/** The most winners one press of 「发放奖品」 may cover. */
export const MAX_PRIZE_WINNERS = 100;

/** GET /api/staff/prizes/winners?source=&sourceId=&top= — who would win, before staff award. */
export interface PrizeWinnersView {
  source: PrizeSource;
  sourceId: number;
  title: string;
  winners: (ActivityWinner & { awarded: boolean })[];
}

/**
 * POST /api/staff/prizes — the top N winners of a published contest or quiz each get the prize,
 * delivered as a parcel to their door. Once per household however often it is pressed.
 */
export interface AwardPrizesRequest {
  source: PrizeSource;
  sourceId: number;
  top: number;
  /** What they get: a catalog item's name or free text (大米 10斤). */
  prize: string;
}

export interface AwardPrizesResult {
  /** Households given a prize by this press (the others already had theirs). */
  awarded: number;
  already: number;
  prizes: StaffPrizeView[];
}

/** A prize as staff see it: who, where, and how far its parcel has got. */
export interface StaffPrizeView {
  id: number;
  source: PrizeSource;
  sourceId: number;
  title: string;
  rank: number;
  householdId: number;
  /** The full door: staff deliver it. */
  door: string;
  label: string;
  prize: string;
  parcelId: number | null;
  parcelState: ParcelState | null;
  awardedAt: string;
}

/** GET /api/me/prizes — my household's prizes, newest first, each with its parcel. */
export interface PrizeView {
  id: number;
  source: PrizeSource;
  title: string;
  rank: number;
  label: string;
  prize: string;
  awardedAt: string;
  parcel: ParcelSummary | null;
}
