import { Injectable } from '@nestjs/common';
import { PARTICIPATION_DAYS_DEFAULT, type ParticipationKind, type ParticipationView } from '@linli/shared-types';
import type { Actor } from '../../../common/actor';
import { staffCommunity } from '../../../common/access';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { HouseholdsService } from '../../community/households.service';
import { participationPeriod, tallyParticipation, type ParticipationCount } from './participation';

/**
 * Where each kind of participation is written (the tables of classes, contests and quizzes):
 * the row, the activity it belongs to (which carries the community), when it happened, and
 * which rows count. The household is the participant's (for a vote, the voter's).
 */
const SOURCES: Record<ParticipationKind, { table: string; parent: string; parentKey: string; at: string; where?: string }> = {
  signups: {
    table: 'class_signups',
    parent: 'activity_classes',
    parentKey: 'class_id',
    at: 'created_at',
    where: "r.state IN ('SIGNED', 'WAITING')",
  },
  entries: { table: 'contest_entries', parent: 'contests', parentKey: 'contest_id', at: 'created_at' },
  votes: { table: 'contest_votes', parent: 'contests', parentKey: 'contest_id', at: 'created_at' },
  attempts: { table: 'quiz_attempts', parent: 'quizzes', parentKey: 'quiz_id', at: 'started_at' },
};

/** Sign-ups, entries, votes and quiz attempts of a community, per day and per building, for staff's charts. */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
  ) {}

  async view(actor: Actor, days = PARTICIPATION_DAYS_DEFAULT): Promise<ParticipationView> {
    const communityId = staffCommunity(actor);
    const period = participationPeriod(this.clock.now(), days);
    const buildings = await this.households.buildings(communityId);
    const counts = (
      await Promise.all((Object.keys(SOURCES) as ParticipationKind[]).map((kind) => this.count(kind, communityId, period.since)))
    ).flat();
    return tallyParticipation(period.days, buildings, counts);
  }

  /** One kind, counted by the database per building and Asia/Shanghai day since `since`. */
  private async count(kind: ParticipationKind, communityId: number, since: Date): Promise<ParticipationCount[]> {
    const s = SOURCES[kind];
    const day = this.shanghaiDaySql(`r.${s.at}`);
    const rows = await this.db.rows<{ buildingId: number | string; day: string; n: number | string }>(
      `SELECT h.building_id AS buildingId, ${day} AS day, COUNT(*) AS n
         FROM ${s.table} r
         JOIN ${s.parent} p ON p.id = r.${s.parentKey}
         JOIN households h ON h.id = r.household_id
        WHERE p.community_id = ? AND r.${s.at} >= ?${s.where ? ` AND ${s.where}` : ''}
        GROUP BY h.building_id, ${day}`,
      [communityId, since],
    );
    return rows.map((r) => ({ kind, buildingId: Number(r.buildingId), day: String(r.day), n: Number(r.n) }));
  }

  /** SQL for the Asia/Shanghai day (YYYY-MM-DD text) of a UTC datetime column. */
  private shanghaiDaySql(column: string): string {
    return this.db.isMysql ? `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')` : `date(${column}, '+8 hours')`;
  }
}
