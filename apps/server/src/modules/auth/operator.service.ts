import { Injectable } from '@nestjs/common';
import { AuditService } from '../../common/audit/audit.service';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { CommunitySetupService, type CommunitySummary, type NewCommunity, type NewStaff } from '../community/community-setup.service';
import type { Community } from '../community/entities/community.entity';
import { SignInCodesService, type IssuedSignInCode } from './sign-in-codes.service';

/** A staff account made or recovered by the operator, with the code that signs its person in. */
export interface StaffSignIn extends IssuedSignInCode {
  community: Community;
  userId: number;
  nickname: string;
  phone: string;
}

/**
 * What the operator of a server does from its command line (the CLI in src/cli): set up a
 * community with its first staff, add staff, give a staff member who lost their account a new
 * way in. Each command is one transaction, audited as the operator's.
 */
@Injectable()
export class OperatorService {
  constructor(
    private readonly db: Db,
    private readonly setup: CommunitySetupService,
    private readonly codes: SignInCodesService,
    private readonly audit: AuditService,
  ) {}

  /** A new community, its first staff account and that person's sign-in code. */
  createCommunity(community: NewCommunity, staff: Omit<NewStaff, 'supervisor'>): Promise<StaffSignIn> {
    return this.db.transaction(async () => {
      const created = await this.setup.createCommunity(community);
      await this.audit.recordOperator(created.id, {
        action: 'community.create',
        targetType: 'community',
        targetId: created.id,
        details: { name: created.name, district: created.district, address: created.address },
      });
      return this.staffAccount(created, { ...staff, supervisor: false });
    });
  }

  /** Another staff (or supervisor) account in a community, by its id or name. */
  addStaff(communityIdOrName: string, staff: NewStaff): Promise<StaffSignIn> {
    return this.db.transaction(async () => this.staffAccount(await this.setup.findCommunity(communityIdOrName), staff));
  }

  /**
   * A fresh sign-in code for a staff member who lost their account (a new phone, a new WeChat);
   * their unused older codes stop working. The phone must name one staff account: with staff
   * roles in several communities, `communityIdOrName` says which one they sign in to.
   */
  resetStaff(phone: string, communityIdOrName?: string): Promise<StaffSignIn> {
    return this.db.transaction(async () => {
      const scope = communityIdOrName === undefined ? undefined : await this.setup.findCommunity(communityIdOrName);
      const holders = await this.setup.staffWithPhone(phone, scope?.id);
      const first = holders[0];
      if (!first) throw new DomainError('STAFF_NOT_FOUND', { phone, community: scope?.name ?? null });
      if (holders.some((h) => h.communityId !== first.communityId || h.userId !== first.userId)) {
        throw new DomainError('VALIDATION_FAILED', {
          fields: { community: '这个手机号在几个社区都是工作人员，请用 --community 说明是哪个社区' },
          communities: [...new Set(holders.map((h) => h.communityId))],
        });
      }
      const community = scope ?? (await this.setup.findCommunity(String(first.communityId)));
      const issued = await this.codes.issue(first.userId, community.id);
      await this.audit.recordOperator(community.id, {
        action: 'staff.reset',
        targetType: 'user',
        targetId: first.userId,
        details: { expiresAt: issued.expiresAt.toISOString() },
      });
      return { ...issued, community, userId: first.userId, nickname: first.nickname, phone };
    });
  }

  listCommunities(): Promise<CommunitySummary[]> {
    return this.setup.listCommunities();
  }

  private async staffAccount(community: Community, staff: NewStaff): Promise<StaffSignIn> {
    const user = await this.setup.addStaff(community.id, staff);
    const issued = await this.codes.issue(user.id, community.id);
    await this.audit.recordOperator(community.id, {
      action: 'staff.add',
      targetType: 'user',
      targetId: user.id,
      details: { roles: staff.supervisor ? ['staff', 'supervisor'] : ['staff'], expiresAt: issued.expiresAt.toISOString() },
    });
    return { ...issued, community, userId: user.id, nickname: user.nickname, phone: staff.phone };
  }
}
