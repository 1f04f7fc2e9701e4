/**
 * Notices (通知公告): what staff tell residents, as the community's daily notice did in the
 * seeds (where and when the nucleic-acid tests are, which gate opens, when the lockdown lifts).
 */

/** What a notice is about, in the order staff choose from. */
export const NOTICE_CATEGORIES = ['testing', 'lockdown', 'supplies', 'health', 'activity', 'other'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  testing: '核酸检测',
  lockdown: '封控解封',
  supplies: '物资',
  health: '健康',
  activity: '活动',
  other: '其他',
};

/** At most this many pictures on one notice. */
export const MAX_NOTICE_PICTURES = 9;

/**
 * Where a notice stands for staff: waiting for its publish time, shown to residents, past its
 * expiry, or withdrawn by staff.
 */
export type NoticeStatus = 'SCHEDULED' | 'PUBLISHED' | 'EXPIRED' | 'WITHDRAWN';

/** POST /api/staff/notices */
export interface NoticeRequest {
  category: NoticeCategory;
  title: string;
  body: string;
  /** Photos uploaded with purpose `notice` (POST /api/files). */
  pictureIds?: number[];
  /** Buildings it concerns; with `zones` empty too, the whole community. */
  buildingIds?: number[];
  /** Lockdown zones it concerns (a household in one of them sees it). */
  zones?: string[];
  pinned?: boolean;
  urgent?: boolean;
  /** ISO 8601 with offset; absent or null: at once. */
  publishAt?: string | null;
  /** ISO 8601 with offset; absent or null: never. */
  expiresAt?: string | null;
}

/** PATCH /api/staff/notices/:id: only the fields sent change; the notice shows as edited. */
export type UpdateNoticeRequest = Partial<NoticeRequest>;

export interface NoticePicture {
  id: number;
  /** A short-lived link an <Image> can load. */
  url: string;
}

/** A notice as a resident sees it. */
export interface NoticeView {
  id: number;
  category: NoticeCategory;
  title: string;
  body: string;
  pictures: NoticePicture[];
  buildingIds: number[];
  zones: string[];
  /** Whom it reaches, as people say it: 全体居民, 1栋、3栋, A区. */
  audience: string;
  pinned: boolean;
  urgent: boolean;
  publishAt: string;
  expiresAt: string | null;
  createdAt: string;
  /** When staff last changed it after posting; null when never edited. */
  editedAt: string | null;
  /** Whether the resident's household has opened it (always true for staff views). */
  read: boolean;
}

/** GET /api/notices/summary: what the card on 「我的」 shows. */
export interface NoticeSummary {
  unread: number;
  /** The newest urgent notice the household can see, read or not. */
  latestUrgent: { id: number; title: string } | null;
}

/** A notice as staff see it in their list. */
export interface StaffNoticeView extends NoticeView {
  status: NoticeStatus;
  withdrawnAt: string | null;
  /** Households that opened it / households in the buildings it reaches. */
  readHouseholds: number;
  reachedHouseholds: number;
}

/** How one building has read a notice. */
export interface NoticeBuildingReads {
  buildingId: number;
  name: string;
  households: number;
  read: number;
  /** read / households, 0..1 (1 for a building with no household). */
  share: number;
}

/** GET /api/staff/notices/:id/reads */
export interface NoticeReadStats {
  noticeId: number;
  readHouseholds: number;
  reachedHouseholds: number;
  buildings: NoticeBuildingReads[];
  /** Buildings where not every household has read it, lowest share first: whom to phone. */
  lagging: NoticeBuildingReads[];
}
