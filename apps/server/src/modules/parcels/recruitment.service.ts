import { Injectable } from '@nestjs/common';
import { formatDoor, type SignupRequest, type SignupView, type VolunteerPostRequest, type VolunteerPostView } from '@linli/shared-types';
import { In } from 'typeorm';
import { staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { HouseholdsService } from '../community/households.service';
import { UsersService } from '../community/users.service';
import { VolunteerPost } from './entities/volunteer-post.entity';
import { VolunteerSignup } from './entities/volunteer-signup.entity';
import { MessagesService } from '../messages/messages.service';
import { VolunteersService } from './volunteers.service';

/**
 * Volunteer recruitment as in the seeds: staff post the role, requirements, hours and how many;
 * residents sign up; approval gives the volunteer role and puts them in the post's squad.
 */
@Injectable()
export class RecruitmentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
    private readonly volunteers: VolunteersService,
    private readonly messages: MessagesService,
  ) {}

  // ---- staff ----------------------------------------------------------------------------------

  async createPost(actor: Actor, dto: VolunteerPostRequest): Promise<VolunteerPostView> {
    const communityId = staffCommunity(actor);
    const post = await this.db.repo(VolunteerPost).save({
      communityId,
      squad: dto.squad,
      title: dto.title,
      requirements: dto.requirements,
      shift: dto.shift,
      slots: dto.slots,
      approved: 0,
      status: 'OPEN' as const,
      createdBy: actor.userId,
      createdAt: this.clock.now(),
    });
    await this.audit.record(actor, {
      action: 'volunteer.post',
      targetType: 'volunteer_post',
      targetId: post.id,
      details: { ...dto },
    });
    return (await this.views([post], null))[0] as VolunteerPostView;
  }

  /** Every post of the community, newest first, with how many are approved and waiting. */
  async staffPosts(actor: Actor): Promise<VolunteerPostView[]> {
    const communityId = staffCommunity(actor);
    return this.views(await this.db.repo(VolunteerPost).find({ where: { communityId }, order: { id: 'DESC' }, take: 200 }), null);
  }

  async closePost(actor: Actor, id: number): Promise<VolunteerPostView> {
    const post = await this.staffPost(actor, id);
    await this.db.repo(VolunteerPost).update({ id }, { status: 'CLOSED' });
    await this.audit.record(actor, { action: 'volunteer.post.close', targetType: 'volunteer_post', targetId: id });
    return (await this.views([{ ...post, status: 'CLOSED' }], null))[0] as VolunteerPostView;
  }

  /** A post's sign-ups, waiting ones first: name, door and phone (staff only). */
  async signups(actor: Actor, postId: number): Promise<SignupView[]> {
    await this.staffPost(actor, postId);
    const rows = await this.db.repo(VolunteerSignup).find({ where: { postId }, order: { id: 'ASC' } });
    const order = { PENDING: 0, APPROVED: 1, REJECTED: 2, WITHDRAWN: 3 };
    return (await this.signupViews(rows)).sort((a, b) => order[a.status] - order[b.status] || a.id - b.id);
  }

  /**
   * Approval: the sign-up moves from PENDING by a conditional UPDATE, the post's count by another
   * (approved < slots) — two staff approving the last place at once cannot both succeed — and
   * the person gets the volunteer role and the post's squad.
   */
  async approve(actor: Actor, signupId: number): Promise<SignupView> {
    const signup = await this.staffSignup(actor, signupId);
    if (signup.status === 'APPROVED') return (await this.signupViews([signup]))[0] as SignupView;
    const decided = await this.db
      .repo(VolunteerSignup)
      .update(
        { id: signupId, status: 'PENDING' },
        { status: 'APPROVED', decidedBy: actor.userId, decidedAt: this.clock.now(), reason: null },
      );
    if (decided.affected !== 1) throw new DomainError('SIGNUP_DECIDED');
    const taken = await this.db.manager
      .createQueryBuilder()
      .update(VolunteerPost)
      .set({ approved: () => 'approved + 1' })
      .where('id = :id AND approved < slots', { id: signup.postId })
      .execute();
    if (taken.affected !== 1) throw new DomainError('POST_FULL');
    const post = await this.db.repo(VolunteerPost).findOneByOrFail({ id: signup.postId });
    await this.users.grantRole(signup.userId, signup.communityId, 'volunteer');
    await this.volunteers.enlist(signup.userId, signup.communityId, post.squad);
    await this.messages.tell({
      userId: signup.userId,
      communityId: signup.communityId,
      kind: 'volunteer.approved',
      title: '志愿者报名已通过',
      body: `您报名的「${post.title}」已通过，欢迎加入！上岗后可在「我的配送任务」接单`,
      link: '/volunteer/tasks/index',
    });
    await this.audit.record(actor, { action: 'volunteer.approve', targetType: 'volunteer_signup', targetId: signupId });
    return (await this.signupViews([{ ...signup, status: 'APPROVED', reason: null }]))[0] as SignupView;
  }

  async reject(actor: Actor, signupId: number, reason: string): Promise<SignupView> {
    const signup = await this.staffSignup(actor, signupId);
    const decided = await this.db
      .repo(VolunteerSignup)
      .update({ id: signupId, status: 'PENDING' }, { status: 'REJECTED', reason, decidedBy: actor.userId, decidedAt: this.clock.now() });
    if (decided.affected !== 1) throw new DomainError('SIGNUP_DECIDED');
    await this.messages.tell({
      userId: signup.userId,
      communityId: signup.communityId,
      kind: 'volunteer.rejected',
      title: '志愿者报名未通过',
      body: `社区工作人员说明：${reason}。感谢您的热心`,
      link: '/pages/volunteer-posts/index',
    });
    await this.audit.record(actor, {
      action: 'volunteer.reject',
      targetType: 'volunteer_signup',
      targetId: signupId,
      details: { reason },
    });
    return (await this.signupViews([{ ...signup, status: 'REJECTED', reason }]))[0] as SignupView;
  }

  // ---- residents ------------------------------------------------------------------------------

  /** Open posts of my community, and my own sign-ups on any post. */
  async openPosts(actor: Actor): Promise<VolunteerPostView[]> {
    if (actor.communityId === null) return [];
    const mine = await this.db.repo(VolunteerSignup).findBy({ userId: actor.userId });
    const posts = await this.db.repo(VolunteerPost).find({ where: { communityId: actor.communityId }, order: { id: 'DESC' }, take: 200 });
    return this.views(
      posts.filter((p) => p.status === 'OPEN' || mine.some((s) => s.postId === p.id)),
      actor.userId,
    );
  }

  /** Signing up again after withdrawing (or being turned down) asks again. */
  async signUp(actor: Actor, postId: number, dto: SignupRequest): Promise<VolunteerPostView> {
    if (actor.householdId === null || actor.communityId === null) throw new DomainError('SIGNUP_NEEDS_HOUSEHOLD');
    const post = await this.db.repo(VolunteerPost).findOneBy({ id: postId, communityId: actor.communityId });
    if (!post) throw new DomainError('POST_NOT_FOUND');
    if (post.status !== 'OPEN') throw new DomainError('POST_CLOSED');
    if (post.approved >= post.slots) throw new DomainError('POST_FULL');
    const phone = dto.phone ?? (await this.households.doors([actor.householdId])).get(actor.householdId)?.contactPhone ?? null;
    const repo = this.db.repo(VolunteerSignup);
    const existing = await repo.findOneBy({ postId, userId: actor.userId });
    if (existing && (existing.status === 'PENDING' || existing.status === 'APPROVED')) throw new DomainError('ALREADY_SIGNED_UP');
    const fields = { phone, note: dto.note ?? null, status: 'PENDING' as const, reason: null, decidedBy: null, decidedAt: null };
    if (existing) {
      const again = await repo.update({ id: existing.id, status: existing.status }, { ...fields, createdAt: this.clock.now() });
      if (again.affected !== 1) throw new DomainError('ALREADY_SIGNED_UP');
    } else {
      try {
        await repo.insert({
          postId,
          communityId: post.communityId,
          userId: actor.userId,
          householdId: actor.householdId,
          ...fields,
          createdAt: this.clock.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('ALREADY_SIGNED_UP');
        throw error;
      }
    }
    return (await this.views([post], actor.userId))[0] as VolunteerPostView;
  }

  /** A waiting sign-up can be withdrawn by its person. */
  async withdraw(actor: Actor, postId: number): Promise<VolunteerPostView> {
    const signup = await this.db.repo(VolunteerSignup).findOneBy({ postId, userId: actor.userId });
    if (!signup) throw new DomainError('SIGNUP_NOT_FOUND');
    if (signup.status !== 'WITHDRAWN') {
      const moved = await this.db.repo(VolunteerSignup).update({ id: signup.id, status: 'PENDING' }, { status: 'WITHDRAWN' });
      if (moved.affected !== 1) throw new DomainError('SIGNUP_DECIDED');
    }
    const post = await this.db.repo(VolunteerPost).findOneByOrFail({ id: postId });
    return (await this.views([post], actor.userId))[0] as VolunteerPostView;
  }

  // ---- internals ------------------------------------------------------------------------------

  private async staffPost(actor: Actor, id: number): Promise<VolunteerPost> {
    const post = await this.db.repo(VolunteerPost).findOneBy({ id, communityId: staffCommunity(actor) });
    if (!post) throw new DomainError('POST_NOT_FOUND');
    return post;
  }

  private async staffSignup(actor: Actor, id: number): Promise<VolunteerSignup> {
    const signup = await this.db.repo(VolunteerSignup).findOneBy({ id, communityId: staffCommunity(actor) });
    if (!signup) throw new DomainError('SIGNUP_NOT_FOUND');
    return signup;
  }

  private async views(posts: VolunteerPost[], forUser: number | null): Promise<VolunteerPostView[]> {
    const ids = posts.map((p) => p.id);
    const pending = ids.length
      ? ((await this.db.manager
          .createQueryBuilder(VolunteerSignup, 's')
          .select('s.post_id', 'postId')
          .addSelect('COUNT(*)', 'n')
          .where('s.post_id IN (:...ids) AND s.status = :pending', { ids, pending: 'PENDING' })
          .groupBy('s.post_id')
          .getRawMany()) as { postId: number; n: string | number }[])
      : [];
    const mine = forUser !== null && ids.length ? await this.db.repo(VolunteerSignup).findBy({ postId: In(ids), userId: forUser }) : [];
    return posts.map((p) => {
      const my = mine.find((s) => s.postId === p.id);
      return {
        id: p.id,
        squad: p.squad,
        title: p.title,
        requirements: p.requirements,
        shift: p.shift,
        slots: p.slots,
        status: p.status,
        approved: p.approved,
        pending: Number(pending.find((x) => Number(x.postId) === p.id)?.n ?? 0),
        createdAt: new Date(p.createdAt).toISOString(),
        mySignup: my ? { id: my.id, status: my.status, reason: my.reason } : null,
      };
    });
  }

  private async signupViews(rows: VolunteerSignup[]): Promise<SignupView[]> {
    const names = await this.users.nicknames(rows.map((r) => r.userId));
    const doors = await this.households.doors(rows.map((r) => r.householdId));
    return rows.map((r) => {
      const door = doors.get(r.householdId);
      return {
        id: r.id,
        postId: r.postId,
        userId: r.userId,
        nickname: names.get(r.userId) ?? '',
        door: door ? formatDoor(door.building, door.unit, door.room) : '',
        phone: r.phone,
        note: r.note,
        status: r.status,
        reason: r.reason,
        createdAt: new Date(r.createdAt).toISOString(),
      };
    });
  }
}
