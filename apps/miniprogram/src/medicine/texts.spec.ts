import { describe, expect, it } from '@jest/globals';
import type { MedicineRequestView } from '@linli/shared-types';
import { cancelQuestion, refundText } from './texts';

function request(patch: Partial<MedicineRequestView>): MedicineRequestView {
  return {
    state: 'CONFIRMED',
    paymentMode: 'cod',
    cannotBuyReason: null,
    cancelReason: null,
    receiptUrl: null,
    ...patch,
  } as MedicineRequestView;
}

describe('refundText', () => {
  it('promises money back only for WeChat Pay requests that were paid', () => {
    expect(refundText(request({ state: 'CANNOT_BUY', paymentMode: 'wechat', cannotBuyReason: '缺货' }))).toBe('已付的钱会原路退回');
    expect(refundText(request({ state: 'CANCELLED', paymentMode: 'wechat', cancelReason: '转给益丰大药房' }))).toBe('已付的钱会原路退回');
    expect(refundText(request({ state: 'CANNOT_BUY', paymentMode: 'cod', cannotBuyReason: '缺货' }))).toBe('');
    expect(refundText(request({ state: 'CANCELLED', paymentMode: 'wechat' }))).toBe('');
  });
});

describe('cancelQuestion', () => {
  it('says what cancelling gives up at each step, and the refund when paid', () => {
    expect(cancelQuestion(request({ state: 'SUBMITTED' }))).toBe('药房还没有报价，取消后就不买了。确定要取消吗？');
    expect(cancelQuestion(request({ state: 'CONFIRMED', paymentMode: 'wechat' }))).toBe(
      '药房正在采购，取消后就不买了。已付的钱会原路退回。确定要取消吗？',
    );
    expect(cancelQuestion(request({ state: 'CANNOT_BUY' }))).toBe('取消后社区就不再帮您找别的药房了。确定要取消吗？');
    expect(cancelQuestion(request({ state: 'AWAITING_PAYMENT', paymentMode: 'wechat' }))).toBe('取消后药房就不买了。确定要取消吗？');
  });
});
