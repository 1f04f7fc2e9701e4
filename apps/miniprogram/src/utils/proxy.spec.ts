import { describe, expect, it } from '@jest/globals';
import { linesText, proxySummary } from './proxy';

describe('proxy summary', () => {
  it('reads an order back as 「您为 <door> 订了：…」, lines in their order', () => {
    expect(
      proxySummary('1栋1单元101', '订了', [
        { name: '蔬菜套餐', quantity: 1 },
        { name: '大米', quantity: 2 },
      ]),
    ).toBe('您为 1栋1单元101 订了：蔬菜套餐 1 份、大米 2 份');
  });

  it('reads a registration back with 登记了', () => {
    expect(proxySummary('3栋2单元1203', '登记了', [{ name: '肉蛋奶套餐', quantity: 2 }])).toBe('您为 3栋2单元1203 登记了：肉蛋奶套餐 2 份');
  });

  it('leaves out lines without a quantity, and says 无 when nothing is left', () => {
    expect(
      linesText([
        { name: '鸡蛋', quantity: 0 },
        { name: '大米', quantity: 1 },
      ]),
    ).toBe('大米 1 份');
    expect(linesText([])).toBe('无');
  });
});
