import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  PARCEL_STATE_LABELS,
  PARCEL_STATES,
  type BuildingView,
  type DeliveryOverview,
  type LateParcelView,
  type ParcelState,
  type VolunteerRow,
} from '@linli/shared-types';
import { assignParcel, getBuildings, getDeliveryOverview, listVolunteers, showApiError } from '@/api';
import { useAction } from '@/hooks/useAction';
import { useLiveRefresh } from '@/hooks/useRefresh';
import { AssignSheet } from '../parcels/AssignSheet';
import { MOVING_STATES, stateTone } from '../parcels/states';
import { TimelineSheet } from '../parcels/TimelineSheet';
import { LateCard } from './LateCard';
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
 * state, and the parcels nobody has moved for a while (red when past their delivery date, red
 * with 「两次无人接单」 and 「指派志愿者」 when volunteers let it go twice); tapping one shows its
 * timeline. Refreshes every 30 seconds while shown, and on pull-down.
 */
export default function StaffDeliveryBoardPage() {
  const pageClass = usePageClass();
  const pageClassLoading = usePageClass('loading');
  const [overview, setOverview] = useState<DeliveryOverview | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [timeline, setTimeline] = useState<number | null>(null);
  const [assigning, setAssigning] = useState<LateParcelView | null>(null);
  const [people, setPeople] = useState<{ volunteers: VolunteerRow[]; buildings: BuildingView[] } | null>(null);

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

  // 指派志愿者 on a parcel let go twice: the community's volunteers, read when first needed.
  const openAssign = useAction(async (p: LateParcelView) => {
    if (!people) {
      const [volunteers, buildings] = await Promise.all([listVolunteers(), getBuildings()]);
      setPeople({ volunteers, buildings });
    }
    setAssigning(p);
  });
  const assign = useAction(async ({ id, volunteerId }: { id: number; volunteerId: number }, key: string) => {
    const result = await assignParcel(id, { volunteerId }, key);
    setAssigning(null);
    const name = people?.volunteers.find((v) => v.userId === volunteerId)?.nickname;
    void Taro.showToast({ title: `已派给${name ?? '志愿者'}`, icon: 'none', duration: 2500 });
    await load();
    return result;
  });

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
      <View className="muted db-late-hint">两次无人接单、两小时没有动静，或已过送货日期还没送到的包裹。点一下查看配送经过。</View>
      {overview.late.length === 0 ? (
        <View className="empty" id="board-late-empty">
          没有超时的包裹
        </View>
      ) : null}
      {overview.late.map((p) => (
        <LateCard
          key={p.id}
          parcel={p}
          overdue={p.deliveryDate < today}
          busy={openAssign.busy || assign.busy}
          onAssign={() => void openAssign.run(p)}
          onTimeline={() => setTimeline(p.id)}
        />
      ))}

      <AssignSheet
        parcel={assigning ? { ...assigning, volunteerId: null } : null}
        volunteers={people?.volunteers ?? []}
        buildingId={assigning ? (people?.buildings.find((b) => b.name === assigning.building)?.id ?? null) : null}
        busy={assign.busy}
        missedBy={assigning?.missedBy.map((m) => m.volunteerId)}
        onAssign={(volunteerId) => {
          if (assigning && volunteerId !== null) void assign.run({ id: assigning.id, volunteerId });
        }}
        onClose={() => setAssigning(null)}
      />

      <TimelineSheet parcelId={timeline} onClose={() => setTimeline(null)} />
    </View>
  );
}
