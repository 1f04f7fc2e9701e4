import type {
  CreateRoleInviteRequest,
  PersonView,
  RedeemInviteRequest,
  RedeemInviteResponse,
  RevokeRoleRequest,
  RoleInviteView,
} from '@linli/shared-types';
import { request } from './client';

/** The server's people module: invite codes for staff, supervisors and squad leaders; role holders; revoking a role. */

export function createRoleInvite(body: CreateRoleInviteRequest, key?: string): Promise<RoleInviteView> {
  return request({ method: 'POST', path: '/staff/invites', body, idempotencyKey: key });
}

export function listRoleInvites(): Promise<RoleInviteView[]> {
  return request({ path: '/staff/invites' });
}

export function cancelRoleInvite(id: number, key?: string): Promise<RoleInviteView> {
  return request({ method: 'POST', path: `/staff/invites/${id}/cancel`, idempotencyKey: key });
}

/** 「我有邀请码」: a staff member's code or a pharmacy's; the role is in its community, now the current one. */
export function redeemInvite(code: string, key?: string): Promise<RedeemInviteResponse> {
  return request({ method: 'POST', path: '/invites/redeem', body: { code } satisfies RedeemInviteRequest, idempotencyKey: key });
}

export function listPeople(): Promise<PersonView[]> {
  return request({ path: '/staff/people' });
}

export function revokeRole(userId: number, body: RevokeRoleRequest, key?: string): Promise<PersonView> {
  return request({ method: 'POST', path: `/staff/people/${userId}/revoke`, body, idempotencyKey: key });
}
