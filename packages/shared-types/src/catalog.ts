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
  /** Fair-share windows: when the lottery ran and its published seed (null before). */
  allocatedAt: string | null;
  allocationSeed: string | null;
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

/** Tags whose households are served first in a fair-share lottery. */
export const PRIORITY_TAGS = ['elderly-alone', 'hardship', 'dialysis', 'chemo', 'disabled'] as const;

/** A household's wish in a fair-share window, until the draw at close decides it. */
export const REGISTRATION_STATES = ['REGISTERED', 'WON', 'PARTIAL', 'LOST', 'WITHDRAWN'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const REGISTRATION_FLOW = {
  // The household withdraws while the window is open; the draw at close decides the rest.
  REGISTERED: { WITHDRAWN: ['resident'], WON: ['system'], PARTIAL: ['system'], LOST: ['system'] },
  // Registering again while the window is open.
  WITHDRAWN: { REGISTERED: ['resident'] },
  WON: {},
  PARTIAL: {},
  LOST: {},
} as const satisfies Flow<RegistrationState>;

export const REGISTRATION_STATE_LABELS: Record<RegistrationState, string> = {
  REGISTERED: '已登记，等待抽签',
  WON: '已中签',
  PARTIAL: '部分中签',
  LOST: '未中签',
  WITHDRAWN: '已撤回',
};

/** PUT /api/windows/:id/registration (fair-share windows): what the household would like. */
export interface RegisterRequest {
  lines: { itemId: number; quantity: number }[];
}

export interface RegistrationView {
  windowId: number;
  householdId: number;
  state: RegistrationState;
  requested: { itemId: number; name: string; quantity: number }[];
  allocated: { itemId: number; name: string; quantity: number }[];
  /** The order made for what was allocated. */
  orderId: number | null;
  priority: boolean;
  updatedAt: string;
}

/** POST /api/staff/windows/:id/allocate */
export interface AllocateRequest {
  /** Any text; the same seed gives the same result. Random when omitted. */
  seed?: string;
}

/** The published result of a fair-share lottery. */
export interface AllocationView {
  windowId: number;
  seed: string;
  allocatedAt: string;
  /** How the draw works, for anyone to check. */
  method: string;
  households: number;
  winners: number;
  items: { itemId: number; name: string; stock: number; requested: number; allocated: number }[];
  /** In draw order: door (masked for residents), priority, requested and allocated units. */
  draw: { position: number; door: string; priority: boolean; requested: number; allocated: number }[];
}
