import { Injectable } from '@nestjs/common';
import {
  ROLE_INVITE_HOURS,
  type CreateRoleInviteRequest,
  type RedeemInviteResponse,
  type RoleInviteStatus,
  type RoleInviteView,
} from '@linli/shared-types';
import { IsNull, MoreThan } from 'typeorm';
import { staffCommunity } from '../../common/access';
import { hasRole, type Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { readableCode } from '../../common/readable-code';
import { UsersService } from '../community/users.service';
import { VolunteersService } from '../parcels/volunteers.service';
import { PharmaciesService } from '../pharmacy/pharmacies.service';
import { RoleInvite } from './entities/role-invite.entity';

/**
 * One-time codes that make a person staff, a supervisor or a squad leader of the inviting staff
 * member's community. Staff invite staff and squad leaders; only a supervisor invites a
 * supervisor (so staff cannot raise anyone, themselves included, above their own rank).
 * The only writer of `role_invites`.
 */
@Injectable()
export class InvitesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly volunteers: VolunteersService,
    private readonly pharmacies: PharmaciesService,
  ) {}

  /** A new code for my community, valid for ROLE_INVITE_HOURS. */
  async create(actor: Actor, body: CreateRoleInviteRequest): Promise<RoleInviteView> {
    const communityId = staffCommunity(actor);
    if (body.role === 'supervisor' && !hasRole(actor, 'supervisor')) throw new DomainError('SUPERVISOR_ONLY');
    if (body.role === 'squad_leader' && !body.squad) throw new DomainError('SQUAD_REQUIRED');
    const now = this.clock.now();
    const row = {
      communityId,
      role: body.role,
      squad: body.role === 'squad_leader' ? (body.squad ?? null) : null,
      note: body.note || null,
      expiresAt: new Date(now.getTime() + ROLE_INVITE_HOURS * 3600_000),
      createdBy: actor.userId,
      createdAt: now,
      usedBy: null,
      usedAt: null,
      cancelledAt: null,
    };
    for (;;) {
      const code = readableCode();
      try {
        await this.db.repo(RoleInvite).insert({ ...row, code });
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
      const saved = await this.db.repo(RoleInvite).findOneByOrFail({ code });
      await this.audit.record(actor, {
        action: 'invite.create',
        targetType: 'role_invite',
        targetId: saved.id,
        details: { role: saved.role, squad: saved.squad },
      });
      return (await this.views([saved]))[0] as RoleInviteView;
    }
  }

  /** My community's invites, newest first: open ones and who used the others. */
  async list(actor: Actor): Promise<RoleInviteView[]> {
    const communityId = staffCommunity(actor);
    return this.views(await this.db.repo(RoleInvite).find({ where: { communityId }, order: { id: 'DESC' }, take: 200 }));
  }

  /** Takes an unused code back; a used, cancelled or another community's one is not found. */
  async cancel(actor: Actor, id: number): Promise<RoleInviteView> {
    const communityId = staffCommunity(actor);
    const now = this.clock.now();
    const done = await this.db.repo(RoleInvite).update({ id, communityId, usedBy: IsNull(), cancelledAt: IsNull() }, { cancelledAt: now });
    if (done.affected !== 1) throw new DomainError('ROLE_INVITE_NOT_FOUND');
    await this.audit.record(actor, { action: 'invite.cancel', targetType: 'role_invite', targetId: id });
    return (await this.views([await this.db.repo(RoleInvite).findOneByOrFail({ id })]))[0] as RoleInviteView;
  }

  /**
   * Any logged-in person with a code gets its role in its community, which becomes the one they
   * act in. The code is taken by a conditional UPDATE (unused, not cancelled, not expired): of
   * two people redeeming it at once, one gets it. A pharmacy's code works here too (one
   * 「我有邀请码」 for everyone).
   */
  async redeem(actor: Actor, rawCode: string): Promise<RedeemInviteResponse> {
    const code = rawCode.trim().toUpperCase();
    const invite = await this.db.repo(RoleInvite).findOneBy({ code });
    if (!invite) return this.redeemPharmacyCode(actor, code);
    const now = this.clock.now();
    const taken = await this.db
      .repo(RoleInvite)
      .update({ id: invite.id, usedBy: IsNull(), cancelledAt: IsNull(), expiresAt: MoreThan(now) }, { usedBy: actor.userId, usedAt: now });
    if (taken.affected !== 1) throw new DomainError('ROLE_INVITE_INVALID');
    const { communityId } = invite;
    if (invite.role === 'squad_leader') {
      await this.users.grantRole(actor.userId, communityId, 'volunteer', invite.createdBy);
      await this.volunteers.lead(actor.userId, communityId, invite.squad ?? 'delivery');
    } else {
      await this.users.grantRole(actor.userId, communityId, invite.role, invite.createdBy);
    }
    // Recorded in the invite's community, where its staff look for it.
    await this.audit.record(
      { ...actor, communityId },
      { action: 'invite.redeem', targetType: 'role_invite', targetId: invite.id, details: { role: invite.role, squad: invite.squad } },
    );
    const community = await this.users.findCommunity(communityId);
    return {
      granted: invite.role,
      squad: invite.squad,
      community: { id: communityId, name: community?.name ?? '' },
      pharmacy: null,
    };
  }

  private async redeemPharmacyCode(actor: Actor, code: string): Promise<RedeemInviteResponse> {
    try {
      const pharmacy = await this.pharmacies.join(actor, code);
      // Joining made the pharmacy's community the one they act in.
      const joined = (await this.users.findById(actor.userId))?.communityId ?? null;
      const community = joined === null ? null : await this.users.findCommunity(joined);
      return {
        granted: 'pharmacist',
        squad: null,
        community: { id: community?.id ?? 0, name: community?.name ?? '' },
        pharmacy: { id: pharmacy.id, name: pharmacy.name },
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVITE_INVALID') throw new DomainError('ROLE_INVITE_INVALID');
      throw error;
    }
  }

  private async views(rows: RoleInvite[]): Promise<RoleInviteView[]> {
    const names = await this.users.nicknames(rows.flatMap((r) => (r.usedBy === null ? [r.createdBy] : [r.createdBy, r.usedBy])));
    const now = this.clock.now().getTime();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      role: r.role,
      squad: r.squad,
      note: r.note,
      status: status(r, now),
      expiresAt: new Date(r.expiresAt).toISOString(),
      createdAt: new Date(r.createdAt).toISOString(),
      createdBy: { userId: r.createdBy, nickname: names.get(r.createdBy) ?? '' },
      usedBy: r.usedBy === null ? null : { userId: r.usedBy, nickname: names.get(r.usedBy) ?? '' },
      usedAt: r.usedAt ? new Date(r.usedAt).toISOString() : null,
    }));
  }
}

function status(r: RoleInvite, now: number): RoleInviteStatus {
  if (r.usedBy !== null) return 'USED';
  if (r.cancelledAt) return 'CANCELLED';
  return new Date(r.expiresAt).getTime() <= now ? 'EXPIRED' : 'OPEN';
}
