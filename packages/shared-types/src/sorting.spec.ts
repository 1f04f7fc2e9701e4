import { shortfall } from './sorting';

const lines = [
  { id: 1, quantity: 2, unitPriceFen: 3500 },
  { id: 2, quantity: 1, unitPriceFen: 1200 },
];

describe('the sorting shortfall rule', () => {
  it('refunds the missing units at the price paid', () => {
    expect(shortfall(lines, [{ orderLineId: 1, missing: 1 }], new Set())).toEqual({
      rows: [{ orderLineId: 1, missing: 1, refundFen: 3500 }],
    });
    expect(
      shortfall(
        lines,
        [
          { orderLineId: 1, missing: 2 },
          { orderLineId: 2, missing: 1 },
        ],
        new Set(),
      ),
    ).toEqual({
      rows: [
        { orderLineId: 1, missing: 2, refundFen: 7000 },
        { orderLineId: 2, missing: 1, refundFen: 1200 },
      ],
    });
  });

  it('refuses more than was ordered, nothing, a line of another bag, and a line reported before or twice', () => {
    expect(shortfall(lines, [{ orderLineId: 2, missing: 2 }], new Set())).toEqual({ refused: 'SHORT_TOO_MANY', orderLineId: 2 });
    expect(shortfall(lines, [{ orderLineId: 2, missing: 0 }], new Set())).toEqual({ refused: 'SHORT_TOO_MANY', orderLineId: 2 });
    expect(shortfall(lines, [{ orderLineId: 9, missing: 1 }], new Set())).toEqual({ refused: 'SHORT_LINE_UNKNOWN', orderLineId: 9 });
    expect(shortfall(lines, [{ orderLineId: 1, missing: 1 }], new Set([1]))).toEqual({ refused: 'SHORT_ALREADY_REPORTED', orderLineId: 1 });
    expect(
      shortfall(
        lines,
        [
          { orderLineId: 2, missing: 1 },
          { orderLineId: 2, missing: 1 },
        ],
        new Set(),
      ),
    ).toEqual({ refused: 'SHORT_ALREADY_REPORTED', orderLineId: 2 });
  });
});
