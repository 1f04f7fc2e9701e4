import type { Flow } from './flow';
import type { HouseholdTag } from './household';
import type { MedicineRequestView } from './pharmacy';
import type { OrderView } from './orders';
import type { ParcelSummary } from './parcels';

/**
 * Acting for a household that cannot act itself (issue 18), recorded as such: staff of the
 * community, the household's grid worker (its help team's 网格员), or a family member bound to it
 * as 家属 with staff approval. Every flow that takes a `householdId` for someone else asks the one
 * same question, on the server.
 */
export const PROXY_KINDS = ['staff', 'grid_worker', 'family'] as const;
export type ProxyKind = (typeof PROXY_KINDS)[number];
export const PROXY_KIND_LABELS: Record<ProxyKind, string> = { staff: '社区工作人员', grid_worker: '网格员', family: '家属' };

// ---- 家属: a family member living elsewhere binds to a household, staff approve ---------------

export const FAMILY_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'REVOKED'] as const;
export type FamilyState = (typeof FAMILY_STATES)[number];

export const FAMILY_FLOW = {
  PENDING: { APPROVED: ['staff', 'supervisor'], REJECTED: ['staff', 'supervisor'], CANCELLED: ['resident'] },
  // The family member leaves (CANCELLED) or staff take the binding away (REVOKED).
  APPROVED: { CANCELLED: ['resident'], REVOKED: ['staff', 'supervisor'] },
  REJECTED: {},
  CANCELLED: {},
  REVOKED: {},
} as const satisfies Flow<FamilyState>;

export const FAMILY_STATE_LABELS: Record<FamilyState, string> = {
  PENDING: '等待社区审核',
  APPROVED: '已绑定，可以代办',
  REJECTED: '未通过',
  CANCELLED: '已解除',
  REVOKED: '社区已解除',
};

/** POST /api/me/family-bindings: be 家属 of the household at this door in my current community. */
export interface RequestFamilyBinding {
  buildingId: number;
  unit: string;
  room: string;
  /** 女儿, 儿子, 侄子… 1–10 characters. */
  relation: string;
  /** My real name and phone, for staff to check with the household. */
  name: string;
  phone: string;
}

export interface FamilyBindingView {
  id: number;
  householdId: number;
  /** 1栋1单元101 */
  door: string;
  relation: string;
  name: string;
  phone: string;
  state: FamilyState;
  rejectReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** POST /api/staff/family-bindings/:id/reject */
export interface RejectFamilyBinding {
  reason: string;
}

/** GET /api/me/proxy-households: the households I may act for as grid worker or 家属 (staff search instead). */
export interface ProxyHousehold {
  householdId: number;
  door: string;
  as: Exclude<ProxyKind, 'staff'>;
  asLabel: string;
  contactName: string | null;
  tags: HouseholdTag[];
}

/**
 * Who paid, confirmed or rated for a household: the household itself, or a proxy as what they
 * are to it. Stored with the payment (`payments.paid_as`), the parcel event and the rating.
 */
export type ActedAs = 'household' | ProxyKind;

/** A parcel as the deliveries page shows it: the household's summary, with what it carries. */
export interface ProxyParcel extends ParcelSummary {
  contents: string;
  deliveryDate: string;
}

/**
 * GET /api/proxy/households/:householdId/deliveries: what the household has to do about what is
 * brought to it, for a proxy to do it: orders and medicine quotes to pay (with the proxy's own
 * WeChat), contactless parcels to confirm (or say are missing), delivered parcels to rate.
 */
export interface ProxyDeliveries {
  householdId: number;
  /** 1栋1单元101 */
  door: string;
  as: ProxyKind;
  asLabel: string;
  ordersToPay: OrderView[];
  medicineToPay: MedicineRequestView[];
  parcelsToConfirm: ProxyParcel[];
  parcelsToRate: ProxyParcel[];
}
// ---- flows by proxy (GET/PUT under /api/proxy/…) ------------------------------------------------
//
// GET  /api/proxy/households/:householdId/windows                       → WindowView[] (as the household sees them, with householdLeft)
// GET  /api/proxy/households/:householdId/windows/:id/registration      → RegistrationView
// PUT  /api/proxy/households/:householdId/windows/:id/registration      RegisterRequest → RegistrationView
// POST /api/proxy/households/:householdId/windows/:id/registration/withdraw → RegistrationView
// GET  /api/proxy/households/:householdId/classes                       → ClassView[] (the household's class list)
// POST /api/proxy/classes/:id/signups                                   ProxyClassSignupRequest → ClassView
// POST /api/proxy/classes/:id/signups/:householdId/cancel               → ClassView
// Every one asks the same question first (staff, grid worker or 家属: else NOT_PROXY), records
// who acted and as whom, and tells the household in a `proxy.acted` message.
