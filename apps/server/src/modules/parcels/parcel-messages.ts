import { Inject, Injectable } from '@nestjs/common';
import {
  CONTACTLESS_CONFIRM_HOURS,
  FAILURE_REASON_LABELS,
  MISSES_TO_STAFF,
  UNCLAIMED_LABEL,
  type FailureReason,
  type ParcelMissReason,
  type ParcelState,
} from '@linli/shared-types';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MessagesService } from '../messages/messages.service';
import { atTime } from '../messages/wording';
import { ParcelSource } from './entities/parcel-source.entity';
import { Parcel } from './entities/parcel.entity';
import type { SourceRef } from './parcel-flow';

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

  /** The household's page for what the parcel carries (its order, or its medicine request); `sources` in id order when the caller has them. */
  private async householdPage(parcelId: number, sources?: SourceRef[]): Promise<string | null> {
    if (sources) return pageOf(sources[0]);
    return pageOf((await this.db.repo(ParcelSource).findOne({ where: { parcelId }, order: { id: 'ASC' } })) ?? undefined);
  }

  /**
   * After a move of the parcel to `to`: `p` is the row as the move left it (or its id, to read
   * it), `volunteerId` who held it before the move, `sources` what it carries when already read.
   */
  async moved(parcel: Parcel | number, to: ParcelState, volunteerId: number | null, sources?: SourceRef[]): Promise<void> {
    const p = typeof parcel === 'number' ? await this.db.repo(Parcel).findOneByOrFail({ id: parcel }) : parcel;
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
        link: await this.householdPage(p.id, sources),
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
      const first = await this.db.repo(ParcelSource).findOne({ where: { parcelId: p.id }, order: { id: 'ASC' } });
      await this.assigned(p.communityId, [
        { id: p.id, volunteerId: p.volunteerId, householdId: p.householdId, firstSource: first ?? undefined },
      ]);
    } else if (to === 'READY' && volunteerId !== null && p.volunteerId === null) {
      await this.messages.tell({
        userId: volunteerId,
        communityId: p.communityId,
        kind: 'task.taken_back',
        title: '一个任务已收回',
        // Time-outs and declines tell their own words (letGo): this is staff taking it back by hand.
        body: '社区工作人员已收回这个任务，不用再送了',
        link: '/volunteer/tasks/index',
      });
    }
  }

  /**
   * Parcels given to volunteers (a dispatch gives thousands): each household hears a volunteer
   * will bring theirs, each volunteer gets one message for all their new tasks — a few
   * statements per 500 households, whatever their number.
   */
  async assigned(communityId: number, parcels: AssignedParcel[]): Promise<void> {
    await this.messages.tellHouseholds(
      parcels.map((p) => ({ householdId: p.householdId, link: pageOf(p.firstSource) })),
      {
        communityId,
        kind: 'parcel.assigned',
        title: '已安排志愿者配送',
        body: '您的包裹已安排志愿者配送，取货后会再告诉您',
      },
    );
    await this.tasksFor(
      communityId,
      parcels.map((p) => p.volunteerId),
    );
  }

  /**
   * A parcel another volunteer let go is offered to this one: their new task with its accept
   * deadline, as on a dispatch (the household already knows a volunteer will bring it).
   */
  async offered(communityId: number, volunteerId: number): Promise<void> {
    await this.tasksFor(communityId, [volunteerId]);
  }

  /** The volunteer who let a parcel go by the clock hears it was taken back and why (one who declined needs no word). */
  async letGo(parcel: { communityId: number }, volunteerId: number, reason: ParcelMissReason): Promise<void> {
    if (reason === 'declined') return;
    const why =
      reason === 'not-accepted'
        ? `您没有在 ${this.config.acceptTimeoutMinutes} 分钟内接单`
        : `您接单后 ${this.config.pickupReturnMinutes} 分钟内没有取货`;
    await this.messages.tell({
      userId: volunteerId,
      communityId: parcel.communityId,
      kind: 'task.taken_back',
      title: '一个任务已收回',
      body: `${why}，这个任务已交给其他志愿者`,
      link: '/volunteer/tasks/index',
    });
  }

  /** An accepted parcel still waits at the supply point: its volunteer is reminded once, with the time it returns. */
  async pickupReminder(parcel: { communityId: number; contents: string }, volunteerId: number, returnsAt: Date): Promise<void> {
    await this.messages.tell({
      userId: volunteerId,
      communityId: parcel.communityId,
      kind: 'task.pickup_reminder',
      title: '您接的包裹还没有取',
      body: `${parcel.contents.slice(0, 30)}：请在 ${atTime(returnsAt)} 前到取货点扫码取货，否则任务会交给其他志愿者`,
      link: '/volunteer/tasks/index',
      deadline: returnsAt,
    });
  }

  /** Staff hear of a parcel let go MISSES_TO_STAFF times: it waits on their board for a volunteer by hand. */
  async unclaimed(parcel: { communityId: number; contents: string }): Promise<void> {
    await this.messages.tellEach(await this.messages.staffOf(parcel.communityId), {
      communityId: parcel.communityId,
      kind: 'parcel.unclaimed',
      title: `有包裹${UNCLAIMED_LABEL}`,
      body: `${parcel.contents.slice(0, 40)}：已有 ${MISSES_TO_STAFF} 位志愿者没有接，请指派志愿者`,
      link: '/staff/delivery/index',
    });
  }

  /** Each volunteer one message for all their new tasks, with the accept deadline. */
  private async tasksFor(communityId: number, volunteerIds: number[]): Promise<void> {
    const counts = new Map<number, number>();
    for (const id of volunteerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    const by = new Date(this.clock.now().getTime() + this.config.acceptTimeoutMinutes * 60_000);
    const body = `请在 ${this.config.acceptTimeoutMinutes} 分钟内（${atTime(by)} 前）接单，否则任务会交给其他志愿者`;
    await this.messages.tell(
      [...counts].map(([volunteerId, count]) => ({
        userId: volunteerId,
        communityId,
        kind: 'task.assigned' as const,
        title: count > 1 ? `${count} 个新的配送任务` : '新的配送任务',
        body,
        link: '/volunteer/tasks/index',
        deadline: by,
      })),
    );
  }
}

/** A parcel just given to a volunteer, with what the household's message links to. */
export interface AssignedParcel {
  id: number;
  volunteerId: number;
  householdId: number;
  /** The parcel's first source (by id): the household's message opens its page. */
  firstSource: SourceRef | undefined;
}

/** The household's page for what a parcel carries (its order, its medicine request, its prizes). */
function pageOf(source: SourceRef | undefined): string | null {
  if (!source) return null;
  if (source.sourceType === 'medicine') return `/medicine/request/index?id=${source.sourceId}`;
  if (source.sourceType === 'prize') return '/activities/prizes/index';
  if (source.sourceType === 'care') return '/care/parcels/index';
  return `/pages/order/index?id=${source.sourceId}`;
}
