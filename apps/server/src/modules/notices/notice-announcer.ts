import { Inject, Injectable } from '@nestjs/common';
import { IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Household } from '../community/entities/household.entity';
import { User } from '../community/entities/user.entity';
import { MessagesService } from '../messages/messages.service';
import { Notice } from './entities/notice.entity';
import { noticeStatus, reachesHousehold } from './notice-visibility';

/**
 * An urgent notice is also a message to every member of the households it reaches, once, when
 * it is published: at once when posted (in the post's transaction), or by this sweep when its
 * publish time comes (or when an edit makes it urgent). The claim is a conditional UPDATE on
 * `announced_at`, so two instances never tell it twice.
 */
@Injectable()
export class NoticeAnnouncer extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messages: MessagesService,
  ) {
    super('NoticeAnnouncer', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    const now = this.clock.now();
    const due = { urgent: true, announcedAt: IsNull(), withdrawnAt: IsNull(), publishAt: LessThanOrEqual(now) };
    const notices = await this.db.repo(Notice).find({
      where: [
        { ...due, expiresAt: IsNull() },
        { ...due, expiresAt: MoreThan(now) },
      ],
      take: 50,
    });
    let told = 0;
    for (const notice of notices) told += await this.db.transaction(() => this.announce(notice));
    return told;
  }

  /** In the caller's transaction: tells an urgent, published notice to its households, unless already told. */
  async announce(notice: Notice): Promise<number> {
    const now = this.clock.now();
    if (!notice.urgent || noticeStatus(notice, now) !== 'PUBLISHED') return 0;
    const claimed = await this.db.repo(Notice).update({ id: notice.id, announcedAt: IsNull() }, { announcedAt: now });
    if (claimed.affected !== 1) return 0;
    const members = await this.db.manager
      .createQueryBuilder(User, 'u')
      .innerJoin(Household, 'h', 'h.id = u.householdId')
      .select('u.id', 'id')
      .addSelect('h.buildingId', 'buildingId')
      .addSelect('h.zone', 'zone')
      .where('h.communityId = :communityId', { communityId: notice.communityId })
      .getRawMany<{ id: number; buildingId: number; zone: string | null }>();
    const reached = members.filter((m) => reachesHousehold(notice, { buildingId: Number(m.buildingId), zone: m.zone }));
    const title = clip(`紧急通知：${notice.title}`, 60);
    const body = clip(notice.body, 80);
    return this.messages.tellEach(
      reached.map((m) => Number(m.id)),
      { communityId: notice.communityId, kind: 'notice.urgent', title, body, link: `/notices/detail/index?id=${notice.id}` },
    );
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
