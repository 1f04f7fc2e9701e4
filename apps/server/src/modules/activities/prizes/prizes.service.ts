import { Injectable } from '@nestjs/common';
import type {
  ActivityWinner,
  AwardPrizesRequest,
  AwardPrizesResult,
  ParcelState,
  PrizeSource,
  PrizeView,
  PrizeWinnersView,
  StaffPrizeView,
} from '@linli/shared-types';
import type { Actor } from '../../../common/actor';
import { staffCommunity } from '../../../common/access';
import { AuditService } from '../../../common/audit/audit.service';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import { HouseholdsService } from '../../community/households.service';
import { MessagesService } from '../../messages/messages.service';
import { ParcelsService } from '../../parcels/parcels.service';
import { ContestsService } from '../contests/contests.service';
import { QuizzesService } from '../quizzes/quizzes.service';

/** What an activity that awards prizes answers: its title and its ranking's top N (refusing while it has none to give). */
export interface WinnerSource {
  winners(communityId: number, id: number, top: number): Promise<{ title: string; winners: ActivityWinner[] }>;
}

interface PrizeRow {
  id: number;
  sourceType: PrizeSource;
  sourceId: number;
  householdId: number;
  place: number;
  title: string;
  label: string;
  prize: string;
  parcelId: number | null;
  parcelState: ParcelState | null;
  createdAt: Date | string;
}

const SELECT = `SELECT p.id, p.source_type AS sourceType, p.source_id AS sourceId, p.household_id AS householdId, p.place, p.title,
  p.label, p.prize, p.parcel_id AS parcelId, c.state AS parcelState, p.created_at AS createdAt
  FROM activity_prizes p LEFT JOIN parcels c ON c.id = p.parcel_id`;

/**
 * Prizes of contests and quizzes: each winning household gets one parcel to its door, once
 * however often staff press 「发放奖品」 (a unique key per source and household decides, so two
 * staff pressing at once give one), and a message. The parcel then goes through the normal
 * dispatch, scans and rating.
 */
@Injectable()
export class PrizesService {
  private readonly sources: Record<PrizeSource, WinnerSource>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly messages: MessagesService,
    private readonly parcels: ParcelsService,
    contests: ContestsService,
    quizzes: QuizzesService,
  ) {
    this.sources = { contest: contests, quiz: quizzes };
  }

  /** Who would win (the source's ranking), and who already has their prize. */
  async winners(actor: Actor, source: PrizeSource, sourceId: number, top: number): Promise<PrizeWinnersView> {
    const communityId = staffCommunity(actor);
    const { title, winners } = await this.sources[source].winners(communityId, sourceId, top);
    const given = new Set((await this.rowsOf(communityId, source, sourceId)).map((p) => p.householdId));
    return { source, sourceId, title, winners: winners.map((w) => ({ ...w, awarded: given.has(w.householdId) })) };
  }

  async award(actor: Actor, request: AwardPrizesRequest): Promise<AwardPrizesResult> {
    const communityId = staffCommunity(actor);
    // The ranking is read first, outside the award's transaction (it only reads).
    const { title, winners } = await this.sources[request.source].winners(communityId, request.sourceId, request.top);
    if (winners.length === 0) throw new DomainError('PRIZE_NO_WINNERS');
    const awarded = await this.db.transaction(async () => {
      const now = this.clock.now();
      const fresh: ActivityWinner[] = [];
      // In household order: two presses at once take the unique keys in the same order.
      for (const winner of [...winners].sort((a, b) => a.householdId - b.householdId)) {
        const inserted = await this.db.run(
          `INSERT INTO activity_prizes (community_id, source_type, source_id, household_id, user_id, place, title, label, prize, awarded_by, created_at)
           VALUES (${Db.marks(11)})
           ${this.db.isMysql ? 'ON DUPLICATE KEY UPDATE id = id' : 'ON CONFLICT (source_type, source_id, household_id) DO NOTHING'}`,
          [
            communityId,
            request.source,
            request.sourceId,
            winner.householdId,
            winner.userId,
            winner.rank,
            title.slice(0, 60),
            winner.label.slice(0, 80),
            request.prize,
            actor.userId,
            now,
          ],
        );
        // A household that already has its prize: MySQL finds the row (affected 1, no new id), SQLite skips it.
        const isNew = this.db.isMysql ? inserted.insertId > 0 && inserted.affected === 1 : inserted.affected === 1;
        if (!isNew) continue;
        fresh.push(winner);
        const parcelId = await this.parcels.createForPrize({
          id: inserted.insertId,
          batch: `prize:${request.source}:${request.sourceId}`,
          communityId,
          householdId: winner.householdId,
          contents: `奖品：${request.prize}`,
        });
        await this.db.run('UPDATE activity_prizes SET parcel_id = ? WHERE id = ?', [parcelId, inserted.insertId]);
        await this.messages.tellHousehold(winner.householdId, {
          communityId,
          kind: 'prize.awarded',
          title: '恭喜您获奖',
          body: `您在「${title}」中获得第 ${winner.rank} 名（${winner.label}），奖品「${request.prize}」将由志愿者送到家门口`,
          link: '/activities/prizes/index',
        });
      }
      if (fresh.length > 0) {
        await this.audit.record(actor, {
          action: 'prize.award',
          targetType: request.source,
          targetId: request.sourceId,
          details: { prize: request.prize, households: fresh.map((w) => w.householdId) },
        });
      }
      return fresh.length;
    });
    return { awarded, already: winners.length - awarded, prizes: await this.list(actor, request.source, request.sourceId) };
  }

  /** The prizes of one contest or quiz, by rank, with their doors and parcels. */
  async list(actor: Actor, source: PrizeSource, sourceId: number): Promise<StaffPrizeView[]> {
    const rows = await this.rowsOf(staffCommunity(actor), source, sourceId);
    const doors = await this.households.doors(rows.map((r) => r.householdId));
    return rows.map((r) => ({
      id: Number(r.id),
      source: r.sourceType,
      sourceId: Number(r.sourceId),
      title: r.title,
      rank: Number(r.place),
      householdId: Number(r.householdId),
      door: doors.get(Number(r.householdId))?.address ?? '',
      label: r.label,
      prize: r.prize,
      parcelId: r.parcelId === null ? null : Number(r.parcelId),
      parcelState: r.parcelState,
      awardedAt: (Db.date(r.createdAt) as Date).toISOString(),
    }));
  }

  /** My household's prizes, newest first, each with its parcel (to follow, confirm and rate). */
  async mine(actor: Actor): Promise<PrizeView[]> {
    if (actor.householdId === null || actor.communityId === null) return [];
    const rows = await this.db.rows<PrizeRow>(`${SELECT} WHERE p.household_id = ? AND p.community_id = ? ORDER BY p.id DESC`, [
      actor.householdId,
      actor.communityId,
    ]);
    const parcels = await this.parcels.forSources(
      'prize',
      rows.map((r) => Number(r.id)),
    );
    return rows.map((r) => ({
      id: Number(r.id),
      source: r.sourceType,
      title: r.title,
      rank: Number(r.place),
      label: r.label,
      prize: r.prize,
      awardedAt: (Db.date(r.createdAt) as Date).toISOString(),
      parcel: parcels.get(Number(r.id)) ?? null,
    }));
  }

  private rowsOf(communityId: number, source: PrizeSource, sourceId: number): Promise<PrizeRow[]> {
    return this.db.rows<PrizeRow>(`${SELECT} WHERE p.community_id = ? AND p.source_type = ? AND p.source_id = ? ORDER BY p.place, p.id`, [
      communityId,
      source,
      sourceId,
    ]);
  }
}
