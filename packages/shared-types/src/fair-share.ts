import type { Flow } from './flow';
import type { OrderState } from './orders';
import type { ProxyKind } from './proxy';

/** Tags whose households are served first in a fair-share lottery. */
export const PRIORITY_TAGS = ['elderly-alone', 'hardship', 'dialysis', 'chemo', 'disabled'] as const;

/** A household's wish in a fair-share window, until the draw at close (and the second round) decide it. */
export const REGISTRATION_STATES = ['REGISTERED', 'WON', 'PARTIAL', 'LOST', 'WITHDRAWN'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const REGISTRATION_FLOW = {
  // The household withdraws while the window is open; the draw at close decides the rest.
  REGISTERED: { WITHDRAWN: ['resident'], WON: ['system'], PARTIAL: ['system'], LOST: ['system'] },
  // Registering again while the window is open.
  WITHDRAWN: { REGISTERED: ['resident'] },
  WON: {},
  // The second round gives a household that lost, or got part, (more of) what came back.
  PARTIAL: { WON: ['system'] },
  LOST: { WON: ['system'], PARTIAL: ['system'] },
} as const satisfies Flow<RegistrationState>;

export const REGISTRATION_STATE_LABELS: Record<RegistrationState, string> = {
  REGISTERED: '已登记，等待抽签',
  WON: '已中签',
  PARTIAL: '部分中签',
  LOST: '未中签',
  WITHDRAWN: '已撤回',
};

/** The draw at close is round 1; staff may run one second round over what is left. */
export type DrawRound = 1 | 2;

export const DRAW_ROUND_LABELS: Record<DrawRound, string> = { 1: '第一轮', 2: '第二轮' };

/** PUT /api/windows/:id/registration (fair-share windows): what the household would like. */
export interface RegisterRequest {
  lines: { itemId: number; quantity: number }[];
}

/** What one round gave a household, and the order made for it. */
export interface RoundWin {
  round: DrawRound;
  allocated: { itemId: number; name: string; quantity: number }[];
  orderId: number;
  orderState: OrderState;
  /**
   * WeChat Pay windows: the order must be paid by then, or it lapses and its units go to the
   * next round. Null where there is nothing to pay online.
   */
  payBy: string | null;
}

export interface RegistrationView {
  windowId: number;
  householdId: number;
  state: RegistrationState;
  requested: { itemId: number; name: string; quantity: number }[];
  /** Everything allocated, over both rounds. */
  allocated: { itemId: number; name: string; quantity: number }[];
  /** The order made for the first win (round 1, or round 2 when round 1 gave nothing). */
  orderId: number | null;
  /** Shown to the household itself only. */
  priority: boolean;
  /** The last round that gave the household something; null before the draw or when nothing came. */
  round: DrawRound | null;
  /** Each round that gave something, in round order. */
  wins: RoundWin[];
  /** Who registered last: a member of the household (`as` null), or someone acting for it. */
  registeredBy: { userId: number; nickname: string; as: ProxyKind | null };
  updatedAt: string;
}

/** One household in a published draw. */
export interface DrawRow {
  position: number;
  /** Masked for residents (3栋1单元**01), in full for staff. */
  door: string;
  /** Served first: staff see it for every household; a resident for their own only (null for the others). */
  priority: boolean | null;
  /** This row is the asking household's. */
  mine: boolean;
  /** Units it asked for in this round (round 2: what round 1 did not give). */
  requested: number;
  /** Units this round gave it. */
  allocated: number;
}

/** One round of a fair-share draw, as published. */
export interface DrawRoundView {
  round: DrawRound;
  drawnAt: string;
  /** WeChat Pay windows: this round's winners pay by then (FAIR_SHARE_PAY_HOURS after the draw); null otherwise. */
  payBy: string | null;
  households: number;
  winners: number;
  /** Per item: units there were to draw in this round, asked for, given. */
  items: { itemId: number; name: string; stock: number; requested: number; allocated: number }[];
  /** In draw order. */
  draw: DrawRow[];
}

/**
 * GET /api/windows/:id/allocation, POST /api/staff/windows/:id/allocate and …/second-round: the
 * published draw. The fields of round 1 at the top, the second round (if run) below.
 */
export interface AllocationView extends DrawRoundView {
  windowId: number;
  /** The seed's SHA-256 as published when the window was created; null for windows drawn before seeds were committed. */
  seedHash: string | null;
  /** When that hash was published (the window's creation). */
  seedHashPublishedAt: string | null;
  /** The seed, revealed at the draw: anyone can check sha256(seed) = seedHash. */
  seed: string;
  allocatedAt: string;
  /** How seed and registrations become the order and the shares, for anyone to check. */
  method: string;
  secondRound: DrawRoundView | null;
}
