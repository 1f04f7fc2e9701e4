import { Injectable } from '@nestjs/common';
import { formatFen, type ProxyKind } from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import type { Household } from '../community/entities/household.entity';
import { HouseholdsService } from '../community/households.service';
import { UsersService } from '../community/users.service';
import { MessagesService } from '../messages/messages.service';
import { FamilyBindingsService } from './family-bindings.service';

/** Someone who acted for a household, and as whom. */
export interface ProxyActor {
  userId: number;
  as: ProxyKind;
}

/** The proxy of an access check (`ProxyAccess.require`): who is asking, as whom. */
export const proxyOf = (actor: Pick<Actor, 'userId'>, acting: { as: ProxyKind }): ProxyActor => ({ userId: actor.userId, as: acting.as });

/** The household of an access check, as `tell` takes it. */
export const householdOf = (acting: {
  household: Pick<Household, 'id' | 'communityId'>;
}): { householdId: number; communityId: number } => ({
  householdId: acting.household.id,
  communityId: acting.household.communityId,
});

/** 「您的女儿 李红」, 「网格员 张三」, 「社区工作人员 王敏」: the proxy as the household knows them. */
export function proxyName(as: ProxyKind, nickname: string, binding: { relation: string; name: string } | null): string {
  switch (as) {
    case 'family':
      return binding ? `您的${binding.relation} ${binding.name}` : `您的家属 ${nickname}`;
    case 'grid_worker':
      return `网格员 ${nickname}`;
    case 'staff':
      return `社区工作人员 ${nickname}`;
  }
}

/**
 * The household hears of what a proxy did for it (paid, confirmed a parcel, rated it), in the
 * transaction of the act, so it can object if it was not asked.
 */
@Injectable()
export class ProxyMessages {
  constructor(
    private readonly messages: MessagesService,
    private readonly users: UsersService,
    private readonly family: FamilyBindingsService,
    private readonly households: HouseholdsService,
  ) {}

  /** The proxy as the household knows them. */
  async nameOf(proxy: ProxyActor, householdId: number): Promise<string> {
    const nickname = (await this.users.nicknames([proxy.userId])).get(proxy.userId) ?? '';
    const binding = proxy.as === 'family' ? await this.family.bindingOf(proxy.userId, householdId) : null;
    return proxyName(proxy.as, nickname, binding);
  }

  /**
   * 「您的女儿 李红 已为您<did>。如果不认识此人，请联系社区」 to every member of the household: one
   * wording for every act (order, registration, class, payment, parcel), so a stranger acting for
   * it is noticed.
   */
  async tell(
    proxy: ProxyActor,
    to: { householdId: number; communityId: number },
    did: { title: string; act: string; link?: string | null },
  ): Promise<void> {
    const who = await this.nameOf(proxy, to.householdId);
    await this.messages.tellHousehold(to.householdId, {
      communityId: to.communityId,
      kind: 'proxy.acted',
      title: did.title,
      body: `${who} 已为您${did.act}。如果不认识此人，请联系社区`,
      link: did.link ?? null,
    });
  }

  /**
   * WeChat paid a proxy's money back (to the proxy's own WeChat, where it came from): the proxy is
   * told it is theirs again, and the household where it went (not to its own WeChat).
   */
  async refunded(
    proxy: ProxyActor,
    to: { householdId: number; communityId: number },
    what: { label: string; amountFen: number; link: string | null },
  ): Promise<void> {
    const who = await this.nameOf(proxy, to.householdId);
    const door = (await this.households.doors([to.householdId])).get(to.householdId);
    const amount = formatFen(what.amountFen);
    await this.messages.tell({
      userId: proxy.userId,
      communityId: to.communityId,
      kind: 'proxy.acted',
      title: '代付的钱已退回',
      body: `您为 ${door ? `${door.building}${door.unit}${door.room}` : '这户'} 代付的${what.label} ${amount} 已原路退回您的微信`,
      link: deliveriesPage(to.householdId),
    });
    await this.messages.tellHousehold(to.householdId, {
      communityId: to.communityId,
      kind: 'proxy.acted',
      title: '退款已退给代付人',
      body: `${who} 代付的${what.label} ${amount} 已原路退回代付人自己的微信`,
      link: what.link,
    });
  }
}

/** The proxy's page of a household's orders, medicine and parcels. */
export const deliveriesPage = (householdId: number): string => `/care/proxy-deliveries/index?householdId=${householdId}`;
