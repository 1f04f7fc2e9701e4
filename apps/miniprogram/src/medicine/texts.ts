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

/**
 * Paid money goes back (WeChat Pay): once the request was paid — the pharmacy could not buy it,
 * or staff cancelled it with a reason (its parcel came back, it went to another pharmacy). Empty
 * when nothing was paid, or the view cannot tell.
 */
export function refundText(request: MedicineRequestView): string {
  if (request.paymentMode !== 'wechat') return '';
  const paid =
    request.state === 'CANNOT_BUY' || request.cannotBuyReason !== null || request.receiptUrl !== null || request.cancelReason !== null;
  return paid ? '已付的钱会原路退回' : '';
}

/** The question before 取消登记, by how far the request got. */
export function cancelQuestion(request: MedicineRequestView): string {
  const refund = request.paymentMode === 'wechat' ? '已付的钱会原路退回。' : '';
  if (request.state === 'SUBMITTED') return '药房还没有报价，取消后就不买了。确定要取消吗？';
  if (request.state === 'CONFIRMED') return `药房正在采购，取消后就不买了。${refund}确定要取消吗？`;
  if (request.state === 'CANNOT_BUY') return `取消后社区就不再帮您找别的药房了。${refund}确定要取消吗？`;
  return '取消后药房就不买了。确定要取消吗？';
}
