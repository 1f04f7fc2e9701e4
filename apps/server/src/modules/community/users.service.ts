import { Injectable } from '@nestjs/common';
import { isRole, type DevUserKey, type Role } from '@linli/shared-types';
import { In, IsNull } from 'typeorm';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { Community } from './entities/community.entity';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';

/** Users, their roles and the community they act in. */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * The actor behind a token, or null when the user no longer exists. They act in their current
   * community (else where their first role is, else the server's only community), with the roles
   * they hold there; their household counts only in its own community, so nothing of one
   * community is reached while acting in another.
   */
  async loadActor(userId: number): Promise<Actor | null> {
    // One hand-written query per request (every request asks it): the user, their household's
    // community and their roles, in assignment order.
    const rows = await this.db.rows<ActorRow>(
      `SELECT u.nickname AS nickname, u.household_id AS householdId, u.community_id AS current,
              h.community_id AS householdCommunity, r.community_id AS communityId, r.role AS role
         FROM users u
         LEFT JOIN households h ON h.id = u.household_id
         LEFT JOIN role_assignments r ON r.user_id = u.id
        WHERE u.id = ?
        ORDER BY r.id ASC`,
      [userId],
    );
    const first = rows[0];
    if (!first) return null;
    const roleCommunity = rows.find((r) => r.communityId !== null)?.communityId ?? null;
    const communityId = numberOrNull(first.current ?? roleCommunity) ?? (await this.onlyCommunity());
    const roles = rows
      .filter((r) => r.communityId !== null && Number(r.communityId) === communityId)
      .map((r) => r.role)
      .filter(isRole);
    const home = communityId !== null && numberOrNull(first.householdCommunity) === communityId;
    return { userId, nickname: first.nickname, communityId, roles, householdId: home ? numberOrNull(first.householdId) : null };
  }

  /** The community a newcomer acts in before choosing: the server's only one, if it has just one. */
  private async onlyCommunity(): Promise<number | null> {
    const some = await this.db.repo(Community).find({ select: ['id'], order: { id: 'ASC' }, take: 2 });
    return some.length === 1 ? (some[0]?.id ?? null) : null;
  }

  /** The person acts in this community from now on. */
  async setCurrentCommunity(userId: number, communityId: number): Promise<void> {
    await this.db.repo(User).update({ id: userId }, { communityId });
  }

  /** Communities the person holds roles in, with those roles (for the switcher on 「我的」). */
  async communitiesOf(userId: number): Promise<{ id: number; name: string; roles: Role[] }[]> {
    const rows = await this.db.manager
      .createQueryBuilder(RoleAssignment, 'r')
      .innerJoin(Community, 'c', 'c.id = r.community_id')
      .select(['c.id AS id', 'c.name AS name', 'r.role AS role'])
      .where('r.user_id = :userId', { userId })
      .orderBy('r.id', 'ASC')
      .getRawMany<{ id: number; name: string; role: string }>();
    const byId = new Map<number, { id: number; name: string; roles: Role[] }>();
    for (const r of rows) {
      const entry = byId.get(Number(r.id)) ?? { id: Number(r.id), name: r.name, roles: [] };
      if (isRole(r.role)) entry.roles.push(r.role);
      byId.set(entry.id, entry);
    }
    return [...byId.values()];
  }

  /** Communities by (part of) their name, for a newcomer choosing theirs. */
  async searchCommunities(q: string | undefined): Promise<Community[]> {
    const qb = this.db.repo(Community).createQueryBuilder('c').orderBy('c.name', 'ASC').limit(20);
    if (q) qb.where("c.name LIKE :like ESCAPE '!'", { like: `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%` });
    return qb.getMany();
  }

  findById(id: number): Promise<User | null> {
    return this.db.repo(User).findOneBy({ id });
  }

  /** Nicknames by user id, for other modules' views. */
  async nicknames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.db.repo(User).findBy({ id: In(unique) }) : [];
    return new Map(rows.map((u) => [u.id, u.nickname]));
  }

  /** Nickname and phone by user id, for a leader's roster (who to call). */
  async contacts(ids: number[]): Promise<Map<number, { nickname: string; phone: string | null }>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.db.repo(User).findBy({ id: In(unique) }) : [];
    return new Map(rows.map((u) => [u.id, { nickname: u.nickname, phone: u.phone }]));
  }

  /** Users holding a role in a community. */
  async withRole(communityId: number, role: Role): Promise<{ id: number; nickname: string }[]> {
    const rows = await this.db.manager
      .createQueryBuilder(User, 'u')
      .innerJoin(RoleAssignment, 'r', 'r.user_id = u.id')
      .select(['u.id AS id', 'u.nickname AS nickname'])
      .where('r.community_id = :communityId AND r.role = :role', { communityId, role })
      .orderBy('u.id', 'ASC')
      .getRawMany<{ id: number; nickname: string }>();
    return rows.map((r) => ({ id: Number(r.id), nickname: r.nickname }));
  }

  findDevUser(key: DevUserKey): Promise<User | null> {
    return this.db.repo(User).findOneBy({ devKey: key });
  }

  /** A demo resident with no household yet, to try binding. */
  createNewResident(nickname: string | undefined): Promise<User> {
    const repo = this.db.repo(User);
    return repo.save(
      repo.create({
        nickname: nickname ?? '新居民',
        openid: null,
        devKey: null,
        phone: null,
        householdId: null,
        createdAt: this.clock.now(),
      }),
    );
  }

  /** The user of this WeChat openid, created on first login (no role until bound). */
  async findOrCreateByOpenid(openid: string): Promise<User> {
    const repo = this.db.repo(User);
    const existing = await repo.findOneBy({ openid });
    if (existing) return existing;
    try {
      return await repo.save(
        repo.create({ openid, nickname: '微信用户', devKey: null, phone: null, householdId: null, createdAt: this.clock.now() }),
      );
    } catch (error) {
      // Two logins of a new user at once: the unique openid index lets one create it.
      if (!isUniqueViolation(error)) throw error;
      return repo.findOneByOrFail({ openid });
    }
  }

  /**
   * The account gets this WeChat (a sign-in code redeemed in WeChat), so plain WeChat login finds
   * it next time. An account that has its own WeChat keeps it. When the WeChat already belongs
   * to another account, that one gives it up only if it is an empty shell (no role, no
   * household: what a first WeChat login leaves behind); otherwise the person has two accounts
   * and staff must sort it out.
   */
  async attachOpenid(userId: number, openid: string): Promise<void> {
    const repo = this.db.repo(User);
    const user = await repo.findOneByOrFail({ id: userId });
    if (user.openid !== null) return;
    const holder = await repo.findOneBy({ openid });
    if (holder) {
      const hasRole = await this.db.repo(RoleAssignment).exists({ where: { userId: holder.id } });
      if (hasRole || holder.householdId !== null) throw new DomainError('WECHAT_BOUND_ELSEWHERE');
      await repo.update({ id: holder.id }, { openid: null });
    }
    await repo.update({ id: userId, openid: IsNull() }, { openid });
  }

  /**
   * Gives a role unless the user already holds it (idempotent); the person now acts in that
   * community. `grantedBy`: the staff member who gave it (an invite's author), kept for the list.
   */
  async grantRole(userId: number, communityId: number, role: Role, grantedBy: number | null = null): Promise<void> {
    const roles = this.db.repo(RoleAssignment);
    const held = await roles.findOneBy({ userId, communityId, role });
    if (!held) await roles.insert({ userId, communityId, role, grantedAt: this.clock.now(), grantedBy });
    await this.setCurrentCommunity(userId, communityId);
  }

  /** Takes a role away in a community; false when the person did not hold it. Their next request no longer has it. */
  async revokeRole(userId: number, communityId: number, role: Role): Promise<boolean> {
    return ((await this.db.repo(RoleAssignment).delete({ userId, communityId, role })).affected ?? 0) > 0;
  }

  /** Every role of these kinds given in a community, with its holder, oldest first. */
  async roleHolders(communityId: number, roles: Role[]): Promise<RoleHolder[]> {
    const rows = await this.db.repo(RoleAssignment).find({ where: { communityId, role: In(roles) }, order: { id: 'ASC' } });
    const ids = [...new Set(rows.map((r) => r.userId))];
    const users = new Map((ids.length ? await this.db.repo(User).findBy({ id: In(ids) }) : []).map((u) => [u.id, u]));
    return rows.flatMap((r) => {
      const user = users.get(r.userId);
      return user
        ? [{ userId: r.userId, nickname: user.nickname, phone: user.phone, role: r.role, grantedAt: r.grantedAt, grantedBy: r.grantedBy }]
        : [];
    });
  }

  /**
   * How many people other than `except` hold one of `roles` here. On MySQL the rows are read
   * with a lock, so two revocations at once are taken one after the other and the second sees
   * the first (SQLite has one writer anyway).
   */
  async othersWithRole(communityId: number, roles: Role[], except: number): Promise<number> {
    const qb = this.db.manager
      .createQueryBuilder(RoleAssignment, 'r')
      .select(['r.id', 'r.userId'])
      .where('r.community_id = :communityId AND r.role IN (:...roles)', { communityId, roles });
    if (this.db.source.options.type === 'mysql') qb.setLock('pessimistic_write');
    const rows = await qb.getMany();
    return new Set(rows.filter((r) => r.userId !== except).map((r) => r.userId)).size;
  }

  findCommunity(id: number): Promise<Community | null> {
    return this.db.repo(Community).findOneBy({ id });
  }
}

/** One role of one person in a community, for the staff's list of people. */
export interface RoleHolder {
  userId: number;
  nickname: string;
  phone: string | null;
  role: Role;
  grantedAt: Date | null;
  grantedBy: number | null;
}

interface ActorRow {
  nickname: string;
  householdId: number | null;
  current: number | null;
  householdCommunity: number | null;
  communityId: number | null;
  role: string | null;
}

function numberOrNull(value: number | string | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
