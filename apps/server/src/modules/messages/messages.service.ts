import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { MESSAGES_PAGE_SIZE, type MessageKind, type MessagesPage, type MessageView, type PageQuery } from '@linli/shared-types';
import { IsNull } from 'typeorm';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { pageWindow } from '../../common/page-query.dto';
import { OutboxService } from '../notify/outbox.service';
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

/** The outbox kind that pushes a message out (WeChat subscribe message, or kept in the list). */
export const MESSAGE_PUSH = 'message.push';

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
      const message = await this.db.repo(Message).findOneBy({ id: Number(payload.messageId) });
      if (!message) return; // nothing to push (cannot happen: the row commits with the message)
      await this.pusher.push({
        id: message.id,
        userId: message.userId,
        communityId: message.communityId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        link: message.link,
        deadline: message.deadline ? new Date(message.deadline) : null,
      });
    });
  }

  /** In the caller's transaction: each message and its push; returns how many were written (a repeated `once` is not). */
  async tell(message: TellMessage | TellMessage[]): Promise<number> {
    const all = Array.isArray(message) ? message : [message];
    const ids: number[] = [];
    for (const m of all) {
      if (m.once && (await this.db.repo(Message).existsBy({ onceKey: m.once }))) continue;
      try {
        const inserted = await this.db.repo(Message).insert({
          userId: m.userId,
          communityId: m.communityId,
          kind: m.kind,
          title: m.title.slice(0, 60),
          body: m.body.slice(0, 300),
          link: m.link ?? null,
          deadline: m.deadline ?? null,
          onceKey: m.once ?? null,
          createdAt: this.clock.now(),
          readAt: null,
        });
        ids.push(Number(inserted.identifiers[0]?.id));
      } catch (error) {
        if (m.once && isUniqueViolation(error)) continue; // told by another instance at the same moment
        throw error;
      }
    }
    // The pushes in as few statements as possible: a dispatch tells thousands at once.
    if (ids.length === 1) await this.outbox.enqueue(MESSAGE_PUSH, `message:${ids[0]}`, { messageId: ids[0] });
    else if (ids.length > 1)
      await this.outbox.enqueueMany(
        MESSAGE_PUSH,
        ids.map((id) => ({ dedupeKey: `message:${id}`, payload: { messageId: id } })),
      );
    return ids.length;
  }

  /** The users living in each of these households (every member gets a household's message). */
  async membersOf(householdIds: number[]): Promise<Map<number, number[]>> {
    const members = new Map<number, number[]>();
    for (let i = 0; i < householdIds.length; i += 500) {
      const chunk = householdIds.slice(i, i + 500);
      const rows = await this.db.manager
        .createQueryBuilder()
        .select('u.id', 'id')
        .addSelect('u.household_id', 'householdId')
        .from('users', 'u')
        .where('u.household_id IN (:...chunk)', { chunk })
        .getRawMany<{ id: number; householdId: number }>();
      for (const r of rows) members.set(Number(r.householdId), [...(members.get(Number(r.householdId)) ?? []), Number(r.id)]);
    }
    return members;
  }

  /** The users living in a household (every member of it gets a household's message). */
  async householdMembers(householdId: number): Promise<number[]> {
    const rows = await this.db.manager
      .createQueryBuilder()
      .select('u.id', 'id')
      .from('users', 'u')
      .where('u.household_id = :householdId', { householdId })
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
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

  /** The same message to each of these users. */
  async tellEach(
    userIds: number[],
    message: Omit<TellMessage, 'userId' | 'once'> & { once?: (userId: number) => string },
  ): Promise<number> {
    const { once, ...rest } = message;
    return this.tell([...new Set(userIds)].map((userId) => ({ ...rest, userId, once: once?.(userId) })));
  }

  /** A message to every member of a household. */
  async tellHousehold(
    householdId: number,
    message: Omit<TellMessage, 'userId' | 'once'> & { once?: (userId: number) => string },
  ): Promise<number> {
    return this.tellEach(await this.householdMembers(householdId), message);
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
