import { Injectable } from '@nestjs/common';
import { PROXY_KIND_LABELS, type ProxyKind } from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import type { Household } from '../community/entities/household.entity';
import { MessagesService } from '../messages/messages.service';

/**
 * A household is told whenever someone acted for it (issue 18), in one wording for every flow:
 * 「张三（家属）为您家登记了……」, so a stranger acting for it is noticed.
 */
@Injectable()
export class ProxyNotices {
  constructor(private readonly messages: MessagesService) {}

  /** In the caller's transaction: a `proxy.acted` message to every member of the household. */
  async tell(
    actor: Actor,
    acting: { household: Pick<Household, 'id' | 'communityId'>; as: ProxyKind },
    message: { title: string; what: string; link: string | null },
  ): Promise<void> {
    await this.messages.tellHousehold(acting.household.id, {
      communityId: acting.household.communityId,
      kind: 'proxy.acted',
      title: message.title,
      body: `${actorLabel(actor.nickname, acting.as)}${message.what}。如果不认识此人，请联系社区`,
      link: message.link,
    });
  }
}

/** 张三（家属）: how messages and staff lists name someone who acted for a household. */
export function actorLabel(nickname: string, as: ProxyKind): string {
  return `${nickname}（${PROXY_KIND_LABELS[as]}）`;
}
