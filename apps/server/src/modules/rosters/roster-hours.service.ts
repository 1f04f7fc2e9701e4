import { Injectable } from '@nestjs/common';
import {
  type RosterTotalsView,
  SQUAD_LABELS,
  isLate,
  mergedMinutes,
  workedInterval,
  type HoursEntry,
  type HoursLedgerRow,
  type HoursLedgerView,
  type MyHoursView,
  type Squad,
} from '@linli/shared-types';
import { hasRole, type Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { UsersService } from '../community/users.service';
import { VolunteersService } from '../parcels/volunteers.service';
import { DAY_MS, dayStart, shanghaiDay } from '../../common/shanghai-days';
import { RostersService } from './rosters.service';

const DUTY = '配送值班';

interface Stretch {
  userId: number;
  entry: HoursEntry;
  interval: [number, number];
}

interface ShiftRow {
  userId: number;
  checkedInAt: Date | string | null;
  checkedOutAt: Date | string | null;
  startsAt: Date | string;
  endsAt: Date | string;
  post: string;
}

/**
 * The hours ledger (issue 19): hours come from the check-in and check-out scans at a post (a
 * missing check-out counts to the shift's planned end, marked 未签退) and, for the delivery squad,
 * from the duty switch as before. Overlapping stretches of one person count once. Staff see
 * everyone's per period and squad and export them for volunteer-hours certificates; a squad
 * leader sees their squad's; a volunteer their own.
 */
@Injectable()
export class RosterHoursService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly volunteers: VolunteersService,
    private readonly rosters: RostersService,
  ) {}

  async mine(actor: Actor): Promise<MyHoursView> {
    if (actor.communityId === null || !hasRole(actor, 'volunteer')) throw new DomainError('FORBIDDEN');
    const stretches = await this.stretches(actor.communityId, 0, this.clock.now().getTime() + DAY_MS, [actor.userId]);
    const entries = stretches.map((s) => s.entry).sort((a, b) => b.from.localeCompare(a.from));
    return { totalMinutes: mergedMinutes(stretches.map((s) => s.interval)), times: entries.length, entries: entries.slice(0, 200) };
  }

  /** Everyone's hours in the period (days in Asia/Shanghai, both ends included; this week by default). */
  async ledger(actor: Actor, fromDay?: string, toDay?: string): Promise<HoursLedgerView> {
    const m = await this.rosters.managerOf(actor);
    const now = this.clock.now().getTime();
    const today = shanghaiDay(now);
    // Monday of this week in Shanghai.
    const weekday = (new Date(`${today}T00:00:00.000Z`).getUTCDay() + 6) % 7;
    const from = fromDay ?? shanghaiDay(dayStart(today) - weekday * DAY_MS);
    const to = toDay ?? today;
    if (to < from) throw new DomainError('VALIDATION_FAILED', { fields: { to: '结束日期要晚于开始日期' } }, '结束日期要晚于开始日期');
    const start = dayStart(from);
    const end = dayStart(to) + DAY_MS;
    const stretches = await this.stretches(m.communityId, start, end, null);
    const misses = await this.misses(m.communityId, start, Math.min(end, now));
    const lates = await this.lates(m.communityId, start, end);
    const ids = [...new Set([...stretches.map((s) => s.userId), ...misses.keys(), ...lates.keys()])];
    const squads = await this.volunteers.squadsOf(m.communityId, ids);
    const names = await this.users.nicknames(ids);
    const rows: HoursLedgerRow[] = ids
      .map((userId) => {
        const own = stretches.filter((s) => s.userId === userId);
        const squad = squads.get(userId)?.squad ?? null;
        const days = own.map((s) => shanghaiDay(s.interval[0])).sort();
        return {
          userId,
          nickname: names.get(userId) ?? '',
          squad,
          squadLabel: squad ? SQUAD_LABELS[squad] : '未分组',
          times: own.length,
          minutes: mergedMinutes(own.map((s) => s.interval)),
          firstDay: days[0] ?? null,
          lastDay: days[days.length - 1] ?? null,
          missed: misses.get(userId) ?? 0,
          late: lates.get(userId) ?? 0,
        };
      })
      .filter((r) => m.squads === 'all' || (r.squad !== null && m.squads.includes(r.squad)))
      .sort((a, b) => (a.squad ?? '~').localeCompare(b.squad ?? '~') || b.minutes - a.minutes || a.userId - b.userId);
    const perSquad = new Map<Squad | null, { people: number; times: number; minutes: number }>();
    for (const r of rows) {
      const s = perSquad.get(r.squad) ?? { people: 0, times: 0, minutes: 0 };
      if (r.times > 0) s.people++;
      s.times += r.times;
      s.minutes += r.minutes;
      perSquad.set(r.squad, s);
    }
    return {
      from,
      to,
      rows,
      totalTimes: rows.reduce((a, r) => a + r.times, 0),
      totalMinutes: rows.reduce((a, r) => a + r.minutes, 0),
      perSquad: [...perSquad.entries()].map(([squad, s]) => ({ squad, squadLabel: squad ? SQUAD_LABELS[squad] : '未分组', ...s })),
    };
  }

  /** Staff's dashboard card: the ledger over all time and this week, summed (no second calculation). */
  async totals(actor: Actor): Promise<RosterTotalsView> {
    if (!hasRole(actor, 'staff', 'supervisor')) throw new DomainError('FORBIDDEN');
    const all = await this.ledger(actor, '2000-01-01', shanghaiDay(this.clock.now().getTime()));
    const week = await this.ledger(actor);
    return {
      totalTimes: all.totalTimes,
      totalMinutes: all.totalMinutes,
      weekFrom: week.from,
      weekTimes: week.totalTimes,
      weekMinutes: week.totalMinutes,
    };
  }

  /** The stretches each row of the ledger is made of, for the certificate sheet's detail. */
  async details(actor: Actor, from: string, to: string): Promise<{ userId: number; entry: HoursEntry }[]> {
    const m = await this.rosters.managerOf(actor);
    const stretches = await this.stretches(m.communityId, dayStart(from), dayStart(to) + DAY_MS, null);
    return stretches.sort((a, b) => a.userId - b.userId || a.interval[0] - b.interval[0]).map(({ userId, entry }) => ({ userId, entry }));
  }

  /** Check-ins and duty stretches starting in [start, end), of these users (all when null). */
  private async stretches(communityId: number, start: number, end: number, userIds: number[] | null): Promise<Stretch[]> {
    const only = userIds ? ` AND g.user_id IN (${userIds.map(() => '?').join(', ')})` : '';
    const shifts = await this.db.rows<ShiftRow>(
      `SELECT g.user_id AS userId, g.checked_in_at AS checkedInAt, g.checked_out_at AS checkedOutAt,
              s.starts_at AS startsAt, s.ends_at AS endsAt, p.name AS post
         FROM roster_signups g JOIN roster_shifts s ON s.id = g.shift_id JOIN roster_posts p ON p.id = s.post_id
        WHERE g.community_id = ? AND g.checked_in_at IS NOT NULL AND g.checked_in_at >= ? AND g.checked_in_at < ?${only}`,
      [communityId, new Date(start), new Date(end), ...(userIds ?? [])],
    );
    const onlyDuty = userIds ? ` AND user_id IN (${userIds.map(() => '?').join(', ')})` : '';
    const duty = await this.db.rows<{ userId: number; startedAt: Date | string; endedAt: Date | string | null }>(
      `SELECT user_id AS userId, started_at AS startedAt, ended_at AS endedAt FROM volunteer_shifts
        WHERE community_id = ? AND started_at >= ? AND started_at < ?${onlyDuty}`,
      [communityId, new Date(start), new Date(end), ...(userIds ?? [])],
    );
    const now = this.clock.now().getTime();
    const out: Stretch[] = [];
    for (const r of shifts) {
      const signup = { checkedInAt: isoOf(r.checkedInAt), checkedOutAt: isoOf(r.checkedOutAt) };
      const interval = workedInterval({ endsAt: isoOf(r.endsAt)! }, signup);
      if (!interval) continue;
      // Still on post: counted up to now, not to the planned end.
      const upTo = signup.checkedOutAt === null && now < Date.parse(isoOf(r.endsAt)!) ? now : interval[1];
      const stretch: [number, number] = [interval[0], Math.max(interval[0], upTo)];
      out.push({
        userId: Number(r.userId),
        interval: stretch,
        entry: {
          source: 'shift',
          what: r.post,
          from: new Date(stretch[0]).toISOString(),
          to: new Date(stretch[1]).toISOString(),
          minutes: Math.floor((stretch[1] - stretch[0]) / 60_000),
          noCheckOut: signup.checkedOutAt === null && now >= Date.parse(isoOf(r.endsAt)!),
        },
      });
    }
    for (const d of duty) {
      const from = Date.parse(isoOf(d.startedAt)!);
      const to = d.endedAt === null ? now : Date.parse(isoOf(d.endedAt)!);
      if (to <= from) continue;
      out.push({
        userId: Number(d.userId),
        interval: [from, to],
        entry: {
          source: 'duty',
          what: DUTY,
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          minutes: Math.floor((to - from) / 60_000),
          noCheckOut: false,
        },
      });
    }
    return out;
  }

  /** 缺岗: places kept to the end of an open shift without a check-in, per volunteer. */
  private async misses(communityId: number, start: number, end: number): Promise<Map<number, number>> {
    const rows = await this.db.rows<{ userId: number; n: number | string }>(
      `SELECT g.user_id AS userId, COUNT(*) AS n FROM roster_signups g JOIN roster_shifts s ON s.id = g.shift_id
        WHERE g.community_id = ? AND g.state = 'SIGNED_UP' AND g.checked_in_at IS NULL AND s.state = 'OPEN'
          AND s.ends_at >= ? AND s.ends_at < ?
        GROUP BY g.user_id`,
      [communityId, new Date(start), new Date(end)],
    );
    return new Map(rows.map((r) => [Number(r.userId), Number(r.n)]));
  }

  /** 迟到: check-ins more than the grace after the start, per volunteer. */
  private async lates(communityId: number, start: number, end: number): Promise<Map<number, number>> {
    const rows = await this.db.rows<{ userId: number; checkedInAt: Date | string; startsAt: Date | string }>(
      `SELECT g.user_id AS userId, g.checked_in_at AS checkedInAt, s.starts_at AS startsAt
         FROM roster_signups g JOIN roster_shifts s ON s.id = g.shift_id
        WHERE g.community_id = ? AND g.checked_in_at IS NOT NULL AND s.starts_at >= ? AND s.starts_at < ?`,
      [communityId, new Date(start), new Date(end)],
    );
    const out = new Map<number, number>();
    for (const r of rows) {
      if (isLate({ startsAt: isoOf(r.startsAt)! }, isoOf(r.checkedInAt))) out.set(Number(r.userId), (out.get(Number(r.userId)) ?? 0) + 1);
    }
    return out;
  }
}

/** An ISO time of a datetime column read by `rows`. */
function isoOf(v: Date | string | null): string | null {
  return Db.date(v)?.toISOString() ?? null;
}
