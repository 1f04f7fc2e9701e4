import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { RegistrationView, RoundWin } from '@linli/shared-types';
import { lostNote, resultTitle, winLine, winNote } from './fair-share-result';

const win = (over: Partial<RoundWin> = {}): RoundWin => ({
  round: 1,
  allocated: [{ itemId: 7, name: '退烧药套装', quantity: 1 }],
  orderId: 12,
  orderState: 'CONFIRMED',
  payBy: null,
  ...over,
});

const registration = (over: Partial<RegistrationView>): RegistrationView => ({
  windowId: 1,
  householdId: 2,
  state: 'WON',
  requested: [{ itemId: 7, name: '退烧药套装', quantity: 1 }],
  allocated: [{ itemId: 7, name: '退烧药套装', quantity: 1 }],
  orderId: 12,
  priority: false,
  round: 1,
  wins: [win()],
  registeredBy: { userId: 3, nickname: '王秀兰', as: null },
  updatedAt: '2026-04-25T00:00:00Z',
  ...over,
});

describe('a fair-share result as the household reads it', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-04-25T00:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('says whether it won, in which round, and how much', () => {
    expect(resultTitle(registration({}))).toBe('已中签，共 1 份');
    expect(resultTitle(registration({ round: 2, wins: [win({ round: 2 })] }))).toBe('第二轮分配：已中签，共 1 份');
    expect(resultTitle(registration({ state: 'LOST', allocated: [], round: null, wins: [] }))).toBe('很遗憾，本次未中签');
    expect(winLine(win({ round: 2 }))).toBe('第二轮分到：退烧药套装 × 1');
  });

  it('states the pay-by time while the order waits for payment, and why a win is gone', () => {
    expect(winNote(win({ orderState: 'PENDING_PAYMENT', payBy: '2026-04-25T04:30:00Z' }))).toBe(
      '请在 4月25日 12:30 前付款，过时不付，名额让给其他住户',
    );
    expect(winNote(win({ orderState: 'EXPIRED', payBy: '2026-04-25T04:30:00Z' }))).toContain('没有按时付款');
    expect(winNote(win({ orderState: 'CANCELLED' }))).toContain('已取消');
    expect(winNote(win({ orderState: 'CONFIRMED', payBy: '2026-04-25T04:30:00Z' }))).toBeNull();
  });

  it('tells a household that lost whether a second round may still come', () => {
    expect(lostNote(false)).toContain('第二轮分配');
    expect(lostNote(true)).toContain('也没有轮到');
  });
});
