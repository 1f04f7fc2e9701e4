import { Injectable } from '@nestjs/common';
import {
  maskPhone,
  nextStates,
  PARCEL_FLOW,
  type Actor as FlowActor,
  type ParcelState,
  type ParcelSummary,
  type ParcelTaskView,
  type ParcelView,
} from '@linli/shared-types';
import { In } from 'typeorm';
import { relationsTo } from '../../common/access';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { QrTokens } from '../../common/qr-token';
import { HouseholdsService, type Door } from '../community/households.service';
import { FilesService } from '../files/files.service';
import { ParcelRating } from './entities/parcel-rating.entity';
import { Parcel } from './entities/parcel.entity';

const LABEL_LIFETIME_MS = 14 * 24 * 3600 * 1000;

/** Who the actor is to a parcel: its household, the volunteer holding it (any volunteer while nobody does), staff. */
export function parcelRelations(actor: Actor, p: Parcel): FlowActor[] {
  return relationsTo(actor, {
    communityId: p.communityId,
    householdId: p.householdId,
    volunteerId: p.volunteerId,
    openToVolunteers: p.state === 'READY',
  });
}

/**
 * How parcels look to the people around them: the volunteer's task (door, masked phone, never a
 * name), staff's row (with the label's signed token), the household's summary (with the door
 * photo). Each view carries the moves the asking person may make next.
 */
@Injectable()
export class ParcelViews {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
    private readonly files: FilesService,
    private readonly qr: QrTokens,
  ) {}

  async task(actor: Actor, parcel: Parcel): Promise<ParcelTaskView> {
    return (await this.tasks(actor, [parcel]))[0] as ParcelTaskView;
  }

  /** Tasks in building and door order. */
  async tasks(actor: Actor, rows: Parcel[]): Promise<ParcelTaskView[]> {
    const doors = await this.households.doors(rows.map((p) => p.householdId));
    return rows
      .map((p) => taskView(p, doors.get(p.householdId), nextStates(PARCEL_FLOW, p.state, parcelRelations(actor, p))))
      .sort(
        (a, b) =>
          a.building.localeCompare(b.building, 'zh-CN', { numeric: true }) ||
          a.unit.localeCompare(b.unit, 'zh-CN', { numeric: true }) ||
          a.room.localeCompare(b.room, 'zh-CN', { numeric: true }),
      );
  }

  /** Staff rows, in the order given, with a label token valid for two weeks. */
  async staff(actor: Actor, rows: Parcel[]): Promise<ParcelView[]> {
    const doors = await this.households.doors(rows.map((p) => p.householdId));
    const expires = new Date(this.clock.now().getTime() + LABEL_LIFETIME_MS);
    return rows.map((p) => ({
      ...taskView(p, doors.get(p.householdId), nextStates(PARCEL_FLOW, p.state, parcelRelations(actor, p))),
      householdId: p.householdId,
      volunteerId: p.volunteerId,
      failureReason: p.failureReason,
      labelToken: this.qr.sign('parcelLabel', p.id, expires),
    }));
  }

  async summary(parcelId: number): Promise<ParcelSummary> {
    return (await this.summaries([parcelId])).get(parcelId) as ParcelSummary;
  }

  /** What the household sees of its parcels: state, times, the door photo, what it may do. */
  async summaries(parcelIds: number[]): Promise<Map<number, ParcelSummary>> {
    const rows = await this.db.repo(Parcel).findBy({ id: In(parcelIds) });
    const ratings = await this.db.repo(ParcelRating).findBy({ parcelId: In(parcelIds) });
    return new Map(
      rows.map((p) => {
        const r = ratings.find((x) => x.parcelId === p.id);
        return [
          p.id,
          {
            id: p.id,
            state: p.state,
            deliveredAt: p.deliveredAt ? new Date(p.deliveredAt).toISOString() : null,
            leftAt: p.leftAt ? new Date(p.leftAt).toISOString() : null,
            photoUrl: p.photoFileId ? this.files.link(p.photoFileId) : null,
            actions: nextStates(PARCEL_FLOW, p.state, ['resident']),
            rating: r ? { stars: r.stars, comment: r.comment } : null,
          },
        ];
      }),
    );
  }
}

function taskView(p: Parcel, door: Door | undefined, actions: ParcelState[]): ParcelTaskView {
  return {
    id: p.id,
    state: p.state,
    building: door?.building ?? '',
    unit: door?.unit ?? '',
    room: door?.room ?? '',
    phone: door?.contactPhone ? maskPhone(door.contactPhone) : null,
    contents: p.contents,
    deliveryDate: p.deliveryDate,
    actions,
    cashDueFen: p.cashDueFen,
    cashCollected: p.cashCollectedAt !== null,
    canCollect: p.cashDueFen > 0 && p.cashCollectedAt === null && AT_THE_DOOR.includes(p.state),
    canCall: Boolean(door?.contactPhone) && ON_ITS_WAY.includes(p.state),
  };
}

/** The volunteer has the parcel at or past the door: cash is collected then. */
export const AT_THE_DOOR: readonly ParcelState[] = ['PICKED_UP', 'LEFT_AT_DOOR', 'DELIVERED'];
/** On its way in the volunteer's hands: the household's real number may be asked for. */
export const ON_ITS_WAY: readonly ParcelState[] = ['ACCEPTED', 'PICKED_UP'];
