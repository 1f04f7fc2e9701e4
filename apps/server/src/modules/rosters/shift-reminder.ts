import { Inject, Injectable } from '@nestjs/common';
import { SHIFT_REMINDER_MINUTES } from '@linli/shared-types';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MessagesService } from '../messages/messages.service';
import { atTime } from '../messages/wording';
import { SHIFTS_LINK } from './rosters.service';

/**
 * Each volunteer signed up for a shift is reminded once, SHIFT_REMINDER_MINUTES before it
 * starts, with the post and the time. The claim is a conditional UPDATE of the place's
 * `reminded_at` in the message's transaction, so two instances (or overlapping rounds) remind once.
 */
@Injectable()
export class ShiftReminder extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messages: MessagesService,
  ) {
    super('ShiftReminder', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    const now = this.clock.now();
    const due = await this.db.rows<{
      id: number;
      userId: number;
      communityId: number;
      startsAt: Date | string;
      post: string;
      note: string;
    }>(
      `SELECT g.id, g.user_id AS userId, g.community_id AS communityId, s.starts_at AS startsAt, p.name AS post, p.note
         FROM roster_signups g JOIN roster_shifts s ON s.id = g.shift_id JOIN roster_posts p ON p.id = s.post_id
        WHERE g.state = 'SIGNED_UP' AND g.reminded_at IS NULL AND s.state = 'OPEN' AND s.starts_at > ? AND s.starts_at <= ?
        ORDER BY s.starts_at LIMIT 200`,
      [now, new Date(now.getTime() + SHIFT_REMINDER_MINUTES * 60_000)],
    );
    let told = 0;
    for (const d of due) {
      told += await this.db.transaction(async () => {
        const claimed = await this.db.run(
          "UPDATE roster_signups SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL AND state = 'SIGNED_UP'",
          [this.clock.now(), Number(d.id)],
        );
        if (claimed.affected !== 1) return 0;
        const startsAt = Db.date(d.startsAt)!;
        return this.messages.tell({
          userId: Number(d.userId),
          communityId: Number(d.communityId),
          kind: 'roster.reminder',
          title: `快到岗了：${d.post}`,
          body: `您报名的「${d.post}」班次 ${atTime(startsAt)} 开始${d.note ? `（${d.note}）` : ''}。到岗后请扫岗位二维码签到。`,
          link: SHIFTS_LINK,
          deadline: startsAt,
        });
      });
    }
    return told;
  }
}
