import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  formatFen,
  PAYMENT_MODE_LABELS,
  WINDOW_PHASE_LABELS,
  type PlaceOrderRequest,
  type WindowItemView,
  type WindowView,
} from '@linli/shared-types';
import { ApiError, askSubscribe, errorMessage, getSession, getWindow, placeOrder, showApiError } from '@/api';
import { LabelValue } from '@/components/LabelValue';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { OrderBar } from '@/components/OrderBar';
import { ItemCard } from '@/components/ItemCard';
import { maxFor, stepBasket, basketLines, basketTotal, type Basket } from '@/utils/basket';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { useAction } from '@/hooks/useAction';
import { FairShare } from '@/components/fair-share/FairShare';
import { phaseLabel } from '@/utils/window';
import { formatDate, formatHours, formatTime } from '@/utils/format';
import { useRefresh } from '@/hooks/useRefresh';
import { useSubscribeReady } from '@/hooks/useSubscribeReady';
import { usePageClass } from '@/hooks/useElderly';

/** One window: pick how many of each item, write a note, and place the order (fair-share windows: register, see FairShare). */
export default function WindowPage() {
  const pageClass = usePageClass();
  useSubscribeReady('order');
  const router = useRouter();
  const id = Number(router.params.id);
  const [win, setWin] = useState<WindowView | null>(null);
  const [quantities, setQuantities] = useState<Basket>({});
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [serverError, setServerError] = useState('');
  const [noHousehold, setNoHousehold] = useState(() => !getSession()?.me.household);

  const load = async () => {
    if (!getSession()?.me.household) {
      setNoHousehold(true);
      return;
    }
    try {
      const next = await getWindow(id);
      setWin(next);
      // Keep the choices, but never above what can still be taken.
      setQuantities((prev) => {
        const kept: Record<number, number> = {};
        for (const item of next.items) {
          const q = Math.min(prev[item.itemId] ?? 0, maxFor(item));
          if (q > 0) kept[item.itemId] = q;
        }
        return kept;
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NO_HOUSEHOLD') setNoHousehold(true);
      else showApiError(error);
    }
  };

  useRefresh(load);

  const order = useAction(
    async (body: PlaceOrderRequest, key: string) => {
      askSubscribe('order');
      const placed = await placeOrder(body, key);
      setConfirming(false);
      await Taro.redirectTo({ url: `/pages/order/index?id=${placed.id}&placed=1` });
      return placed;
    },
    (error) => {
      setConfirming(false);
      setServerError(errorMessage(error));
      // Stock or the window may have changed: show the latest figures.
      if (error instanceof ApiError && error.code !== 'NETWORK_ERROR') void load();
      return true;
    },
  );

  if (noHousehold) return <NoHouseholdPage />;
  if (!win) return <View className={`${pageClass} loading`}>正在加载…</View>;

  const lines = basketLines(win.items, quantities);
  const totalFen = basketTotal(win.items, quantities);
  const canOrder = win.phase === 'OPEN';

  const change = (item: WindowItemView, delta: number) => {
    setQuantities((prev) => stepBasket(prev, item, delta));
    setServerError('');
  };

  const body: PlaceOrderRequest = { windowId: win.id, lines, ...(note.trim() ? { note: note.trim() } : {}) };

  return (
    <View className={pageClass}>
      <View className="card">
        <View className="head-row">
          <View className="card-title head-row__title">{win.title}</View>
          <View className={`phase phase--${win.phase.toLowerCase()}`}>{phaseLabel(win)}</View>
        </View>
        <LabelValue label={win.mode === 'fair' ? '登记时间' : '订购时间'}>{formatHours(win.opensAt, win.closesAt)}</LabelValue>
        <LabelValue label="送货日期">{formatDate(win.deliveryDate)}</LabelValue>
        <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[win.paymentMode]}</LabelValue>
      </View>

      {win.mode === 'fair' ? <FairShare win={win} onChanged={load} /> : null}

      {win.mode === 'fair'
        ? null
        : win.items.map((item) => (
            <ItemCard
              key={item.itemId}
              item={item}
              quantity={quantities[item.itemId] ?? 0}
              canOrder={canOrder}
              onChange={(delta) => change(item, delta)}
            />
          ))}

      {win.mode === 'fair' ? null : canOrder ? (
        <OrderBar
          ids={{ note: 'order-note', total: 'order-total', error: 'order-error', submit: 'order-submit' }}
          noteLabel="备注（可不填）"
          notePlaceholder="例如：放门口，家里有老人行动不便"
          note={note}
          onNote={setNote}
          totalFen={totalFen}
          error={serverError}
          empty={lines.length === 0}
          busy={order.busy}
          submitText="确认下单"
          onSubmit={() => setConfirming(true)}
        />
      ) : (
        <View className="status status--pending">
          <View className="status__title">{WINDOW_PHASE_LABELS[win.phase]}</View>
          <View className="text">{win.phase === 'UPCOMING' ? `还没到订购时间，${formatTime(win.opensAt)} 开始` : '现在不能下单'}</View>
        </View>
      )}

      <ConfirmDialog
        visible={confirming}
        title="确认下单"
        confirmText="下单"
        busy={order.busy}
        onConfirm={() => void order.run(body)}
        onCancel={() => setConfirming(false)}
      >
        {lines.map((line) => {
          const item = win.items.find((i) => i.itemId === line.itemId);
          return <View key={line.itemId}>{`${item?.name ?? ''} × ${line.quantity}`}</View>;
        })}
        <View className="gap-top">{`合计 ${formatFen(totalFen)}（${PAYMENT_MODE_LABELS[win.paymentMode]}）`}</View>
      </ConfirmDialog>
    </View>
  );
}
