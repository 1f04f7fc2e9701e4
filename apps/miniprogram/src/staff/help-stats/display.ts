import type { HelpFigures } from '@linli/shared-types';

/** A share (0–1) as a whole percentage for the screen: 0.6667 → 67%; none → —. */
export function percentText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** Minutes for the screen: 12.5 → 12.5; none → —. */
export function minutesText(minutes: number | null): string {
  return minutes === null ? '—' : String(minutes);
}

/** The big figures at the top, in reading order, each with its id on the page. */
export function summaryFigures(f: HelpFigures): { id: string; label: string; value: string; unit: string; alert?: boolean }[] {
  return [
    { id: 'median', label: '中位首次响应', value: minutesText(f.medianFirstResponseMinutes), unit: '分钟' },
    { id: 'p90', label: '90% 在', value: minutesText(f.p90FirstResponseMinutes), unit: '分钟内' },
    { id: 'in-time', label: '按时响应率', value: percentText(f.withinDeadlineShare), unit: '' },
    { id: 'open', label: '当前未结', value: String(f.openNow), unit: '件' },
    { id: 'overdue', label: '当前超时', value: String(f.overdueNow), unit: '件', alert: f.overdueNow > 0 },
    { id: 'reopen', label: '重开率', value: percentText(f.reopenRate), unit: '' },
    { id: 'complaints', label: '日均投诉', value: String(f.complaintsPerDay), unit: '件' },
    { id: 'requests', label: '求助总数', value: String(f.requests), unit: '件' },
  ];
}
