import { definePayableKind, nextTradeNo, tradeNo } from './payable';

definePayableKind({ kind: 'spec', tradePrefix: 'LINLI_SPEC', refundPrefix: 'LINLI_SREFUND', refundReason: '测试' });

describe('nextTradeNo: a new trade number when another payer takes a bill over', () => {
  it('counts on from the first number', () => {
    expect(tradeNo('spec', 12)).toBe('LINLI_SPEC_12');
    expect(nextTradeNo('spec', 12, 'LINLI_SPEC_12')).toBe('LINLI_SPEC_12_2');
    expect(nextTradeNo('spec', 12, 'LINLI_SPEC_12_2')).toBe('LINLI_SPEC_12_3');
    expect(nextTradeNo('spec', 12, 'LINLI_SPEC_12_10')).toBe('LINLI_SPEC_12_11');
  });

  it('refuses a number of another payable', () => {
    expect(() => nextTradeNo('spec', 12, 'LINLI_SPEC_13')).toThrow();
    expect(() => nextTradeNo('spec', 1, 'LINLI_SPEC_12')).toThrow();
    expect(() => nextTradeNo('spec', 12, 'LINLI_ORDER_12')).toThrow();
  });
});
