import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { PeriodicJob } from '../../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { MessagesService } from '../../messages/messages.service';
import { shanghaiDay } from '../../../common/shanghai-days';
import { DRIVER_LINK, FAMILY_LINK, TransportService } from './transport.service';

const SHANGHAI = 8 * 3600_000;

/** Minutes past midnight in Asia/Shanghai. */
function shanghaiMinutes(at: Date): number {
  const d = new Date(at.getTime() + SHANGHAI);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/**
 * The evening before a trip, from `transportReminderTime` (Asia/Shanghai), each rider's household
 * and the driver are told tomorrow's pickup time, hospital and vehicle. The claim is a conditional
 * UPDATE of `care_trips.reminded_at`, so with two instances, overlapping rounds or a restart a trip
 * is reminded once; the messages are written in the claim's transaction (their pushes go out
 * after commit, through the outbox). A trip cancelled or started before the round is not reminded.
 */
@Injectable()
export class TransportReminder extends PeriodicJob {
  private readonly at: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messages: MessagesService,
    private readonly transport: TransportService,
  ) {
    super('TransportReminder', config.expirySweepSeconds);
    this.at = Number(config.transportReminderTime.slice(0, 2)) * 60 + Number(config.transportReminderTime.slice(3, 5));
  }

  protected async work(): Promise<number> {
    const now = this.clock.now();
    if (shanghaiMinutes(now) < this.at) return 0;
    const tomorrow = shanghaiDay(new Date(now.getTime() + 24 * 3600_000));
    const due = await this.db.rows<{ id: number }>(
      `SELECT id FROM care_trips WHERE date = ? AND state = 'PLANNED' AND reminded_at IS NULL ORDER BY depart_at, id LIMIT 100`,
      [tomorrow],
    );
    let told = 0;
    for (const { id } of due) told += await this.db.transaction(() => this.remind(Number(id)));
    return told;
  }

  /** In the caller's transaction: claims the trip and tells its households and driver; 0 when another got there first. */
  private async remind(tripId: number): Promise<number> {
    const claimed = await this.db.run("UPDATE care_trips SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL AND state = 'PLANNED'", [
      this.clock.now(),
      tripId,
    ]);
    if (claimed.affected !== 1) return 0;
    const [trip] = await this.transport.tripsById([tripId]);
    if (!trip || trip.riders.length === 0) return 0;
    const [communityRow] = await this.db.rows<{ communityId: number }>('SELECT community_id AS communityId FROM care_trips WHERE id = ?', [
      tripId,
    ]);
    const communityId = Number(communityRow?.communityId);
    const deadline = new Date(trip.departAt);
    const car = `${trip.vehicleName}（${trip.plate}）`;
    const driver = `司机${trip.driverName}${trip.driverPhone ? ` ${trip.driverPhone}` : ''}`;
    let told = 0;
    for (const r of trip.riders) {
      told += await this.messages.tellHousehold(r.householdId, {
        communityId,
        kind: 'transport.reminder',
        title: `明天接送：${r.name}`,
        body: `明天（${trip.date}）${trip.departTime} 接${r.name}去${trip.hospital}：${car}，${driver}。请提前准备好，在楼下等车`,
        link: FAMILY_LINK,
        deadline,
      });
    }
    told += await this.messages.tell({
      userId: trip.driverId,
      communityId,
      kind: 'transport.reminder',
      title: '明天出车',
      body: `明天（${trip.date}）${trip.departTime} 开${car}去${trip.hospital}，接${trip.riders.map((r) => `${r.name}（${r.door}）`).join('、')}`,
      link: DRIVER_LINK,
      deadline,
    });
    return told;
  }
}
