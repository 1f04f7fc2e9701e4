import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  ORDER_STATE_LABELS,
  ORDER_STATES,
  WINDOW_PHASE_LABELS,
  type WindowStats,
  type WindowStatus,
  type WindowView,
} from '@linli/shared-types';
import {
  downloadPickListsPdf,
  downloadPickListsXlsx,
  downloadWindowOrdersXlsx,
  getWindowStats,
  listStaffWindows,
  packWindow,
  setWindowStatus,
  showApiError,
} from '@/api';
import { Button } from '@/components/nutui';
import { FigureRow } from '@/components/FigureRow';
import { LabelValue } from '@/components/LabelValue';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useAction } from '@/hooks/useAction';
import { formatDate, formatHours } from '@/utils/format';
import { useLiveRefresh } from '@/hooks/useRefresh';
import { FairShareCard } from './FairShareCard';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const REFRESH_MS = 5000;

type Pending = { kind: 'status'; status: WindowStatus } | { kind: 'pack' } | null;

/** 批次情况: live figures of one window, and pausing, resuming, ending and packing it; fair share: FairShareCard. */
/**
 * Whether staff may still change the window: not drawn, not past its closing time, and not
 * closed by staff (a window closed only because it is full can be given a higher cap).
 */
function editable(w: WindowView): boolean {
  if (w.allocatedAt !== null || Date.parse(w.closesAt) <= Date.now()) return false;
  return w.phase !== 'CLOSED' || (w.maxOrders !== null && w.orderCount >= w.maxOrders);
}

export default function StaffWindowStatsPage() {
  const pageClass = usePageClass();
  const pageClassLoading = usePageClass('loading');
  const router = useRouter();
  const id = Number(router.params.id);
  const [win, setWin] = useState<WindowView | null>(null);
  const [stats, setStats] = useState<WindowStats | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  const load = async (quiet = false) => {
    try {
      const [all, next] = await Promise.all([listStaffWindows(), getWindowStats(id)]);
      const found = all.find((w) => w.id === id) ?? null;
      setWin(found);
      setStats(next);
    } catch (error) {
      if (!quiet) showApiError(error);
    }
  };

  useLiveRefresh(load, REFRESH_MS);

  const changeStatus = useAction(async (status: WindowStatus, key: string) => {
    const result = await setWindowStatus(id, status, key);
    setPending(null);
    void Taro.showToast({ title: '已更新', icon: 'success' });
    await load();
    return result;
  });

  const pack = useAction(async (windowId: number, key: string) => {
    const result = await packWindow(windowId, key);
    setPending(null);
    void Taro.showToast({ title: `已打包 ${result.packed} 单，可以去「志愿者与派单」派单`, icon: 'none', duration: 3500 });
    await load();
    return result;
  });

  // Downloads change nothing on the server; useAction gives the busy flag and the error toast.
  const pickPdf = useAction(async (windowId: number) => downloadPickListsPdf(windowId));
  const pickXlsx = useAction(async (windowId: number) => downloadPickListsXlsx(windowId));
  const ordersXlsx = useAction(async (windowId: number) => downloadWindowOrdersXlsx(windowId));

  if (!stats) return <View className={pageClassLoading}>正在加载…</View>;
  const phase = stats.phase;
  const busy = changeStatus.busy || pack.busy;

  const confirmTitle =
    pending?.kind === 'pack'
      ? '全部打包'
      : pending?.status === 'CLOSED'
        ? '结束订购'
        : pending?.status === 'PAUSED'
          ? '暂停订购'
          : '恢复订购';
  const confirmText =
    pending?.kind === 'pack'
      ? '所有已下单的订单都会变成“已打包”，交给配送。'
      : pending?.status === 'CLOSED'
        ? '结束后居民不能再下单，也不能重新开始。'
        : pending?.status === 'PAUSED'
          ? '暂停期间居民不能下单，可以随时恢复。'
          : '恢复后居民可以继续下单。';

  return (
    <View className={pageClass}>
      <View className="card" id="stats-summary">
        <View className="head-row">
          <View className="card-title head-row__title">{win?.title ?? '订购批次'}</View>
          <View className="state-badge" id="stats-phase">
            {WINDOW_PHASE_LABELS[phase]}
          </View>
        </View>
        {win ? <LabelValue label="订购时间">{formatHours(win.opensAt, win.closesAt)}</LabelValue> : null}
        {win ? <LabelValue label="送货日期">{formatDate(win.deliveryDate)}</LabelValue> : null}
        <View className="gap-top muted">有效订单</View>
        <View className="sw-big" id="stats-active">{`${stats.activeOrders} 单`}</View>
        <View className="muted">每 5 秒自动刷新</View>
      </View>

      {win?.mode === 'fair' ? <FairShareCard win={win} phase={phase} onChanged={() => load()} /> : null}

      <View className="card" id="stats-items">
        <View className="card-title">库存</View>
        {stats.items.map((item) => (
          <FigureRow key={item.itemId} label={item.name}>
            {`已订 ${item.sold} / 剩 ${item.stock}`}
          </FigureRow>
        ))}
      </View>

      <View className="card" id="stats-states">
        <View className="card-title">订单状态</View>
        {ORDER_STATES.map((state) => (
          <FigureRow key={state} label={ORDER_STATE_LABELS[state]}>
            {`${stats.orders[state] ?? 0} 单`}
          </FigureRow>
        ))}
      </View>

      <View className="card" id="stats-buildings">
        <View className="card-title">各楼栋</View>
        {stats.perBuilding.length === 0 ? <View className="muted">还没有订单</View> : null}
        {stats.perBuilding.map((b) => (
          <FigureRow key={b.building} label={b.building}>
            {`${b.orders} 单`}
          </FigureRow>
        ))}
      </View>

      <View className="card" id="stats-downloads">
        <View className="card-title">打印与导出</View>
        <View className="button-stack">
          <Button id="download-pick-pdf" type="primary" size="large" block loading={pickPdf.busy} onClick={() => void pickPdf.run(id)}>
            打印拣货单（PDF）
          </Button>
          <Button id="download-pick-xlsx" size="large" block loading={pickXlsx.busy} onClick={() => void pickXlsx.run(id)}>
            拣货单 Excel
          </Button>
          <Button id="download-orders-xlsx" size="large" block loading={ordersXlsx.busy} onClick={() => void ordersXlsx.run(id)}>
            订单 Excel
          </Button>
        </View>
      </View>

      <View className="button-stack">
        {win && editable(win) ? (
          <Button
            id="window-edit-open"
            type="primary"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: `/staff/window-edit/index?id=${id}` })}
          >
            修改批次（库存、时间、上限、楼栋）
          </Button>
        ) : null}
        {phase === 'OPEN' || phase === 'UPCOMING' ? (
          <Button id="window-pause" size="large" block fill="outline" onClick={() => setPending({ kind: 'status', status: 'PAUSED' })}>
            暂停订购
          </Button>
        ) : null}
        {phase === 'PAUSED' ? (
          <Button id="window-resume" type="primary" size="large" block onClick={() => setPending({ kind: 'status', status: 'ACTIVE' })}>
            恢复订购
          </Button>
        ) : null}
        {phase !== 'CLOSED' ? (
          <Button id="window-close" type="danger" size="large" block onClick={() => setPending({ kind: 'status', status: 'CLOSED' })}>
            结束订购
          </Button>
        ) : null}
        <Button id="window-pack" type="primary" size="large" block onClick={() => setPending({ kind: 'pack' })}>
          全部打包
        </Button>
        {(stats.orders.PACKED ?? 0) > 0 || (stats.orders.DELIVERED ?? 0) > 0 ? (
          <Button
            id="stats-volunteers"
            size="large"
            block
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: '/staff/volunteers/index' })}
          >
            志愿者与派单
          </Button>
        ) : null}
        {(stats.orders.PACKED ?? 0) > 0 || (stats.orders.DELIVERED ?? 0) > 0 ? (
          <Button
            id="stats-parcels"
            size="large"
            block
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: `/staff/parcels/index?batch=${encodeURIComponent(`window:${id}`)}` })}
          >
            本批包裹与标签
          </Button>
        ) : null}
      </View>

      <ConfirmDialog
        visible={pending !== null}
        title={confirmTitle}
        confirmText="确定"
        danger={pending?.kind === 'status' && pending.status === 'CLOSED'}
        busy={busy}
        onConfirm={() => {
          if (pending?.kind === 'pack') void pack.run(id);
          else if (pending?.kind === 'status') void changeStatus.run(pending.status);
        }}
        onCancel={() => setPending(null)}
      >
        {confirmText}
      </ConfirmDialog>
    </View>
  );
}
