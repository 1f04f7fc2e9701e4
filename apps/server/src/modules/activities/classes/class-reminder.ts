import { Inject, Injectable } from '@nestjs/common';
import { CLASS_REMIND_MINUTES } from '@linli/shared-types';
import { Between, IsNull } from 'typeorm';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { PeriodicJob } from '../../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { MessagesService } from '../../messages/messages.service';
import { atTime } from '../../messages/wording';
import { classLink } from './class-places.service';
import { ActivityClass } from './entities/class.entity';

/**
 * Every signed household is reminded once, CLASS_REMIND_MINUTES before its class starts. The
 * claim is a conditional UPDATE of `reminded_at`, so with two instances (or two overlapping
 * rounds) a class is reminded once; the messages are written in the claim's transaction.
 */
@Injectable()
export class ClassReminder extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messages: MessagesService,
  ) {
    super('ClassReminder', config.expirySweepSeconds);
  }

  protected async work(): Promise<number> {
    const now = this.clock.now();
    const due = await this.db.repo(ActivityClass).find({
      where: {
        state: 'SCHEDULED',
        remindedAt: IsNull(),
        startsAt: Between(now, new Date(now.getTime() + CLASS_REMIND_MINUTES * 60_000)),
      },
      order: { startsAt: 'ASC' },
      take: 50,
    });
    let told = 0;
    for (const cls of due) {
      if (cls.startsAt.getTime() <= now.getTime()) continue;
      told += await this.db.transaction(() => this.remind(cls));
    }
    return told;
  }

  /** In the caller's transaction: claims the class and tells its signed households; 0 when another got there first. */
  private async remind(cls: ActivityClass): Promise<number> {
    const claimed = await this.db.run(
      "UPDATE activity_classes SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL AND state = 'SCHEDULED'",
      [this.clock.now(), cls.id],
    );
    if (claimed.affected !== 1) return 0;
    const signed = await this.db.rows<{ householdId: number }>(
      "SELECT household_id AS householdId FROM class_signups WHERE class_id = ? AND state = 'SIGNED'",
      [cls.id],
    );
    if (signed.length === 0) return 0;
    const link = classLink(cls.id);
    return this.messages.tellHouseholds(
      signed.map((s) => ({ householdId: Number(s.householdId), link })),
      {
        communityId: cls.communityId,
        kind: 'class.reminder',
        title: `快上课了：${cls.title}`,
        body: `${atTime(cls.startsAt)} 开始，${cls.teacher} 老师，时长 ${cls.minutes} 分钟。到时间请打开小程序进入直播。`,
        deadline: cls.startsAt,
      },
    );
  }
}
