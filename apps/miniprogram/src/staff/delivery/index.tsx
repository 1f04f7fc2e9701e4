import { useState } from 'react';
import { View } from '@tarojs/components';
import { PARCEL_STATE_LABELS, PARCEL_STATES, type DeliveryOverview, type ParcelState } from '@linli/shared-types';
import { getDeliveryOverview, showApiError } from '@/api';
import { LabelValue } from '@/components/LabelValue';
import { useLiveRefresh } from '@/hooks/useRefresh';
import { formatDate } from '@/utils/format';
import { MOVING_STATES, stateTone } from '../parcels/states';
import { TimelineSheet } from '../parcels/TimelineSheet';
import '../parcels/index.css';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const REFRESH_MS = 30_000;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

type Counts = DeliveryOverview['byBuilding'][number]['counts'];

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** HH:mm:ss of a moment in Asia/Shanghai. */
function clock(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Today as 'YYYY-MM-DD' in Asia/Shanghai, to compare with delivery dates. */
function shanghaiToday(): string {
  return new Date(Date.now() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function sum(counts: Counts, states: readonly ParcelState[]): number {
  return states.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

/** The counts of every building added up. */
function totals(overview: DeliveryOverview): { counts: Counts; total: number } {
  const counts: Counts = {};
  let total = 0;
  for (const b of overview.byBuilding) {
    for (const s of PARCEL_STATES) {
      const n = b.counts[s] ?? 0;
      if (n > 0) counts[s] = (counts[s] ?? 0) + n;
    }
    total += b.total;
  }
  return { counts, total };
}

/** Whole percent of a part, 0 of nothing. */
function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 100) / whole) : 0;
}

/** The bar's segments, left to right: delivered first, what is still to do after. */
const BAR: { tone: string; states: readonly ParcelState[] }[] = [
  { tone: 'done', states: ['DELIVERED'] },
  { tone: 'moving', states: MOVING_STATES },
  { tone: 'ready', states: ['READY'] },
  { tone: 'failed', states: ['FAILED'] },
  { tone: 'returned', states: ['RETURNED'] },
  { tone: 'cancelled', states: ['CANCELLED'] },
];

/**
 * 配送看板: delivery as it happens — the big figures, each building's progress and counts by
 * state, and the parcels nobody has moved for a while (red when past their delivery date);
 * tapping one shows its timeline. Refreshes every 30 seconds while shown, and on pull-down.
 */
export default function StaffDeliveryBoardPage() {
  const pageClass = usePageClass();
  const pageClassLoading = usePageClass('loading');
  const [overview, setOverview] = useState<DeliveryOverview | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [timeline, setTimeline] = useState<number | null>(null);

  const load = async (quiet = false) => {
    try {
      setOverview(await getDeliveryOverview());
      setUpdatedAt(Date.now());
    } catch (error) {
      // The timer's reloads say nothing: the next one may get through.
      if (!quiet) showApiError(error);
    }
  };

  useLiveRefresh(load, REFRESH_MS);

  if (!overview) return <View className={pageClassLoading}>正在加载…</View>;

  const { counts, total } = totals(overview);
  const today = shanghaiToday();
  const figures: { id: string; label: string; value: number; tone: string }[] = [
    { id: 'board-total', label: '总包裹', value: total, tone: '' },
    { id: 'board-delivered', label: '已送达', value: counts.DELIVERED ?? 0, tone: 'done' },
    { id: 'board-moving', label: '配送中', value: sum(counts, MOVING_STATES), tone: 'moving' },
    { id: 'board-ready', label: '待派送', value: counts.READY ?? 0, tone: 'ready' },
    { id: 'board-failed', label: '没送成', value: counts.FAILED ?? 0, tone: 'failed' },
    { id: 'board-on-duty', label: '在岗志愿者', value: overview.volunteersOnDuty, tone: 'duty' },
  ];

  return (
    <View className={pageClass}>
      <View className="db-updated" id="board-updated">
        {updatedAt !== null ? `更新于 ${clock(updatedAt)} · 每 30 秒自动刷新` : ''}
      </View>

      <View className="db-figures" id="board-figures">
        {figures.map((f) => (
          <View key={f.id} id={f.id} className={f.tone ? `db-figure db-figure--${f.tone}` : 'db-figure'}>
            <View className="db-figure__value">{f.value}</View>
            <View className="db-figure__label">{f.label}</View>
          </View>
        ))}
      </View>

      <View className="section-title">各楼栋</View>
      {overview.byBuilding.length === 0 ? (
        <View className="empty" id="board-empty">
          还没有包裹。批次打包后，这里会显示各楼栋的配送进度
        </View>
      ) : null}
      {overview.byBuilding.map((b) => {
        const delivered = b.counts.DELIVERED ?? 0;
        return (
          <View key={b.buildingId} id={`board-building-${b.buildingId}`} className="card">
            <View className="head-row">
              <View className="card-title head-row__title">{b.building}</View>
              <View className="db-share" id={`board-building-${b.buildingId}-share`}>
                {`已送达 ${delivered} / ${b.total}`}
              </View>
            </View>
            <View
              className="db-bar"
              role="progressbar"
              aria-label={`${b.building}已送达`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent(delivered, b.total)}
            >
              {BAR.map((seg) => {
                const n = sum(b.counts, seg.states);
                return n > 0 ? (
                  <View key={seg.tone} className={`db-bar__seg db-bar__seg--${seg.tone}`} style={{ width: `${(n * 100) / b.total}%` }} />
                ) : null;
              })}
            </View>
            <View className="db-counts">
              {PARCEL_STATES.filter((s) => (b.counts[s] ?? 0) > 0).map((s) => (
                <View key={s} id={`board-building-${b.buildingId}-${s}`} className={`db-count pc-state pc-state--${stateTone(s)}`}>
                  {`${PARCEL_STATE_LABELS[s]} ${b.counts[s] ?? 0}`}
                </View>
              ))}
            </View>
          </View>
        );
      })}

      <View className="section-title">超时未动的包裹</View>
      <View className="muted db-late-hint">两小时没有动静，或已过送货日期还没送到的包裹。点一下查看配送经过。</View>
      {overview.late.length === 0 ? (
        <View className="empty" id="board-late-empty">
          没有超时的包裹
        </View>
      ) : null}
      {overview.late.map((p) => {
        const overdue = p.deliveryDate < today;
        return (
          <View
            key={p.id}
            id={`board-late-${p.id}`}
            className={overdue ? 'card db-late db-late--overdue' : 'card db-late'}
            onClick={() => setTimeline(p.id)}
          >
            <View className="head-row">
              <View className="card-title head-row__title">{`${p.building} ${p.unit} ${p.room}`}</View>
              <View className={`pc-state pc-state--${stateTone(p.state)}`}>{PARCEL_STATE_LABELS[p.state]}</View>
            </View>
            <LabelValue label="物资">{p.contents}</LabelValue>
            <LabelValue label="送货日期">
              <View className={overdue ? 'db-overdue' : ''} id={`board-late-${p.id}-date`}>
                {overdue ? `${formatDate(p.deliveryDate)}（已过期）` : formatDate(p.deliveryDate)}
              </View>
            </LabelValue>
            <View className="sw-go">查看配送经过 ›</View>
          </View>
        );
      })}

      <TimelineSheet parcelId={timeline} onClose={() => setTimeline(null)} />
    </View>
  );
}
