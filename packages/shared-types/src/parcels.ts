import type { Flow } from './flow';

/**
 * Everything delivered is a parcel: a household's supply orders of one window, a medicine
 * request, a care package, a prize. Dispatch, volunteer tasks, scans and labels know parcels only.
 */
export const PARCEL_STATES = ['READY', 'ASSIGNED', 'ACCEPTED', 'PICKED_UP', 'DELIVERED', 'FAILED', 'RETURNED'] as const;
export type ParcelState = (typeof PARCEL_STATES)[number];

export const PARCEL_FLOW = {
  // Dispatch assigns; a volunteer may grab an unassigned parcel of their buildings.
  READY: { ASSIGNED: ['staff', 'system'], ACCEPTED: ['volunteer'] },
  // Accept, or decline / time out / staff take it back.
  ASSIGNED: { ACCEPTED: ['volunteer'], READY: ['volunteer', 'staff', 'system'] },
  // Pick-up is the scan of the parcel's label at the supply point.
  ACCEPTED: { PICKED_UP: ['volunteer'], READY: ['volunteer', 'staff'] },
  // At the door: the resident's order QR, or contactless confirmed by the resident; or failed.
  PICKED_UP: { DELIVERED: ['volunteer', 'resident'], FAILED: ['volunteer'] },
  FAILED: { READY: ['staff'], RETURNED: ['staff'] },
  DELIVERED: {},
  RETURNED: {},
} as const satisfies Flow<ParcelState>;

export const PARCEL_STATE_LABELS: Record<ParcelState, string> = {
  READY: '待派送',
  ASSIGNED: '已派单',
  ACCEPTED: '志愿者已接单',
  PICKED_UP: '配送中',
  DELIVERED: '已送达',
  FAILED: '配送未成功',
  RETURNED: '已退回',
};

export const FAILURE_REASONS = ['no-answer', 'isolation', 'wrong-address', 'refused'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const FAILURE_REASON_LABELS: Record<FailureReason, string> = {
  'no-answer': '敲门无人应答',
  isolation: '住户正在隔离',
  'wrong-address': '地址不对',
  refused: '住户拒收',
};

/** A volunteer's task: the door and a masked phone, never the resident's name. */
export interface ParcelTaskView {
  id: number;
  state: ParcelState;
  building: string;
  unit: string;
  room: string;
  /** 138****1234 */
  phone: string | null;
  contents: string;
  deliveryDate: string;
  /** States this volunteer may move it into (buttons). */
  actions: ParcelState[];
}

/** Staff view of a parcel, with its label token for printing. */
export interface ParcelView extends ParcelTaskView {
  householdId: number;
  volunteerId: number | null;
  failureReason: FailureReason | null;
  labelToken: string;
}

/** PUT /api/volunteer/duty */
export interface DutyRequest {
  onDuty: boolean;
}

/** PUT /api/staff/volunteers/:userId */
export interface VolunteerCoverageRequest {
  buildingIds: number[];
  capacity: number;
}

/** POST /api/staff/parcels/dispatch */
export interface DispatchResult {
  assigned: number;
  unassigned: number;
  volunteers: number;
}

/** The delivery of an order as the resident sees it (OrderView.parcel). */
export interface ParcelSummary {
  id: number;
  state: ParcelState;
  deliveredAt: string | null;
  rating: { stars: number; comment: string | null } | null;
}

/** POST /api/parcels/:id/rating — 评单: the household rates a delivered parcel, once. */
export interface RateRequest {
  stars: number;
  comment?: string;
}

/** GET /api/staff/volunteers */
export interface VolunteerRow {
  userId: number;
  nickname: string;
  onDuty: boolean;
  capacity: number;
  buildingIds: number[];
  openTasks: number;
  delivered: number;
  ratingAverage: number | null;
  ratings: number;
}

/** GET /api/volunteer/shifts: the volunteer's own ledger of hours on duty. */
export interface ShiftLedger {
  shifts: { startedAt: string; endedAt: string | null; minutes: number }[];
  totalMinutes: number;
}

/** GET /api/staff/parcels/overview: delivery as it happens. */
export interface DeliveryOverview {
  byBuilding: { buildingId: number; building: string; counts: Partial<Record<ParcelState, number>>; total: number }[];
  /** Open parcels not moved for LATE_AFTER_MINUTES, or past their delivery date. */
  late: ParcelTaskView[];
  volunteersOnDuty: number;
}

/** An open parcel unmoved this long counts as late on the staff overview. */
export const LATE_AFTER_MINUTES = 120;
