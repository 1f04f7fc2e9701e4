import { formatFen, type CashRow } from '@linli/shared-types';

/** The three figures of a row, or of all rows added up. */
export type CashTotals = Pick<
  CashRow,
  'collectedFen' | 'collectedParcels' | 'uncollectedFen' | 'uncollectedParcels' | 'inHandFen' | 'inHandParcels'
>;

const ZERO: CashTotals = {
  collectedFen: 0,
  collectedParcels: 0,
  uncollectedFen: 0,
  uncollectedParcels: 0,
  inHandFen: 0,
  inHandParcels: 0,
};

/** Every volunteer's figures added up: what the community should have in cash. */
export function cashTotals(rows: readonly CashRow[]): CashTotals {
  return rows.reduce<CashTotals>(
    (sum, r) => ({
      collectedFen: sum.collectedFen + r.collectedFen,
      collectedParcels: sum.collectedParcels + r.collectedParcels,
      uncollectedFen: sum.uncollectedFen + r.uncollectedFen,
      uncollectedParcels: sum.uncollectedParcels + r.uncollectedParcels,
      inHandFen: sum.inHandFen + r.inHandFen,
      inHandParcels: sum.inHandParcels + r.inHandParcels,
    }),
    ZERO,
  );
}

/** Volunteers to follow up first (delivered without 已收款, the most money first), then by name. */
export function byFollowUp(rows: readonly CashRow[]): CashRow[] {
  return [...rows].sort((a, b) => b.uncollectedFen - a.uncollectedFen || a.nickname.localeCompare(b.nickname, 'zh-CN'));
}

/** ¥39.00（1 件）; 0 parcels read as 无. */
export function amountText(fen: number, parcels: number): string {
  return parcels === 0 ? '无' : `${formatFen(fen)}（${parcels} 件）`;
}
