/**
 * Calendar days as a community lives them: Asia/Shanghai, UTC+8 all year (no daylight saving).
 * One home for the arithmetic every module needs (a vote's day, a care contact's day, a
 * roster's week, the help figures' days), so they can never disagree about when a day starts.
 */
export const DAY_MS = 86_400_000;
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of an instant (a Date or epoch milliseconds), YYYY-MM-DD. */
export function shanghaiDay(at: Date | number): string {
  return new Date((typeof at === 'number' ? at : at.getTime()) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 Asia/Shanghai of a YYYY-MM-DD day, as epoch milliseconds (the day is taken as valid). */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS;
}

/** 00:00 Asia/Shanghai of the day of `at`. */
export function shanghaiDayStart(at: Date): Date {
  return new Date(dayStart(shanghaiDay(at)));
}

/** The day before a YYYY-MM-DD day. */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}
