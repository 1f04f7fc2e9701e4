import type { Flow } from './flow';
/** What a community can buy: fixed supply packages (套餐) and single essentials (单品). */
export const ITEM_KINDS = ['package', 'essential'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_KIND_LABELS: Record<ItemKind, string> = { package: '套餐', essential: '单品' };

/** How a window's orders are paid. */
export const PAYMENT_MODES = ['wechat', 'cod', 'free'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

export const PAYMENT_MODE_LABELS: Record<PaymentMode, string> = { wechat: '微信支付', cod: '货到付款', free: '免费发放' };

/** First come first served, or registration then a reproducible lottery (fair share). */
export const WINDOW_MODES = ['fcfs', 'fair'] as const;
export type WindowMode = (typeof WINDOW_MODES)[number];

/** Staff's switch on a window: whether it is open right now also depends on the clock (WindowPhase). */
export const WINDOW_STATUSES = ['ACTIVE', 'PAUSED', 'CLOSED'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

/** Staff pause and resume a window, or close it early; a closed window stays closed. */
export const WINDOW_FLOW = {
  ACTIVE: { PAUSED: ['staff'], CLOSED: ['staff'] },
  PAUSED: { ACTIVE: ['staff'], CLOSED: ['staff'] },
  CLOSED: {},
} as const satisfies Flow<WindowStatus>;

/** POST /api/staff/windows/:id/status: pause, resume (ACTIVE) or close early; a closed window stays closed. */
export interface WindowStatusRequest {
  status: WindowStatus;
}

/** A window's phase as residents see it, derived from its status and the clock. */
export type WindowPhase = 'UPCOMING' | 'OPEN' | 'PAUSED' | 'CLOSED';

export const WINDOW_PHASE_LABELS: Record<WindowPhase, string> = {
  UPCOMING: '未开始',
  OPEN: '正在订购',
  PAUSED: '暂停订购',
  CLOSED: '已结束',
};

export interface SupplierView {
  id: number;
  name: string;
  contactName: string | null;
  contactPhone: string | null;
}

export interface ContentLine {
  name: string;
  /** e.g. "5斤", "1桶", "30枚" */
  quantity: string;
}

export interface ItemView {
  id: number;
  kind: ItemKind;
  name: string;
  pictureUrl: string | null;
  contents: ContentLine[];
  priceFen: number;
  /** Per household per window, unless the window sets its own. */
  limitPerHousehold: number;
  supplierId: number;
  supplierName: string;
}

/** An item as offered in one window: its price, stock left and household limit there. */
export interface WindowItemView {
  itemId: number;
  kind: ItemKind;
  name: string;
  pictureUrl: string | null;
  contents: ContentLine[];
  priceFen: number;
  limitPerHousehold: number;
  stock: number;
  sold: number;
  supplierName: string;
  /**
   * What this household may still order of it: its limit less what it has ordered in this
   * window. In a household's own list (and the same list by proxy); absent in staff views.
   */
  householdLeft?: number;
}

export interface WindowView {
  id: number;
  title: string;
  mode: WindowMode;
  paymentMode: PaymentMode;
  phase: WindowPhase;
  opensAt: string;
  closesAt: string;
  deliveryDate: string;
  /** Building ids this window serves; empty = every building. */
  buildingIds: number[];
  /** Lockdown zones this window serves; empty = every zone. */
  zones: string[];
  maxOrders: number | null;
  /** Orders per building after which that building is full; null = no cap. */
  maxOrdersPerBuilding: number | null;
  orderCount: number;
  items: WindowItemView[];
  /** Fair-share windows: when the lottery ran (null before). */
  allocatedAt: string | null;
  /** The lottery seed, revealed at the draw; null before it, for staff and residents alike. */
  allocationSeed: string | null;
  /**
   * SHA-256 (hex) of the seed, published from the window's creation, before anyone registers:
   * sha256(allocationSeed) = seedHash. Null outside fair share, and for windows drawn before
   * seeds were committed.
   */
  seedHash: string | null;
  /** When the second round of a fair-share draw ran (null before, or when there is none). */
  secondRoundAt: string | null;
  /** Goes up by one with each staff edit; an edit names the version it started from (WINDOW_CHANGED otherwise). */
  version: number;
}

export interface CreateSupplierRequest {
  name: string;
  contactName?: string | null;
  contactPhone?: string | null;
}

export interface CreateItemRequest {
  kind: ItemKind;
  name: string;
  pictureUrl?: string | null;
  contents: ContentLine[];
  priceFen: number;
  limitPerHousehold: number;
  supplierId: number;
}

export interface WindowItemRequest {
  itemId: number;
  stock: number;
  /** Overrides the item's price for this window. */
  priceFen?: number;
  /** Overrides the item's household limit for this window. */
  limitPerHousehold?: number;
}

export interface CreateWindowRequest {
  title: string;
  mode: WindowMode;
  paymentMode: PaymentMode;
  opensAt: string;
  closesAt: string;
  deliveryDate: string;
  buildingIds?: number[];
  zones?: string[];
  maxOrders?: number | null;
  maxOrdersPerBuilding?: number | null;
  items: WindowItemRequest[];
}

/** One item's stock in an edit: the new total (units left + units already ordered and not given back). */
export interface WindowStockChange {
  itemId: number;
  /** Never below the units already taken (STOCK_BELOW_TAKEN); units left become `total - sold`. */
  total: number;
}

/**
 * PATCH /api/staff/windows/:id: change a window that has not ended (scheduled, open, paused or
 * full). Only the fields sent change. `version` is the window's version the editor saw; if
 * another edit came first the answer is 409 WINDOW_CHANGED and nothing changes.
 * - `opensAt` only before the window opens (OPENS_AT_FIXED after); `closesAt` after `opensAt`
 *   and in the future (close early with the status endpoint instead).
 * - caps never below the orders already counted (CAP_BELOW_COUNTED); a cap can be added or
 *   removed only before the window opens (CAP_FIXED_ONCE_OPEN), raised or lowered at any time.
 * - `buildingIds` / `zones`: a building or zone removed keeps the orders it already has.
 */
export interface UpdateWindowRequest {
  version: number;
  opensAt?: string;
  closesAt?: string;
  maxOrders?: number | null;
  maxOrdersPerBuilding?: number | null;
  buildingIds?: number[];
  zones?: string[];
  stock?: WindowStockChange[];
}
