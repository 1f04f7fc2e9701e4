import { formatFen, type MedicineItemView, type MedicineRequestView, type MedicineState } from '@linli/shared-types';

/** Requests that are over: 再买一次 makes a new one with the same medicines (慢性病续药). */
export const REPEATABLE: readonly MedicineState[] = ['PURCHASED', 'DELIVERED', 'DECLINED', 'EXPIRED', 'CANCELLED'];

/** Minutes as people say them: 25 分钟, 1 小时 10 分钟. */
export function minutesText(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return `${m} 分钟`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} 小时` : `${h} 小时 ${m % 60} 分钟`;
}

/** How long a request has waited for its quote: 刚刚登记, 已等 25 分钟. */
export function waitingText(minutes: number): string {
  return minutes < 1 ? '刚刚登记' : `已等 ${minutesText(minutes)}`;
}

/** The medicines in one line: 阿莫西林 × 2、布洛芬 × 1. */
export function itemsSummary(request: MedicineRequestView): string {
  return request.items.map((i) => `${i.name} × ${i.quantity}`).join('、');
}

/** The pharmacy's answer for one item: 有货 ¥12.50 × 2, 替代：名称 ¥38.00 × 1, 缺货. */
export function quoteText(item: MedicineItemView): string {
  const q = item.quote;
  if (!q) return '等药房报价';
  if (q.status === 'unavailable') return '缺货';
  const price = `${formatFen(q.unitPriceFen ?? 0)} × ${item.quantity}`;
  return q.status === 'substitute' ? `替代：${q.substituteName ?? ''} ${price}` : `有货 ${price}`;
}

/** True when the pharmacy can supply the item (in stock or a substitute). */
export function available(item: MedicineItemView): boolean {
  return item.quote !== null && item.quote.status !== 'unavailable';
}
