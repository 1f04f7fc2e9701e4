import { Injectable } from '@nestjs/common';
import type { ClassView } from '@linli/shared-types';
import type { Actor } from '../../../common/actor';
import { AuditService } from '../../../common/audit/audit.service';
import { Db } from '../../../common/database/db';
import { atTime } from '../../messages/wording';
import { ProxyAccess } from '../../proxy/proxy-access';
import { householdOf, proxyOf, ProxyMessages } from '../../proxy/proxy-messages';
import { ClassBoardService } from './class-board.service';
import { classLink, ClassPlacesService } from './class-places.service';

/**
 * Classes for a household by whoever acts for it (issue 18): staff, its grid worker, its 家属
 * see the household's own list and sign it up or off, recorded with who and as whom; the
 * household is told each time.
 */
@Injectable()
export class ClassProxyService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly proxies: ProxyAccess,
    private readonly proxyMessages: ProxyMessages,
    private readonly board: ClassBoardService,
    private readonly places: ClassPlacesService,
  ) {}

  /** The household's class list, as its members see it. */
  async list(actor: Actor, householdId: number): Promise<ClassView[]> {
    const { household } = await this.proxies.require(actor, householdId);
    return this.board.listFor(household);
  }

  /** Signs the household up (a full class: CLASS_FULL, or the waiting list with `waitlist`). */
  async signUp(actor: Actor, id: number, householdId: number, waitlist: boolean): Promise<ClassView> {
    return this.db.transaction(async () => {
      const acting = await this.proxies.require(actor, householdId);
      const { communityId, household, cls } = await this.board.visibleTo(acting.household, id);
      const by = { userId: actor.userId, byStaff: acting.as === 'staff', proxyKind: acting.as };
      const state = await this.places.signUp(cls, household, by, waitlist);
      await this.proxyMessages.tell(proxyOf(actor, acting), householdOf(acting), {
        title: '有人为您家报名了课程',
        act: `报名了「${cls.title}」（${atTime(cls.startsAt)}开始）${state === 'WAITING' ? '，正在候补' : ''}`,
        link: classLink(cls.id),
      });
      await this.audit.record(actor, {
        action: 'class.proxy_signup',
        targetType: 'class',
        targetId: id,
        details: { householdId: household.id, as: acting.as, state },
      });
      return this.board.one(await this.board.fresh(id), communityId, household.id);
    });
  }

  /** Gives the household's place back (a seat goes to the first on the waiting list). */
  async cancel(actor: Actor, id: number, householdId: number): Promise<ClassView> {
    return this.db.transaction(async () => {
      const acting = await this.proxies.require(actor, householdId);
      const { communityId, household, cls } = await this.board.visibleTo(acting.household, id);
      await this.places.cancel(cls, household.id);
      await this.proxyMessages.tell(proxyOf(actor, acting), householdOf(acting), {
        title: '有人为您家取消了报名',
        act: `取消了「${cls.title}」的报名`,
        link: classLink(cls.id),
      });
      await this.audit.record(actor, {
        action: 'class.proxy_cancel',
        targetType: 'class',
        targetId: id,
        details: { householdId: household.id, as: acting.as },
      });
      return this.board.one(await this.board.fresh(id), communityId, household.id);
    });
  }
}
