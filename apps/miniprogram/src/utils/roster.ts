import type { ShiftView } from '@linli/shared-types';
import { formatTime } from './format';

/**
 * Words and days of the roster screens (issue 19), pure so they are unit-tested: places left,
 * until when a place can be given up, hours as people say them, the days a shift can be laid
 * out on and the week of the hours ledger (Asia/Shanghai, UTC+8, no daylight saving).
 */

const SHANGHAI_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 还剩 3 个名额, or 已报满. */
export function placesLeftText(shift: Pick<ShiftView, 'places' | 'taken'>): string {
  const left = Math.max(0, shift.places - shift.taken);
  return left > 0 ? `还剩 ${left} 个名额` : '已报满';
}

/** When a volunteer may still give the place up (the shift's start less its give-up hours), ISO. */
export function giveUpDeadline(shift: Pick<ShiftView, 'startsAt' | 'giveUpHours'>): string {
  return new Date(Date.parse(shift.startsAt) - shift.giveUpHours * 3_600_000).toISOString();
}

/** Under a place of mine: until when it can be cancelled on the phone, or to call the leader. */
export function giveUpHint(shift: Pick<ShiftView, 'startsAt' | 'giveUpHours' | 'mine'>): string {
  if (!shift.mine) return '';
  if (shift.mine.canGiveUp) return `${formatTime(giveUpDeadline(shift))} 前可以取消报名`;
  return '已过取消时限，不能来请联系组长';
}

/** Minutes as people say them: 3 小时 25 分钟, 2 小时, 40 分钟. */
export function minutesText(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} 分钟`;
  return m > 0 ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

/** 'YYYY-MM-DD' of a moment in Asia/Shanghai. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** The next `count` days from today: their 'YYYY-MM-DD' and 今天 / 明天 / 12月5日 周六. */
export function nextDays(nowMs: number, count: number): { day: string; label: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const ms = nowMs + i * DAY_MS;
    const d = new Date(ms + SHANGHAI_MS);
    const named = i === 0 ? '今天' : i === 1 ? '明天' : i === 2 ? '后天' : '';
    const date = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    return { day: shanghaiDay(ms), label: named ? `${named} ${date}` : `${date} 周${WEEKDAYS[d.getUTCDay()] ?? ''}` };
  });
}

/** A time of day typed as 8:00, 08:30 or 0830: minutes after midnight, or null when it is not one. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2})[:：]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** The moment (ISO) of `minutes` after midnight of a Shanghai day 'YYYY-MM-DD'. */
export function shanghaiMoment(day: string, minutes: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI_MS + minutes * 60_000).toISOString();
}

/**
 * A shift's start and end from its day and typed times; an end not after the start is on the
 * next day (a night shift, 22:00–06:00). Null when a time is not one.
 */
export function shiftMoments(day: string, start: string, end: string): { startsAt: string; endsAt: string; nextDay: boolean } | null {
  const from = parseClock(start);
  const to = parseClock(end);
  if (from === null || to === null) return null;
  const nextDay = to <= from;
  return { startsAt: shanghaiMoment(day, from), endsAt: shanghaiMoment(day, to + (nextDay ? 24 * 60 : 0)), nextDay };
}

/** The week (Monday to Sunday, Shanghai) `offset` weeks from the one holding `nowMs`. */
export function weekOf(nowMs: number, offset = 0): { from: string; to: string } {
  const today = Date.parse(`${shanghaiDay(nowMs)}T00:00:00.000Z`);
  const weekday = (new Date(today).getUTCDay() + 6) % 7;
  const monday = today - weekday * DAY_MS + offset * 7 * DAY_MS;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(monday), to: day(monday + 6 * DAY_MS) };
}
