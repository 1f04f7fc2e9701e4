import { Injectable, OnModuleInit } from '@nestjs/common';
import type { NoticeSummary, NoticeView } from '@linli/shared-types';
import { In, IsNull, LessThanOrEqual } from 'typeorm';
import { hasRole, type Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import type { Household } from '../community/entities/household.entity';
import { HouseholdsService } from '../community/households.service';
import { FilesService } from '../files/files.service';
import { Notice, NoticePictureRow, NoticeRead } from './entities/notice.entity';
import { NoticeViews } from './notice-views';
import { noticeVisible, residentOrder } from './notice-visibility';

/** How many live notices of a community are looked at for one household (a community posts a few a day). */
const LIVE_LIMIT = 500;

/**
 * What residents see: the notices for their building or zone that are published and not expired
 * or withdrawn, pinned first then newest, each marked read or not for the household; opening
 * one marks it read for the household, once.
 */
@Injectable()
export class NoticeBoardService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
    private readonly files: FilesService,
    private readonly views: NoticeViews,
  ) {}

  /** A notice's pictures reach the residents the notice reaches (staff and the uploader already may). */
  onModuleInit(): void {
    this.files.allow('notice', async (actor, file) => {
      if (actor.householdId === null || actor.communityId !== file.communityId) return false;
      const household = await this.households.find(actor.householdId);
      const pictures = await this.db.repo(NoticePictureRow).findBy({ fileId: file.id });
      if (pictures.length === 0) return false;
      const notices = await this.db.repo(Notice).findBy({ id: In(pictures.map((p) => p.noticeId)), communityId: file.communityId });
      return notices.some((n) => noticeVisible(n, household, this.clock.now()));
    });
  }

  /** The household's notices, pinned first then newest. */
  async list(actor: Actor): Promise<NoticeView[]> {
    const { communityId, household } = await this.residentOf(actor);
    return this.views.forHousehold(await this.visible(communityId, household), communityId, household.id);
  }

  /** For the card on 「我的」: unread notices and the newest urgent one. */
  async summary(actor: Actor): Promise<NoticeSummary> {
    const { communityId, household } = await this.residentOf(actor);
    const notices = await this.visible(communityId, household);
    const ids = notices.map((n) => n.id);
    const read = ids.length ? await this.db.repo(NoticeRead).count({ where: { noticeId: In(ids), householdId: household.id } }) : 0;
    const urgent = notices.filter((n) => n.urgent).sort((a, b) => b.publishAt.getTime() - a.publishAt.getTime() || b.id - a.id)[0];
    return { unread: notices.length - read, latestUrgent: urgent ? { id: urgent.id, title: urgent.title } : null };
  }

  /** One notice the household can see; anything else (another building, community, withdrawn): not found. */
  async get(actor: Actor, id: number): Promise<NoticeView> {
    const { communityId, household, notice } = await this.visibleOne(actor, id);
    return (await this.views.forHousehold([notice], communityId, household.id))[0] as NoticeView;
  }

  /**
   * Opening a notice: it is read for the whole household. INSERT … IGNORE on the unique
   * (notice, household) key, so a second opening or two members at once count it once.
   */
  async markRead(actor: Actor, id: number): Promise<NoticeView> {
    const { communityId, household, notice } = await this.visibleOne(actor, id);
    await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(NoticeRead)
      .values({ noticeId: id, householdId: household.id, buildingId: household.buildingId, userId: actor.userId, readAt: this.clock.now() })
      .orIgnore()
      .execute();
    return (await this.views.forHousehold([notice], communityId, household.id))[0] as NoticeView;
  }

  private async visibleOne(actor: Actor, id: number): Promise<{ communityId: number; household: Household; notice: Notice }> {
    const { communityId, household } = await this.residentOf(actor);
    const notice = await this.db.repo(Notice).findOneBy({ id, communityId });
    if (!notice || !noticeVisible(notice, household, this.clock.now())) throw new DomainError('NOTICE_NOT_FOUND');
    return { communityId, household, notice };
  }

  /** Live notices of the community that reach this household, in residents' order. */
  private async visible(communityId: number, household: Household): Promise<Notice[]> {
    const now = this.clock.now();
    const rows = await this.db.repo(Notice).find({
      where: { communityId, withdrawnAt: IsNull(), publishAt: LessThanOrEqual(now) },
      order: { publishAt: 'DESC', id: 'DESC' },
      take: LIVE_LIMIT,
    });
    return rows.filter((n) => noticeVisible(n, household, now)).sort(residentOrder);
  }

  /** The resident's community and household (a resident always has both). */
  private async residentOf(actor: Actor): Promise<{ communityId: number; household: Household }> {
    if (!hasRole(actor, 'resident') || actor.communityId === null || actor.householdId === null) throw new DomainError('FORBIDDEN');
    const household = await this.households.find(actor.householdId);
    if (household.communityId !== actor.communityId) throw new DomainError('FORBIDDEN');
    return { communityId: actor.communityId, household };
  }
}
