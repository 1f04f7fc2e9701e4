import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { MESSAGES_PAGE_SIZE, type MessageKind, type MessagesPage, type MessageView, type PageQuery } from '@linli/shared-types';
import { IsNull } from 'typeorm';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { pageWindow } from '../../common/page-query.dto';
import { GiveUp, OutboxService, RetryLater } from '../notify/outbox.service';
import { Message } from './entities/message.entity';
import { MESSAGE_PUSHER, type MessagePusher } from './message-pusher';

/** What a flow tells one person. */
export interface TellMessage {
  userId: number;
  communityId: number;
  kind: MessageKind;
  title: string;
  body: string;
  link?: string | null;
  deadline?: Date | null;
  /** Told at most once under this key (a reminder, an overdue warning): a second tell does nothing. */
  once?: string;
}

/** The outbox kind that pushes messages out (WeChat subscribe message, or kept in the list): one row per push key. */
export const MESSAGE_PUSH = 'message.push';

/** Messages (or households) per INSERT, each chunk with one push row (well under both databases' parameter limits). */
const TELL_CHUNK = 500;

const COLUMNS = 'user_id, community_id, kind, title, body, link, deadline, once_key, push_key, created_at, read_at';

function view(m: Message): MessageView {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    body: m.body,
    link: m.link,
    deadline: m.deadline ? new Date(m.deadline).toISOString() : null,
    createdAt: new Date(m.createdAt).toISOString(),
    readAt: m.readAt ? new Date(m.readAt).toISOString() : null,
  };
}

/**
 * The one message list per person (issue 14). Flows call `tell()` inside the transaction of
 * their change, so a rolled-back change tells nobody; each message also leaves an outbox row
 * (`message.push`) that the pusher (`MESSAGE_PUSHER`) performs after commit. A person reads the
 * messages of their current community only.
 */
@Injectable()
export class MessagesService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    @Inject(MESSAGE_PUSHER) private readonly pusher: MessagePusher,
  ) {}

  onModuleInit(): void {
    this.outbox.handle(MESSAGE_PUSH, async (payload) => {
      // Rows written before push keys carry one message each.
      const messages =
        typeof payload.pushKey === 'string'
          ? await this.db.repo(Message).find({ where: { pushKey: payload.pushKey }, order: { id: 'ASC' } })
          : await this.db.repo(Message).findBy({ id: Number(payload.messageId) });
      await this.pushAll(messages);
    });
  }

  /**
   * Pushes each message of one outbox row. A message whose push fails does not hold the others
   * back; afterwards the row is retried if any asked for it (RetryLater), else ends DEAD if any
   * was refused (GiveUp). A retry pushes the whole chunk again: the pusher is idempotent per
   * message id (SubscribePusher keeps each message's spend, so one WeChat took is not sent again).
   */
  private async pushAll(messages: Message[]): Promise<void> {
    let retry: RetryLater | null = null;
    const refused: string[] = [];
    for (const m of messages) {
      try {
        await this.pusher.push({
          id: m.id,
          userId: m.userId,
          communityId: m.communityId,
          kind: m.kind,
          title: m.title,
          body: m.body,
          link: m.link,
          deadline: m.deadline ? new Date(m.deadline) : null,
        });
      } catch (error) {
        if (error instanceof RetryLater) retry = retry ?? error;
        else if (error instanceof GiveUp) refused.push(messages.length === 1 ? error.message : `message #${m.id}: ${error.message}`);
        else retry = retry ?? new RetryLater(error instanceof Error ? error.message : String(error));
      }
    }
    if (retry) throw retry;
    if (refused.length > 0) throw new GiveUp(refused.join('; '));
  }

  /**
   * In the caller's transaction: the messages as multi-row INSERTs (TELL_CHUNK at a time), each
   * chunk under one push key with ONE `message.push` outbox row — a constant number of
   * statements however many are told. A `once` key already told (by an earlier tell, or another
   * instance at the same moment: the unique index decides) is skipped. Returns how many were written.
   */
  async tell(message: TellMessage | TellMessage[]): Promise<number> {
    const all = Array.isArray(message) ? message : [message];
    let written = 0;
    const keys: string[] = [];
    for (let i = 0; i < all.length; i += TELL_CHUNK) {
      const chunk = all.slice(i, i + TELL_CHUNK);
      const pushKey = randomUUID();
      const now = this.clock.now();
      const once = chunk.some((m) => m.once);
      const params = chunk.flatMap((m) => [
        m.userId,
        m.communityId,
        m.kind,
        m.title.slice(0, 60),
        m.body.slice(0, 300),
        m.link ?? null,
        m.deadline ?? null,
        m.once ?? null,
        pushKey,
        now,
      ]);
      const row = `(${Db.marks(10)}, NULL)`;
      let sql = `INSERT INTO messages (${COLUMNS}) VALUES ${chunk.map(() => row).join(', ')}`;
      // A once key already there: nothing (the unique index decides, on both databases).
      if (once) sql += this.db.isMysql ? ' ON DUPLICATE KEY UPDATE once_key = once_key' : ' ON CONFLICT (once_key) DO NOTHING';
      await this.db.run(sql, params);
      // A skipped once key wrote nothing under this push key: count what did (MySQL's affected
      // rows count a duplicate as found).
      const n = once
        ? Number(
            (await this.db.rows<{ n: number | string }>('SELECT COUNT(*) AS n FROM messages WHERE push_key = ?', [pushKey]))[0]?.n ?? 0,
          )
        : chunk.length;
      written += n;
      if (n > 0 && chunk.some((m) => this.pushes(m.kind))) keys.push(pushKey);
    }
    await this.enqueuePushes(keys);
    return written;
  }

  /** The same message to each of these users. */
  async tellEach(
    userIds: number[],
    message: Omit<TellMessage, 'userId' | 'once'> & { once?: (userId: number) => string },
  ): Promise<number> {
    const { once, ...rest } = message;
    return this.tell([...new Set(userIds)].map((userId) => ({ ...rest, userId, once: once?.(userId) })));
  }

  /**
   * A message to every member of a household: ONE `INSERT … SELECT` over its members and its
   * push row (every order tells its household). With a `once` key per member, its members are
   * read first and told as `tell()` does.
   */
  async tellHousehold(
    householdId: number,
    message: Omit<TellMessage, 'userId' | 'once'> & { once?: (userId: number) => string },
  ): Promise<number> {
    if (message.once) return this.tellEach((await this.membersOf([householdId])).get(householdId) ?? [], message);
    return this.tellHouseholds([{ householdId, link: message.link ?? null }], message);
  }

  /**
   * One message to every member of each of these households (a dispatch tells thousands), each
   * household with its own link: `INSERT … SELECT` over their members, TELL_CHUNK households a
   * statement, and one push row per statement.
   */
  async tellHouseholds(
    households: { householdId: number; link: string | null }[],
    message: Omit<TellMessage, 'userId' | 'once' | 'link'>,
  ): Promise<number> {
    let written = 0;
    const keys: string[] = [];
    for (let i = 0; i < households.length; i += TELL_CHUNK) {
      const chunk = households.slice(i, i + TELL_CHUNK);
      const pushKey = randomUUID();
      const links = new Set(chunk.map((h) => h.link));
      // One link for all: a parameter; else chosen by household.
      const link =
        links.size === 1
          ? { sql: '?', params: [chunk[0]?.link ?? null] }
          : {
              sql: `CASE household_id ${chunk.map(() => 'WHEN ? THEN ?').join(' ')} END`,
              params: chunk.flatMap((h) => [h.householdId, h.link]),
            };
      const n = (
        await this.db.run(
          `INSERT INTO messages (${COLUMNS}) SELECT id, ?, ?, ?, ?, ${link.sql}, ?, NULL, ?, ?, NULL FROM users WHERE household_id IN (${Db.marks(chunk.length)})`,
          [
            message.communityId,
            message.kind,
            message.title.slice(0, 60),
            message.body.slice(0, 300),
            ...link.params,
            message.deadline ?? null,
            pushKey,
            this.clock.now(),
            ...chunk.map((h) => h.householdId),
          ],
        )
      ).affected;
      written += n;
      if (n > 0 && this.pushes(message.kind)) keys.push(pushKey);
    }
    await this.enqueuePushes(keys);
    return written;
  }

  /** The users living in each of these households (for a message told once per member). */
  async membersOf(householdIds: number[]): Promise<Map<number, number[]>> {
    const members = new Map<number, number[]>();
    for (let i = 0; i < householdIds.length; i += TELL_CHUNK) {
      const chunk = householdIds.slice(i, i + TELL_CHUNK);
      const rows = await this.db.rows<{ id: number; householdId: number }>(
        `SELECT id, household_id AS householdId FROM users WHERE household_id IN (${Db.marks(chunk.length)}) ORDER BY id`,
        chunk,
      );
      for (const r of rows) members.set(Number(r.householdId), [...(members.get(Number(r.householdId)) ?? []), Number(r.id)]);
    }
    return members;
  }

  /** Whether the pusher could do anything with a message of this kind (else the list is all, and no push row is written). */
  private pushes(kind: MessageKind): boolean {
    return this.pusher.pushes?.(kind) ?? true;
  }

  private async enqueuePushes(keys: string[]): Promise<void> {
    if (keys.length === 1) await this.outbox.enqueue(MESSAGE_PUSH, `messages:${keys[0]}`, { pushKey: keys[0] });
    else if (keys.length > 1)
      await this.outbox.enqueueMany(
        MESSAGE_PUSH,
        keys.map((pushKey) => ({ dedupeKey: `messages:${pushKey}`, payload: { pushKey } })),
      );
  }

  /** Staff (and supervisors) of a community. */
  async staffOf(communityId: number): Promise<number[]> {
    const rows = await this.db.manager
      .createQueryBuilder()
      .select('DISTINCT r.user_id', 'id')
      .from('role_assignments', 'r')
      .where('r.community_id = :communityId AND r.role IN (:...roles)', { communityId, roles: ['staff', 'supervisor'] })
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  /** Pharmacists of a pharmacy. */
  async pharmacistsOf(pharmacyId: number): Promise<number[]> {
    const rows = await this.db.manager
      .createQueryBuilder()
      .select('p.user_id', 'id')
      .from('pharmacists', 'p')
      .where('p.pharmacy_id = :pharmacyId', { pharmacyId })
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  private mine(actor: Actor): { userId: number; communityId: number } | null {
    return actor.communityId === null ? null : { userId: actor.userId, communityId: actor.communityId };
  }

  async list(actor: Actor, query: PageQuery): Promise<MessagesPage> {
    const { page, pageSize, skip } = pageWindow(query, MESSAGES_PAGE_SIZE);
    const where = this.mine(actor);
    if (!where) return { items: [], total: 0, page, pageSize };
    const [rows, total] = await this.db.repo(Message).findAndCount({ where, order: { id: 'DESC' }, skip, take: pageSize });
    return { items: rows.map(view), total, page, pageSize };
  }

  async unread(actor: Actor): Promise<number> {
    const where = this.mine(actor);
    return where ? this.db.repo(Message).countBy({ ...where, readAt: IsNull() }) : 0;
  }

  /** Marks one of my messages read (again: unchanged); another person's is not found. */
  async read(actor: Actor, id: number): Promise<MessageView> {
    const where = this.mine(actor);
    const message = where ? await this.db.repo(Message).findOneBy({ id, ...where }) : null;
    if (!message) throw new DomainError('MESSAGE_NOT_FOUND');
    if (message.readAt === null) {
      const now = this.clock.now();
      await this.db.repo(Message).update({ id, readAt: IsNull() }, { readAt: now });
      message.readAt = now;
    }
    return view(message);
  }

  async readAll(actor: Actor): Promise<number> {
    const where = this.mine(actor);
    if (!where) return 0;
    const result = await this.db.repo(Message).update({ ...where, readAt: IsNull() }, { readAt: this.clock.now() });
    return result.affected ?? 0;
  }
}
