/**
 * Online classes (线上课堂): staff schedule a class (yoga, dance, reading with children, a health
 * talk) with a live link; households sign up, a full class keeps a waiting list that moves up
 * when someone cancels, signed households are reminded 15 minutes before, and the replay link
 * comes afterwards.
 */

import type { ProxyKind } from './proxy';

export const CLASS_KINDS = ['yoga', 'dance', 'reading', 'health', 'other'] as const;
export type ClassKind = (typeof CLASS_KINDS)[number];

export const CLASS_KIND_LABELS: Record<ClassKind, string> = {
  yoga: '瑜伽',
  dance: '舞蹈',
  reading: '亲子阅读',
  health: '健康讲座',
  other: '其他',
};

/** A class as staff run it: scheduled (sign-ups open until it starts), cancelled, or marked done. */
export type ClassState = 'SCHEDULED' | 'CANCELLED' | 'DONE';

/** A household's place: signed (a seat), waiting (the waiting list), or cancelled by them or staff. */
export type ClassSignupState = 'SIGNED' | 'WAITING' | 'CANCELLED';

/**
 * Where a class stands for a resident at this moment: before the live opens, live (from
 * CLASS_LIVE_OPENS_MINUTES before the start to its end), over (ended or marked done), cancelled.
 */
export type ClassPhase = 'UPCOMING' | 'LIVE' | 'OVER' | 'CANCELLED';

/** Signed households are reminded this many minutes before the start. */
export const CLASS_REMIND_MINUTES = 15;
/** 「进入直播」 shows this many minutes before the start. */
export const CLASS_LIVE_OPENS_MINUTES = 10;
/** A class lasts 5 minutes to 8 hours. */
export const CLASS_MIN_MINUTES = 5;
export const CLASS_MAX_MINUTES = 480;

/** POST /api/staff/classes */
export interface ClassRequest {
  kind: ClassKind;
  title: string;
  teacher: string;
  /** What residents read on the detail page (optional). */
  description?: string;
  /** ISO 8601 with offset. */
  startsAt: string;
  minutes: number;
  /** Seats; null or absent: unlimited. */
  capacity?: number | null;
  /** A WeChat channel live, Tencent Meeting or any http(s) URL. */
  liveUrl: string;
  /** Buildings it is for; empty or absent: the whole community. */
  buildingIds?: number[];
}

/** PATCH /api/staff/classes/:id: only the fields sent change. */
export type UpdateClassRequest = Partial<ClassRequest>;

/** POST /api/staff/classes/:id/replay */
export interface ClassReplayRequest {
  replayUrl: string;
}

/** POST /api/classes/:id/signup: `waitlist` true joins the waiting list when the class is full (「排队候补」). */
export interface ClassSignupRequest {
  waitlist?: boolean;
}

/** POST /api/staff/classes/:id/signups: staff sign a household up (a call from someone without a smartphone). */
export interface ProxyClassSignupRequest {
  householdId: number;
  waitlist?: boolean;
}

/** My household's place in a class. */
export interface MyClassPlace {
  state: 'SIGNED' | 'WAITING';
  /** On the waiting list: 1 for the first in line (候补第1位); null when signed. */
  position: number | null;
  /** Signed up by staff on the household's behalf. */
  byStaff: boolean;
}

/** A class as a resident sees it. */
export interface ClassView {
  id: number;
  kind: ClassKind;
  title: string;
  teacher: string;
  description: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  /** null: unlimited. */
  capacity: number | null;
  signed: number;
  waiting: number;
  /** Seats left; null when unlimited. */
  left: number | null;
  buildingIds: number[];
  /** 全体居民, or the buildings' names. */
  audience: string;
  state: ClassState;
  phase: ClassPhase;
  /** Seconds from the server's now to the start (negative once started): the countdown. */
  startsInSeconds: number;
  /** The live link: for signed households (and staff) only, else null. */
  liveUrl: string | null;
  replayUrl: string | null;
  mine: MyClassPlace | null;
}

/** A class as staff see it. */
export interface StaffClassView extends Omit<ClassView, 'mine' | 'liveUrl'> {
  liveUrl: string;
  remindedAt: string | null;
  createdAt: string;
}

/** One household's sign-up, for staff. */
export interface ClassSignupRow {
  id: number;
  householdId: number;
  /** 滨湖和园 3栋2单元1203 */
  door: string;
  buildingId: number;
  building: string;
  state: ClassSignupState;
  /** On the waiting list: its place in line; else null. */
  position: number | null;
  byStaff: boolean;
  /** Signed up for the household by staff, its grid worker or its 家属; null when by a member. */
  proxyKind: ProxyKind | null;
  /** Who signed it up (a member's or the proxy's nickname). */
  signedUpBy: string;
  createdAt: string;
}

/** GET /api/staff/classes/:id/signups: per building and the list (signed, then waiting in order, then cancelled). */
export interface ClassSignupsView {
  classId: number;
  signed: number;
  waiting: number;
  perBuilding: { buildingId: number; name: string; signed: number; waiting: number }[];
  signups: ClassSignupRow[];
}
