import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  ORDER_STATE_LABELS,
  ORDER_STATES,
  WINDOW_PHASE_LABELS,
  type AllocateRequest,
  type AllocationView,
  type WindowStats,
  type WindowStatus,
  type WindowView,
} from '@linli/shared-types';
import {
  allocateWindow,
  downloadPickListsPdf,
  downloadPickListsXlsx,
  downloadWindowOrdersXlsx,
  getAllocation,
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
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { formatDate, formatHours, formatTime } from '@/utils/format';
import { useLiveRefresh } from '@/hooks/useRefresh';
import './index.css';

const REFRESH_MS = 5000;

type Pending = { kind: 'status'; status: WindowStatus } | { kind: 'pack' } | { kind: 'allocate' } | null;

/** 批次情况: live figures of one window, and pausing, resuming, ending and packing it. */
export default function StaffWindowStatsPage() {
  const router = useRouter();
  const id = Number(router.params.id);
  const [win, setWin] = useState<WindowView | null>(null);
  const [stats, setStats] = useState<WindowStats | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [allocation, setAllocation] = useState<AllocationView | null>(null);
  const [seed, setSeed] = useState('');
  const allocationLoaded = useRef(false);

  const load = async (quiet = false) => {
    try {
      const [all, next] = await Promise.all([listStaffWindows(), getWindowStats(id)]);
      const found = all.find((w) => w.id === id) ?? null;
      setWin(found);
      setStats(next);
      // The draw's summary: fetched once after it ran (it never changes).
      if (found?.mode === 'fair' && found.allocatedAt !== null && !allocationLoaded.current) {
        setAllocation(await getAllocation(id));
        allocationLoaded.current = true;
      }
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

  const allocate = useAction(async (body: AllocateRequest, key: string) => {
    const result = await allocateWindow(id, body, key);
    setPending(null);
    allocationLoaded.current = true;
    setAllocation(result);
    void Taro.showToast({ title: `抽签完成，${result.winners} 户中签`, icon: 'none', duration: 3000 });
    await load();
    return result;
  });

  // Downloads change nothing on the server; useAction gives the busy flag and the error toast.
  const pickPdf = useAction(async (windowId: number) => downloadPickListsPdf(windowId));
  const pickXlsx = useAction(async (windowId: number) => downloadPickListsXlsx(windowId));
  const ordersXlsx = useAction(async (windowId: number) => downloadWindowOrdersXlsx(windowId));

  if (!stats) return <View className="page loading">正在加载…</View>;
  const phase = stats.phase;
  const busy = changeStatus.busy || pack.busy || allocate.busy;
  const fair = win?.mode === 'fair';
  const allocated = typeof win?.allocatedAt === 'string';

  const confirmTitle =
    pending?.kind === 'allocate'
      ? '开始抽签'
      : pending?.kind === 'pack'
        ? '全部打包'
        : pending?.status === 'CLOSED'
          ? '结束订购'
          : pending?.status === 'PAUSED'
            ? '暂停订购'
            : '恢复订购';
  const confirmText =
    pending?.kind === 'allocate'
      ? `抽签种子：${seed.trim() || '系统随机生成'}。抽签只能做一次，结果会公开给所有居民，中签的住户自动生成订单。`
      : pending?.kind === 'pack'
        ? '所有已下单的订单都会变成“已打包”，交给配送。'
        : pending?.status === 'CLOSED'
          ? '结束后居民不能再下单，也不能重新开始。'
          : pending?.status === 'PAUSED'
            ? '暂停期间居民不能下单，可以随时恢复。'
            : '恢复后居民可以继续下单。';

  return (
    <View className="page">
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

      {fair ? (
        <View className="card" id="stats-fair">
          <View className="card-title">公平分配（登记后抽签）</View>
          {allocated ? (
            <View>
              <View className="sw-big" id="stats-allocated">
                已抽签
              </View>
              <FigureRow label="抽签时间">{formatTime(win?.allocatedAt)}</FigureRow>
              <View className="text gap-top">抽签种子</View>
              <View className="sw-seed" id="stats-seed">
                {win?.allocationSeed ?? allocation?.seed ?? ''}
              </View>
              {allocation ? (
                <View id="stats-allocation">
                  <FigureRow label="登记户数">{`${allocation.households} 户`}</FigureRow>
                  <FigureRow label="中签户数" id="stats-winners">
                    {`${allocation.winners} 户`}
                  </FigureRow>
                  {allocation.items.map((item) => (
                    <FigureRow key={item.itemId} label={item.name}>
                      {`登记 ${item.requested} / 分出 ${item.allocated} / 共 ${item.stock}`}
                    </FigureRow>
                  ))}
                </View>
              ) : null}
              <View className="gap-top">
                <Button
                  id="stats-allocation-link"
                  size="large"
                  block
                  fill="outline"
                  onClick={() => void Taro.navigateTo({ url: `/pages/allocation/index?id=${id}` })}
                >
                  查看抽签结果
                </Button>
              </View>
            </View>
          ) : (
            <View>
              <View className="text">登记不是订单：登记截止（结束订购）后开始抽签，中签的住户自动生成订单。</View>
              <Field label="抽签种子（可不填）">
                <TextInput
                  id="allocate-seed"
                  value={seed}
                  maxlength={64}
                  placeholder="可留空，系统随机生成；填写后任何人可复核"
                  onChange={setSeed}
                />
              </Field>
              {phase !== 'CLOSED' ? <View className="muted">登记还没结束，先「结束订购」才能抽签</View> : null}
              <View className="gap-top">
                <Button
                  id="allocate-start"
                  type="primary"
                  size="large"
                  block
                  disabled={phase !== 'CLOSED'}
                  loading={allocate.busy}
                  onClick={() => setPending({ kind: 'allocate' })}
                >
                  开始抽签
                </Button>
              </View>
            </View>
          )}
        </View>
      ) : null}

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
          if (pending?.kind === 'allocate') void allocate.run(seed.trim() ? { seed: seed.trim() } : {});
          else if (pending?.kind === 'pack') void pack.run(id);
          else if (pending?.kind === 'status') void changeStatus.run(pending.status);
        }}
        onCancel={() => setPending(null)}
      >
        {confirmText}
      </ConfirmDialog>
    </View>
  );
}
