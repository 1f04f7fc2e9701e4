import type { HouseholdTag } from './household';
import type { ParcelState, ParcelSummary } from './parcels';

/**
 * Care campaigns (issue 18): staff pick households — by care tag (any combination), by building,
 * by hand — and a care package, free of charge. Running the campaign makes one parcel per
 * household, once however often it is run: households added later get only theirs. The parcels
 * go through the normal dispatch and scans. Every path is under /api/staff/care-campaigns.
 */

/** Which households a campaign reaches. */
export interface CareSelection {
  /** Households with any of these tags (all of them when `allTags`)… */
  tags: HouseholdTag[];
  /** …that carry every tag instead of any one. */
  allTags: boolean;
  /** Only in these buildings (empty: the whole community). With no tags: every household of these buildings. */
  buildingIds: number[];
  /** And these households by hand, whatever their tags or building. */
  householdIds: number[];
}

/** POST /api/staff/care-campaigns and PUT /api/staff/care-campaigns/:id */
export interface SaveCareCampaignRequest extends CareSelection {
  /** 「爱心蔬菜包」, 2–40 characters. */
  title: string;
  /** A catalog item whose name and contents make the package… */
  itemId?: number | null;
  /** …or what is in it, in words (「青菜2斤、鸡蛋10个、牛奶1箱」); required without an item. */
  contents?: string | null;
}

export const CARE_TITLE_MAX = 40;
export const CARE_CONTENTS_MAX = 300;

/** One campaign in the staff list. */
export interface CareCampaignSummary {
  id: number;
  title: string;
  /** What the parcel carries (the item's name and contents, or the free text). */
  contents: string;
  itemId: number | null;
  selection: CareSelection;
  /** Households the selection reaches now. */
  selected: number;
  /** Parcels made so far (one per household, ever). */
  parcels: number;
  delivered: number;
  /** Selected households without a parcel yet: what 「发放」 would add. */
  pending: number;
  lastRunAt: string | null;
  createdAt: string;
}

/** One household of a campaign: selected, and its parcel once run. */
export interface CareRecipient {
  householdId: number;
  /** 1栋1单元101 */
  door: string;
  buildingId: number;
  tags: HouseholdTag[];
  parcelId: number | null;
  parcelState: ParcelState | null;
  /** When the household received it (the parcel's delivery), null not yet. */
  deliveredAt: string | null;
  /** Given a parcel, but no longer in the selection (kept: a parcel is never taken back by editing). */
  deselected: boolean;
}

/** GET /api/staff/care-campaigns/:id */
export interface CareCampaignDetail extends CareCampaignSummary {
  recipients: CareRecipient[];
}

/** POST /api/staff/care-campaigns/:id/run: how many parcels this run made, and how many existed. */
export interface RunCareCampaignResult {
  created: number;
  already: number;
  campaign: CareCampaignDetail;
}

/** GET /api/me/care-parcels: the care packages my household was given, each with its parcel (to follow, confirm, rate). */
export interface MyCareParcel {
  /** The household's care_parcels row. */
  id: number;
  campaignId: number;
  title: string;
  contents: string;
  givenAt: string;
  parcel: ParcelSummary;
}
