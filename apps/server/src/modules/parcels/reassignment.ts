import { Inject, Injectable } from '@nestjs/common';
import type { ParcelMissReason } from '@linli/shared-types';
import { LessThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Parcel } from './entities/parcel.entity';
import { NOT_ACCEPTED, NOT_PICKED_UP, ParcelFlow, REOFFERED, type MoveHow } from './parcel-flow';
import { ParcelMessages } from './parcel-messages';
import { nextStep, type Candidate, type NextStep } from './reassignment-plan';

/** Parcels a time-out looks at per round (the next round takes the rest). */
const ROUND = 1000;

/** What the UPDATE that frees a parcel writes with its state: nobody holds it, one more miss. */
function freed(): Partial<Parcel> {
  return { volunteerId: null, assignedAt: null, missCount: (() => 'miss_count + 1') as unknown as number };
}

/**
 * Reassignment (issue 19): a parcel its volunteer let go — declined, not accepted in time, not
 * picked up in time — is offered at once to the next least-loaded on-duty volunteer covering
 * its building who has not let it go before; with nobody, it waits in the pool (and dispatch
 * skips those who let it go); after MISSES_TO_STAFF misses it waits for staff, red on their
 * board. Every step is a conditional UPDATE on the parcel's state and volunteer inside the
 * caller's transaction, so two instances running the time-outs at once move each parcel once.
 */
@Injectable()
export class Reassignment {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly flow: ParcelFlow,
    private readonly messages: ParcelMessages,
  ) {}

  /** What a volunteer's decline writes with the move back to READY (the move itself is the person's, checked by the workflow). */
  declineSet(): Partial<Parcel> {
    return freed();
  }

  /**
   * After `volunteerId` let parcel `parcelId` go (its state already moved back to READY with
   * the miss counted, in this transaction): the miss is recorded and the parcel offered on.
   */
  async missed(parcelId: number, volunteerId: number, reason: ParcelMissReason): Promise<NextStep> {
    const now = this.clock.now();
    await this.db.run(
      `INSERT INTO parcel_misses (parcel_id, volunteer_id, reason, at) VALUES (?, ?, ?, ?)
       ${this.db.isMysql ? 'ON DUPLICATE KEY UPDATE id = id' : 'ON CONFLICT (parcel_id, volunteer_id) DO NOTHING'}`,
      [parcelId, volunteerId, reason, now],
    );
    const [parcel] = await this.db.rows<{ communityId: number; buildingId: number; missCount: number; contents: string }>(
      'SELECT community_id AS communityId, building_id AS buildingId, miss_count AS missCount, contents FROM parcels WHERE id = ? AND state = ?',
      [parcelId, 'READY'],
    );
    if (!parcel) return { to: 'pool' };
    const communityId = Number(parcel.communityId);
    await this.messages.letGo({ communityId }, volunteerId, reason);
    const { candidates, missedBy } = await this.candidates(parcelId, communityId, Number(parcel.buildingId));
    const step = nextStep(Number(parcel.missCount), candidates, missedBy);
    if (step.to === 'staff') await this.messages.unclaimed({ communityId, contents: parcel.contents });
    if (step.to !== 'volunteer') return step;
    const how: MoveHow = {
      via: 'system',
      set: { volunteerId: step.volunteerId, assignedAt: now },
      details: `reassigned to volunteer ${step.volunteerId}`,
      silent: true,
    };
    if (!(await this.flow.systemMove(REOFFERED, { id: parcelId }, how))) return { to: 'pool' };
    await this.messages.offered(communityId, step.volunteerId);
    return step;
  }

  /**
   * On-duty volunteers covering the building, with what they hold now and whether they let this
   * parcel go before: one statement, whatever their number.
   */
  private async candidates(
    parcelId: number,
    communityId: number,
    buildingId: number,
  ): Promise<{ candidates: Candidate[]; missedBy: number[] }> {
    const rows = await this.db.rows<{ userId: number; capacity: number; held: number | string; missed: number | string }>(
      `SELECT v.user_id AS userId, v.capacity AS capacity,
         (SELECT COUNT(*) FROM parcels h WHERE h.volunteer_id = v.user_id AND h.state IN ('ASSIGNED', 'ACCEPTED', 'PICKED_UP')) AS held,
         (SELECT COUNT(*) FROM parcel_misses m WHERE m.parcel_id = ? AND m.volunteer_id = v.user_id) AS missed
       FROM volunteer_profiles v
       WHERE v.community_id = ? AND v.on_duty = ? AND v.buildings LIKE ?`,
      [parcelId, communityId, true, `%,${Math.trunc(buildingId)},%`],
    );
    return {
      candidates: rows.map((r) => ({ userId: Number(r.userId), capacity: Number(r.capacity), load: Number(r.held) })),
      missedBy: rows.filter((r) => Number(r.missed) > 0).map((r) => Number(r.userId)),
    };
  }

  /**
   * Assignments not accepted within `minutes`: each taken from its volunteer by a conditional
   * UPDATE on ASSIGNED, that volunteer and the old assignment time (an accept, a decline or
   * another instance's time-out at the same moment wins cleanly), then offered on. Returns how
   * many were taken back.
   */
  async releaseUnaccepted(minutes: number): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - minutes * 60_000);
    const late = await this.db.repo(Parcel).find({
      where: { state: 'ASSIGNED', assignedAt: LessThan(cutoff) },
      select: ['id', 'volunteerId'],
      order: { id: 'ASC' },
      take: ROUND,
    });
    let released = 0;
    for (const p of late) {
      if (p.volunteerId === null) continue;
      const volunteerId = p.volunteerId;
      const how: MoveHow = { via: 'system', set: freed(), details: `not accepted in ${minutes} min`, silent: true };
      const guard = { id: p.id, volunteerId, assignedAt: LessThan(cutoff) };
      const moved = await this.db.transaction(async () => {
        if (!(await this.flow.systemMove(NOT_ACCEPTED, guard, how))) return false;
        await this.missed(p.id, volunteerId, 'not-accepted');
        return true;
      });
      if (moved) released++;
    }
    return released;
  }

  /**
   * Accepted parcels still at the supply point: after PICKUP_REMIND_MINUTES their volunteer is
   * reminded once (claimed by a conditional UPDATE of `reminded_at`: a reminder older than the
   * acceptance is a past one), after PICKUP_RETURN_MINUTES the parcel returns and is offered on,
   * counted as a miss. Acceptance time is `updated_at`, which nothing else writes while ACCEPTED.
   */
  async sweepUnpicked(): Promise<number> {
    const now = this.clock.now().getTime();
    const remindCutoff = new Date(now - this.config.pickupRemindMinutes * 60_000);
    const returnCutoff = new Date(now - this.config.pickupReturnMinutes * 60_000);
    const due = await this.db.repo(Parcel).find({
      where: { state: 'ACCEPTED', updatedAt: LessThan(remindCutoff) },
      select: ['id', 'communityId', 'volunteerId', 'contents', 'updatedAt', 'remindedAt'],
      order: { id: 'ASC' },
      take: ROUND,
    });
    let done = 0;
    for (const p of due) {
      if (p.volunteerId === null) continue;
      if (p.remindedAt === null || new Date(p.remindedAt).getTime() < new Date(p.updatedAt).getTime()) {
        if (await this.remind(p, p.volunteerId)) done++;
      }
      if (new Date(p.updatedAt).getTime() < returnCutoff.getTime() && (await this.returnUnpicked(p, p.volunteerId, returnCutoff))) done++;
    }
    return done;
  }

  private remind(p: Parcel, volunteerId: number): Promise<boolean> {
    const now = this.clock.now();
    return this.db.transaction(async () => {
      const claimed = await this.db.run(
        'UPDATE parcels SET reminded_at = ? WHERE id = ? AND state = ? AND volunteer_id = ? AND (reminded_at IS NULL OR reminded_at < updated_at)',
        [now, p.id, 'ACCEPTED', volunteerId],
      );
      if (claimed.affected !== 1) return false;
      const returnsAt = new Date(new Date(p.updatedAt).getTime() + this.config.pickupReturnMinutes * 60_000);
      await this.messages.pickupReminder(p, volunteerId, returnsAt);
      return true;
    });
  }

  private returnUnpicked(p: Parcel, volunteerId: number, cutoff: Date): Promise<boolean> {
    const how: MoveHow = {
      via: 'system',
      set: { ...freed(), remindedAt: null },
      details: `not picked up in ${this.config.pickupReturnMinutes} min`,
      silent: true,
    };
    return this.db.transaction(async () => {
      if (!(await this.flow.systemMove(NOT_PICKED_UP, { id: p.id, volunteerId, updatedAt: LessThan(cutoff) }, how))) return false;
      await this.missed(p.id, volunteerId, 'not-picked-up');
      return true;
    });
  }
}
