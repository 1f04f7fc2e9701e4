import { useState } from 'react';
import { View } from '@tarojs/components';
import type { CashRow } from '@linli/shared-types';
import { listCashRows, showApiError } from '@/api';
import { FigureRow } from '@/components/FigureRow';
import { ListStatus } from '@/components/ListStatus';
import { useRefresh } from '@/hooks/useRefresh';
import { amountText, byFollowUp, cashTotals, type CashTotals } from './totals';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const FIGURES: { key: string; label: string; fen: keyof CashTotals; parcels: keyof CashTotals; follow?: boolean }[] = [
  { key: 'collected', label: '已收款', fen: 'collectedFen', parcels: 'collectedParcels' },
  { key: 'uncollected', label: '送达未点已收款', fen: 'uncollectedFen', parcels: 'uncollectedParcels', follow: true },
  { key: 'in-hand', label: '在途（还没送到）', fen: 'inHandFen', parcels: 'inHandParcels' },
];

/** The three figures, as they read on each card and in the totals: ids `${idPrefix}-collected` …. */
function Figures({ idPrefix, figures }: { idPrefix: string; figures: CashTotals }) {
  return (
    <>
      {FIGURES.map((f) => {
        const parcels = figures[f.parcels];
        const tone = f.follow && parcels > 0 ? 'alert' : f.key === 'collected' ? 'ok' : undefined;
        return (
          <FigureRow key={f.key} label={f.label} id={`${idPrefix}-${f.key}`} tone={tone}>
            {amountText(figures[f.fen], parcels)}
          </FigureRow>
        );
      })}
    </>
  );
}

/**
 * 代收货款对账: the cash volunteers take at the doors of pay-on-delivery parcels, per volunteer —
 * what they marked 已收款, what they delivered without marking it (to follow up, in red, first),
 * and what they still carry — and the total the community should receive.
 */
export default function StaffCashPage() {
  const pageClass = usePageClass();
  const [rows, setRows] = useState<CashRow[] | null>(null);

  const load = async () => {
    try {
      setRows(byFollowUp(await listCashRows()));
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(load);

  return (
    <View className={pageClass}>
      <View className="muted cash-hint">只算货到付款的包裹。「送达未点已收款」请联系志愿者核实。</View>
      {rows && rows.length > 0 ? (
        <View className="card cash-total" id="cash-total">
          <View className="card-title">合计</View>
          <Figures idPrefix="cash-total" figures={cashTotals(rows)} />
        </View>
      ) : null}
      <ListStatus items={rows} empty="还没有需要上门收款的包裹" emptyId="cash-empty" />
      {(rows ?? []).map((r) => (
        <View key={r.volunteerId} id={`cash-${r.volunteerId}`} className={r.uncollectedParcels > 0 ? 'card cash-card--follow' : 'card'}>
          <View className="card-title">{r.nickname}</View>
          <Figures idPrefix={`cash-${r.volunteerId}`} figures={r} />
        </View>
      ))}
    </View>
  );
}
