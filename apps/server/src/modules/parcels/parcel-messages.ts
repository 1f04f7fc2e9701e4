import { Inject, Injectable } from '@nestjs/common';
import { CONTACTLESS_CONFIRM_HOURS, FAILURE_REASON_LABELS, type FailureReason, type ParcelState } from '@linli/shared-types';
import { In } from 'typeorm';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MessagesService, type TellMessage } from '../messages/messages.service';
import { atTime } from '../messages/wording';
import { ParcelSource } from './entities/parcel-source.entity';
import { Parcel } from './entities/parcel.entity';

/**
 * What a parcel's moves tell whom, in the move's transaction: the household that it was picked
 * up, left at the door (confirm it), delivered or failed; staff a failure; the volunteer a new
 * task and a task taken back.
 */
@Injectable()
export class ParcelMessages {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messages: MessagesService,
  ) {}

  /** The household's page for what the parcel carries (its order, or its medicine request). */
  private async householdPage(parcelId: number): Promise<string | null> {
    return pageOf((await this.db.repo(ParcelSource).findOne({ where: { parcelId }, order: { id: 'ASC' } })) ?? undefined);
  }

  /** After a move of the parcel to `to`; `volunteerId` is who held it before the move. */
  async moved(parcelId: number, to: ParcelState, volunteerId: number | null): Promise<void> {
    const p = await this.db.repo(Parcel).findOneByOrFail({ id: parcelId });
    const household = async (
      kind: 'parcel.picked_up' | 'parcel.contactless' | 'parcel.delivered' | 'parcel.failed',
      title: string,
      body: string,
      deadline: Date | null = null,
    ) =>
      this.messages.tellHousehold(p.householdId, {
        communityId: p.communityId,
        kind,
        title,
        body,
        link: await this.householdPage(p.id),
        deadline,
      });
    if (to === 'PICKED_UP') await household('parcel.picked_up', '志愿者已取货', '志愿者已取到您的包裹，正在送来');
    else if (to === 'DELIVERED') await household('parcel.delivered', '包裹已送达', '您的包裹已送达，请查收');
    else if (to === 'LEFT_AT_DOOR') {
      const by = new Date(new Date(p.leftAt ?? this.clock.now()).getTime() + CONTACTLESS_CONFIRM_HOURS * 3600_000);
      await household(
        'parcel.contactless',
        '包裹已放在门口',
        `志愿者已把包裹放在您家门口（无接触配送），请查看照片并确认收到；${CONTACTLESS_CONFIRM_HOURS} 小时内（${atTime(by)} 前）不确认将自动确认收货`,
        by,
      );
    } else if (to === 'FAILED') {
      const reason = p.failureReason ? (FAILURE_REASON_LABELS[p.failureReason as FailureReason] ?? p.failureReason) : '';
      await household('parcel.failed', '包裹没有送到', `这次没能送到：${reason}。社区工作人员会联系您重新安排`);
      await this.messages.tellEach(await this.messages.staffOf(p.communityId), {
        communityId: p.communityId,
        kind: 'parcel.failed',
        title: '有包裹配送失败',
        body: `${p.contents.slice(0, 40)}：${reason}，请重新安排`,
        link: '/staff/parcels/index',
      });
    } else if (to === 'ASSIGNED' && p.volunteerId !== null) {
      await this.assigned(p.volunteerId, p.communityId, [p.id]);
    } else if (to === 'READY' && volunteerId !== null && p.volunteerId === null) {
      await this.messages.tell({
        userId: volunteerId,
        communityId: p.communityId,
        kind: 'task.taken_back',
        title: '一个任务已收回',
        body: `您没有在 ${this.config.acceptTimeoutMinutes} 分钟内接单，这个任务已交给其他志愿者`,
        link: '/volunteer/tasks/index',
      });
    }
  }

  /** New tasks for a volunteer (one message for a dispatch of several); each household hears a volunteer will bring theirs. */
  async assigned(volunteerId: number, communityId: number, parcelIds: number[]): Promise<void> {
    const count = parcelIds.length;
    const told: TellMessage[] = [];
    for (let i = 0; i < parcelIds.length; i += 500) {
      const chunk = parcelIds.slice(i, i + 500);
      const parcels = await this.db
        .repo(Parcel)
        .find({ where: { id: In(chunk) }, select: { id: true, householdId: true, communityId: true } });
      const sources = await this.db.repo(ParcelSource).find({ where: { parcelId: In(chunk) }, order: { id: 'ASC' } });
      const firstSource = new Map<number, ParcelSource>();
      for (const s of sources) if (!firstSource.has(s.parcelId)) firstSource.set(s.parcelId, s);
      const members = await this.messages.membersOf([...new Set(parcels.map((p) => p.householdId))]);
      for (const p of parcels) {
        for (const userId of members.get(p.householdId) ?? []) {
          told.push({
            userId,
            communityId: p.communityId,
            kind: 'parcel.assigned',
            title: '已安排志愿者配送',
            body: '您的包裹已安排志愿者配送，取货后会再告诉您',
            link: pageOf(firstSource.get(p.id)),
          });
        }
      }
    }
    await this.messages.tell(told);
    const by = new Date(this.clock.now().getTime() + this.config.acceptTimeoutMinutes * 60_000);
    await this.messages.tell({
      userId: volunteerId,
      communityId,
      kind: 'task.assigned',
      title: count > 1 ? `${count} 个新的配送任务` : '新的配送任务',
      body: `请在 ${this.config.acceptTimeoutMinutes} 分钟内（${atTime(by)} 前）接单，否则任务会交给其他志愿者`,
      link: '/volunteer/tasks/index',
      deadline: by,
    });
  }
}

/** The household's page for what a parcel carries (its order, or its medicine request). */
function pageOf(source: ParcelSource | undefined): string | null {
  if (!source) return null;
  return source.sourceType === 'medicine' ? `/medicine/request/index?id=${source.sourceId}` : `/pages/order/index?id=${source.sourceId}`;
}
