import { isOverdue, queueOrder, quoteDeadline, quoteTotal } from './medicine-rules';

const at = (minutes: number): Date => new Date(Date.UTC(2022, 3, 20, 8, minutes));
const minutes = { normal: 60, today: 20 };

describe('quote deadlines', () => {
  it('gives 今天要 20 minutes and everything else 60', () => {
    expect(quoteDeadline(at(0), 'today', minutes)).toEqual(at(20));
    expect(quoteDeadline(at(0), 'normal', minutes)).toEqual(at(60));
    expect(quoteDeadline(at(0), 'chronic', minutes)).toEqual(at(60));
  });

  it('escalates only requests still waiting for a quote, from the deadline on', () => {
    expect(isOverdue('SUBMITTED', at(20), at(19))).toBe(false);
    expect(isOverdue('SUBMITTED', at(20), at(20))).toBe(true);
    expect(isOverdue('QUOTED', at(20), at(90))).toBe(false);
    expect(isOverdue('CANCELLED', at(20), at(90))).toBe(false);
  });
});

describe('the pharmacy queue', () => {
  it('puts overdue first, then 今天要, chronic, normal; waiting on the pharmacy before waiting on the household', () => {
    const now = at(70);
    const entries = [
      { id: 'normal-new', state: 'SUBMITTED' as const, urgency: 'normal' as const, quoteDeadline: at(125), createdAt: at(65) },
      { id: 'quoted', state: 'QUOTED' as const, urgency: 'today' as const, quoteDeadline: at(20), createdAt: at(0) },
      { id: 'to-buy', state: 'CONFIRMED' as const, urgency: 'normal' as const, quoteDeadline: at(60), createdAt: at(0) },
      { id: 'chronic', state: 'SUBMITTED' as const, urgency: 'chronic' as const, quoteDeadline: at(120), createdAt: at(60) },
      { id: 'today', state: 'SUBMITTED' as const, urgency: 'today' as const, quoteDeadline: at(85), createdAt: at(65) },
      { id: 'overdue', state: 'SUBMITTED' as const, urgency: 'normal' as const, quoteDeadline: at(65), createdAt: at(5) },
    ];
    expect(entries.sort(queueOrder(now)).map((e) => e.id)).toEqual(['overdue', 'today', 'chronic', 'normal-new', 'to-buy', 'quoted']);
  });

  it('on staff’s list, a request the pharmacy could not buy waits for them with the unquoted ones, before those being bought', () => {
    const now = at(70);
    const entries = [
      { id: 'to-buy', state: 'CONFIRMED' as const, urgency: 'normal' as const, quoteDeadline: at(60), createdAt: at(0) },
      { id: 'cannot-buy', state: 'CANNOT_BUY' as const, urgency: 'normal' as const, quoteDeadline: at(60), createdAt: at(1) },
      { id: 'delivering', state: 'PURCHASED' as const, urgency: 'today' as const, quoteDeadline: at(20), createdAt: at(0) },
    ];
    expect(entries.sort(queueOrder(now)).map((e) => e.id)).toEqual(['cannot-buy', 'to-buy', 'delivering']);
  });
});

describe('quote totals', () => {
  const items = [
    { quantity: 2, quoteStatus: 'in_stock' as const, unitPriceFen: 1250, accepted: null },
    { quantity: 1, quoteStatus: 'substitute' as const, unitPriceFen: 3800, accepted: null },
    { quantity: 3, quoteStatus: 'unavailable' as const, unitPriceFen: null, accepted: null },
  ];

  it('sums what is available before the household answers', () => {
    expect(quoteTotal(items)).toBe(2 * 1250 + 3800);
  });

  it('sums only what the household accepted', () => {
    expect(
      quoteTotal([
        { ...items[0]!, accepted: true },
        { ...items[1]!, accepted: false },
        { ...items[2]!, accepted: false },
      ]),
    ).toBe(2500);
  });

  it('is zero before any quote', () => {
    expect(quoteTotal([{ quantity: 1, quoteStatus: null, unitPriceFen: null, accepted: null }])).toBe(0);
  });
});
