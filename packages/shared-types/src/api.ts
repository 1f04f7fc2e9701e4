import type { BindingState } from './binding';
import type { HouseholdTag } from './household';
import type { Role } from './roles';

/**
 * HTTP contract between the mini-program and the server. Every path below is under /api.
 * Every mutating call carries an `Idempotency-Key` header; a retry with the same key
 * returns the first answer and changes nothing.
 */

/** A page of results. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Which page of a list: from 1; at most 200 to a page (PAGE_SIZE_MAX). */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/** The most rows a list answers at once. */
export const PAGE_SIZE_MAX = 200;

// ---- auth ------------------------------------------------------------------------------

/** POST /api/auth/wechat: the code from Taro.login. */
export interface WechatLoginRequest {
  code: string;
}

/**
 * POST /api/auth/code: a one-time sign-in code the operator's CLI printed (for a community's
 * first staff, or a staff member who lost their account). In WeChat the app sends its wx.login
 * code too, so the account gets this WeChat and plain WeChat login finds it next time.
 */
export interface CodeLoginRequest {
  code: string;
  wechatCode?: string;
}

/** The demo users offered by the dev login (only outside production, without WeChat credentials). */
export type DevUserKey = 'resident' | 'volunteer' | 'pharmacist' | 'staff' | 'supervisor';

/**
 * POST /api/auth/dev. `user` picks a demo user; `newResident` creates a fresh resident
 * with no household yet (to try binding), named `nickname`.
 */
export interface DevLoginRequest {
  user?: DevUserKey;
  newResident?: boolean;
  nickname?: string;
}

/** GET /api/auth/dev-users: whether the dev login exists here, and whom it offers. */
export interface DevUsersResponse {
  enabled: boolean;
  users: { key: DevUserKey; nickname: string; roles: Role[] }[];
}

/** Answer of both logins. */
export interface LoginResponse {
  token: string;
  /** ISO time the token stops working. */
  expiresAt: string;
  me: MeResponse;
}

// ---- me, community, households ---------------------------------------------------------

export interface CommunityView {
  id: number;
  name: string;
}

/** GET /api/communities: a newcomer looks for their community by (part of) its name. */
export interface CommunityQuery {
  q?: string;
}

/** PUT /api/me/community: act in this community from now on (a poster's, a search result, the switcher). */
export interface ChooseCommunityRequest {
  communityId: number;
}

export interface BuildingView {
  id: number;
  name: string;
  /** Unit names in this building, e.g. ['1单元', '2单元']. */
  units: string[];
  zone: string | null;
}

export interface HouseholdMemberView {
  userId: number;
  nickname: string;
  /** Full for the household itself and staff; masked (138****1234) for anyone else. */
  phone: string | null;
}

export interface HouseholdView {
  id: number;
  communityId: number;
  buildingId: number;
  building: string;
  unit: string;
  room: string;
  /** 滨湖和园 3栋2单元1203 */
  address: string;
  headcount: number;
  tags: HouseholdTag[];
  zone: string | null;
  contactName: string | null;
  contactPhone: string | null;
  members: HouseholdMemberView[];
  /** Staff's default for elderly mode: everyone here who has not chosen sees the large screens. */
  elderlyDefault: boolean;
}

/**
 * A person's display preferences as they take effect: their own choice where they made one,
 * else their household's staff default. `source` says which (the switch on 「我的」 tells them).
 */
export interface PreferencesView {
  /** 长辈模式: large text and buttons, one task per screen, the three big tiles first. */
  elderly: boolean;
  /** 'user': they chose it; 'household': staff's default for their household; 'default': neither. */
  elderlySource: 'user' | 'household' | 'default';
}

/**
 * PUT /api/me/preferences. `elderly`: true or false is the person's own choice; null forgets
 * it, so the household's default applies again. Answers with the whole MeResponse.
 */
export interface UpdatePreferencesRequest {
  elderly: boolean | null;
}

/** GET /api/me */
export interface MeResponse {
  user: { id: number; nickname: string; phone: string | null };
  /** The community the person acts in now; null for a newcomer who has not chosen one (several on this server). */
  community: CommunityView | null;
  /** Every community the person holds roles in, with those roles: more than one shows the switcher. */
  communities: (CommunityView & { roles: Role[] })[];
  roles: Role[];
  household: HouseholdView | null;
  /** The resident's latest binding request while they have no household (or the latest one). */
  binding: BindingRequestView | null;
  preferences: PreferencesView;
}

// ---- binding a resident to a household -------------------------------------------------

/**
 * POST /api/bindings. Either the door (buildingId, unit, room) or a one-time binding code
 * printed by staff; name and phone always.
 */
export interface CreateBindingRequest {
  buildingId?: number;
  unit?: string;
  room?: string;
  bindingCode?: string;
  name: string;
  phone: string;
}

export interface BindingRequestView {
  id: number;
  state: BindingState;
  userId: number;
  name: string;
  phone: string;
  householdId: number | null;
  building: string;
  unit: string;
  room: string;
  address: string;
  /** True when the request came with a staff-printed code (approved at once). */
  viaCode: boolean;
  rejectReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** States the asking user may move this request into (the buttons to show). */
  actions: BindingState[];
  /**
   * Tags and headcount of the matched household, for staff deciding. Null for the requester
   * (with `householdId`): a door binding must not tell a stranger who lives behind the door.
   */
  household: Pick<HouseholdView, 'id' | 'headcount' | 'tags' | 'contactName'> | null;
}

/** GET /api/staff/bindings query: the requests in one state, or (no state) all of them. */
export interface StaffBindingQuery {
  state?: BindingState;
}

/** POST /api/staff/bindings/:id/reject */
export interface RejectBindingRequest {
  reason: string;
}

/** GET /api/staff/households query. */
export interface HouseholdQuery extends PageQuery {
  buildingId?: number;
  room?: string;
  tag?: HouseholdTag;
  /** Matches contact name or phone. */
  q?: string;
}

/** POST /api/staff/households and PATCH /api/staff/households/:id */
export interface UpsertHouseholdRequest {
  buildingId: number;
  unit: string;
  room: string;
  headcount: number;
  tags: HouseholdTag[];
  zone?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  /** Elderly mode for the household's members who have not chosen; left out: unchanged (false for a new one). */
  elderlyDefault?: boolean;
}

/** POST /api/staff/households/:id/binding-code */
export interface BindingCodeResponse {
  code: string;
  householdId: number;
  address: string;
  expiresAt: string;
}

/** One row of an Excel import that cannot be taken, with the reason in Chinese. */
export interface ImportRowError {
  /** 1-based row number as Excel shows it. */
  row: number;
  column?: string;
  message: string;
}

/**
 * POST /api/staff/households/import (multipart, field `file`). All rows or none:
 * with any row error the answer is 422 IMPORT_INVALID with details.errors and nothing is written.
 */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** The column headers of the household import and export sheet, in order. */
export const HOUSEHOLD_SHEET_COLUMNS = ['楼栋', '单元', '房号', '人数', '联系人', '联系电话', '标签', '封控片区'] as const;

/** GET /api/health */
export interface HealthResponse {
  status: 'ok' | 'error';
  info?: Record<string, unknown>;
  error?: Record<string, unknown>;
}
