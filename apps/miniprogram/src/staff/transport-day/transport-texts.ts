import { PATIENT_KIND_LABELS, WEEKDAY_LABELS, type TransportPatient, type Weekday } from '@linli/shared-types';

const SHANGHAI = 8 * 3600_000;

/** Today as YYYY-MM-DD in Asia/Shanghai. */
export function todayDate(now: number = Date.now()): string {
  return new Date(now + SHANGHAI).toISOString().slice(0, 10);
}

/** The day `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 12月7日 周一 */
export function dayLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const w = (d.getUTCDay() === 0 ? 7 : d.getUTCDay()) as Weekday;
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAY_LABELS[w]}`;
}

/** 周一、三、五 07:30 透析 · 省立医院 */
export function scheduleText(p: Pick<TransportPatient, 'weekdays' | 'pickupTime' | 'kind' | 'hospital'>): string {
  const days = p.weekdays.map((d) => WEEKDAY_LABELS[d]).join('、');
  return `${days} ${p.pickupTime} 接 · ${PATIENT_KIND_LABELS[p.kind]} · ${p.hospital}`;
}

/** 轮椅 · 有陪护 */
export function needsText(p: { wheelchair: boolean; companion: boolean }): string {
  return [p.wheelchair ? '坐轮椅' : '', p.companion ? '有陪护（占2座）' : ''].filter(Boolean).join(' · ');
}
