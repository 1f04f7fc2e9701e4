import { describe, expect, it } from '@jest/globals';
import { yuanToFen } from './money';

describe('yuanToFen', () => {
  it('reads a price in 元 digit by digit, without floating-point rounding', () => {
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('0.80')).toBe(80);
    expect(yuanToFen(' 38 ')).toBe(3800);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('10000')).toBe(1_000_000);
  });

  it('refuses what is not a price, or more than 10000 元', () => {
    expect(yuanToFen('10000.01')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-3')).toBeNull();
    expect(yuanToFen('十元')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });
});
