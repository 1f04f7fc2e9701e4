import { CARE_NEED_LABELS, CONTACT_KIND_LABELS, type CareContactView, type LedgerRow } from '@linli/shared-types';

/** The badge of a household on the day's list, and its colour. */
export function badgeOf(row: Pick<LedgerRow, 'status' | 'twoDays'>): { text: string; tone: 'red' | 'orange' | 'green' } {
  if (row.status === 'reached') return { text: '今天已联系上', tone: 'green' };
  if (row.twoDays) return { text: '两天没联系上', tone: 'red' };
  return { text: row.status === 'tried' ? '今天没人接' : '今天还没联系', tone: 'orange' };
}

/** One contact in words: 「09:12 电话联系上：要买药、缺吃的（降压药快吃完了）」. */
export function contactText(c: Pick<CareContactView, 'kind' | 'needs' | 'note'>, time: string): string {
  const needs = c.needs.map((n) => CARE_NEED_LABELS[n]).join('、');
  return `${time} ${CONTACT_KIND_LABELS[c.kind]}${needs ? `：${needs}` : ''}${c.note ? `（${c.note}）` : ''}`;
}

/** When the household was last reached, in words. */
export function lastReachedText(lastReached: string | null, today: string): string {
  if (lastReached === null) return '还没有联系上过';
  if (lastReached === today) return '今天联系上了';
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastReached}T00:00:00Z`)) / 86_400_000);
  return days === 1 ? '昨天联系上过' : `${days} 天前联系上过`;
}
