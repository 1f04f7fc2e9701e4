import type { HouseholdTag } from './household';

/**
 * The daily care ledger (issue 18): for each vulnerable household (any care tag) its grid
 * worker — the `grid_worker` of the household's help team, the household's own assignment before
 * the building's — records each day's contact and what was needed, and turns a need into a help
 * request, a medicine request or a proxy order in one tap. Staff see who was reached today, who
 * not, who not for two days (red), per grid worker, and each household's history.
 * Days are Asia/Shanghai dates (YYYY-MM-DD).
 */

export const CONTACT_KINDS = ['phone', 'visit', 'no_answer'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = { phone: '电话联系上', visit: '上门看过', no_answer: '没人接' };

export const CARE_NEEDS = ['medicine', 'food', 'doctor', 'nothing'] as const;
export type CareNeed = (typeof CARE_NEEDS)[number];
export const CARE_NEED_LABELS: Record<CareNeed, string> = {
  medicine: '要买药',
  food: '缺吃的',
  doctor: '要看医生',
  nothing: '都好，没有需要',
};

/** What a need was turned into. */
export type FollowUpKind = 'help' | 'medicine' | 'order';
export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = { help: '求助', medicine: '买药', order: '代下单' };

/** How a household stands on a day: reached (a call got through or a visit), tried (nobody answered), or not yet. */
export type LedgerStatus = 'reached' | 'tried' | 'none';
export const LEDGER_STATUS_LABELS: Record<LedgerStatus, string> = { reached: '已联系上', tried: '没联系上', none: '今天还没联系' };

/** POST /api/care/ledger/contacts */
export interface RecordContactRequest {
  householdId: number;
  kind: ContactKind;
  /** Empty for 没人接. */
  needs: CareNeed[];
  note?: string;
}
export const CONTACT_NOTE_MAX = 200;

/** POST /api/care/ledger/contacts/:id/follow-up: what a need of this contact became. */
export interface FollowUpRequest {
  kind: FollowUpKind;
  /** The help request's, medicine request's or order's id (of the same household). */
  id: number;
}

export interface CareContactView {
  id: number;
  householdId: number;
  date: string;
  kind: ContactKind;
  needs: CareNeed[];
  note: string | null;
  by: { userId: number; name: string };
  followUps: { kind: FollowUpKind; id: number }[];
  at: string;
}

/** One vulnerable household on the day's list. */
export interface LedgerRow {
  householdId: number;
  /** 1栋1单元101 */
  door: string;
  buildingId: number;
  tags: HouseholdTag[];
  contactName: string | null;
  /** In full: the grid worker calls it. */
  contactPhone: string | null;
  gridWorker: { userId: number; name: string } | null;
  status: LedgerStatus;
  /** Not reached today nor the day before: red at the top. */
  twoDays: boolean;
  /** The last day a contact got through (null: never). */
  lastReached: string | null;
  /** The day's contacts, oldest first. */
  today: CareContactView[];
}

export interface LedgerFigures {
  households: number;
  reached: number;
  notReached: number;
  twoDays: number;
}

/** GET /api/care/ledger?date=&gridWorkerId= — a grid worker's households, or (staff) the community's. */
export interface LedgerView {
  date: string;
  /** Whether the reader sees the whole community (staff) or their own households (grid worker). */
  all: boolean;
  figures: LedgerFigures;
  /** Red (two days) first, then not reached, then reached; by door. */
  rows: LedgerRow[];
  /** Staff only: per grid worker (null: households with no grid worker). */
  byGridWorker: ({ userId: number | null; name: string } & LedgerFigures)[];
}

/** GET /api/care/ledger/households/:id — a household's contacts, newest first (90 days). */
export interface LedgerHistory {
  householdId: number;
  door: string;
  tags: HouseholdTag[];
  contacts: CareContactView[];
}
