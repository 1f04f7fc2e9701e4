import { Injectable } from '@nestjs/common';
import type { DutyView, ShiftLedger, Squad, SquadView, VolunteerCoverageRequest, VolunteerRow } from '@linli/shared-types';
import { In, MoreThan } from 'typeorm';
import { staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { HouseholdsService } from '../community/households.service';
import { UsersService } from '../community/users.service';
import { ParcelRating } from './entities/parcel-rating.entity';
import { Parcel } from './entities/parcel.entity';
import { VolunteerProfile } from './entities/volunteer-profile.entity';
import { VolunteerShift } from './entities/volunteer-shift.entity';

/** How many parcels a volunteer carries per batch until staff say otherwise. */
export const DEFAULT_CAPACITY = 30;

/** The buildings a profile covers, from their stored form ",3,7,". */
export function buildingList(stored: string): number[] {
  return stored.split(',').filter(Boolean).map(Number);
}

/**
 * The volunteers themselves: their profile (duty switch, capacity, buildings, squad), the shift
 * ledger, staff's overview and squad leaders' view. The only writer of `volunteer_profiles`
 * and `volunteer_shifts`.
 */
@Injectable()
export class VolunteersService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly households: HouseholdsService,
  ) {}

  /**
   * A volunteer goes on or off duty (dispatch only assigns to those on duty). Going on opens a
   * shift in the ledger, going off closes it; doing either twice changes nothing.
   */
  async setDuty(actor: Actor, onDuty: boolean): Promise<DutyView> {
    const profile = await this.profile(actor.userId, actor.communityId ?? 0);
    const now = this.clock.now();
    await this.db.repo(VolunteerProfile).update({ userId: actor.userId }, { onDuty, updatedAt: now });
    const shifts = this.db.repo(VolunteerShift);
    if (onDuty) {
      const open = await shifts.findOneBy({ openUserId: actor.userId });
      if (!open) {
        try {
          await shifts.insert({
            userId: actor.userId,
            communityId: profile.communityId,
            startedAt: now,
            endedAt: null,
            openUserId: actor.userId,
          });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
    } else {
      await shifts.update({ openUserId: actor.userId }, { endedAt: now, openUserId: null });
    }
    return { onDuty, capacity: profile.capacity, buildingIds: buildingList(profile.buildings) };
  }

  /** The volunteer's own duty, capacity and buildings (for the duty switch on a new phone). */
  async duty(actor: Actor): Promise<DutyView> {
    const profile = await this.db.repo(VolunteerProfile).findOneBy({ userId: actor.userId });
    return {
      onDuty: Boolean(profile?.onDuty),
      capacity: profile?.capacity ?? DEFAULT_CAPACITY,
      buildingIds: buildingList(profile?.buildings ?? ''),
    };
  }

  /** The volunteer's own ledger: every shift and the total time on duty (an open shift counts to now). */
  async shifts(actor: Actor): Promise<ShiftLedger> {
    const rows = await this.db.repo(VolunteerShift).find({ where: { userId: actor.userId }, order: { startedAt: 'DESC' }, take: 500 });
    const now = this.clock.now().getTime();
    const shifts = rows.map((r) => {
      const end = r.endedAt ? new Date(r.endedAt).getTime() : now;
      return {
        startedAt: new Date(r.startedAt).toISOString(),
        endedAt: r.endedAt ? new Date(r.endedAt).toISOString() : null,
        minutes: Math.max(0, Math.round((end - new Date(r.startedAt).getTime()) / 60_000)),
      };
    });
    return { shifts, totalMinutes: shifts.reduce((a, s) => a + s.minutes, 0) };
  }

  /** Staff set which buildings a volunteer covers, how much they carry per batch, their squad and leadership. */
  async setCoverage(actor: Actor, userId: number, dto: VolunteerCoverageRequest): Promise<DutyView> {
    const communityId = staffCommunity(actor);
    await this.requireVolunteer(communityId, userId);
    await this.households.requireBuildings(communityId, dto.buildingIds);
    const profile = await this.profile(userId, communityId);
    const { buildingIds, capacity } = dto;
    await this.db.repo(VolunteerProfile).update(
      { userId },
      {
        buildings: buildingIds.length ? `,${buildingIds.join(',')},` : '',
        capacity,
        ...(dto.squad !== undefined ? { squad: dto.squad } : {}),
        ...(dto.leader !== undefined ? { leader: dto.leader } : {}),
        updatedAt: this.clock.now(),
      },
    );
    await this.audit.record(actor, { action: 'volunteer.coverage', targetType: 'user', targetId: userId, details: { ...dto } });
    return { onDuty: profile.onDuty, capacity, buildingIds };
  }

  /** A volunteer approved from a recruitment post joins its squad (unless already in one). */
  async enlist(userId: number, communityId: number, squad: Squad): Promise<void> {
    const profile = await this.profile(userId, communityId, squad);
    if (profile.squad === null) {
      await this.db.repo(VolunteerProfile).update({ userId }, { squad, updatedAt: this.clock.now() });
    }
  }

  /** A volunteer who redeemed a squad leader's invite leads that squad (moving from another one). */
  async lead(userId: number, communityId: number, squad: Squad): Promise<void> {
    await this.profile(userId, communityId, squad);
    await this.db.repo(VolunteerProfile).update({ userId }, { squad, leader: true, updatedAt: this.clock.now() });
  }

  /**
   * Staff took the volunteer role (or only the lead) away: no longer a leader, and without the
   * role also off duty (the shift closes), so dispatch stops giving them parcels.
   */
  async retire(userId: number, communityId: number, leadOnly: boolean): Promise<void> {
    const now = this.clock.now();
    await this.db
      .repo(VolunteerProfile)
      .update({ userId, communityId }, leadOnly ? { leader: false, updatedAt: now } : { leader: false, onDuty: false, updatedAt: now });
    if (!leadOnly) await this.db.repo(VolunteerShift).update({ openUserId: userId, communityId }, { endedAt: now, openUserId: null });
  }

  /** The squad and leadership of these volunteers in this community, for the staff's list of people. */
  async squadsOf(communityId: number, userIds: number[]): Promise<Map<number, { squad: Squad | null; leader: boolean }>> {
    const rows = userIds.length ? await this.db.repo(VolunteerProfile).findBy({ userId: In(userIds), communityId }) : [];
    return new Map(rows.map((p) => [p.userId, { squad: p.squad, leader: p.leader }]));
  }

  /** NOT_A_VOLUNTEER unless the user holds the volunteer role in this community. */
  async requireVolunteer(communityId: number, userId: number): Promise<void> {
    if (!(await this.users.withRole(communityId, 'volunteer')).some((v) => v.id === userId)) throw new DomainError('NOT_A_VOLUNTEER');
  }

  /** The buildings a volunteer covers (none without a profile). */
  async buildingsOf(userId: number): Promise<number[]> {
    return buildingList((await this.db.repo(VolunteerProfile).findOneBy({ userId }))?.buildings ?? '');
  }

  /** The community's volunteers on duty, as dispatch plans with them. */
  async onDuty(communityId: number): Promise<{ userId: number; buildings: number[]; capacity: number }[]> {
    const rows = await this.db.repo(VolunteerProfile).findBy({ communityId, onDuty: true });
    return rows.map((p) => ({ userId: p.userId, buildings: buildingList(p.buildings), capacity: p.capacity }));
  }

  countOnDuty(communityId: number): Promise<number> {
    return this.db.repo(VolunteerProfile).countBy({ communityId, onDuty: true });
  }

  /** Staff overview of their community's volunteers: duty, coverage, load, deliveries, ratings. */
  async volunteers(actor: Actor): Promise<VolunteerRow[]> {
    const communityId = staffCommunity(actor);
    const users = await this.users.withRole(communityId, 'volunteer');
    const ids = users.map((u) => u.id);
    const profiles = await this.db.repo(VolunteerProfile).findBy({ userId: In(ids.concat(0)) });
    const counts = ids.length
      ? ((await this.db.manager
          .createQueryBuilder(Parcel, 'p')
          .select('p.volunteer_id', 'volunteerId')
          .addSelect("SUM(CASE WHEN p.state IN ('ASSIGNED','ACCEPTED','PICKED_UP') THEN 1 ELSE 0 END)", 'open')
          .addSelect("SUM(CASE WHEN p.state = 'DELIVERED' THEN 1 ELSE 0 END)", 'delivered')
          .where('p.volunteer_id IN (:...ids)', { ids })
          .groupBy('p.volunteer_id')
          .getRawMany()) as { volunteerId: number; open: string | number; delivered: string | number }[])
      : [];
    const ratings = ids.length ? await this.db.repo(ParcelRating).findBy({ volunteerId: In(ids) }) : [];
    return users.map((u) => {
      const p = profiles.find((x) => x.userId === u.id);
      const c = counts.find((x) => Number(x.volunteerId) === u.id);
      const mine = ratings.filter((r) => r.volunteerId === u.id);
      return {
        userId: u.id,
        nickname: u.nickname,
        squad: p?.squad ?? null,
        leader: Boolean(p?.leader),
        onDuty: Boolean(p?.onDuty),
        capacity: p?.capacity ?? DEFAULT_CAPACITY,
        buildingIds: buildingList(p?.buildings ?? ''),
        openTasks: Number(c?.open ?? 0),
        delivered: Number(c?.delivered ?? 0),
        ratingAverage: mine.length ? Math.round((mine.reduce((a, r) => a + r.stars, 0) / mine.length) * 10) / 10 : null,
        ratings: mine.length,
      };
    });
  }

  /** My squad: the members, who is on duty, hours this week. Members beyond me only for leaders. */
  async squad(actor: Actor): Promise<SquadView> {
    const me = await this.db.repo(VolunteerProfile).findOneBy({ userId: actor.userId });
    if (!me?.squad) return { squad: null, leader: false, members: [] };
    const members = me.leader
      ? await this.db.repo(VolunteerProfile).find({ where: { communityId: me.communityId, squad: me.squad } })
      : [me];
    const ids = members.map((m) => m.userId);
    const weekAgo = new Date(this.clock.now().getTime() - 7 * 86_400_000);
    const shifts = await this.db.repo(VolunteerShift).find({
      where: [
        { userId: In(ids), startedAt: MoreThan(weekAgo) },
        { userId: In(ids), openUserId: In(ids) },
      ],
    });
    const names = await this.users.nicknames(ids);
    const now = this.clock.now().getTime();
    return {
      squad: me.squad,
      leader: me.leader,
      members: members
        .map((m) => ({
          userId: m.userId,
          nickname: names.get(m.userId) ?? '',
          leader: m.leader,
          onDuty: m.onDuty,
          minutesThisWeek: shifts
            .filter((s) => s.userId === m.userId)
            .reduce((sum, s) => {
              const start = Math.max(new Date(s.startedAt).getTime(), weekAgo.getTime());
              const end = s.endedAt ? new Date(s.endedAt).getTime() : now;
              return sum + Math.max(0, Math.round((end - start) / 60_000));
            }, 0),
        }))
        .sort((a, b) => Number(b.leader) - Number(a.leader) || a.nickname.localeCompare(b.nickname, 'zh-CN')),
    };
  }

  /** The volunteer's profile, created with the defaults (and this squad) on first use. */
  private async profile(userId: number, communityId: number, squad: Squad | null = null): Promise<VolunteerProfile> {
    const repo = this.db.repo(VolunteerProfile);
    const found = await repo.findOneBy({ userId });
    if (found) return found;
    const created = repo.create({
      userId,
      communityId,
      onDuty: false,
      capacity: DEFAULT_CAPACITY,
      buildings: '',
      squad,
      leader: false,
      updatedAt: this.clock.now(),
    });
    await repo.insert(created);
    return created;
  }
}
