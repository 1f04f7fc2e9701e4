import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { QrTokens } from '../../common/qr-token';
import { HouseholdsService } from '../community/households.service';
import { ParcelSource } from './entities/parcel-source.entity';
import { Parcel } from './entities/parcel.entity';

/** A bag can still be changed on the line while its parcel has not left with a volunteer. */
const ON_THE_LINE = ['READY', 'ASSIGNED', 'ACCEPTED'] as const;

export interface LineBag {
  parcelId: number;
  householdId: number;
  buildingId: number;
  door: string;
  state: string;
  readyAt: Date | null;
  /** The orders it carries. */
  orderIds: number[];
}

/**
 * The parcels' side of the sorting line (issue 19): which bags of a batch are on the line, per
 * building and door, and which are marked ready by the scan of their label (`parcel_bags`, one
 * row per parcel: scanning again is harmless). It never blocks dispatch: a bag not yet scanned
 * is simply shown as 待分拣.
 */
@Injectable()
export class SortingLine {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly qr: QrTokens,
    private readonly households: HouseholdsService,
  ) {}

  /** The batch's bags (all buildings, or one), by building and door. */
  async bags(communityId: number, batch: string, buildingId: number | null): Promise<LineBag[]> {
    const parcels = await this.db.repo(Parcel).find({
      where: { communityId, batch, ...(buildingId === null ? {} : { buildingId }) },
      select: ['id', 'householdId', 'buildingId', 'state'],
      order: { id: 'ASC' },
    });
    if (parcels.length === 0) return [];
    const ids = parcels.map((p) => p.id);
    const ready = new Map(
      (
        await this.db.rows<{ parcelId: number; readyAt: Date | string }>(
          `SELECT parcel_id AS parcelId, ready_at AS readyAt FROM parcel_bags WHERE parcel_id IN (${Db.marks(ids.length)})`,
          ids,
        )
      ).map((r) => [Number(r.parcelId), Db.date(r.readyAt)]),
    );
    const sources = await this.db.repo(ParcelSource).findBy({ parcelId: In(ids), sourceType: 'order' });
    const doors = await this.households.doors(parcels.map((p) => p.householdId));
    return parcels
      .filter((p) => p.state !== 'CANCELLED')
      .map((p) => ({
        parcelId: p.id,
        householdId: p.householdId,
        buildingId: p.buildingId,
        door: doors.get(p.householdId)?.address ?? '',
        state: p.state,
        readyAt: ready.get(p.id) ?? null,
        orderIds: sources.filter((s) => s.parcelId === p.id).map((s) => s.sourceId),
      }))
      .sort((a, b) => a.buildingId - b.buildingId || a.door.localeCompare(b.door, 'zh-CN', { numeric: true }));
  }

  /** One bag of the community, still on the line (not yet picked up), or BAG_NOT_FOUND / BAG_GONE. */
  async onTheLine(communityId: number, parcelId: number): Promise<Parcel> {
    const parcel = await this.db.repo(Parcel).findOneBy({ id: parcelId });
    if (!parcel || parcel.communityId !== communityId) throw new DomainError('BAG_NOT_FOUND');
    if (!(ON_THE_LINE as readonly string[]).includes(parcel.state)) throw new DomainError('BAG_GONE');
    return parcel;
  }

  /** The label scanned on the line: the bag is ready. A second scan changes nothing. */
  async markReady(communityId: number, userId: number, token: string): Promise<Parcel> {
    const parcel = await this.onTheLine(communityId, this.qr.verify(token, 'parcelLabel', this.clock.now()));
    const sql = 'INSERT INTO parcel_bags (parcel_id, community_id, batch, building_id, ready_by, ready_at) VALUES (?, ?, ?, ?, ?, ?)';
    await this.db.run(sql + (this.db.isMysql ? ' ON DUPLICATE KEY UPDATE parcel_id = parcel_id' : ' ON CONFLICT (parcel_id) DO NOTHING'), [
      parcel.id,
      parcel.communityId,
      parcel.batch,
      parcel.buildingId,
      userId,
      this.clock.now(),
    ]);
    return parcel;
  }

  /** Items found short of a cash parcel: the volunteer collects that much less at the door. */
  async takeOffCashDue(parcelId: number, fen: number): Promise<void> {
    if (fen <= 0) return;
    await this.db.run(
      'UPDATE parcels SET cash_due_fen = CASE WHEN cash_due_fen > ? THEN cash_due_fen - ? ELSE 0 END, updated_at = ? WHERE id = ?',
      [fen, fen, this.clock.now(), parcelId],
    );
  }
}
