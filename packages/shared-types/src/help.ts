import type { Page } from './api';
import type { Flow } from './flow';

/**
 * Help requests (issue 17): a household asks for help; the building's team of five (五包一) —
 * street cadre, grid worker, medic, police, volunteer — answers within the category's deadline;
 * a request nobody answered in time is escalated to the supervisors; counselling goes to the
 * community's counsellors only and its thread stays between the counsellor and the resident.
 *
 * Every path below is under /api; every mutating call carries an Idempotency-Key.
 */

// ---- teams --------------------------------------------------------------------------------

export const TEAM_ROLES = ['cadre', 'grid_worker', 'medic', 'police', 'volunteer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  cadre: '街道干部',
  grid_worker: '网格员',
  medic: '医护人员',
  police: '社区民警',
  volunteer: '志愿者',
};

/**
 * Where a team assignment applies: a whole building, or one household (which then overrides the
 * building's person for that role).
 */
export type TeamScope = { buildingId: number; householdId?: undefined } | { householdId: number; buildingId?: undefined };

/** One person of a team, as staff manage it. */
export interface TeamMemberView {
  role: TeamRole;
  roleLabel: string;
  userId: number;
  name: string;
  /** Their own phone, in full (staff and the household they look after call it). */
  phone: string;
  /** Set when this assignment is for one household rather than the building. */
  householdId: number | null;
}

/** GET /api/staff/help/teams?buildingId= : the building's team, and households with their own. */
export interface BuildingTeamView {
  buildingId: number;
  buildingName: string;
  members: TeamMemberView[];
  /** Household-level assignments in this building (each overrides the building's for its role). */
  households: { householdId: number; label: string; members: TeamMemberView[] }[];
}

/** GET /api/staff/help/teams: every building of my community with its team (no household overrides). */
export interface TeamsOverview {
  buildings: { buildingId: number; buildingName: string; members: TeamMemberView[]; missing: TeamRole[] }[];
}

/**
 * PUT /api/staff/help/teams: put a person in a role for a building or a household, or take the
 * role away (`userId: null`). The person must be a user of my community with a phone on record
 * (HELP_RESPONDER_NO_PHONE otherwise).
 */
export type SetTeamMemberRequest = TeamScope & { role: TeamRole; userId: number | null };

/** GET /api/staff/help/team-candidates?q= : community users by name or phone (for the picker). */
export interface TeamCandidate {
  userId: number;
  name: string;
  /** Null when the user has no phone on record (they cannot be put on a team until they have one). */
  phone: string | null;
  /** The user's door, when they live here. */
  label: string | null;
}

/** GET /api/me/help-team: who looks after my household — names and their phones, to call. */
export interface MyTeamView {
  members: { role: TeamRole; roleLabel: string; name: string; phone: string }[];
}

// ---- requests -------------------------------------------------------------------------------

export const HELP_CATEGORIES = ['medical', 'supplies', 'medicine', 'counselling', 'transport', 'complaint', 'other'] as const;
export type HelpCategory = (typeof HELP_CATEGORIES)[number];
export const HELP_CATEGORY_LABELS: Record<HelpCategory, string> = {
  medical: '就医',
  supplies: '物资',
  medicine: '买药',
  counselling: '心理疏导',
  transport: '出行',
  complaint: '投诉',
  other: '其他',
};

export const HELP_URGENCIES = ['urgent', 'normal'] as const;
export type HelpUrgency = (typeof HELP_URGENCIES)[number];
export const HELP_URGENCY_LABELS: Record<HelpUrgency, string> = { urgent: '紧急', normal: '一般' };

/**
 * Who on the team a category goes to first (it still reaches the whole team); counselling goes
 * to the community's counsellors (the `counsellor` role) and never to the team.
 */
export const HELP_ROUTES: Record<Exclude<HelpCategory, 'counselling'>, TeamRole> = {
  medical: 'medic',
  medicine: 'medic',
  supplies: 'volunteer',
  transport: 'volunteer',
  complaint: 'cadre',
  other: 'grid_worker',
};

/** Minutes to the first response and to the solution, per category and urgency. */
export interface HelpDeadline {
  category: HelpCategory;
  urgency: HelpUrgency;
  firstResponseMinutes: number;
  solutionMinutes: number;
}

/** A community's deadlines until staff change them (GET/PUT /api/staff/help/deadlines). */
export const DEFAULT_HELP_DEADLINES: Record<
  HelpCategory,
  Record<HelpUrgency, { firstResponseMinutes: number; solutionMinutes: number }>
> = {
  medical: { urgent: { firstResponseMinutes: 15, solutionMinutes: 120 }, normal: { firstResponseMinutes: 60, solutionMinutes: 24 * 60 } },
  supplies: {
    urgent: { firstResponseMinutes: 30, solutionMinutes: 4 * 60 },
    normal: { firstResponseMinutes: 60, solutionMinutes: 24 * 60 },
  },
  medicine: {
    urgent: { firstResponseMinutes: 15, solutionMinutes: 4 * 60 },
    normal: { firstResponseMinutes: 60, solutionMinutes: 24 * 60 },
  },
  counselling: {
    urgent: { firstResponseMinutes: 15, solutionMinutes: 24 * 60 },
    normal: { firstResponseMinutes: 60, solutionMinutes: 3 * 24 * 60 },
  },
  transport: {
    urgent: { firstResponseMinutes: 15, solutionMinutes: 2 * 60 },
    normal: { firstResponseMinutes: 60, solutionMinutes: 24 * 60 },
  },
  complaint: {
    urgent: { firstResponseMinutes: 30, solutionMinutes: 24 * 60 },
    normal: { firstResponseMinutes: 120, solutionMinutes: 3 * 24 * 60 },
  },
  other: {
    urgent: { firstResponseMinutes: 30, solutionMinutes: 24 * 60 },
    normal: { firstResponseMinutes: 120, solutionMinutes: 3 * 24 * 60 },
  },
};
/** Bounds staff may set a deadline to. */
export const HELP_DEADLINE_MINUTES_MIN = 5;
export const HELP_DEADLINE_MINUTES_MAX = 14 * 24 * 60;

/** PUT /api/staff/help/deadlines: the deadlines to change (others keep theirs). */
export interface SetHelpDeadlinesRequest {
  deadlines: HelpDeadline[];
}

/** How long after 「已解决」 the resident may reopen; unconfirmed by then, it closes by itself. */
export const HELP_REOPEN_HOURS = 24;

export const HELP_STATES = ['OPEN', 'TAKEN', 'RESOLVED', 'CLOSED', 'MERGED', 'CANCELLED'] as const;
export type HelpState = (typeof HELP_STATES)[number];

/**
 * OPEN: asked, nobody has taken it yet. TAKEN: a responder (or counsellor, or supervisor) made it
 * theirs. RESOLVED: they wrote what was done; the resident confirms (CLOSED) or reopens within
 * HELP_REOPEN_HOURS (back to TAKEN, the same person); unconfirmed, the system closes it. Staff can
 * merge a duplicate into another request (MERGED); the resident (or staff) can withdraw it.
 * `responder` = a team member of the household, a counsellor for counselling, or a supervisor.
 */
export const HELP_FLOW = {
  OPEN: { TAKEN: ['responder'], RESOLVED: ['responder'], MERGED: ['staff', 'supervisor'], CANCELLED: ['resident', 'staff'] },
  TAKEN: { RESOLVED: ['responder'], OPEN: ['responder'], MERGED: ['staff', 'supervisor'], CANCELLED: ['resident', 'staff'] },
  RESOLVED: { CLOSED: ['resident', 'staff', 'system'], TAKEN: ['resident', 'staff'] },
  CLOSED: {},
  MERGED: {},
  CANCELLED: {},
} as const satisfies Flow<HelpState>;

export const HELP_STATE_LABELS: Record<HelpState, string> = {
  OPEN: '等待接单',
  TAKEN: '处理中',
  RESOLVED: '已解决，请确认',
  CLOSED: '已完成',
  MERGED: '已合并到另一条求助',
  CANCELLED: '已撤销',
};

/** POST /api/help: ask for help (staff, a grid worker or family for a household: `householdId`, recorded as proxy). */
export interface CreateHelpRequest {
  category: HelpCategory;
  urgency: HelpUrgency;
  /** What is needed, 2–500 characters. */
  text: string;
  /** Uploaded pictures (purpose `help`), at most HELP_PHOTOS_MAX. */
  photoIds?: number[];
  /** Asking for another household (staff, or a responder of its team): proxy. */
  householdId?: number;
}
export const HELP_PHOTOS_MAX = 4;
export const HELP_TEXT_MAX = 500;

/** POST /api/help/:id/messages: a line in the thread (the resident or a responder). */
export interface HelpReplyRequest {
  text: string;
  photoIds?: number[];
}
/** POST /api/help/:id/resolve: what was done. */
export interface ResolveHelpRequest {
  summary: string;
}
/** POST /api/help/:id/confirm: the resident agrees it is solved, with a rating (1–5) if they like. */
export interface ConfirmHelpRequest {
  rating?: number;
  comment?: string;
}
/** POST /api/help/:id/rate: a rating for a closed request, once. */
export interface RateHelpRequest {
  rating: number;
  comment?: string;
}
/** POST /api/help/:id/reopen: within HELP_REOPEN_HOURS of 「已解决」, why it is not solved. */
export interface ReopenHelpRequest {
  reason: string;
}
/** POST /api/help/:id/cancel */
export interface CancelHelpRequest {
  reason?: string;
}
/** POST /api/staff/help/:id/reassign: give it to another responder (supervisor or staff). */
export interface ReassignHelpRequest {
  userId: number;
}
/** POST /api/staff/help/:id/merge: this request is a duplicate of `intoId` (same community, not ended). */
export interface MergeHelpRequest {
  intoId: number;
}

/** What a person may do to a request now (the screen's buttons). */
export type HelpAction = 'reply' | 'take' | 'release' | 'resolve' | 'confirm' | 'reopen' | 'rate' | 'cancel' | 'reassign' | 'merge';

export interface HelpPerson {
  userId: number;
  name: string;
  /** A team role, 'counsellor', 'supervisor' or 'staff' (who they were when they acted). */
  as: TeamRole | 'counsellor' | 'supervisor' | 'staff' | 'resident' | 'family';
  asLabel: string;
}

/** One request in a list. Counselling rows seen by anyone outside the thread carry no text (`text: null`). */
export interface HelpSummary {
  id: number;
  category: HelpCategory;
  urgency: HelpUrgency;
  state: HelpState;
  /** The first line of the request; null when the reader may not read it (counselling). */
  text: string | null;
  /** 1栋1单元101 */
  householdLabel: string;
  buildingId: number;
  createdAt: string;
  firstResponseDue: string;
  /** When the first response came (null: none yet). */
  firstResponseAt: string | null;
  solutionDue: string;
  assignee: HelpPerson | null;
  /** First-response deadline passed with no response, or solution deadline passed unresolved. */
  overdue: boolean;
  /** 0 none, 1 first response missed (supervisors told), 2 solution missed too. */
  escalation: 0 | 1 | 2;
  /** Asked by someone for the household (staff, grid worker, family). */
  proxy: boolean;
}

export type HelpEventKind =
  | 'created'
  | 'reply'
  | 'taken'
  | 'released'
  | 'reassigned'
  | 'resolved'
  | 'reopened'
  | 'confirmed'
  | 'closed'
  | 'rated'
  | 'escalated'
  | 'merged'
  | 'cancelled';

/** One line of the thread or history. */
export interface HelpEvent {
  id: number;
  kind: HelpEventKind;
  by: HelpPerson | null;
  /** The words (reply, resolve summary, reopen reason); null when the reader may not read them. */
  text: string | null;
  /** Download urls of pictures (`/api/files/:id`). */
  photos: string[];
  at: string;
}

/** GET /api/help/:id */
export interface HelpDetail extends HelpSummary {
  /** The request's whole text (null for a reader outside a counselling thread). */
  text: string | null;
  photos: string[];
  /** Asked by (the resident, or who asked on the household's behalf). */
  askedBy: HelpPerson;
  resolvedAt: string | null;
  /** Until when the resident may reopen (RESOLVED only). */
  reopenUntil: string | null;
  rating: number | null;
  ratingComment: string | null;
  mergedIntoId: number | null;
  /** The thread (counselling: only for the resident and the counsellor who took it; else []). */
  events: HelpEvent[];
  actions: HelpAction[];
  /** For responders: the household's contact phone, to call. Null for the resident themselves. */
  householdPhone: string | null;
}

/** GET /api/help/mine — my household's requests, newest first. */
export type MyHelpPage = Page<HelpSummary>;

/**
 * GET /api/help/inbox?state=open|mine|done — requests I am a responder for (my buildings' and
 * households' teams, counselling for counsellors); overdue first, then oldest first.
 */
export type HelpInboxPage = Page<HelpSummary>;

/**
 * GET /api/staff/help?state=open|overdue|done&buildingId= — the supervisor's view of the whole
 * community: escalated and overdue at the top (red), then open by deadline. Counselling text is
 * never shown here.
 */
export type HelpBoardPage = Page<HelpSummary>;

/** GET /api/staff/help/:id/history — every take, answer, reassignment, close and reopen (audit). */
export interface HelpHistory {
  id: number;
  events: HelpEvent[];
}

// ---- statistics -----------------------------------------------------------------------------

export const HELP_STATS_PERIODS = ['today', '7d', 'all'] as const;
export type HelpStatsPeriod = (typeof HELP_STATS_PERIODS)[number];
export const HELP_STATS_PERIOD_LABELS: Record<HelpStatsPeriod, string> = { today: '今天', '7d': '近7天', all: '封控以来' };

/** The figures of one group (a building, a responder, a category, or all). */
export interface HelpFigures {
  /** Requests asked in the period. */
  requests: number;
  /** Median minutes from asking to the first response (null: none answered). */
  medianFirstResponseMinutes: number | null;
  /** 90th percentile (nearest rank) of the same. */
  p90FirstResponseMinutes: number | null;
  /** Of requests whose deadline has passed or that were answered: the share answered by the deadline (0–1; null: none). */
  withinDeadlineShare: number | null;
  /** Not ended now (OPEN, TAKEN, RESOLVED). */
  openNow: number;
  /** Past a deadline now (first response or solution). */
  overdueNow: number;
  /** Of requests resolved at least once: the share reopened (0–1; null: none resolved). */
  reopenRate: number | null;
  /** Complaints (category complaint) per day of the period. */
  complaintsPerDay: number;
}

/** GET /api/staff/help/stats?period= (and .xlsx for Excel) */
export interface HelpStats {
  period: HelpStatsPeriod;
  from: string;
  to: string;
  days: number;
  total: HelpFigures;
  byBuilding: ({ buildingId: number; buildingName: string } & HelpFigures)[];
  /** By who gave the first response. */
  byResponder: ({ userId: number; name: string } & HelpFigures)[];
  byCategory: ({ category: HelpCategory; label: string } & HelpFigures)[];
  /** Requests and within-deadline share per day, for the chart. */
  daily: { date: string; requests: number; answered: number; withinDeadline: number }[];
}
