const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * An ISO time as people in the community read it, in Asia/Shanghai (UTC+8, no daylight
 * saving): 11月23日 14:05, with the year when it is not this year.
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const thisYear = new Date(Date.now() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  const year = d.getUTCFullYear() === thisYear ? '' : `${d.getUTCFullYear()}年`;
  return `${year}${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The hour and minute of an ISO time in Asia/Shanghai, 14:05; '' when it is not a time. */
export function formatClock(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function shanghaiParts(iso: string): Date | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + SHANGHAI_OFFSET_MS);
}

/** A window's hours: 4月25日 08:00–12:00, or both dates when it spans days. */
export function formatHours(opensAt: string, closesAt: string): string {
  const from = shanghaiParts(opensAt);
  const to = shanghaiParts(closesAt);
  if (!from || !to) return '';
  const sameDay = from.toISOString().slice(0, 10) === to.toISOString().slice(0, 10);
  if (!sameDay) return `${formatTime(opensAt)} – ${formatTime(closesAt)}`;
  return `${formatTime(opensAt)}–${pad(to.getUTCHours())}:${pad(to.getUTCMinutes())}`;
}

/** A delivery date 'YYYY-MM-DD' as 4月26日. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[2])}月${Number(m[3])}日`;
}

/** 今天 / 明天 / 后天 for a delivery date 'YYYY-MM-DD' near today (Asia/Shanghai), else 4月26日. */
export function deliveryDay(date: string, nowMs = Date.now()): string {
  const day = (offset: number) => new Date(nowMs + SHANGHAI_OFFSET_MS + offset * 24 * 3600 * 1000).toISOString().slice(0, 10);
  if (date === day(0)) return '今天';
  if (date === day(1)) return '明天';
  if (date === day(2)) return '后天';
  return formatDate(date);
}
