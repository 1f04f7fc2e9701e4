import { describe, expect, it } from '@jest/globals';
import type { MedicineItemView, MedicineRequestView } from '@linli/shared-types';
import { steps } from './road';

type Answer = Pick<MedicineItemView, 'quote' | 'accepted'>;
const UNQUOTED: Answer = { quote: null, accepted: null };
const QUOTED: Answer = { quote: { status: 'in_stock', substituteName: null, unitPriceFen: 1250 }, accepted: null };
const TAKEN: Answer = { ...QUOTED, accepted: true };

function request(patch: Partial<MedicineRequestView>, answer: Answer = UNQUOTED): MedicineRequestView {
  return {
    state: 'SUBMITTED',
    paymentMode: 'cod',
    items: [{ id: 1, name: '阿莫西林胶囊', spec: '', quantity: 1, brand: 'usual', prescription: false, ...answer }],
    cannotBuyReason: null,
    cancelReason: null,
    receiptUrl: null,
    ...patch,
  } as MedicineRequestView;
}

describe('steps', () => {
  it('shows the main road while the request is on it, paying first only with WeChat Pay', () => {
    expect(steps(request({ state: 'QUOTED' }, QUOTED))).toEqual(['SUBMITTED', 'QUOTED', 'CONFIRMED', 'PURCHASED', 'DELIVERED']);
    expect(steps(request({ state: 'SUBMITTED', paymentMode: 'wechat' }))).toEqual([
      'SUBMITTED',
      'QUOTED',
      'AWAITING_PAYMENT',
      'CONFIRMED',
      'PURCHASED',
      'DELIVERED',
    ]);
  });

  it('leaves the road at 已确认 when the pharmacy cannot buy it', () => {
    const cannot = request({ state: 'CANNOT_BUY', cannotBuyReason: '厂家停产' }, TAKEN);
    expect(steps(cannot)).toEqual(['SUBMITTED', 'QUOTED', 'CONFIRMED', 'CANNOT_BUY']);
  });

  it('ends through 买不到 when the household or staff cancelled it then', () => {
    const cancelled = request({ state: 'CANCELLED', cannotBuyReason: '厂家停产', cancelReason: '转给益丰大药房' }, TAKEN);
    expect(steps(cancelled)).toEqual(['SUBMITTED', 'QUOTED', 'CONFIRMED', 'CANNOT_BUY', 'CANCELLED']);
  });

  it('ends where it was cancelled: unquoted, confirmed, or bought and its parcel given up', () => {
    expect(steps(request({ state: 'CANCELLED' }))).toEqual(['SUBMITTED', 'CANCELLED']);
    expect(steps(request({ state: 'CANCELLED' }, TAKEN))).toEqual(['SUBMITTED', 'QUOTED', 'CONFIRMED', 'CANCELLED']);
    const bought = request({ state: 'CANCELLED', receiptUrl: '/api/files/3/content?t=x', cancelReason: '多次无人应答' }, TAKEN);
    expect(steps(bought)).toEqual(['SUBMITTED', 'QUOTED', 'CONFIRMED', 'PURCHASED', 'CANCELLED']);
  });

  it('ends at the quote when the household declined it or let it expire', () => {
    expect(steps(request({ state: 'DECLINED' }, { ...QUOTED, accepted: false }))).toEqual(['SUBMITTED', 'QUOTED', 'DECLINED']);
    expect(steps(request({ state: 'EXPIRED' }, QUOTED))).toEqual(['SUBMITTED', 'QUOTED', 'EXPIRED']);
    expect(steps(request({ state: 'EXPIRED', paymentMode: 'wechat' }, TAKEN))).toEqual([
      'SUBMITTED',
      'QUOTED',
      'AWAITING_PAYMENT',
      'EXPIRED',
    ]);
  });

  it('ends at once when the pharmacy refused it', () => {
    expect(steps(request({ state: 'REJECTED' }))).toEqual(['SUBMITTED', 'REJECTED']);
  });
});
