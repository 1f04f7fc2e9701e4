import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor as FlowActor, ParcelSourceType, ParcelState, ProxyKind } from '@linli/shared-types';
import { IsNull, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { defineMove, Transitions, type Move } from '../../common/workflow';
import { OutboxService } from '../notify/outbox.service';
import type { ParcelEvent } from './entities/parcel-event.entity';
import { Parcel, PARCEL_WORKFLOW } from './entities/parcel.entity';
import { ParcelMessages, type AssignedParcel } from './parcel-messages';

/** What a parcel carries, as its sources' modules know them. */
export interface SourceRef {
  sourceType: ParcelSourceType;
  sourceId: number;
}

type SourcesListener = (sources: SourceRef[]) => Promise<void>;
type CancelledListener = (sources: SourceRef[], reason: string, actor: Actor) => Promise<void>;

/** Moves the household hears of (its message links to what the parcel carries). */
const TELLS_HOUSEHOLD: readonly ParcelState[] = ['PICKED_UP', 'LEFT_AT_DOOR', 'DELIVERED', 'FAILED'];

/** Parcels moved per statement by a dispatch. */
const DISPATCH_CHUNK = 1000;

function int(n: number): number {
  if (!Number.isSafeInteger(n)) throw new Error(`not an id: ${n}`);
  return n;
}

/** The outbox kind of "this parcel was delivered" (its sources move on). */
export const PARCEL_DELIVERED = 'parcel.delivered';

/** A parcel in these states has not left: orders packed later into its batch join it. */
const OPEN: readonly ParcelState[] = ['READY', 'ASSIGNED', 'ACCEPTED'];

/** What the parcel's columns become with a move: it stops taking new orders once it leaves. */
function leaving(from: ParcelState, to: ParcelState): Partial<Parcel> {
  return OPEN.includes(from) && !OPEN.includes(to) ? { openBatch: null } : {};
}

/** Staff dispatch: READY parcels to on-duty volunteers, in one click. */
const DISPATCHED = defineMove(PARCEL_WORKFLOW, 'READY', 'ASSIGNED', 'staff');
/** An assignment nobody accepted in time goes back to the pool. */
export const NOT_ACCEPTED = defineMove(PARCEL_WORKFLOW, 'ASSIGNED', 'READY');
/** A parcel its volunteer let go is offered to the next one (reassignment.ts). */
export const REOFFERED = defineMove(PARCEL_WORKFLOW, 'READY', 'ASSIGNED');
/** An accepted parcel not picked up in time goes back (and on to the next volunteer). */
export const NOT_PICKED_UP = defineMove(PARCEL_WORKFLOW, 'ACCEPTED', 'READY');
/** A contactless parcel the household never confirmed counts as delivered. */
export const CONFIRMED_BY_TIME = defineMove(PARCEL_WORKFLOW, 'LEFT_AT_DOOR', 'DELIVERED');

/** How a move happened, for the parcel's timeline. */
export interface MoveHow {
  via: ParcelEvent['via'];
  /** Other columns written with the state. */
  set?: Partial<Parcel>;
  details?: string | null;
  /** When it happened (a scan replayed after the network came back), if not now. */
  at?: Date;
  /** What the parcel carries (in id order), when the caller has read it already: not read again. */
  sources?: SourceRef[];
  /** A person acting for the household (ProxyAccess said so): as whom, on the timeline. */
  actingAs?: ProxyKind;
  /** The caller tells the people concerned itself (a reassignment): no message from the move. */
  silent?: boolean;
}

/**
 * The only writer of `Parcel.state` and of `ParcelEvent`: every move goes through the workflow
 * door and leaves one event on the parcel's timeline, and the parcel's sources learn of the two
 * moves that concern them (picked up, delivered).
 */
@Injectable()
export class ParcelFlow implements OnModuleInit {
  private readonly deliveredListeners: SourcesListener[] = [];
  private readonly pickedUpListeners: SourcesListener[] = [];
  private readonly cancelledListeners: CancelledListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly transitions: Transitions,
    private readonly messages: ParcelMessages,
  ) {}

  /**
   * Sources learn that their parcel left with a volunteer — inside the pick-up's transaction, so
   * what they write (an outbox row) commits or rolls back with it.
   */
  onPickedUp(listener: SourcesListener): void {
    this.pickedUpListeners.push(listener);
  }

  /**
   * Sources learn that their parcel arrived, after the parcel's transaction commits. The event is
   * an outbox row written with the delivery, handled at once after commit and, if the process
   * died in between, by the outbox worker later: listeners must be idempotent (conditional UPDATEs).
   */
  onDelivered(listener: SourcesListener): void {
    this.deliveredListeners.push(listener);
  }

  /**
   * Sources learn that staff cancelled their parcel after it came back — inside that
   * transaction: they cancel (and owe a refund) with it, or the cancel fails as a whole.
   */
  onCancelled(listener: CancelledListener): void {
    this.cancelledListeners.push(listener);
  }

  onModuleInit(): void {
    this.outbox.handleLocal(PARCEL_DELIVERED, async (payload) => {
      // The delivery wrote what the parcel carries into the row (nothing joins a delivered parcel); older rows name the parcel only.
      const sources = Array.isArray(payload.sources) ? (payload.sources as SourceRef[]) : await this.sources(Number(payload.parcelId));
      for (const listener of this.deliveredListeners) await listener(sources);
    });
  }

  /** A READY parcel and the first event of its timeline. */
  async create(
    fields: Pick<Parcel, 'communityId' | 'batch' | 'householdId' | 'buildingId' | 'deliveryDate' | 'contents' | 'cashDueFen'>,
  ): Promise<Parcel> {
    const now = this.clock.now();
    const parcel = await this.db.repo(Parcel).save({
      ...fields,
      openBatch: fields.batch,
      cashCollectedAt: null,
      cashCollectedBy: null,
      state: PARCEL_WORKFLOW.initial,
      volunteerId: null,
      assignedAt: null,
      failureReason: null,
      deliveredAt: null,
      photoFileId: null,
      leftAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.event(parcel.id, null, parcel.state, null, { via: 'system', details: fields.batch, at: now });
    return parcel;
  }

  /**
   * A person moves a parcel, acting `as` what they are to it (access.ts): the workflow door
   * decides, then the event is written and the sources told. Returns the row as the UPDATE left
   * it, without reading it back. Losing a race for a READY parcel is PARCEL_TAKEN; the UPDATE is
   * conditional on the volunteer as read too, so a parcel the server gave to another volunteer
   * meanwhile (a time-out's reassignment) is never accepted or declined on their behalf.
   */
  async move(actor: Actor, as: FlowActor[], parcel: Parcel, to: ParcelState, how: MoveHow): Promise<Parcel> {
    const now = this.clock.now();
    const set = { ...how.set, ...leaving(parcel.state, to), updatedAt: now };
    await this.transitions.transition(
      PARCEL_WORKFLOW,
      parcel,
      to,
      as,
      set as QueryDeepPartialEntity<Parcel>,
      () => (parcel.state === 'READY' ? new DomainError('PARCEL_TAKEN') : new DomainError('INVALID_TRANSITION', { to })),
      { volunteerId: parcel.volunteerId ?? IsNull() },
    );
    await this.event(parcel.id, parcel.state, to, actor.userId, how);
    const moved = { ...parcel, ...set, state: to } as Parcel;
    await this.told(moved, to, parcel.volunteerId, how.sources, how.silent);
    return moved;
  }

  /**
   * Staff cancel a parcel that came back: the parcel moves RETURNED → CANCELLED and, in the same
   * transaction, its sources cancel what it carried (refunds owed) with the reason.
   */
  async cancel(actor: Actor, as: FlowActor[], parcel: Parcel, reason: string): Promise<Parcel> {
    const moved = await this.move(actor, as, parcel, 'CANCELLED', { via: 'app', details: reason });
    const sources = await this.sources(parcel.id);
    for (const listener of this.cancelledListeners) await listener(sources, reason, actor);
    return moved;
  }

  /**
   * The server moves one parcel by a declared move, if it is still as `guard` says (the
   * volunteer it was assigned to, say); false when something else moved it first.
   */
  async systemMove(
    move: Move<ParcelState, Parcel>,
    guard: { id: number; volunteerId?: number } & FindOptionsWhere<Parcel>,
    how: MoveHow,
  ): Promise<boolean> {
    const set = { ...how.set, ...leaving(move.from, move.to), updatedAt: this.clock.now() } as QueryDeepPartialEntity<Parcel>;
    const moved = await this.transitions.systemTransition(move, { where: guard }, set);
    if (moved !== 1) return false;
    await this.event(guard.id, move.from, move.to, null, how);
    await this.told(guard.id, move.to, guard.volunteerId ?? null, how.sources, how.silent);
    return true;
  }

  /**
   * Dispatch: READY parcels to the volunteers the plan chose, by staff, DISPATCH_CHUNK parcels a
   * statement: one conditional UPDATE (each parcel's volunteer by a CASE), its events by one
   * INSERT … SELECT, the households' and volunteers' messages by a few multi-row INSERTs. A
   * parcel a volunteer grabbed meanwhile is skipped by the UPDATE and gets no event or message.
   */
  async dispatch(actor: Actor, plan: AssignedParcel[]): Promise<number> {
    const communityId = staffCommunity(actor);
    const now = this.clock.now();
    const moved: AssignedParcel[] = [];
    const sorted = [...plan].sort((a, b) => a.id - b.id);
    for (let i = 0; i < sorted.length; i += DISPATCH_CHUNK) {
      const chunk = sorted.slice(i, i + DISPATCH_CHUNK);
      const ids = chunk.map((p) => p.id);
      // Integers only, checked: the CASE is written into the statement.
      const volunteerOf = `CASE id ${chunk.map((p) => `WHEN ${int(p.id)} THEN ${int(p.volunteerId)}`).join(' ')} END`;
      const count = await this.transitions.systemTransition(
        DISPATCHED,
        { ids },
        { volunteerId: () => volunteerOf, assignedAt: now, updatedAt: now },
      );
      let done = chunk;
      if (count !== chunk.length) {
        const rows = await this.db.rows<{ id: number; volunteerId: number }>(
          `SELECT id, volunteer_id AS volunteerId FROM parcels WHERE id IN (${Db.marks(ids.length)}) AND state = ?`,
          [...ids, DISPATCHED.to],
        );
        const holder = new Map(rows.map((r) => [Number(r.id), Number(r.volunteerId)]));
        done = chunk.filter((p) => holder.get(p.id) === p.volunteerId);
      }
      if (done.length === 0) continue;
      await this.db.run(
        `INSERT INTO parcel_events (parcel_id, from_state, to_state, actor_user_id, via, details, at)
         SELECT id, ?, ?, ?, 'dispatch', ${this.db.concat("'volunteer '", 'volunteer_id')}, ? FROM parcels WHERE id IN (${Db.marks(done.length)})`,
        [DISPATCHED.from, DISPATCHED.to, actor.userId, now, ...done.map((p) => p.id)],
      );
      moved.push(...done);
    }
    if (moved.length > 0) await this.messages.assigned(communityId, moved);
    return moved.length;
  }

  /** What a parcel carries. */
  /** What a parcel carries, in id order (the first is what the household's messages open). */
  async sources(parcelId: number): Promise<SourceRef[]> {
    const rows = await this.db.rows<{ sourceType: ParcelSourceType; sourceId: number }>(
      'SELECT source_type AS sourceType, source_id AS sourceId FROM parcel_sources WHERE parcel_id = ? ORDER BY id',
      [parcelId],
    );
    return rows.map((s) => ({ sourceType: s.sourceType, sourceId: Number(s.sourceId) }));
  }

  private async event(parcelId: number, from: ParcelState | null, to: ParcelState, by: number | null, how: MoveHow): Promise<void> {
    await this.db.run(
      'INSERT INTO parcel_events (parcel_id, from_state, to_state, actor_user_id, via, details, acting_as, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [parcelId, from, to, by, how.via, how.details ?? null, how.actingAs ?? null, how.at ?? this.clock.now()],
    );
  }

  /** The sources hear of the moves that concern them; the people concerned get a message. */
  private async told(
    parcel: Parcel | number,
    to: ParcelState,
    volunteerId: number | null,
    sources?: SourceRef[],
    silent = false,
  ): Promise<void> {
    const parcelId = typeof parcel === 'number' ? parcel : parcel.id;
    // Read once for the household's message, the sources' listeners and the delivered event.
    if (!sources && TELLS_HOUSEHOLD.includes(to)) sources = await this.sources(parcelId);
    if (!silent) await this.messages.moved(parcel, to, volunteerId, sources);
    if (to === 'DELIVERED') await this.announceDelivered(parcelId, sources);
    if (to === 'PICKED_UP' && this.pickedUpListeners.length > 0) {
      const carried = sources ?? (await this.sources(parcelId));
      for (const listener of this.pickedUpListeners) await listener(carried);
    }
  }

  /** Sources learn their parcel arrived: an outbox row in this transaction (with what it carries, when known), handled right after commit. */
  private async announceDelivered(parcelId: number, sources?: SourceRef[]): Promise<void> {
    const key = `${PARCEL_DELIVERED}:${parcelId}`;
    const payload = sources ? { parcelId, sources } : { parcelId };
    await this.outbox.enqueue(PARCEL_DELIVERED, key, payload);
    await this.db.afterCommit(async () => {
      await this.outbox.runLocalNow(PARCEL_DELIVERED, key, payload);
    });
  }
}
