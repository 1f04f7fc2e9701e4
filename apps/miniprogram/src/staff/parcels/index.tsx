import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  type BuildingView,
  type Page,
  type ParcelState,
  type ParcelView,
  type ResolveTarget,
  type VolunteerRow,
} from '@linli/shared-types';
import {
  assignParcel,
  cancelParcel,
  downloadParcelLabels,
  downloadVolunteerSheets,
  getBuildings,
  listStaffParcels,
  listVolunteers,
  resolveParcel,
  showApiError,
  type DownloadProgress as Progress,
} from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ReasonDialog } from '@/components/ReasonDialog';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { AssignSheet } from './AssignSheet';
import { DownloadProgress, downloadPercent, type DownloadState } from './DownloadProgress';
import { ParcelCard } from './ParcelCard';
import { MOVING_STATES } from './states';
import { TimelineSheet } from './TimelineSheet';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

type Filter = 'all' | 'ready' | 'moving' | 'failed' | 'delivered' | 'returned';

/** The filter buttons, in this order (ids parcel-filter-0 … -5). */
const FILTERS: { value: Filter; label: string; states: readonly ParcelState[] | null }[] = [
  { value: 'all', label: '全部', states: null },
  { value: 'ready', label: '待派送', states: ['READY'] },
  { value: 'moving', label: '配送中', states: MOVING_STATES },
  { value: 'failed', label: '没送成', states: ['FAILED'] },
  { value: 'delivered', label: '已送达', states: ['DELIVERED'] },
  { value: 'returned', label: '已退回', states: ['RETURNED'] },
];

/** Why a returned parcel is given up (2–200 characters): the household reads it on its order. */
const CANCEL_RULE = { min: 2, max: 200, message: '请写明取消的原因（2 到 200 个字），住户会看到' };

function matches(filter: Filter, parcel: ParcelView): boolean {
  const states = FILTERS.find((f) => f.value === filter)?.states;
  return !states || states.includes(parcel.state);
}

/** Parcels by building (1栋, 2栋 … 10栋), each building's by unit and room. */
function byBuilding(parcels: ParcelView[]): { building: string; parcels: ParcelView[] }[] {
  const groups = new Map<string, ParcelView[]>();
  for (const p of parcels) groups.set(p.building, [...(groups.get(p.building) ?? []), p]);
  const door = (p: ParcelView) => `${p.unit} ${p.room}`;
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN', { numeric: true }))
    .map(([building, list]) => ({
      building,
      parcels: list.sort((a, b) => door(a).localeCompare(door(b), 'zh-CN', { numeric: true }) || a.id - b.id),
    }));
}

function routeBatch(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

type Download = 'labels' | 'sheets';
const DOWNLOAD_TITLES: Record<Download, string> = { labels: '包裹标签', sheets: '志愿者配送单' };

/**
 * 包裹与配送: every parcel (or one batch's, ?batch=window:12) by state and building, who holds
 * each; failed ones sent out again or returned, returned ones delivered again or cancelled with a
 * reason (refunded), parcels not yet picked up handed to another volunteer; and the labels and volunteers' sheets to print, with a progress bar. Tapping a
 * parcel (not its buttons) shows its timeline: every move, when, how and by whom.
 */
export default function StaffParcelsPage() {
  const pageClass = usePageClass();
  const router = useRouter();
  const batch = routeBatch(router.params.batch);
  const [result, setResult] = useState<Page<ParcelView> | null>(null);
  const parcels = result?.items ?? null;
  const [volunteers, setVolunteers] = useState<VolunteerRow[]>([]);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [filter, setFilter] = useState<Filter>('all');
  const [assigning, setAssigning] = useState<ParcelView | null>(null);
  const [returning, setReturning] = useState<ParcelView | null>(null);
  const [cancelling, setCancelling] = useState<ParcelView | null>(null);
  const [download, setDownload] = useState<DownloadState | null>(null);
  const [timeline, setTimeline] = useState<number | null>(null);

  const load = async () => {
    try {
      const [list, rows, all] = await Promise.all([listStaffParcels(batch), listVolunteers(), getBuildings()]);
      setResult(list);
      setVolunteers(rows);
      setBuildings(all);
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(load);

  // The next page of the list, after those shown (a reload starts again from the first).
  const more = useAction(async () => {
    if (!result) return;
    const next = await listStaffParcels(batch, result.page + 1);
    setResult((prev) => (prev ? { ...next, items: [...prev.items, ...next.items] } : next));
  });

  const holder = (p: ParcelView) => {
    if (p.volunteerId === null) return '还没派给志愿者';
    return volunteers.find((v) => v.userId === p.volunteerId)?.nickname ?? `志愿者 ${p.volunteerId}`;
  };

  const resolve = useAction(async ({ id, to }: { id: number; to: ResolveTarget }, key: string) => {
    const result = await resolveParcel(id, to, key);
    setReturning(null);
    void Taro.showToast({ title: to === 'READY' ? '已放回待派送' : '已退回', icon: 'success' });
    await load();
    return result;
  });

  const cancel = useAction(async ({ id, reason }: { id: number; reason: string }, key: string) => {
    const result = await cancelParcel(id, reason, key);
    setCancelling(null);
    void Taro.showToast({ title: '已取消并退款', icon: 'success' });
    await load();
    return result;
  });

  const assign = useAction(async ({ id, volunteerId }: { id: number; volunteerId: number | null }, key: string) => {
    const result = await assignParcel(id, { volunteerId }, key);
    setAssigning(null);
    const name = volunteers.find((v) => v.userId === volunteerId)?.nickname;
    void Taro.showToast({ title: volunteerId === null ? '已放回待派送' : `已派给${name ?? '志愿者'}`, icon: 'none', duration: 2500 });
    await load();
    return result;
  });

  // A download changes nothing on the server; useAction gives the busy flag (one at a time) and the error toast.
  const print = useAction(async (which: Download) => {
    const title = DOWNLOAD_TITLES[which];
    setDownload({ title, loaded: 0, total: null, done: false });
    const onProgress = ({ loaded, total }: Progress) =>
      setDownload((prev) => {
        if (!prev || prev.title !== title || prev.done) return prev;
        const next = { ...prev, loaded, total };
        // Re-render when the shown figures change, not for every chunk.
        const same = downloadPercent(prev) === downloadPercent(next) && Math.round(prev.loaded / 102400) === Math.round(loaded / 102400);
        return same ? prev : next;
      });
    try {
      await (which === 'labels' ? downloadParcelLabels : downloadVolunteerSheets)(batch, onProgress);
    } catch (error) {
      setDownload(null);
      throw error;
    }
    setDownload((prev) => (prev && prev.title === title ? { ...prev, done: true } : prev));
  });

  const counts = (f: Filter) => (parcels ?? []).filter((p) => matches(f, p)).length;
  const shown = (parcels ?? []).filter((p) => matches(filter, p));
  const busy = resolve.busy || assign.busy || cancel.busy;
  const hasMore = result !== null && result.items.length < result.total;
  const buildingOf = (p: ParcelView | null) => (p ? (buildings.find((b) => b.name === p.building)?.id ?? null) : null);

  return (
    <View className={pageClass}>
      {batch ? (
        <View className="status status--ok" id="parcel-batch">
          <View className="text">只显示这一批订购的包裹，打印的标签和配送单也只有这一批。</View>
        </View>
      ) : null}
      <View className="card" id="parcel-downloads">
        <View className="card-title">打印</View>
        <View className="button-stack gap-top">
          <Button
            id="download-labels"
            type="primary"
            size="large"
            block
            loading={print.busy && download?.title === DOWNLOAD_TITLES.labels}
            disabled={print.busy}
            onClick={() => void print.run('labels')}
          >
            打印包裹标签
          </Button>
          <Button
            id="download-sheets"
            size="large"
            block
            loading={print.busy && download?.title === DOWNLOAD_TITLES.sheets}
            disabled={print.busy}
            onClick={() => void print.run('sheets')}
          >
            打印志愿者配送单
          </Button>
        </View>
        {download ? <DownloadProgress state={download} /> : null}
      </View>

      <View className="pc-filter">
        <Choices
          idPrefix="parcel-filter"
          columns={3}
          options={FILTERS.map((f) => ({ value: f.value, label: parcels === null ? f.label : `${f.label} ${counts(f.value)}` }))}
          selected={[filter]}
          onToggle={setFilter}
        />
      </View>

      {parcels === null ? <View className="loading">正在加载…</View> : null}
      {parcels !== null && shown.length === 0 ? (
        <View className="empty" id="parcels-empty">
          {parcels.length === 0 ? '还没有包裹。批次打包后，包裹会出现在这里' : '没有这类包裹'}
        </View>
      ) : null}

      {byBuilding(shown).map((group) => (
        <View key={group.building} className="pc-group">
          <View className="pc-building">{`${group.building}（${group.parcels.length} 件）`}</View>
          {group.parcels.map((p) => (
            <ParcelCard
              key={p.id}
              parcel={p}
              holder={holder(p)}
              busy={busy}
              onRetry={() => void resolve.run({ id: p.id, to: 'READY' })}
              onReturn={() => setReturning(p)}
              onCancel={() => setCancelling(p)}
              onAssign={() => setAssigning(p)}
              onTimeline={() => setTimeline(p.id)}
            />
          ))}
        </View>
      ))}

      {hasMore ? (
        <View className="gap-top">
          <View className="muted" id="parcels-shown">{`已显示 ${result.items.length} 件，共 ${result.total} 件`}</View>
          <Button id="parcels-more" size="large" block loading={more.busy} disabled={more.busy} onClick={() => void more.run(undefined)}>
            加载更多
          </Button>
        </View>
      ) : null}

      <AssignSheet
        parcel={assigning}
        volunteers={volunteers}
        buildingId={buildingOf(assigning)}
        busy={assign.busy}
        onAssign={(volunteerId) => {
          if (assigning) void assign.run({ id: assigning.id, volunteerId });
        }}
        onClose={() => setAssigning(null)}
      />

      <TimelineSheet parcelId={timeline} onClose={() => setTimeline(null)} />

      <ConfirmDialog
        visible={returning !== null}
        title="退回包裹"
        confirmText="退回"
        danger
        busy={resolve.busy}
        onConfirm={() => {
          if (returning) void resolve.run({ id: returning.id, to: 'RETURNED' });
        }}
        onCancel={() => setReturning(null)}
      >
        {returning
          ? `${returning.building} ${returning.unit} ${returning.room} 的包裹退回到物资点。之后可以重新配送，或取消并给住户退款。`
          : ''}
      </ConfirmDialog>

      <ReasonDialog
        visible={cancelling !== null}
        resetKey={cancelling?.id ?? null}
        title="取消并退款"
        confirmText="取消并退款"
        cancelText="不取消"
        subject={
          cancelling
            ? `${cancelling.building} ${cancelling.unit} ${cancelling.room} 的包裹不再配送：里面的订单或药品取消，库存放回，已付的钱退给住户。请写明原因，住户会看到。`
            : ''
        }
        placeholder="例如：多次上门无人应答，联系不上住户"
        rule={CANCEL_RULE}
        inputId="parcel-cancel-reason"
        errorId="parcel-cancel-error"
        busy={cancel.busy}
        onConfirm={(reason) => cancelling && void cancel.run({ id: cancelling.id, reason })}
        onCancel={() => setCancelling(null)}
      />
    </View>
  );
}
