/**
 * What someone acting for a household reads back after doing it (issue 18), in words a family
 * member can repeat on the phone: 「您为 1栋1单元101 订了：蔬菜套餐 1 份、大米 2 份」.
 */

/** 蔬菜套餐 1 份、大米 2 份 (lines without a quantity left out; 「无」 when none is left). */
export function linesText(lines: { name: string; quantity: number }[]): string {
  const shown = lines.filter((l) => l.quantity > 0).map((l) => `${l.name} ${l.quantity} 份`);
  return shown.length > 0 ? shown.join('、') : '无';
}

/** 您为 1栋1单元101 订了：蔬菜套餐 1 份… (`verb`: 订了 for an order, 登记了 for a fair-share registration). */
export function proxySummary(door: string, verb: '订了' | '登记了', lines: { name: string; quantity: number }[]): string {
  return `您为 ${door} ${verb}：${linesText(lines)}`;
}
