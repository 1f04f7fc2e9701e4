import { formatFen, type ProxyDeliveries } from '@linli/shared-types';

/** How many things wait for the proxy on this page. */
export function todoCount(d: ProxyDeliveries): number {
  return d.ordersToPay.length + d.medicineToPay.length + d.parcelsToConfirm.length + d.parcelsToRate.length;
}

/** The line at the top: whose page it is, as whom, and what waits. */
export function headline(d: ProxyDeliveries): string {
  const n = todoCount(d);
  return n === 0 ? `${d.door}：现在没有要代办的事` : `${d.door}：有 ${n} 件事可以代办`;
}

/** 「订单 12 · 蔬菜包×1 · ¥39.90」 */
export function orderLine(o: ProxyDeliveries['ordersToPay'][number]): string {
  const what = o.lines.map((l) => `${l.name}×${l.quantity}`).join('、');
  return `订单 ${o.id} · ${what} · ${formatFen(o.totalFen)}`;
}

/** 「买药 7 · 布洛芬 · ¥25.00」 */
export function medicineLine(r: ProxyDeliveries['medicineToPay'][number]): string {
  const what = r.items.map((i) => i.name).join('、');
  return `买药 ${r.id} · ${what} · ${formatFen(r.totalFen)}`;
}
