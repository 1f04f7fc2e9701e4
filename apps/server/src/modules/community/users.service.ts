import { Injectable } from '@nestjs/common';
import { isRole, type DevUserKey, type Role } from '@linli/shared-types';
import { In } from 'typeorm';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
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

  /** The actor behind a token, or null when the user no longer exists. */
  async loadActor(userId: number): Promise<Actor | null> {
    // One query per request: the user and their roles, roles in assignment order.
    const rows = await this.db.manager
      .createQueryBuilder(User, 'u')
      .leftJoin(RoleAssignment, 'r', 'r.user_id = u.id')
      .select(['u.nickname AS nickname', 'u.household_id AS householdId', 'r.community_id AS communityId', 'r.role AS role'])
      .where('u.id = :userId', { userId })
      .orderBy('r.id', 'ASC')
      .getRawMany<{ nickname: string; householdId: number | null; communityId: number | null; role: string | null }>();
    const first = rows[0];
    if (!first) return null;
    const communityId = first.communityId === null ? null : Number(first.communityId);
    const roles = rows
      .filter((r) => r.communityId !== null && Number(r.communityId) === communityId)
      .map((r) => r.role)
      .filter(isRole);
    return {
      userId,
      nickname: first.nickname,
      communityId,
      roles,
      householdId: first.householdId === null ? null : Number(first.householdId),
    };
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

  /** Gives a role unless the user already holds it (idempotent). */
  async grantRole(userId: number, communityId: number, role: Role): Promise<void> {
    const roles = this.db.repo(RoleAssignment);
    const held = await roles.findOneBy({ userId, communityId, role });
    if (!held) await roles.insert({ userId, communityId, role });
  }

  /** The community a user without roles acts in: the first one (one community per deployment today). */
  async defaultCommunity(): Promise<Community | null> {
    const [first] = await this.db.repo(Community).find({ order: { id: 'ASC' }, take: 1 });
    return first ?? null;
  }

  findCommunity(id: number): Promise<Community | null> {
    return this.db.repo(Community).findOneBy({ id });
  }
}
