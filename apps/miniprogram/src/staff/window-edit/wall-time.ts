/**
 * The date picker works with the phone's own clock face (a JS Date in the phone's time zone);
 * windows keep their hours in Asia/Shanghai (UTC+8, no daylight saving). These convert between
 * the two by the wall clock, so 12:00 on the picker is 12:00 in Beijing wherever the phone is set.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A Date whose local year…minute read as the Shanghai wall clock of `iso` (or ms). */
export function toWall(at: string | number): Date {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  const s = new Date(ms + SHANGHAI_OFFSET_MS);
  return new Date(s.getUTCFullYear(), s.getUTCMonth(), s.getUTCDate(), s.getUTCHours(), s.getUTCMinutes());
}

/** The ISO moment of a picker Date's local year…minute read as Shanghai time. */
export function fromWall(d: Date): string {
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()) - SHANGHAI_OFFSET_MS).toISOString();
}

/** 'YYYY-MM-DD' ⇄ a picker Date at local midnight. */
export function dayToWall(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export function wallToDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `ms` rounded up to the next `stepMinutes` (the picker's minute column steps by it). */
export function roundUp(ms: number, stepMinutes: number): number {
  const step = stepMinutes * 60 * 1000;
  return Math.ceil(ms / step) * step;
}
