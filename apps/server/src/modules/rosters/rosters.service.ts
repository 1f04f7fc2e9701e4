import { Injectable } from '@nestjs/common';
import {
  ATTENDANCE_LABELS,
  CHECK_IN_EARLY_MINUTES,
  CHECK_OUT_LATE_MINUTES,
  DEFAULT_GIVE_UP_HOURS,
  REPEAT_SCAN_MINUTES,
  SQUAD_LABELS,
  attendanceOf,
  giveUpUntil,
  isLate,
  type RosterPostView,
  type RosterScanResult,
  type ShiftRosterView,
  type ShiftView,
  type Squad,
  type StandbyResult,
} from '@linli/shared-types';
import { In, MoreThan } from 'typeorm';
import { hasRole, type Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { QrTokens } from '../../common/qr-token';
import { UsersService } from '../community/users.service';
import { MessagesService } from '../messages/messages.service';
import { atTime } from '../messages/wording';
import { VolunteersService } from '../parcels/volunteers.service';
import type { CreateShiftDto, RosterPostDto } from './dto/rosters.dto';
import { RosterPost, RosterShift, RosterSignup } from './entities/roster.entity';
import { DAY_MS, dayStart, shanghaiDay } from '../../common/shanghai-days';

/** The volunteer's page of shifts, for messages. */
export const SHIFTS_LINK = '/volunteer/roster/index';
/** A shift lasts at most this long. */
const MAX_SHIFT_MS = 24 * 3_600_000;
/** A post's poster stays valid this long (it hangs on a wall for the whole lockdown). */
const POSTER_DAYS = 400;

/**
 * Rosters (issue 19): posts, shifts at a post, volunteers' places and their check-in scans.
 *
 * A place is taken by a conditional UPDATE of the shift's `taken` against its `places` (the
 * affected-row count decides, never a read), then the volunteer's row (unique per shift and
 * volunteer); a duplicate rolls the command back, the count with it. Every command that moves a
 * place locks the shift row first and the place second, so two commands never wait on each
 * other in opposite orders.
 *
 * Staff of the community manage every squad's posts and shifts; a squad leader manages their
 * own squad's.
 */
@Injectable()
export class RostersService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly qr: QrTokens,
    private readonly users: UsersService,
    private readonly volunteers: VolunteersService,
    private readonly messages: MessagesService,
  ) {}

  // ---- who may ---------------------------------------------------------------------------

  /** The community and the squads the actor manages: all for staff, their own for a squad leader. */
  async managerOf(actor: Actor): Promise<{ communityId: number; squads: Squad[] | 'all' }> {
    if (actor.communityId === null) throw new DomainError('FORBIDDEN');
    if (hasRole(actor, 'staff', 'supervisor')) return { communityId: actor.communityId, squads: 'all' };
    const mine = (await this.volunteers.squadsOf(actor.communityId, [actor.userId])).get(actor.userId);
    if (hasRole(actor, 'volunteer') && mine?.leader && mine.squad) return { communityId: actor.communityId, squads: [mine.squad] };
    throw new DomainError('ROSTER_NOT_LEADER');
  }

  private async manage(actor: Actor, squad: Squad): Promise<number> {
    const m = await this.managerOf(actor);
    if (m.squads !== 'all' && !m.squads.includes(squad)) throw new DomainError('ROSTER_NOT_LEADER');
    return m.communityId;
  }

  /** The volunteer's squad in their community (SHIFT_NOT_YOUR_SQUAD without one). */
  private async squadOf(actor: Actor): Promise<{ communityId: number; squad: Squad | null }> {
    if (actor.communityId === null || !hasRole(actor, 'volunteer')) throw new DomainError('FORBIDDEN');
    const squad = (await this.volunteers.squadsOf(actor.communityId, [actor.userId])).get(actor.userId)?.squad ?? null;
    return { communityId: actor.communityId, squad };
  }

  // ---- posts -----------------------------------------------------------------------------

  async posts(actor: Actor): Promise<RosterPostView[]> {
    const m = await this.managerOf(actor);
    const rows = await this.db.repo(RosterPost).find({
      where: { communityId: m.communityId, ...(m.squads === 'all' ? {} : { squad: In(m.squads) }) },
      order: { squad: 'ASC', name: 'ASC' },
    });
    return rows.map((p) => ({ ...postView(p), checkInToken: this.posterToken(p) }));
  }

  async createPost(actor: Actor, dto: RosterPostDto): Promise<RosterPostView> {
    const communityId = await this.manage(actor, dto.squad);
    const row = this.db.repo(RosterPost).create({
      communityId,
      name: dto.name,
      squad: dto.squad,
      note: dto.note ?? '',
      createdBy: actor.userId,
      createdAt: this.clock.now(),
    });
    await this.db.repo(RosterPost).insert(row);
    return { ...postView(row), checkInToken: this.posterToken(row) };
  }

  /** The post the actor manages, or ROSTER_POST_NOT_FOUND (another community's does not exist for them). */
  async managedPost(actor: Actor, id: number): Promise<RosterPost> {
    const post = await this.db.repo(RosterPost).findOneBy({ id });
    if (!post || post.communityId !== actor.communityId) throw new DomainError('ROSTER_POST_NOT_FOUND');
    await this.manage(actor, post.squad);
    return post;
  }

  /** The token the post's poster carries: the post's id, signed for check-in. */
  posterToken(post: RosterPost): string {
    return this.qr.sign('rosterPost', post.id, new Date(this.clock.now().getTime() + POSTER_DAYS * DAY_MS));
  }

  // ---- shifts ----------------------------------------------------------------------------

  async createShift(actor: Actor, dto: CreateShiftDto): Promise<ShiftView> {
    const post = await this.managedPost(actor, dto.postId);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt.getTime() <= startsAt.getTime() || endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_MS) {
      throw new DomainError('SHIFT_TIMES_INVALID');
    }
    if (endsAt.getTime() <= this.clock.now().getTime()) throw new DomainError('SHIFT_STARTED');
    const row = this.db.repo(RosterShift).create({
      communityId: post.communityId,
      postId: post.id,
      squad: post.squad,
      startsAt,
      endsAt,
      places: dto.places,
      taken: 0,
      requirements: dto.requirements ?? '',
      giveUpHours: dto.giveUpHours ?? DEFAULT_GIVE_UP_HOURS,
      state: 'OPEN',
      cancelReason: null,
      createdBy: actor.userId,
      createdAt: this.clock.now(),
    });
    await this.db.repo(RosterShift).insert(row);
    return this.shiftView(row, post, null);
  }

  /** Shifts the actor manages starting in a period of days (from today for two weeks by default), soonest first. */
  async managedShifts(actor: Actor, fromDay?: string, toDay?: string): Promise<ShiftView[]> {
    const m = await this.managerOf(actor);
    const start = dayStart(fromDay ?? shanghaiDay(this.clock.now().getTime()));
    const from = new Date(start);
    const to = new Date(toDay ? dayStart(toDay) + DAY_MS : start + 14 * DAY_MS);
    const rows = await this.db
      .repo(RosterShift)
      .createQueryBuilder('s')
      .where('s.community_id = :c AND s.starts_at >= :from AND s.starts_at < :to', { c: m.communityId, from, to })
      .andWhere(m.squads === 'all' ? '1 = 1' : 's.squad IN (:...squads)', m.squads === 'all' ? {} : { squads: m.squads })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .take(500)
      .getMany();
    return this.shiftViews(rows, new Map());
  }

  async managedShift(actor: Actor, id: number): Promise<RosterShift> {
    const shift = await this.db.repo(RosterShift).findOneBy({ id });
    if (!shift || shift.communityId !== actor.communityId) throw new DomainError('SHIFT_NOT_FOUND');
    await this.manage(actor, shift.squad);
    return shift;
  }

  /** Who is coming, on post, late, missing: the leader's view of one shift. */
  async roster(actor: Actor, id: number): Promise<ShiftRosterView> {
    const shift = await this.managedShift(actor, id);
    const signups = await this.db.repo(RosterSignup).find({ where: { shiftId: id }, order: { signedUpAt: 'ASC', id: 'ASC' } });
    const ids = signups.map((s) => s.userId);
    const people = ids.length ? await this.users.contacts(ids) : new Map<number, { nickname: string; phone: string | null }>();
    const now = this.clock.now().getTime();
    const times = shiftTimes(shift);
    const rows = signups.map((s) => {
      const attendance = attendanceOf(times, signupTimes(s), now);
      return {
        userId: s.userId,
        nickname: people.get(s.userId)?.nickname ?? '',
        phone: people.get(s.userId)?.phone ?? null,
        attendance,
        attendanceLabel: ATTENDANCE_LABELS[attendance],
        late: isLate(times, iso(s.checkedInAt)),
        checkedInAt: iso(s.checkedInAt),
        checkedOutAt: iso(s.checkedOutAt),
        signedUpAt: s.signedUpAt.toISOString(),
      };
    });
    const post = await this.db.repo(RosterPost).findOneByOrFail({ id: shift.postId });
    return {
      shift: this.shiftView(shift, post, null),
      rows,
      open: Math.max(0, shift.places - shift.taken),
      late: rows.filter((r) => r.late).length,
      missing: rows.filter((r) => r.attendance === 'MISSING').length,
    };
  }

  /** Staff or the leader cancel a shift: everyone signed up is told, with the reason. */
  async cancelShift(actor: Actor, id: number, reason: string): Promise<ShiftView> {
    const shift = await this.managedShift(actor, id);
    const moved = await this.db.run("UPDATE roster_shifts SET state = 'CANCELLED', cancel_reason = ? WHERE id = ? AND state = 'OPEN'", [
      reason,
      id,
    ]);
    if (moved.affected !== 1) throw new DomainError('SHIFT_CANCELLED');
    const post = await this.db.repo(RosterPost).findOneByOrFail({ id: shift.postId });
    const signed = await this.db.repo(RosterSignup).findBy({ shiftId: id, state: 'SIGNED_UP' });
    await this.messages.tellEach(
      signed.map((s) => s.userId),
      {
        communityId: shift.communityId,
        kind: 'roster.cancelled',
        title: `班次取消：${post.name}`,
        body: `${atTime(shift.startsAt)} 的「${post.name}」班次取消了：${reason}。不用到岗了。`,
        link: SHIFTS_LINK,
      },
    );
    return this.shiftView({ ...shift, state: 'CANCELLED', cancelReason: reason }, post, null);
  }

  /**
   * 叫替补: asks the squad's members who are free then (not signed up for this or an overlapping
   * shift) to sign up for the places left; each is asked once per shift.
   */
  async standby(actor: Actor, id: number): Promise<StandbyResult> {
    const shift = await this.managedShift(actor, id);
    if (shift.state !== 'OPEN') throw new DomainError('SHIFT_CANCELLED');
    if (shift.endsAt.getTime() <= this.clock.now().getTime()) throw new DomainError('SHIFT_STARTED');
    const open = shift.places - shift.taken;
    if (open <= 0) return { asked: 0 };
    const members = await this.db.rows<{ userId: number }>(
      `SELECT p.user_id AS userId FROM volunteer_profiles p
        WHERE p.community_id = ? AND p.squad = ?
          AND NOT EXISTS (
            SELECT 1 FROM roster_signups g JOIN roster_shifts s ON s.id = g.shift_id
             WHERE g.user_id = p.user_id AND g.state = 'SIGNED_UP' AND s.state = 'OPEN' AND s.starts_at < ? AND s.ends_at > ?)`,
      [shift.communityId, shift.squad, shift.endsAt, shift.startsAt],
    );
    const post = await this.db.repo(RosterPost).findOneByOrFail({ id: shift.postId });
    const asked = await this.messages.tellEach(
      members.map((m) => Number(m.userId)),
      {
        communityId: shift.communityId,
        kind: 'roster.standby',
        title: `请求支援：${post.name}`,
        body: `${atTime(shift.startsAt)}–${atTime(shift.endsAt).slice(-5)} 的「${post.name}」还差 ${open} 人，有空的请在小程序里报名。`,
        link: SHIFTS_LINK,
        deadline: shift.startsAt,
        once: (userId) => `roster.standby:${shift.id}:${userId}`,
      },
    );
    return { asked };
  }

  // ---- a volunteer's places --------------------------------------------------------------

  /** My squad's shifts not yet over, and mine (of any squad), soonest first. */
  async myShifts(actor: Actor): Promise<ShiftView[]> {
    const { communityId, squad } = await this.squadOf(actor);
    const now = this.clock.now();
    const mine = await this.db.repo(RosterSignup).find({ where: { userId: actor.userId, communityId }, order: { id: 'DESC' }, take: 200 });
    const mineByShift = new Map(mine.map((s) => [s.shiftId, s]));
    const where = [
      ...(squad ? [{ communityId, squad, endsAt: MoreThan(now), state: 'OPEN' as const }] : []),
      ...(mine.length ? [{ id: In(mine.map((s) => s.shiftId)), endsAt: MoreThan(new Date(now.getTime() - 7 * DAY_MS)) }] : []),
    ];
    if (where.length === 0) return [];
    const rows = await this.db.repo(RosterShift).find({ where, order: { startsAt: 'ASC', id: 'ASC' }, take: 300 });
    return this.shiftViews(rows, mineByShift);
  }

  async signUp(actor: Actor, id: number): Promise<ShiftView> {
    const { communityId, squad } = await this.squadOf(actor);
    const shift = await this.db.repo(RosterShift).findOneBy({ id });
    if (!shift || shift.communityId !== communityId) throw new DomainError('SHIFT_NOT_FOUND');
    this.assertOpen(shift);
    if (shift.squad !== squad) throw new DomainError('SHIFT_NOT_YOUR_SQUAD');
    const existing = await this.db.repo(RosterSignup).findOneBy({ shiftId: id, userId: actor.userId });
    if (existing?.state === 'SIGNED_UP') throw new DomainError('SHIFT_ALREADY_SIGNED');
    const overlap = await this.db.rows<{ id: number }>(
      `SELECT g.id FROM roster_signups g JOIN roster_shifts s ON s.id = g.shift_id
        WHERE g.user_id = ? AND g.state = 'SIGNED_UP' AND s.state = 'OPEN' AND s.id <> ? AND s.starts_at < ? AND s.ends_at > ?`,
      [actor.userId, id, shift.endsAt, shift.startsAt],
    );
    if (overlap.length > 0) throw new DomainError('SHIFT_OVERLAP');
    // The place first (the shift row's lock), then the volunteer's row.
    const now = this.clock.now();
    const took = await this.db.run(
      "UPDATE roster_shifts SET taken = taken + 1 WHERE id = ? AND state = 'OPEN' AND taken < places AND starts_at > ?",
      [id, now],
    );
    if (took.affected !== 1) {
      const fresh = await this.db.repo(RosterShift).findOneByOrFail({ id });
      this.assertOpen(fresh);
      throw new DomainError('SHIFT_FULL', { places: fresh.places });
    }
    if (existing) {
      const back = await this.db.run(
        `UPDATE roster_signups SET state = 'SIGNED_UP', signed_up_at = ?, given_up_at = NULL, reminded_at = NULL
          WHERE id = ? AND state = 'GIVEN_UP'`,
        [now, existing.id],
      );
      if (back.affected !== 1) throw new DomainError('SHIFT_ALREADY_SIGNED');
    } else {
      try {
        await this.db.repo(RosterSignup).insert({
          shiftId: id,
          communityId,
          userId: actor.userId,
          state: 'SIGNED_UP',
          signedUpAt: now,
          givenUpAt: null,
          checkedInAt: null,
          checkedOutAt: null,
          remindedAt: null,
        });
      } catch (error) {
        // A double tap: the unique key decides, and the command (its place with it) rolls back.
        if (isUniqueViolation(error)) throw new DomainError('SHIFT_ALREADY_SIGNED');
        throw error;
      }
    }
    return this.myShift(actor, id);
  }

  /** 取消报名, until the shift's give-up time; the place goes back. */
  async giveUp(actor: Actor, id: number): Promise<ShiftView> {
    const { communityId } = await this.squadOf(actor);
    const shift = await this.db.repo(RosterShift).findOneBy({ id });
    if (!shift || shift.communityId !== communityId) throw new DomainError('SHIFT_NOT_FOUND');
    const signup = await this.db.repo(RosterSignup).findOneBy({ shiftId: id, userId: actor.userId });
    if (!signup || signup.state !== 'SIGNED_UP') throw new DomainError('SHIFT_NOT_SIGNED');
    if (shift.state === 'CANCELLED') throw new DomainError('SHIFT_CANCELLED');
    if (this.clock.now().getTime() > giveUpUntil(shiftTimes(shift), shift.giveUpHours)) {
      throw new DomainError('SHIFT_GIVE_UP_CLOSED', { until: new Date(giveUpUntil(shiftTimes(shift), shift.giveUpHours)).toISOString() });
    }
    // The shift row first, as signing up locks it, then the place.
    await this.db.run('UPDATE roster_shifts SET taken = taken - 1 WHERE id = ? AND taken > 0', [id]);
    const left = await this.db.run(
      "UPDATE roster_signups SET state = 'GIVEN_UP', given_up_at = ? WHERE id = ? AND state = 'SIGNED_UP' AND checked_in_at IS NULL",
      [this.clock.now(), signup.id],
    );
    if (left.affected !== 1) throw new DomainError('SHIFT_NOT_SIGNED');
    return this.myShift(actor, id);
  }

  /**
   * The post's poster scanned: at the start it checks the volunteer in, at the end out. The scan
   * must be at the post of one of their shifts, from CHECK_IN_EARLY_MINUTES before its start
   * (check-in until its end) to CHECK_OUT_LATE_MINUTES after its end; else refused with why.
   */
  async scan(actor: Actor, token: string): Promise<RosterScanResult> {
    const { communityId } = await this.squadOf(actor);
    const now = this.clock.now();
    const postId = this.qr.verify(token, 'rosterPost', now);
    const post = await this.db.repo(RosterPost).findOneBy({ id: postId });
    if (!post || post.communityId !== communityId) throw new DomainError('ROSTER_POST_NOT_FOUND');
    const t = now.getTime();
    const early = CHECK_IN_EARLY_MINUTES * 60_000;
    const late = CHECK_OUT_LATE_MINUTES * 60_000;
    // My places today and around now, at any post.
    const mine = await this.db.rows<{ signupId: number; shiftId: number; postId: number; startsAt: Date | string; endsAt: Date | string }>(
      `SELECT g.id AS signupId, s.id AS shiftId, s.post_id AS postId, s.starts_at AS startsAt, s.ends_at AS endsAt
         FROM roster_signups g JOIN roster_shifts s ON s.id = g.shift_id
        WHERE g.user_id = ? AND g.state = 'SIGNED_UP' AND s.state = 'OPEN' AND s.starts_at < ? AND s.ends_at > ?
        ORDER BY s.starts_at`,
      [actor.userId, new Date(t + 12 * 3_600_000), new Date(t - 12 * 3_600_000)],
    );
    const window = (m: (typeof mine)[number]) => ({
      from: Db.date(m.startsAt)!.getTime() - early,
      to: Db.date(m.endsAt)!.getTime() + late,
    });
    const here = mine.filter((m) => Number(m.postId) === post.id);
    const nowHere = here.filter((m) => window(m).from <= t && t <= window(m).to);
    if (nowHere.length === 0) {
      const elsewhere = mine.find((m) => Number(m.postId) !== post.id && window(m).from <= t && t <= window(m).to);
      if (elsewhere) {
        const theirs = await this.db.repo(RosterPost).findOneByOrFail({ id: Number(elsewhere.postId) });
        throw new DomainError('ROSTER_WRONG_POST', { post: theirs.name }, `这是「${post.name}」的二维码，您的班次在「${theirs.name}」`);
      }
      const next = here.find((m) => window(m).from > t);
      if (next) {
        throw new DomainError(
          'ROSTER_TOO_EARLY',
          { from: new Date(window(next).from).toISOString() },
          `还没到签到时间：您的班次 ${atTime(Db.date(next.startsAt)!)} 开始，请在 ${atTime(new Date(window(next).from)).slice(-5)} 以后扫码`,
        );
      }
      if (here.length > 0) throw new DomainError('ROSTER_TOO_LATE');
      throw new DomainError('ROSTER_NO_SHIFT_NOW', { post: post.name }, `您现在没有「${post.name}」的班次，请先在小程序里报名`);
    }
    // The shift whose start is nearest now.
    const m = nowHere.sort((a, b) => Math.abs(Db.date(a.startsAt)!.getTime() - t) - Math.abs(Db.date(b.startsAt)!.getTime() - t))[0]!;
    const signup = await this.db.repo(RosterSignup).findOneByOrFail({ id: Number(m.signupId) });
    const shift = await this.db.repo(RosterShift).findOneByOrFail({ id: Number(m.shiftId) });
    let did: RosterScanResult['did'];
    let message: string;
    if (signup.checkedInAt === null) {
      if (t > shift.endsAt.getTime()) throw new DomainError('ROSTER_TOO_LATE');
      const done = await this.db.run('UPDATE roster_signups SET checked_in_at = ? WHERE id = ? AND checked_in_at IS NULL', [
        now,
        signup.id,
      ]);
      if (done.affected === 1) {
        did = 'CHECKED_IN';
        const lateBy = isLate(shiftTimes(shift), now.toISOString());
        message = `已签到 ${atTime(now).slice(-5)}${lateBy ? '（迟到了）' : ''}，辛苦了！下班时请再扫一次`;
      } else {
        did = 'REPEATED';
        message = '已经签到过了';
      }
    } else if (signup.checkedOutAt !== null || t - signup.checkedInAt.getTime() < REPEAT_SCAN_MINUTES * 60_000) {
      did = 'REPEATED';
      message = signup.checkedOutAt !== null ? '这个班次已经签退了' : `已经签到过了（${atTime(signup.checkedInAt).slice(-5)}）`;
    } else {
      const done = await this.db.run('UPDATE roster_signups SET checked_out_at = ? WHERE id = ? AND checked_out_at IS NULL', [
        now,
        signup.id,
      ]);
      did = done.affected === 1 ? 'CHECKED_OUT' : 'REPEATED';
      const minutes = Math.floor((t - signup.checkedInAt.getTime()) / 60_000);
      message = did === 'CHECKED_OUT' ? `已签退 ${atTime(now).slice(-5)}，本次服务 ${hoursText(minutes)}，谢谢您！` : '这个班次已经签退了';
    }
    return { did, shift: await this.myShift(actor, shift.id), message };
  }

  // ---- views -----------------------------------------------------------------------------

  private assertOpen(shift: RosterShift): void {
    if (shift.state === 'CANCELLED') throw new DomainError('SHIFT_CANCELLED');
    if (shift.startsAt.getTime() <= this.clock.now().getTime()) throw new DomainError('SHIFT_STARTED');
  }

  private async myShift(actor: Actor, id: number): Promise<ShiftView> {
    const shift = await this.db.repo(RosterShift).findOneByOrFail({ id });
    const signup = await this.db.repo(RosterSignup).findOneBy({ shiftId: id, userId: actor.userId });
    return (await this.shiftViews([shift], new Map(signup ? [[id, signup]] : [])))[0]!;
  }

  private async shiftViews(rows: RosterShift[], mine: Map<number, RosterSignup>): Promise<ShiftView[]> {
    const postIds = [...new Set(rows.map((r) => r.postId))];
    const posts = new Map((postIds.length ? await this.db.repo(RosterPost).findBy({ id: In(postIds) }) : []).map((p) => [p.id, p]));
    return rows.map((r) => this.shiftView(r, posts.get(r.postId)!, mine.get(r.id) ?? null));
  }

  private shiftView(r: RosterShift, post: RosterPost, signup: RosterSignup | null): ShiftView {
    const now = this.clock.now().getTime();
    const times = shiftTimes(r);
    const attendance = signup ? attendanceOf(times, signupTimes(signup), now) : null;
    return {
      id: r.id,
      post: postView(post),
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      places: r.places,
      taken: r.taken,
      requirements: r.requirements,
      giveUpHours: r.giveUpHours,
      state: r.state,
      cancelReason: r.cancelReason,
      mine:
        signup && attendance
          ? {
              attendance,
              attendanceLabel: ATTENDANCE_LABELS[attendance],
              checkedInAt: iso(signup.checkedInAt),
              checkedOutAt: iso(signup.checkedOutAt),
              late: isLate(times, iso(signup.checkedInAt)),
              canGiveUp:
                signup.state === 'SIGNED_UP' &&
                signup.checkedInAt === null &&
                r.state === 'OPEN' &&
                now <= giveUpUntil(times, r.giveUpHours),
            }
          : null,
    };
  }
}

export function postView(p: RosterPost): RosterPostView {
  return { id: p.id, name: p.name, squad: p.squad, squadLabel: SQUAD_LABELS[p.squad] ?? p.squad, note: p.note };
}

export function shiftTimes(s: Pick<RosterShift, 'state' | 'startsAt' | 'endsAt'>): {
  state: RosterShift['state'];
  startsAt: string;
  endsAt: string;
} {
  return { state: s.state, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() };
}

export function signupTimes(s: Pick<RosterSignup, 'state' | 'checkedInAt' | 'checkedOutAt'>): {
  state: RosterSignup['state'];
  checkedInAt: string | null;
  checkedOutAt: string | null;
} {
  return { state: s.state, checkedInAt: iso(s.checkedInAt), checkedOutAt: iso(s.checkedOutAt) };
}

function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null;
}

/** 3 小时 20 分钟 */
export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} 小时${m > 0 ? ` ${m} 分钟` : ''}` : `${m} 分钟`;
}
