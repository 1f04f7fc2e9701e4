import { Injectable } from '@nestjs/common';
import type { HelpCategory, HelpState, HelpStats, HelpStatsPeriod } from '@linli/shared-types';
import type { Actor } from '../../../common/actor';
import { staffCommunity } from '../../../common/access';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { HouseholdsService } from '../../community/households.service';
import { helpStats, statsPeriod, type HelpStatRow } from './help-figures';

type DbDate = Date | string;

/**
 * The supervisors' statistics of help requests: the database picks the community's requests of
 * the period (cheap, by the (community_id, created_at) index); the figures and percentiles are
 * computed in help-figures.ts, where every definition is written down.
 */
@Injectable()
export class HelpStatsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
  ) {}

  async stats(actor: Actor, period: HelpStatsPeriod = 'today'): Promise<HelpStats> {
    const communityId = staffCommunity(actor);
    const now = this.clock.now();
    const { from, days } = statsPeriod(period, now, period === 'all' ? await this.lockdownStart(communityId, now) : now);
    const found = await this.db.rows<{
      buildingId: number | string;
      category: HelpCategory;
      state: HelpState;
      createdAt: DbDate;
      firstResponseDue: DbDate;
      firstResponseAt: DbDate | null;
      firstResponderId: number | string | null;
      solutionDue: DbDate;
      resolvedAt: DbDate | null;
      reopenCount: number | string;
    }>(
      `SELECT building_id AS buildingId, category, state, created_at AS createdAt, first_response_due AS firstResponseDue,
              first_response_at AS firstResponseAt, first_responder_id AS firstResponderId, solution_due AS solutionDue,
              resolved_at AS resolvedAt, reopen_count AS reopenCount
         FROM help_requests
        WHERE community_id = ? AND created_at >= ? AND created_at <= ? AND state <> 'MERGED'`,
      [communityId, from, now],
    );
    const rows: HelpStatRow[] = found.map((r) => ({
      buildingId: Number(r.buildingId),
      category: r.category,
      state: r.state,
      createdAt: Db.date(r.createdAt) as Date,
      firstResponseDue: Db.date(r.firstResponseDue) as Date,
      firstResponseAt: Db.date(r.firstResponseAt),
      firstResponderId: r.firstResponderId === null ? null : Number(r.firstResponderId),
      solutionDue: Db.date(r.solutionDue) as Date,
      resolvedAt: Db.date(r.resolvedAt),
      reopenCount: Number(r.reopenCount),
    }));
    const responderIds = [...new Set(rows.map((r) => r.firstResponderId).filter((id): id is number => id !== null))];
    const names = new Map<number, string>();
    if (responderIds.length > 0) {
      const users = await this.db.rows<{ id: number | string; nickname: string }>(
        `SELECT id, nickname FROM users WHERE id IN (${responderIds.map(() => '?').join(', ')})`,
        responderIds,
      );
      for (const u of users) names.set(Number(u.id), u.nickname);
    }
    const buildings = await this.households.buildings(communityId);
    return helpStats({ period, from, now, days, rows, buildings, names });
  }

  /** When "the lockdown so far" begins: the community's first help request, or its creation. */
  private async lockdownStart(communityId: number, now: Date): Promise<Date> {
    const [first] = await this.db.rows<{ at: DbDate | null }>(
      `SELECT MIN(created_at) AS at FROM help_requests WHERE community_id = ? AND state <> 'MERGED'`,
      [communityId],
    );
    if (first?.at) return Db.date(first.at) as Date;
    const [community] = await this.db.rows<{ at: DbDate | null }>('SELECT created_at AS at FROM communities WHERE id = ?', [communityId]);
    return community?.at ? (Db.date(community.at) as Date) : now;
  }
}
