import type { PageQuery } from './api';
import type { Flow } from './flow';

/**
 * Everything delivered is a parcel: a household's supply orders of one window, a medicine
 * request, a care package, a prize. Dispatch, volunteer tasks, scans and labels know parcels only.
 */
export const PARCEL_STATES = [
  'READY',
  'ASSIGNED',
  'ACCEPTED',
  'PICKED_UP',
  'LEFT_AT_DOOR',
  'DELIVERED',
  'FAILED',
  'RETURNED',
  'CANCELLED',
] as const;
export type ParcelState = (typeof PARCEL_STATES)[number];

export const PARCEL_FLOW = {
  // Dispatch assigns; a volunteer may grab an unassigned parcel of their buildings. Staff cancel
  // one that should not go out (every line short at the sorting line), with a reason.
  READY: { ASSIGNED: ['staff', 'system'], ACCEPTED: ['volunteer'], CANCELLED: ['staff'] },
  // Accept, or decline / time out / staff take it back.
  ASSIGNED: { ACCEPTED: ['volunteer'], READY: ['volunteer', 'staff', 'system'] },
  // Pick-up is the scan of the parcel's label at the supply point; not picked up in time, it
  // returns (PICKUP_RETURN_MINUTES) and is offered to the next volunteer.
  ACCEPTED: { PICKED_UP: ['volunteer'], READY: ['volunteer', 'staff', 'system'] },
  // At the door: the resident's order QR; or left outside with a photo (contactless); or failed.
  PICKED_UP: { DELIVERED: ['volunteer'], LEFT_AT_DOOR: ['volunteer'], FAILED: ['volunteer'] },
  // Contactless: the resident confirms from the photo (or it confirms itself after
  // CONTACTLESS_CONFIRM_HOURS), or says it is not there.
  LEFT_AT_DOOR: { DELIVERED: ['resident', 'system'], FAILED: ['resident'] },
  FAILED: { READY: ['staff'], RETURNED: ['staff'] },
  // Back at the supply point: delivered again, or cancelled with a reason (what it carries is
  // cancelled and refunded).
  RETURNED: { READY: ['staff'], CANCELLED: ['staff'] },
  DELIVERED: {},
  CANCELLED: {},
} as const satisfies Flow<ParcelState>;

export const PARCEL_STATE_LABELS: Record<ParcelState, string> = {
  READY: '待派送',
  ASSIGNED: '已派单',
  ACCEPTED: '志愿者已接单',
  PICKED_UP: '配送中',
  LEFT_AT_DOOR: '已放门口，待确认',
  DELIVERED: '已送达',
  FAILED: '配送未成功',
  RETURNED: '已退回',
  CANCELLED: '已取消',
};

/** What a parcel carries: a household's supply orders, a medicine request, or an activity's prize. */
export type ParcelSourceType = 'order' | 'medicine' | 'prize' | 'care';

/** Reasons a volunteer may give for a failed delivery. */
export const FAILURE_REASONS = ['no-answer', 'isolation', 'wrong-address', 'refused'] as const;
/** …and the resident's, for a contactless parcel that is not at the door. */
export type FailureReason = (typeof FAILURE_REASONS)[number] | 'not-received';

export const FAILURE_REASON_LABELS: Record<FailureReason, string> = {
  'no-answer': '敲门无人应答',
  isolation: '住户正在隔离',
  'wrong-address': '地址不对',
  refused: '住户拒收',
  'not-received': '住户说门口没有',
};

/** A contactless parcel the resident has not confirmed confirms itself after this long. */
export const CONTACTLESS_CONFIRM_HOURS = 12;

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
  /** Cash to collect at the door (pay-on-delivery orders and medicine), in fen; 0 when nothing is due. */
  cashDueFen: number;
  /** The volunteer has tapped 已收款. */
  cashCollected: boolean;
  /** 已收款 may be tapped now (cash due, not yet marked, the parcel at or past the door). */
  canCollect: boolean;
  /** The volunteer may ask for the household's real number now (on its way: accepted or picked up). */
  canCall: boolean;
}

/** POST /api/volunteer/tasks/:id/phone: the household's real number, while the task is in hand (audited). */
export interface TaskPhoneView {
  phone: string;
}

/** POST /api/volunteer/tasks/:id/fail: the volunteer's reason (one of FAILURE_REASONS). */
export interface FailRequest {
  reason: FailureReason;
}

/** POST /api/volunteer/tasks/:id/leave — contactless: the photo (an uploaded file) of the parcel at the door. */
export interface LeaveAtDoorRequest {
  photoFileId: number;
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

/** GET and PUT /api/volunteer/duty, PUT /api/staff/volunteers/:userId: a volunteer's duty as the server has it. */
export interface DutyView {
  onDuty: boolean;
  /** Parcels per dispatch batch at most. */
  capacity: number;
  /** The buildings the volunteer covers. */
  buildingIds: number[];
}

/**
 * POST /api/volunteer/scan/pickup (the parcel label's code) and POST /api/volunteer/tasks/:id/deliver
 * (the resident's order QR). `scannedAt` is the phone's time of a scan replayed after the network
 * came back; the server takes it when it is no more than a day old.
 */
export interface ScanRequest {
  code: string;
  scannedAt?: string;
}

/** GET /api/staff/parcels/:id — a parcel with its audit timeline: who did what, when, how. */
export interface ParcelDetail extends ParcelView {
  volunteer: string | null;
  events: {
    at: string;
    from: ParcelState | null;
    to: ParcelState;
    /** scan, app, dispatch or system */
    via: string;
    by: string | null;
    details: string | null;
  }[];
}

/** PUT /api/staff/volunteers/:userId */
export interface VolunteerCoverageRequest {
  buildingIds: number[];
  capacity: number;
  /** Optional: leave out to keep the volunteer's squad and leadership as they are. */
  squad?: Squad | null;
  leader?: boolean;
}

// ---- recruitment and squads -----------------------------------------------------------------

/** Volunteers work in squads, as in the seeds: sorting, delivery, patrol, testing, first aid. */
export const SQUADS = ['sorting', 'delivery', 'patrol', 'testing', 'first_aid'] as const;
export type Squad = (typeof SQUADS)[number];
export const SQUAD_LABELS: Record<Squad, string> = {
  sorting: '分拣组',
  delivery: '配送组',
  patrol: '巡逻组',
  testing: '核酸检测协助组',
  first_aid: '急救组',
};

export type VolunteerPostStatus = 'OPEN' | 'CLOSED';
export type SignupStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  PENDING: '等待社区审核',
  APPROVED: '已通过，欢迎加入',
  REJECTED: '未通过',
  WITHDRAWN: '已撤回',
};

/** POST /api/staff/volunteer-posts — a recruitment post: the role, requirements, hours, how many. */
export interface VolunteerPostRequest {
  squad: Squad;
  title: string;
  requirements: string;
  /** 每天 8:00–12:00 */
  shift: string;
  slots: number;
}

export interface VolunteerPostView extends VolunteerPostRequest {
  id: number;
  status: VolunteerPostStatus;
  approved: number;
  pending: number;
  createdAt: string;
  /** The asking resident's own sign-up, if any (residents' list only). */
  mySignup: { id: number; status: SignupStatus; reason: string | null } | null;
}

/** POST /api/volunteer-posts/:id/signups */
export interface SignupRequest {
  /** Reachable number; defaults to the household's contact phone. */
  phone?: string;
  /** 有驾照、会开车 / 可以搬重物 … */
  note?: string;
}

/** Staff view of a sign-up: the person, their door and phone (staff see names). */
export interface SignupView {
  id: number;
  postId: number;
  userId: number;
  nickname: string;
  door: string;
  phone: string | null;
  note: string | null;
  status: SignupStatus;
  reason: string | null;
  createdAt: string;
}

/** POST /api/staff/volunteer-signups/:id/reject */
export interface RejectSignupRequest {
  reason: string;
}

/** GET /api/volunteer/squad — a squad leader's view of their squad. */
export interface SquadView {
  squad: Squad | null;
  leader: boolean;
  members: { userId: number; nickname: string; leader: boolean; onDuty: boolean; minutesThisWeek: number }[];
}

/** Where staff send a FAILED parcel: back to the pool, or back to the supply point. */
export const RESOLVE_TARGETS = ['READY', 'RETURNED'] as const satisfies readonly ParcelState[];
export type ResolveTarget = (typeof RESOLVE_TARGETS)[number];

/** POST /api/staff/parcels/:id/resolve */
export interface ResolveRequest {
  to: ResolveTarget;
}

/**
 * GET /api/staff/parcels, labels.pdf and volunteer-sheets.pdf query: one batch (e.g. `window:12`),
 * or every parcel not yet delivered.
 */
export interface ParcelQuery {
  batch?: string;
}

/** POST /api/staff/parcels/:id/cancel — a returned parcel is cancelled: what it carries is cancelled and refunded. */
export interface CancelParcelRequest {
  reason: string;
}

/** GET /api/staff/parcels/cash: what each volunteer collected at the doors, to reconcile. */
export interface CashRow {
  volunteerId: number;
  nickname: string;
  /** Marked 已收款. */
  collectedFen: number;
  collectedParcels: number;
  /** Delivered with cash due but not marked 已收款: to follow up. */
  uncollectedFen: number;
  uncollectedParcels: number;
  /** Still in hand (not yet delivered) with cash due. */
  inHandFen: number;
  inHandParcels: number;
}

/** GET /api/staff/parcels: a page of the batch's parcels (or all), by building and door; a Page<ParcelView>. */
export type StaffParcelQuery = ParcelQuery & PageQuery;

/** POST /api/staff/parcels/:id/assign — null sends it back to the pool. */
export interface AssignRequest {
  volunteerId: number | null;
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
  /** Contactless: when it was left at the door, and a short-lived link to the volunteer's photo. */
  leftAt: string | null;
  photoUrl: string | null;
  /** What the household may do now: confirm (DELIVERED) or say it is not there (FAILED). */
  actions: ParcelState[];
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
  squad: Squad | null;
  leader: boolean;
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
  /**
   * Open parcels not moved for LATE_AFTER_MINUTES, or past their delivery date; first the ones
   * nobody took after MISSES_TO_STAFF misses (`unclaimed`, shown red 「两次无人接单」).
   */
  late: LateParcelView[];
  volunteersOnDuty: number;
}

/** An open parcel unmoved this long counts as late on the staff overview. */
export const LATE_AFTER_MINUTES = 120;

// ---- reassignment (issue 19) ----------------------------------------------------------------

/**
 * How a volunteer let a parcel go: declined it, did not accept it within ACCEPT_TIMEOUT_MINUTES,
 * or accepted it and did not pick it up within PICKUP_RETURN_MINUTES.
 */
export const PARCEL_MISS_REASONS = ['declined', 'not-accepted', 'not-picked-up'] as const;
export type ParcelMissReason = (typeof PARCEL_MISS_REASONS)[number];

export const PARCEL_MISS_REASON_LABELS: Record<ParcelMissReason, string> = {
  declined: '婉拒',
  'not-accepted': '超时未接单',
  'not-picked-up': '接单后未取货',
};

/**
 * A parcel let go this many times is not offered again: it waits for staff as a late parcel
 * (「两次无人接单」) until they assign it by hand (or a volunteer grabs it from the pool).
 */
export const MISSES_TO_STAFF = 2;

/** The board's words for a parcel that reached MISSES_TO_STAFF. */
export const UNCLAIMED_LABEL = '两次无人接单';

/** Who let a parcel go, and how. */
export interface ParcelMissView {
  volunteerId: number;
  nickname: string;
  reason: ParcelMissReason;
  at: string;
}

/** A late parcel on the staff board: its task view, how often it was let go and by whom. */
export interface LateParcelView extends ParcelTaskView {
  missCount: number;
  missedBy: ParcelMissView[];
  /** Let go MISSES_TO_STAFF times: it waits for staff to assign it by hand. */
  unclaimed: boolean;
}
