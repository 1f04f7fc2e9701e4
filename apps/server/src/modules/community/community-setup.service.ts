import { Injectable } from '@nestjs/common';
import type { Role } from '@linli/shared-types';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { Community } from './entities/community.entity';
import { Household } from './entities/household.entity';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';
import { UsersService } from './users.service';

export interface NewCommunity {
  name: string;
  district: string | null;
  address: string | null;
}

export interface NewStaff {
  name: string;
  phone: string;
  /** Supervisor as well as staff. */
  supervisor: boolean;
}

export interface CommunitySummary {
  id: number;
  name: string;
  district: string | null;
  address: string | null;
  households: number;
  staff: number;
}

/** Roles that make a phone number trusted: only the operator or staff give them. */
const STAFF_ROLES: Role[] = ['staff', 'supervisor'];

/**
 * Setting a community up from nothing: the community itself and its staff accounts. Used by the
 * operator's CLI (through OperatorService, which adds sign-in codes and the audit log); runs in
 * the caller's transaction.
 */
@Injectable()
export class CommunitySetupService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly users: UsersService,
  ) {}

  /** A new community; its name is unique on the server. */
  async createCommunity(input: NewCommunity): Promise<Community> {
    const repo = this.db.repo(Community);
    const same = await repo.findOneBy({ name: input.name });
    if (same) throw new DomainError('COMMUNITY_NAME_TAKEN', { id: same.id, name: same.name });
    try {
      return await repo.save(repo.create({ ...input, createdAt: this.clock.now() }));
    } catch (error) {
      // Two operators at once: the unique index lets one create it.
      if (isUniqueViolation(error)) throw new DomainError('COMMUNITY_NAME_TAKEN', { name: input.name });
      throw error;
    }
  }

  /** A community by its id (digits) or its exact name. */
  async findCommunity(idOrName: string): Promise<Community> {
    const repo = this.db.repo(Community);
    const found = /^\d{1,9}$/.test(idOrName)
      ? ((await repo.findOneBy({ id: Number(idOrName) })) ?? (await repo.findOneBy({ name: idOrName })))
      : await repo.findOneBy({ name: idOrName });
    if (!found) throw new DomainError('COMMUNITY_NOT_FOUND', { community: idOrName });
    return found;
  }

  /** Every community with its number of households and of staff, by id. */
  async listCommunities(): Promise<CommunitySummary[]> {
    const communities = await this.db.repo(Community).find({ order: { id: 'ASC' } });
    const households = await this.db.manager
      .createQueryBuilder(Household, 'h')
      .select(['h.community_id AS id', 'COUNT(*) AS n'])
      .groupBy('h.community_id')
      .getRawMany<{ id: number; n: number | string }>();
    const staff = await this.db.manager
      .createQueryBuilder(RoleAssignment, 'r')
      .select(['r.community_id AS id', 'COUNT(DISTINCT r.user_id) AS n'])
      .where('r.role = :role', { role: 'staff' })
      .groupBy('r.community_id')
      .getRawMany<{ id: number; n: number | string }>();
    const count = (rows: { id: number; n: number | string }[], id: number) => Number(rows.find((r) => Number(r.id) === id)?.n ?? 0);
    return communities.map((c) => ({
      id: c.id,
      name: c.name,
      district: c.district,
      address: c.address,
      households: count(households, c.id),
      staff: count(staff, c.id),
    }));
  }

  /**
   * A staff account (and supervisor, if asked) in the community. A person who is already staff
   * somewhere keeps one account for all their communities: the account of that phone holding a
   * staff role is reused. Any other account with the phone (a resident typed it when binding,
   * unchecked) is not: it gets no role from a number it may have made up.
   */
  async addStaff(communityId: number, input: NewStaff): Promise<User> {
    const holders = await this.staffWithPhone(input.phone);
    if (holders.some((h) => h.communityId === communityId)) throw new DomainError('STAFF_EXISTS', { phone: input.phone });
    const existing = holders[0] ? await this.users.findById(holders[0].userId) : null;
    const repo = this.db.repo(User);
    const user =
      existing ??
      (await repo.save(
        repo.create({
          nickname: input.name,
          phone: input.phone,
          openid: null,
          devKey: null,
          householdId: null,
          communityId,
          createdAt: this.clock.now(),
        }),
      ));
    await this.users.grantRole(user.id, communityId, 'staff');
    if (input.supervisor) await this.users.grantRole(user.id, communityId, 'supervisor');
    return user;
  }

  /** Staff (or supervisors) with this phone: which user, in which community; oldest role first. */
  async staffWithPhone(phone: string, communityId?: number): Promise<{ userId: number; nickname: string; communityId: number }[]> {
    const qb = this.db.manager
      .createQueryBuilder(User, 'u')
      .innerJoin(RoleAssignment, 'r', 'r.user_id = u.id')
      .select(['u.id AS userId', 'u.nickname AS nickname', 'r.community_id AS communityId'])
      .where('u.phone = :phone', { phone })
      .andWhere('r.role IN (:...roles)', { roles: STAFF_ROLES })
      .orderBy('r.id', 'ASC');
    if (communityId !== undefined) qb.andWhere('r.community_id = :communityId', { communityId });
    const rows = await qb.getRawMany<{ userId: number; nickname: string; communityId: number }>();
    const seen = new Set<string>();
    return rows
      .map((r) => ({ userId: Number(r.userId), nickname: r.nickname, communityId: Number(r.communityId) }))
      .filter((r) => !seen.has(`${r.userId}/${r.communityId}`) && seen.add(`${r.userId}/${r.communityId}`));
  }
}
