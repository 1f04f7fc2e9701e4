import { Injectable } from '@nestjs/common';
import {
  BINDING_FLOW,
  nextStates,
  type Actor as FlowActor,
  type BindingRequestView,
  type BindingState,
  type CreateBindingRequest,
} from '@linli/shared-types';
import { In, IsNull, MoreThan } from 'typeorm';
import { isStaffOf, relationsTo, requireRelation, staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { defineMove, Transitions } from '../../common/workflow';
import { MessagesService } from '../messages/messages.service';
import { BindingCode } from './entities/binding-code.entity';
import { BINDING_WORKFLOW, BindingRequest } from './entities/binding-request.entity';
import { Household } from './entities/household.entity';
import { User } from './entities/user.entity';
import { HouseholdsService } from './households.service';
import { UsersService } from './users.service';

/** Binding by a code withdraws the person's own waiting request. */
const WITHDRAWN_BY_CODE = defineMove(BINDING_WORKFLOW, 'PENDING', 'CANCELLED', 'resident');

/** A resident binds to a household: by the door (staff approve) or by a printed code (at once). */
@Injectable()
export class BindingsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly households: HouseholdsService,
    private readonly transitions: Transitions,
    private readonly messages: MessagesService,
  ) {}

  async create(actor: Actor, dto: CreateBindingRequest): Promise<BindingRequestView> {
    if (actor.householdId !== null) throw new DomainError('ALREADY_BOUND');
    const id = dto.bindingCode !== undefined ? await this.bindByCode(actor, dto.bindingCode, dto) : await this.requestByDoor(actor, dto);
    return this.view(actor, id);
  }

  private async requestByDoor(actor: Actor, dto: CreateBindingRequest): Promise<number> {
    const community = actor.communityId;
    if (community === null) throw new DomainError('COMMUNITY_NOT_CHOSEN');
    if (dto.buildingId === undefined) throw new DomainError('HOUSEHOLD_NOT_FOUND');
    const household = await this.db
      .repo(Household)
      .findOneBy({ communityId: community, buildingId: dto.buildingId, unit: dto.unit ?? '', room: dto.room ?? '' });
    if (!household) throw new DomainError('HOUSEHOLD_NOT_FOUND');
    try {
      const saved = await this.db.repo(BindingRequest).save({
        communityId: community,
        userId: actor.userId,
        householdId: household.id,
        state: 'PENDING' as const,
        pendingUserId: actor.userId,
        name: dto.name,
        phone: dto.phone,
        viaCode: false,
        rejectReason: null,
        decidedBy: null,
        decidedAt: null,
        createdAt: this.clock.now(),
      });
      return saved.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('BINDING_PENDING');
      throw error;
    }
  }

  /** A valid unused code binds at once; any open request of the user is withdrawn. */
  private bindByCode(actor: Actor, rawCode: string, dto: CreateBindingRequest): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction(async () => {
      const codes = this.db.repo(BindingCode);
      const code = await codes.findOneBy({ code: rawCode.toUpperCase(), usedAt: IsNull(), expiresAt: MoreThan(now) });
      if (!code) throw new DomainError('BINDING_CODE_INVALID');
      const taken = await codes.update({ id: code.id, usedAt: IsNull() }, { usedAt: now, usedBy: actor.userId });
      if (taken.affected !== 1) throw new DomainError('BINDING_CODE_INVALID');
      const household = await this.db.repo(Household).findOneByOrFail({ id: code.householdId });
      // Read first, then move it by its id: an UPDATE by pending_user_id that finds nothing locks
      // the index gap on MySQL, and new users binding at once then deadlock on their inserts.
      const waiting = await this.db.repo(BindingRequest).findOne({ where: { pendingUserId: actor.userId }, select: ['id'] });
      if (waiting)
        await this.transitions.systemTransition(WITHDRAWN_BY_CODE, { ids: [waiting.id] }, { pendingUserId: null, decidedAt: now });

      const request = await this.db.repo(BindingRequest).save({
        communityId: household.communityId,
        userId: actor.userId,
        householdId: household.id,
        state: 'APPROVED' as const,
        pendingUserId: null,
        name: dto.name,
        phone: dto.phone,
        viaCode: true,
        rejectReason: null,
        decidedBy: code.createdBy,
        decidedAt: now,
        createdAt: now,
      });
      await this.moveIn(actor.userId, household, dto.name, dto.phone);
      return request.id;
    });
  }

  async cancel(actor: Actor, id: number): Promise<BindingRequestView> {
    await this.decide(actor, id, 'CANCELLED', {});
    return this.view(actor, id);
  }

  async approve(actor: Actor, id: number): Promise<BindingRequestView> {
    await this.decide(actor, id, 'APPROVED', {});
    return this.view(actor, id);
  }

  async reject(actor: Actor, id: number, reason: string): Promise<BindingRequestView> {
    await this.decide(actor, id, 'REJECTED', { rejectReason: reason });
    return this.view(actor, id);
  }

  /** Moves a request along BINDING_FLOW in one transaction; the conditional UPDATE decides races. */
  private async decide(actor: Actor, id: number, to: BindingState, extra: Partial<BindingRequest>): Promise<void> {
    await this.db.transaction(async () => {
      const { record: request, as } = this.visible(actor, await this.db.repo(BindingRequest).findOneBy({ id }));
      const now = this.clock.now();
      await this.transitions.transition(
        BINDING_WORKFLOW,
        request,
        to,
        as,
        { ...extra, pendingUserId: null, decidedAt: now, decidedBy: to === 'CANCELLED' ? null : actor.userId },
        () => new DomainError('INVALID_TRANSITION', { to }),
      );
      if (to === 'APPROVED') {
        const household = await this.db.repo(Household).findOneByOrFail({ id: request.householdId });
        await this.moveIn(request.userId, household, request.name, request.phone);
      }
      if (to === 'APPROVED' || to === 'REJECTED') await this.tellDecision(request, to, extra.rejectReason);
      if (to !== 'CANCELLED') {
        await this.audit.record(actor, {
          action: `binding.${to.toLowerCase()}`,
          targetType: 'binding_request',
          targetId: id,
          details: extra,
        });
      }
    });
  }

  private async tellDecision(request: BindingRequest, to: 'APPROVED' | 'REJECTED', reason?: string | null): Promise<void> {
    const approved = to === 'APPROVED';
    await this.messages.tell({
      userId: request.userId,
      communityId: request.communityId,
      kind: approved ? 'binding.approved' : 'binding.rejected',
      title: approved ? '门牌绑定已通过' : '门牌绑定未通过',
      body: approved ? '社区已确认您的门牌，现在可以下单、登记买药了' : `社区工作人员说明：${reason ?? ''}。请核对后重新申请`,
      link: approved ? '/pages/me/index' : '/pages/bind/index',
    });
  }

  /**
   * Binds the user to the household unless already bound, and makes them a resident there.
   * The name and phone given on the request become the user's: staff and volunteers know
   * residents by them, not by a WeChat nickname.
   */
  private async moveIn(userId: number, household: Household, name: string, phone: string): Promise<void> {
    const bound = await this.db.manager
      .createQueryBuilder()
      .update(User)
      .set({ householdId: household.id, nickname: name, phone })
      .where('id = :userId AND household_id IS NULL', { userId })
      .execute();
    if (bound.affected !== 1) throw new DomainError('ALREADY_BOUND');
    await this.users.grantRole(userId, household.communityId, 'resident');
  }

  /** Staff list of a community's requests: pending ones oldest first (they have waited longest). */
  async listForStaff(actor: Actor, state: BindingState | undefined): Promise<BindingRequestView[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.repo(BindingRequest).find({
      where: state ? { communityId, state } : { communityId },
      order: { createdAt: state === 'PENDING' ? 'ASC' : 'DESC', id: 'ASC' },
      take: 200,
    });
    return this.views(actor, rows);
  }

  /** The user's latest request, if any. */
  async latestOf(actor: Actor): Promise<BindingRequestView | null> {
    const [latest] = await this.db.repo(BindingRequest).find({ where: { userId: actor.userId }, order: { id: 'DESC' }, take: 1 });
    if (!latest) return null;
    const [view] = await this.views(actor, [latest]);
    return view ?? null;
  }

  private async view(actor: Actor, id: number): Promise<BindingRequestView> {
    const { record } = this.visible(actor, await this.db.repo(BindingRequest).findOneBy({ id }));
    const [view] = await this.views(actor, [record]);
    return view as BindingRequestView;
  }

  /** The owner sees their request; staff see their community's; anyone else gets not found. */
  private visible(actor: Actor, request: BindingRequest | null): { record: BindingRequest; as: FlowActor[] } {
    return requireRelation(actor, request && this.concerned(request), 'NOT_FOUND');
  }

  /** In the binding flow the owner acts as the resident, even before holding the role. */
  private concerned(request: BindingRequest): BindingRequest & { ownerUserId: number } {
    return { ...request, ownerUserId: request.userId };
  }

  private async views(actor: Actor, rows: BindingRequest[]): Promise<BindingRequestView[]> {
    if (rows.length === 0) return [];
    const households = await this.db.repo(Household).findBy({ id: In([...new Set(rows.map((r) => r.householdId))]) });
    const householdViews = await this.households.views(households, true);
    return rows.map((r) => {
      const h = householdViews.find((v) => v.id === r.householdId);
      // Who lives behind a door is for staff deciding; the requester learns it once approved.
      const staff = isStaffOf(actor, r.communityId);
      return {
        id: r.id,
        state: r.state,
        userId: r.userId,
        name: r.name,
        phone: r.phone,
        householdId: staff || r.state === 'APPROVED' ? r.householdId : null,
        building: h?.building ?? '',
        unit: h?.unit ?? '',
        room: h?.room ?? '',
        address: h?.address ?? '',
        viaCode: Boolean(r.viaCode),
        rejectReason: r.rejectReason,
        createdAt: new Date(r.createdAt).toISOString(),
        decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
        actions: nextStates(BINDING_FLOW, r.state, relationsTo(actor, this.concerned(r))),
        household: h && staff ? { id: h.id, headcount: h.headcount, tags: h.tags, contactName: h.contactName } : null,
      };
    });
  }
}
