import { Inject, Injectable } from '@nestjs/common';
import { formatDoor } from '@linli/shared-types';
import type {
  RefusedPushView,
  SubscribeMoment,
  SubscribeResult,
  SubscribeTemplatesView,
  SubscriptionAllowanceView,
} from '@linli/shared-types';
import { In } from 'typeorm';
import { staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { PushableMessage } from '../messages/message-pusher';
import { SubscriptionAllowance } from './entities/subscription-allowance.entity';
import { SubscriptionSpend, type SpendState } from './entities/subscription-spend.entity';
import { templatesToAsk, type SpendPlan } from './spend-rule';

/** What taking an allowance for a message found. */
export type Taken =
  /** One allowance spent now for this message. */
  | { taken: 'now'; templateId: string }
  /** Spent by an earlier attempt whose send did not get through: send again, spend nothing. */
  | { taken: 'before'; templateId: string }
  /** This message already went out (a retry after the send). */
  | { taken: 'sent' }
  /** None to spend (or the rest is kept for higher kinds). */
  | { taken: 'none' };

/**
 * The one writer of the allowance tables: accepts add, messages spend, WeChat's verdict gives
 * back or corrects.
 */
@Injectable()
export class AllowancesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Template ids the server sends with (a result for any other id is ignored). */
  private knownTemplates(): Set<string> {
    return new Set(Object.values(this.config.subscribeTemplates ?? {}).map((t) => t.templateId));
  }

  /**
   * The popup's answer: one more allowance per `accept` of a template we send with (the rest
   * is ignored: a reject adds nothing, and WeChat keeps what was granted before). In the
   * request's transaction, so a retried request with its Idempotency-Key adds nothing again.
   */
  async record(actor: Actor, results: Record<string, SubscribeResult>): Promise<SubscriptionAllowanceView[]> {
    const known = this.knownTemplates();
    const accepted = Object.entries(results)
      .filter(([id, result]) => result === 'accept' && known.has(id))
      .map(([id]) => id);
    for (const templateId of accepted) await this.add(actor.userId, templateId, 1);
    return this.mine(actor.userId, [...known]);
  }

  async mine(userId: number, templateIds: string[]): Promise<SubscriptionAllowanceView[]> {
    if (templateIds.length === 0) return [];
    const rows = await this.db.repo(SubscriptionAllowance).findBy({ userId, templateId: In(templateIds) });
    const left = new Map(rows.map((r) => [r.templateId, r.remaining]));
    return templateIds.sort().map((templateId) => ({ templateId, remaining: left.get(templateId) ?? 0 }));
  }

  templatesFor(moment: SubscribeMoment): SubscribeTemplatesView {
    return { tmplIds: this.config.subscribeTemplates ? templatesToAsk(moment, this.config.subscribeTemplates) : [] };
  }

  /** remaining + n, creating the row on the first accept (two at once: the unique key lets one insert). */
  private async add(userId: number, templateId: string, n: number): Promise<void> {
    const repo = this.db.repo(SubscriptionAllowance);
    const now = this.clock.now();
    const bump = (): Promise<{ affected?: number | null }> =>
      this.db.manager
        .createQueryBuilder()
        .update(SubscriptionAllowance)
        .set({ remaining: () => `remaining + ${n}`, updatedAt: now })
        .where('user_id = :userId AND template_id = :templateId', { userId, templateId })
        .execute();
    if ((await bump()).affected === 1) return;
    try {
      await repo.insert({ userId, templateId, remaining: n, updatedAt: now });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await bump();
    }
  }

  /**
   * Takes one allowance for a message, unless it already has one. One short transaction: the
   * conditional UPDATE (remaining > reserve) and the message's spend row (unique per message)
   * commit together, so neither two workers nor a retry spend twice.
   */
  async take(message: PushableMessage, plan: SpendPlan): Promise<Taken> {
    const { id: messageId, userId, communityId, kind } = message;
    try {
      return await this.db.transaction(async () => {
        const before = await this.db.repo(SubscriptionSpend).findOneBy({ messageId });
        if (before) return before.state === 'SPENT' ? { taken: 'before', templateId: before.templateId } : this.settled(before.state);
        const now = this.clock.now();
        const spent = await this.db.manager
          .createQueryBuilder()
          .update(SubscriptionAllowance)
          .set({ remaining: () => 'remaining - 1', updatedAt: now })
          .where('user_id = :userId AND template_id = :templateId AND remaining > :reserve', {
            userId,
            templateId: plan.templateId,
            reserve: plan.reserve,
          })
          .execute();
        if (spent.affected !== 1) return { taken: 'none' };
        await this.db.repo(SubscriptionSpend).insert({
          messageId,
          userId,
          communityId,
          kind,
          templateId: plan.templateId,
          state: 'SPENT',
          reason: null,
          createdAt: now,
          updatedAt: now,
        });
        return { taken: 'now', templateId: plan.templateId };
      });
    } catch (error) {
      // Another worker took one for this message at the same moment: ours rolled back; use theirs.
      if (!isUniqueViolation(error)) throw error;
      return this.take(message, plan);
    }
  }

  private settled(state: Exclude<SpendState, 'SPENT'>): Taken {
    return state === 'SENT' ? { taken: 'sent' } : { taken: 'none' };
  }

  /** WeChat took the message. */
  async sent(messageId: number): Promise<void> {
    await this.settle(messageId, 'SENT');
  }

  /**
   * WeChat refused the message itself (a value, the template, the openid, the page): a refused
   * send does not use the user's grant, so the allowance is given back for the next message.
   */
  async giveBack(messageId: number, reason: string): Promise<void> {
    await this.db.transaction(async () => {
      const spend = await this.db.repo(SubscriptionSpend).findOneBy({ messageId, state: 'SPENT' });
      if (!spend || !(await this.settle(messageId, 'RETURNED', reason))) return;
      await this.add(spend.userId, spend.templateId, 1);
    });
  }

  /** 43101: WeChat has no grant for this user and template (or they turned it off): we count none. */
  async noneLeft(messageId: number, reason: string): Promise<void> {
    await this.db.transaction(async () => {
      const spend = await this.db.repo(SubscriptionSpend).findOneBy({ messageId, state: 'SPENT' });
      if (!spend || !(await this.settle(messageId, 'REFUSED', reason))) return;
      await this.db
        .repo(SubscriptionAllowance)
        .update({ userId: spend.userId, templateId: spend.templateId }, { remaining: 0, updatedAt: this.clock.now() });
    });
  }

  /**
   * Nickname and openid of users, by a plain read: this module sits below the flows (the
   * messages module, which community imports, binds its pusher), so it cannot import community.
   */
  async people(ids: number[]): Promise<Map<number, { nickname: string; openid: string | null }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.manager
      .createQueryBuilder()
      .select(['u.id AS id', 'u.nickname AS nickname', 'u.openid AS openid'])
      .from('users', 'u')
      .where('u.id IN (:...ids)', { ids })
      .getRawMany<{ id: number; nickname: string; openid: string | null }>();
    return new Map(rows.map((r) => [Number(r.id), { nickname: r.nickname, openid: r.openid }]));
  }

  /** SPENT → state, once (conditional). */
  private async settle(messageId: number, state: SpendState, reason: string | null = null): Promise<boolean> {
    const done = await this.db.transaction(() =>
      this.db
        .repo(SubscriptionSpend)
        .update({ messageId, state: 'SPENT' }, { state, reason: reason?.slice(0, 500) ?? null, updatedAt: this.clock.now() }),
    );
    return done.affected === 1;
  }

  /**
   * Staff: the latest messages of my community WeChat refused for good (a template or value
   * problem to fix in the configuration), newest first: those people were told in the app only,
   * so each row carries what was said and how to reach them by phone (their own number, else
   * their household's contact).
   */
  async refused(actor: Actor): Promise<RefusedPushView[]> {
    const communityId = staffCommunity(actor);
    const spends = await this.db
      .repo(SubscriptionSpend)
      .find({ where: { communityId, state: 'RETURNED' }, order: { updatedAt: 'DESC', id: 'DESC' }, take: 100 });
    const [said, reach] = await Promise.all([
      this.said(spends.map((s) => s.messageId)),
      this.reach([...new Set(spends.map((s) => s.userId))]),
    ]);
    return spends.map((s) => {
      const m = said.get(s.messageId);
      const r = reach.get(s.userId);
      return {
        messageId: s.messageId,
        userId: s.userId,
        nickname: r?.nickname ?? '',
        phone: r?.userPhone || r?.householdPhone || null,
        address: r?.building ? formatDoor(r.building, r.unit ?? '', r.room ?? '') : null,
        kind: s.kind,
        templateId: s.templateId,
        title: m?.title ?? '',
        body: m?.body ?? '',
        link: m?.link ?? null,
        reason: s.reason ?? '',
        at: s.updatedAt.toISOString(),
      };
    });
  }

  /** What each message said, by a plain read (see `people`). */
  private async said(ids: number[]): Promise<Map<number, { title: string; body: string; link: string | null }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.manager
      .createQueryBuilder()
      .select(['m.id AS id', 'm.title AS title', 'm.body AS body', 'm.link AS link'])
      .from('messages', 'm')
      .where('m.id IN (:...ids)', { ids })
      .getRawMany<{ id: number | string; title: string; body: string; link: string | null }>();
    return new Map(rows.map((r) => [Number(r.id), r]));
  }

  /** How to reach each person by phone: their own number, their household's contact, their door. */
  private async reach(ids: number[]): Promise<Map<number, ReachRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.manager
      .createQueryBuilder()
      .select([
        'u.id AS id',
        'u.nickname AS nickname',
        'u.phone AS userPhone',
        'h.contact_phone AS householdPhone',
        'b.name AS building',
        'h.unit AS unit',
        'h.room AS room',
      ])
      .from('users', 'u')
      .leftJoin('households', 'h', 'h.id = u.household_id')
      .leftJoin('buildings', 'b', 'b.id = h.building_id')
      .where('u.id IN (:...ids)', { ids })
      .getRawMany<ReachRow & { id: number | string }>();
    return new Map(rows.map((r) => [Number(r.id), r]));
  }
}

interface ReachRow {
  nickname: string | null;
  userPhone: string | null;
  householdPhone: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
}
