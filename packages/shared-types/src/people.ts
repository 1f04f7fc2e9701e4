import type { CommunityView } from './api';
import type { Squad } from './parcels';
import type { Role } from './roles';

// ---- people and their roles: staff invite by one-time code, see role holders, revoke --------

/**
 * What an invite makes of the person who redeems it. A squad leader becomes a volunteer and the
 * leader of the invite's squad. Staff invite staff and squad leaders; only a supervisor invites
 * a supervisor.
 */
export const INVITE_ROLES = ['staff', 'supervisor', 'squad_leader', 'counsellor'] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];
export const INVITE_ROLE_LABELS: Record<InviteRole, string> = {
  staff: '社区工作人员',
  supervisor: '督导',
  squad_leader: '志愿者小组长',
  counsellor: '心理咨询师',
};

/** How long an invite code can be redeemed. */
export const ROLE_INVITE_HOURS = 72;

/** POST /api/staff/invites */
export interface CreateRoleInviteRequest {
  role: InviteRole;
  /** Required for a squad leader, absent otherwise. */
  squad?: Squad;
  /** Whom it is for (张阿姨), for the staff list; the invitee does not see it. */
  note?: string;
}

export type RoleInviteStatus = 'OPEN' | 'USED' | 'EXPIRED' | 'CANCELLED';
export const ROLE_INVITE_STATUS_LABELS: Record<RoleInviteStatus, string> = {
  OPEN: '未使用',
  USED: '已使用',
  EXPIRED: '已过期',
  CANCELLED: '已作废',
};

/** An invite of my community (GET /api/staff/invites, the answer of POST). */
export interface RoleInviteView {
  id: number;
  code: string;
  role: InviteRole;
  squad: Squad | null;
  note: string | null;
  status: RoleInviteStatus;
  expiresAt: string;
  createdAt: string;
  createdBy: { userId: number; nickname: string };
  usedBy: { userId: number; nickname: string } | null;
  usedAt: string | null;
}

/** POST /api/invites/redeem: any logged-in person with a code (a staff invite or a pharmacy one). */
export interface RedeemInviteRequest {
  code: string;
}

export interface RedeemInviteResponse {
  /** What the person became: a role of the invite, or pharmacist for a pharmacy's code. */
  granted: InviteRole | 'pharmacist';
  squad: Squad | null;
  /** The community it is in, which is now the one they act in. */
  community: CommunityView;
  /** The pharmacy they joined (a pharmacy's code only). */
  pharmacy: { id: number; name: string } | null;
}

/** A role a person holds in my community, since when and given by whom (null: the seed, binding or a pharmacy code). */
export interface HeldRole {
  role: Role;
  since: string | null;
  grantedBy: { userId: number; nickname: string } | null;
}

/**
 * GET /api/staff/people: every staff member, supervisor, volunteer and pharmacist of my
 * community (residents are in the household register). Staff see full phone numbers.
 */
export interface PersonView {
  userId: number;
  nickname: string;
  phone: string | null;
  roles: HeldRole[];
  /** A volunteer's squad and whether they lead it. */
  squad: Squad | null;
  leader: boolean;
  /** A pharmacist's pharmacy. */
  pharmacy: { id: number; name: string } | null;
}

/** Roles staff can take away here; squad_leader keeps the person a volunteer, without the lead. */
export const REVOCABLE_ROLES = ['staff', 'supervisor', 'volunteer', 'pharmacist', 'squad_leader', 'counsellor'] as const;
export type RevocableRole = (typeof REVOCABLE_ROLES)[number];

/** POST /api/staff/people/:userId/revoke */
export interface RevokeRoleRequest {
  role: RevocableRole;
  /** Kept in the audit log. */
  reason: string;
}
