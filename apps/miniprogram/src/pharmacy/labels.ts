import type { MedicineRequestView, MedicineState } from '@linli/shared-types';

/** States as the pharmacy reads them (the resident's labels speak to the resident). */
export const PHARMACY_STATE_LABELS: Record<MedicineState, string> = {
  SUBMITTED: '待报价',
  QUOTED: '等居民确认',
  AWAITING_PAYMENT: '等居民付款',
  CONFIRMED: '待采购',
  PURCHASED: '已买到，待配送',
  CANNOT_BUY: '买不到，已交社区协调',
  DELIVERED: '已送达',
  REJECTED: '未受理',
  DECLINED: '居民没有接受报价',
  CANCELLED: '已取消',
  EXPIRED: '报价已过期',
};

/** 「已等 12 分钟」, or hours and minutes once it is an hour or more. */
export function waitingText(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return `已等 ${m} 分钟`;
  const rest = m % 60;
  return `已等 ${Math.floor(m / 60)} 小时${rest > 0 ? ` ${rest} 分钟` : ''}`;
}

/** Any item needs a prescription: the photos must be looked at before quoting. */
export function needsPrescription(req: MedicineRequestView): boolean {
  return req.items.some((i) => i.prescription);
}

/** The items' names, for a card: 阿莫西林胶囊、布洛芬缓释胶囊. */
export function itemsSummary(req: MedicineRequestView): string {
  return req.items.map((i) => i.name).join('、');
}

/** Urgency badge class: 今天要 red, 慢性病续药 amber, 普通 plain. */
export function urgencyClass(urgency: MedicineRequestView['urgency']): string {
  return `ph-badge ph-badge--${urgency}`;
}

/** What the household pays for, in words: 货到付款, 已微信支付 or 免费. */
export function paymentText(mode: MedicineRequestView['paymentMode']): string {
  if (mode === 'free') return '免费';
  if (mode === 'wechat') return '已微信支付';
  return '货到付款';
}
