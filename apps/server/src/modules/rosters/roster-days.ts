/** Calendar days as the community lives them (Asia/Shanghai, no daylight saving), for rosters and their hours. */
export const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of an instant, YYYY-MM-DD. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** 00:00 Asia/Shanghai of a YYYY-MM-DD day, as an instant. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI_MS;
}
