import { describe, expect, it } from '@jest/globals';
import type { CashRow } from '@linli/shared-types';
import { amountText, byFollowUp, cashTotals } from './totals';

function row(patch: Partial<CashRow>): CashRow {
  return {
    volunteerId: 1,
    nickname: '李志强',
    collectedFen: 0,
    collectedParcels: 0,
    uncollectedFen: 0,
    uncollectedParcels: 0,
    inHandFen: 0,
    inHandParcels: 0,
    ...patch,
  };
}

describe('cashTotals', () => {
  it('adds up every volunteer, each figure on its own', () => {
    const rows = [
      row({ collectedFen: 3900, collectedParcels: 1, inHandFen: 1500, inHandParcels: 1 }),
      row({ volunteerId: 2, nickname: '张华', collectedFen: 100, collectedParcels: 1, uncollectedFen: 2500, uncollectedParcels: 2 }),
    ];
    expect(cashTotals(rows)).toEqual({
      collectedFen: 4000,
      collectedParcels: 2,
      uncollectedFen: 2500,
      uncollectedParcels: 2,
      inHandFen: 1500,
      inHandParcels: 1,
    });
  });

  it('is all zero without rows', () => {
    expect(cashTotals([])).toMatchObject({ collectedFen: 0, uncollectedParcels: 0, inHandFen: 0 });
  });
});

describe('byFollowUp', () => {
  it('puts who delivered the most without 已收款 first, then by name', () => {
    const rows = [
      row({ volunteerId: 1, nickname: '王芳' }),
      row({ volunteerId: 2, nickname: '李志强', uncollectedFen: 500 }),
      row({ volunteerId: 3, nickname: '张华', uncollectedFen: 3900 }),
      row({ volunteerId: 4, nickname: '陈刚' }),
    ];
    expect(byFollowUp(rows).map((r) => r.volunteerId)).toEqual([3, 2, 4, 1]);
    expect(rows[0]?.volunteerId).toBe(1); // the input is left as it was
  });
});

describe('amountText', () => {
  it('says the money and the parcels, or 无', () => {
    expect(amountText(3900, 1)).toBe('¥39.00（1 件）');
    expect(amountText(0, 0)).toBe('无');
  });
});
