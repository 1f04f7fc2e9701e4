import { Injectable } from '@nestjs/common';
import type { PersonView, RevokeRoleRequest, Role } from '@linli/shared-types';
import { staffCommunity } from '../../common/access';
import { hasRole, type Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { DomainError } from '../../common/domain-error';
import { UsersService, type RoleHolder } from '../community/users.service';
import { VolunteersService } from '../parcels/volunteers.service';
import { PharmaciesService } from '../pharmacy/pharmacies.service';

/** The roles staff manage here; residents are in the household register, not in this list. */
const MANAGED_ROLES: Role[] = ['staff', 'supervisor', 'volunteer', 'pharmacist', 'counsellor'];
/** Either makes a person staff of the community (access.ts counts supervisors as staff). */
const STAFF_ROLES: Role[] = ['staff', 'supervisor'];

/**
 * Who holds which role in my community, and taking a role away. Rules, checked in this order:
 * only a supervisor revokes a supervisor; nobody revokes their own last staff role (another
 * colleague must); and a community never loses its last staff member or supervisor, even when
 * two of them revoke each other at once. The person's next request no longer has the role
 * (roles are read on every request); their 「我的」 shows it.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly volunteers: VolunteersService,
    private readonly pharmacies: PharmaciesService,
  ) {}

  /** Everyone holding a managed role here, with their roles, squad and pharmacy. */
  async list(actor: Actor): Promise<PersonView[]> {
    const communityId = staffCommunity(actor);
    return this.views(communityId, await this.users.roleHolders(communityId, MANAGED_ROLES));
  }

  /** Takes `body.role` away from a person of my community; audited with the reason. */
  async revoke(actor: Actor, userId: number, body: RevokeRoleRequest): Promise<PersonView> {
    const communityId = staffCommunity(actor);
    const held = (await this.users.roleHolders(communityId, MANAGED_ROLES)).filter((h) => h.userId === userId);
    if (held.length === 0) throw new DomainError('PERSON_NOT_FOUND');
    const roles = held.map((h) => h.role);
    if (body.role === 'supervisor' && !hasRole(actor, 'supervisor')) throw new DomainError('SUPERVISOR_ONLY');
    if (body.role === 'squad_leader') {
      const lead = (await this.volunteers.squadsOf(communityId, [userId])).get(userId);
      if (!roles.includes('volunteer') || !lead?.leader) throw new DomainError('ROLE_NOT_HELD');
      await this.volunteers.retire(userId, communityId, true);
    } else {
      const role = body.role;
      if (!roles.includes(role)) throw new DomainError('ROLE_NOT_HELD');
      if (STAFF_ROLES.includes(role)) await this.keepStaff(actor, communityId, userId, roles, role);
      if (!(await this.users.revokeRole(userId, communityId, role))) throw new DomainError('ROLE_NOT_HELD');
      if (role === 'volunteer') await this.volunteers.retire(userId, communityId, false);
      if (role === 'pharmacist') await this.pharmacies.release(userId, communityId);
    }
    await this.audit.record(actor, {
      action: 'people.revoke',
      targetType: 'user',
      targetId: userId,
      details: { role: body.role, reason: body.reason },
    });
    const after = (await this.users.roleHolders(communityId, MANAGED_ROLES)).filter((h) => h.userId === userId);
    const [person] = await this.views(communityId, after);
    return (
      person ?? {
        userId,
        nickname: held[0]?.nickname ?? '',
        phone: held[0]?.phone ?? null,
        roles: [],
        squad: null,
        leader: false,
        pharmacy: null,
      }
    );
  }

  /** Refuses a revocation that would leave the actor, or the community, without staff. */
  private async keepStaff(actor: Actor, communityId: number, userId: number, roles: Role[], role: Role): Promise<void> {
    const stillStaff = roles.some((r) => STAFF_ROLES.includes(r) && r !== role);
    if (stillStaff) return;
    if (userId === actor.userId) throw new DomainError('CANNOT_REVOKE_OWN_STAFF');
    // Locks the community's staff rows on MySQL: of two revocations at once, the second sees the first.
    if ((await this.users.othersWithRole(communityId, STAFF_ROLES, userId)) === 0) throw new DomainError('LAST_STAFF');
  }

  private async views(communityId: number, holders: RoleHolder[]): Promise<PersonView[]> {
    const ids = [...new Set(holders.map((h) => h.userId))];
    const granters = await this.users.nicknames(holders.flatMap((h) => (h.grantedBy === null ? [] : [h.grantedBy])));
    const squads = await this.volunteers.squadsOf(
      communityId,
      holders.filter((h) => h.role === 'volunteer').map((h) => h.userId),
    );
    const pharmacistIds = holders.filter((h) => h.role === 'pharmacist').map((h) => h.userId);
    const pharmacyOf = new Map<number, number>();
    for (const id of pharmacistIds) {
      const pharmacyId = await this.pharmacies.pharmacyOf(id);
      if (pharmacyId !== null) pharmacyOf.set(id, pharmacyId);
    }
    const pharmacies = await this.pharmacies.byIds([...new Set(pharmacyOf.values())]);
    return ids.map((userId) => {
      const mine = holders.filter((h) => h.userId === userId);
      const first = mine[0] as RoleHolder;
      const squad = mine.some((h) => h.role === 'volunteer') ? squads.get(userId) : undefined;
      const pharmacy = pharmacies.get(pharmacyOf.get(userId) ?? 0);
      return {
        userId,
        nickname: first.nickname,
        phone: first.phone,
        roles: mine.map((h) => ({
          role: h.role,
          since: h.grantedAt ? new Date(h.grantedAt).toISOString() : null,
          grantedBy: h.grantedBy === null ? null : { userId: h.grantedBy, nickname: granters.get(h.grantedBy) ?? '' },
        })),
        squad: squad?.squad ?? null,
        leader: squad?.leader ?? false,
        pharmacy: pharmacy ? { id: pharmacy.id, name: pharmacy.name } : null,
      };
    });
  }
}
