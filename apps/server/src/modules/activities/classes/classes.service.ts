import { Injectable } from '@nestjs/common';
import type { ClassSignupRow, ClassSignupsView, MessageKind, StaffClassView } from '@linli/shared-types';
import { staffCommunity } from '../../../common/access';
import type { Actor } from '../../../common/actor';
import { AuditService } from '../../../common/audit/audit.service';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import { HouseholdsService } from '../../community/households.service';
import { UsersService } from '../../community/users.service';
import { MessagesService } from '../../messages/messages.service';
import { atTime } from '../../messages/wording';
import { classLink, ClassPlacesService } from './class-places.service';
import { classReaches, joinIds, splitIds } from './class-rules';
import { ClassViews } from './class-views';
import type { ClassDto, ProxyClassSignupDto, UpdateClassDto } from './dto/classes.dto';
import { ActivityClass, ClassSignup } from './entities/class.entity';

const STATE_ORDER = { SIGNED: 0, WAITING: 1, CANCELLED: 2 } as const;

/**
 * Staff's side of classes: schedule and edit, cancel (signed and waiting households are told),
 * add the replay link afterwards (signed households are told), mark done, see sign-ups per
 * building, and sign a household up (or off) for someone who calls. Own community only; audited.
 */
@Injectable()
export class ClassesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
    private readonly messages: MessagesService,
    private readonly places: ClassPlacesService,
    private readonly views: ClassViews,
  ) {}

  async create(actor: Actor, dto: ClassDto): Promise<StaffClassView> {
    const communityId = staffCommunity(actor);
    const now = this.clock.now();
    const startsAt = new Date(dto.startsAt);
    if (startsAt.getTime() <= now.getTime()) throw new DomainError('CLASS_START_PASSED');
    await this.households.requireBuildings(communityId, dto.buildingIds ?? []);
    const cls = await this.db.repo(ActivityClass).save({
      communityId,
      kind: dto.kind,
      title: dto.title,
      teacher: dto.teacher,
      description: dto.description ?? '',
      startsAt,
      minutes: dto.minutes,
      capacity: dto.capacity ?? null,
      signedCount: 0,
      liveUrl: dto.liveUrl,
      replayUrl: null,
      buildingIds: joinIds(dto.buildingIds ?? []),
      state: 'SCHEDULED',
      remindedAt: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await this.audit.record(actor, { action: 'class.create', targetType: 'class', targetId: cls.id, details: { ...dto } });
    return this.one(cls);
  }

  /** Every class of the community, latest start first. */
  async list(actor: Actor): Promise<StaffClassView[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.repo(ActivityClass).find({ where: { communityId }, order: { startsAt: 'DESC', id: 'DESC' }, take: 200 });
    return this.views.forStaff(rows, communityId);
  }

  async get(actor: Actor, id: number): Promise<StaffClassView> {
    return this.one(await this.staffClass(actor, id));
  }

  /**
   * Changes the fields sent. A capacity below the households already signed is refused (a
   * conditional UPDATE on the counter decides); a larger one moves waiting households up. A new
   * start time is told to the signed and waiting households, and their reminder comes again.
   */
  async update(actor: Actor, id: number, dto: UpdateClassDto): Promise<StaffClassView> {
    const cls = await this.staffClass(actor, id);
    if (cls.state === 'CANCELLED') throw new DomainError('CLASS_CANCELLED');
    if (cls.state === 'DONE') throw new DomainError('CLASS_DONE');
    const now = this.clock.now();
    const startsAt = dto.startsAt !== undefined ? new Date(dto.startsAt) : cls.startsAt;
    const moved = startsAt.getTime() !== cls.startsAt.getTime();
    if (moved && startsAt.getTime() <= now.getTime()) throw new DomainError('CLASS_START_PASSED');
    if (dto.buildingIds) await this.households.requireBuildings(cls.communityId, dto.buildingIds);
    await this.db.repo(ActivityClass).update(
      { id, state: 'SCHEDULED' },
      {
        kind: dto.kind ?? cls.kind,
        title: dto.title ?? cls.title,
        teacher: dto.teacher ?? cls.teacher,
        description: dto.description ?? cls.description,
        startsAt,
        minutes: dto.minutes ?? cls.minutes,
        liveUrl: dto.liveUrl ?? cls.liveUrl,
        buildingIds: dto.buildingIds ? joinIds(dto.buildingIds) : cls.buildingIds,
        remindedAt: moved ? null : cls.remindedAt,
        updatedAt: now,
      },
    );
    if (dto.capacity !== undefined && dto.capacity !== cls.capacity) {
      const set = await this.db.run('UPDATE activity_classes SET capacity = ? WHERE id = ? AND (? IS NULL OR signed_count <= ?)', [
        dto.capacity,
        id,
        dto.capacity,
        dto.capacity,
      ]);
      if (set.affected !== 1) throw new DomainError('CLASS_CAPACITY_BELOW_SIGNED', { signed: cls.signedCount });
    }
    const fresh = await this.fresh(id);
    if (fresh.capacity === null || (cls.capacity !== null && fresh.capacity > cls.capacity)) {
      if (fresh.startsAt.getTime() > now.getTime()) await this.places.promote(fresh);
    }
    if (moved) {
      await this.tell(
        fresh,
        ['SIGNED', 'WAITING'],
        'class.changed',
        `课程改时间：${fresh.title}`,
        `上课时间改为 ${atTime(fresh.startsAt)}，请留意。`,
      );
    }
    await this.audit.record(actor, { action: 'class.update', targetType: 'class', targetId: id, details: { ...dto } });
    return this.one(await this.fresh(id));
  }

  /** Cancels the class: signed and waiting households are told. */
  async cancel(actor: Actor, id: number): Promise<StaffClassView> {
    const cls = await this.staffClass(actor, id);
    const done = await this.db.run("UPDATE activity_classes SET state = 'CANCELLED', updated_at = ? WHERE id = ? AND state = 'SCHEDULED'", [
      this.clock.now(),
      id,
    ]);
    if (done.affected !== 1) throw new DomainError(cls.state === 'DONE' ? 'CLASS_DONE' : 'CLASS_CANCELLED');
    await this.tell(
      cls,
      ['SIGNED', 'WAITING'],
      'class.cancelled',
      `课程取消：${cls.title}`,
      `原定 ${atTime(cls.startsAt)} 的课程已取消，给您带来不便，敬请谅解。`,
    );
    await this.audit.record(actor, { action: 'class.cancel', targetType: 'class', targetId: id });
    return this.one(await this.fresh(id));
  }

  /** The replay link, once the class has started; the first time it is set, signed households are told. */
  async replay(actor: Actor, id: number, replayUrl: string): Promise<StaffClassView> {
    const cls = await this.staffClass(actor, id);
    if (cls.state === 'CANCELLED') throw new DomainError('CLASS_CANCELLED');
    if (this.clock.now().getTime() < cls.startsAt.getTime()) throw new DomainError('CLASS_NOT_STARTED');
    const first = await this.db.run('UPDATE activity_classes SET replay_url = ?, updated_at = ? WHERE id = ? AND replay_url IS NULL', [
      replayUrl,
      this.clock.now(),
      id,
    ]);
    if (first.affected === 1) {
      await this.tell(cls, ['SIGNED'], 'class.replay', `可以看回放了：${cls.title}`, '课程回放已上线，打开即可观看。');
    } else {
      await this.db.run('UPDATE activity_classes SET replay_url = ?, updated_at = ? WHERE id = ?', [replayUrl, this.clock.now(), id]);
    }
    await this.audit.record(actor, { action: 'class.replay', targetType: 'class', targetId: id, details: { replayUrl } });
    return this.one(await this.fresh(id));
  }

  /** Marks a class that has started as done. */
  async done(actor: Actor, id: number): Promise<StaffClassView> {
    const cls = await this.staffClass(actor, id);
    if (cls.state === 'CANCELLED') throw new DomainError('CLASS_CANCELLED');
    if (cls.state === 'DONE') throw new DomainError('CLASS_DONE');
    const now = this.clock.now();
    const done = await this.db.run(
      "UPDATE activity_classes SET state = 'DONE', updated_at = ? WHERE id = ? AND state = 'SCHEDULED' AND starts_at <= ?",
      [now, id, now],
    );
    if (done.affected !== 1) throw new DomainError('CLASS_NOT_STARTED');
    await this.audit.record(actor, { action: 'class.done', targetType: 'class', targetId: id });
    return this.one(await this.fresh(id));
  }

  /** Sign-ups per building (signed, waiting) and the list: signed, then waiting in line, then cancelled. */
  async signups(actor: Actor, id: number): Promise<ClassSignupsView> {
    const cls = await this.staffClass(actor, id);
    const rows = await this.db.repo(ClassSignup).find({ where: { classId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const doors = await this.households.doors(rows.map((r) => r.householdId));
    const names = await this.users.nicknames([...new Set(rows.map((r) => r.userId))]);
    const line = (await this.views.waitingLines([id])).get(id) ?? new Map<number, number>();
    const buildings = await this.households.buildings(cls.communityId);
    const list: ClassSignupRow[] = rows
      .map((r) => {
        const door = doors.get(r.householdId);
        return {
          id: r.id,
          householdId: r.householdId,
          door: door?.address ?? '',
          buildingId: r.buildingId,
          building: door?.building ?? buildings.find((b) => b.id === r.buildingId)?.name ?? '',
          state: r.state,
          position: r.state === 'WAITING' ? (line.get(r.id) ?? null) : null,
          byStaff: r.byStaff,
          proxyKind: r.proxyKind ?? null,
          signedUpBy: names.get(r.userId) ?? '',
          createdAt: r.createdAt.toISOString(),
        };
      })
      .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || (a.position ?? 0) - (b.position ?? 0));
    const targeted = splitIds(cls.buildingIds);
    const perBuilding = buildings
      .filter((b) => targeted.length === 0 || targeted.includes(b.id) || rows.some((r) => r.buildingId === b.id))
      .map((b) => ({
        buildingId: b.id,
        name: b.name,
        signed: rows.filter((r) => r.buildingId === b.id && r.state === 'SIGNED').length,
        waiting: rows.filter((r) => r.buildingId === b.id && r.state === 'WAITING').length,
      }));
    return {
      classId: id,
      signed: rows.filter((r) => r.state === 'SIGNED').length,
      waiting: rows.filter((r) => r.state === 'WAITING').length,
      perBuilding,
      signups: list,
    };
  }

  /** Signs a household up for someone who called (recorded as by staff). */
  async proxySignUp(actor: Actor, id: number, dto: ProxyClassSignupDto): Promise<ClassSignupsView> {
    const cls = await this.staffClass(actor, id);
    const household = await this.households.find(dto.householdId);
    if (household.communityId !== cls.communityId) throw new DomainError('HOUSEHOLD_NOT_FOUND');
    if (!classReaches(cls.buildingIds, household.buildingId)) throw new DomainError('CLASS_NOT_FOR_BUILDING');
    const state = await this.places.signUp(
      cls,
      household,
      { userId: actor.userId, byStaff: true, proxyKind: 'staff' },
      dto.waitlist ?? false,
    );
    await this.audit.record(actor, {
      action: 'class.proxy_signup',
      targetType: 'class',
      targetId: id,
      details: { householdId: household.id, state },
    });
    return this.signups(actor, id);
  }

  /** Gives a household's place back for someone who called. */
  async proxyCancel(actor: Actor, id: number, householdId: number): Promise<ClassSignupsView> {
    const cls = await this.staffClass(actor, id);
    await this.places.cancel(cls, householdId);
    await this.audit.record(actor, { action: 'class.proxy_cancel', targetType: 'class', targetId: id, details: { householdId } });
    return this.signups(actor, id);
  }

  /** One message to every household of the class in these states. */
  private async tell(cls: ActivityClass, states: string[], kind: MessageKind, title: string, body: string): Promise<number> {
    const rows = await this.db.rows<{ householdId: number }>(
      `SELECT household_id AS householdId FROM class_signups WHERE class_id = ? AND state IN (${states.map(() => '?').join(', ')})`,
      [cls.id, ...states],
    );
    if (rows.length === 0) return 0;
    const link = classLink(cls.id);
    return this.messages.tellHouseholds(
      rows.map((r) => ({ householdId: Number(r.householdId), link })),
      { communityId: cls.communityId, kind, title, body },
    );
  }

  /** A class of the staff member's community; another community's: not found. */
  private async staffClass(actor: Actor, id: number): Promise<ActivityClass> {
    const communityId = staffCommunity(actor);
    const cls = await this.db.repo(ActivityClass).findOneBy({ id, communityId });
    if (!cls) throw new DomainError('CLASS_NOT_FOUND');
    return cls;
  }

  private async fresh(id: number): Promise<ActivityClass> {
    return this.db.repo(ActivityClass).findOneByOrFail({ id });
  }

  private async one(cls: ActivityClass): Promise<StaffClassView> {
    return (await this.views.forStaff([cls], cls.communityId))[0] as StaffClassView;
  }
}
