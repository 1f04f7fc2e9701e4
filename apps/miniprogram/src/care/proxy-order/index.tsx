import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  formatFen,
  PAYMENT_MODE_LABELS,
  type OrderView,
  type ProxyHousehold,
  type ProxyOrderRequest,
  type WindowItemView,
  type WindowView,
} from '@linli/shared-types';
import { ApiError, errorMessage, listProxyHouseholds, listWindowsFor, placeProxyOrder, showApiError } from '@/api';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ItemCard } from '@/components/ItemCard';
import { LabelValue } from '@/components/LabelValue';
import { OrderBar } from '@/components/OrderBar';
import { PaymentChoice, PROXY_PAYMENT_LABELS, type ProxyPayment } from '@/components/PaymentChoice';
import { PlacedOrder } from '@/components/PlacedOrder';
import { FairShare } from '@/components/fair-share/FairShare';
import { useAction } from '@/hooks/useAction';
import { usePageClass } from '@/hooks/useElderly';
import { useRefresh } from '@/hooks/useRefresh';
import { basketLines, basketTotal, maxFor, stepBasket, type Basket } from '@/utils/basket';
import { formatDate, formatHours } from '@/utils/format';
import { proxySummary } from '@/utils/proxy';
import { phaseLabel } from '@/utils/window';
import { WindowChoice } from './WindowChoice';
import './proxy-order.css';

/**
 * 代下单: a 家属 or the household's grid worker orders for a household they act for — the same
 * windows, stock and limits the household itself sees (and what it may still order). Pick a
 * window, the quantities, confirm, and read back 「您为 1栋1单元101 订了：…」. A fair-share window
 * takes a registration instead (代登记: the resident's FairShare, for this household).
 */
export default function ProxyOrderPage() {
  const pageClass = usePageClass();
  const householdId = Number(useRouter().params.householdId);
  const [household, setHousehold] = useState<ProxyHousehold | null>(null);
  const [windows, setWindows] = useState<WindowView[] | null>(null);
  const [windowId, setWindowId] = useState<number | null>(null);
  const [quantities, setQuantities] = useState<Basket>({});
  const [note, setNote] = useState('');
  const [payment, setPayment] = useState<ProxyPayment | null>(null);
  const [paymentError, setPaymentError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [serverError, setServerError] = useState('');
  const [placed, setPlaced] = useState<OrderView | null>(null);

  const load = async (): Promise<void> => {
    try {
      const [mine, list] = await Promise.all([listProxyHouseholds(), listWindowsFor(householdId)]);
      setHousehold(mine.find((h) => h.householdId === householdId) ?? null);
      setWindows(list);
      // Keep the choices, but never above what the household can still take.
      setQuantities((prev) => {
        const kept: Basket = {};
        for (const item of list.flatMap((w) => w.items)) {
          const q = Math.min(prev[item.itemId] ?? 0, maxFor(item));
          if (q > 0) kept[item.itemId] = q;
        }
        return kept;
      });
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const order = useAction(
    async (body: ProxyOrderRequest, key: string) => {
      const result = await placeProxyOrder(body, key);
      setConfirming(false);
      setPlaced(result);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return result;
    },
    (error) => {
      setConfirming(false);
      setServerError(errorMessage(error));
      if (error instanceof ApiError && error.code !== 'NETWORK_ERROR') void load();
      return true;
    },
  );

  const choose = (id: number | null): void => {
    setWindowId(id);
    setQuantities({});
    setPayment(null);
    setPaymentError('');
    setServerError('');
  };

  const again = (): void => {
    setPlaced(null);
    setNote('');
    choose(null);
    void load();
  };

  if (!windows) return <View className={`${pageClass} loading`}>正在加载…</View>;
  const door = household?.door ?? '';

  if (placed) return <PlacedOrder placed={placed} onChanged={setPlaced} onAgain={again} againText="再订一单" />;

  const win = windows.find((w) => w.id === windowId) ?? null;
  if (!win) {
    return (
      <View className={pageClass}>
        <View className="card" id="proxy-household">
          <View className="card-title">{`为 ${door} 代下单`}</View>
          {household ? (
            <View className="text">{`我是这户的${household.asLabel}。下的单、登记都会记下是您代办的，这户人家也会收到消息。`}</View>
          ) : null}
        </View>
        <View className="section-title">第一步：选择批次</View>
        <WindowChoice windows={windows} onChoose={choose} />
      </View>
    );
  }

  const canOrder = win.phase === 'OPEN';
  const mustChoose = win.paymentMode === 'wechat';
  const paymentText = mustChoose && payment ? PROXY_PAYMENT_LABELS[payment] : PAYMENT_MODE_LABELS[win.paymentMode];
  const lines = basketLines(win.items, quantities);
  const totalFen = basketTotal(win.items, quantities);
  const named = lines.map((l) => ({ name: win.items.find((i) => i.itemId === l.itemId)?.name ?? '', quantity: l.quantity }));

  const change = (item: WindowItemView, delta: number): void => {
    setQuantities((prev) => stepBasket(prev, item, delta));
    setServerError('');
  };

  const confirm = (): void => {
    if (mustChoose && !payment) {
      setPaymentError('请先选择付款方式');
      return;
    }
    setConfirming(true);
  };

  const body: ProxyOrderRequest = {
    householdId,
    windowId: win.id,
    lines,
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(mustChoose && payment ? { paymentMode: payment } : {}),
  };

  return (
    <View className={pageClass}>
      <View className="card" id="proxy-window">
        <View className="head-row">
          <View className="card-title head-row__title">{win.title}</View>
          <View className={`phase phase--${win.phase.toLowerCase()}`}>{phaseLabel(win)}</View>
        </View>
        <LabelValue label="为">{door}</LabelValue>
        <LabelValue label={win.mode === 'fair' ? '登记时间' : '订购时间'}>{formatHours(win.opensAt, win.closesAt)}</LabelValue>
        <LabelValue label="送货日期">{formatDate(win.deliveryDate)}</LabelValue>
        <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[win.paymentMode]}</LabelValue>
        <View className="po-back" id="proxy-other-window" onClick={() => choose(null)}>
          换一个批次
        </View>
      </View>

      {win.mode === 'fair' ? (
        <FairShare win={win} onChanged={load} forHousehold={{ householdId, door }} />
      ) : (
        <View id="proxy-items">
          <View className="section-title">{`第二步：为 ${door} 选择数量`}</View>
          {win.items.map((item) => (
            <ItemCard
              key={item.itemId}
              item={item}
              quantity={quantities[item.itemId] ?? 0}
              canOrder={canOrder}
              onChange={(delta) => change(item, delta)}
            />
          ))}
          {canOrder && mustChoose ? (
            <PaymentChoice
              value={payment}
              error={paymentError}
              onChange={(next) => {
                setPayment(next);
                setPaymentError('');
                setServerError('');
              }}
            />
          ) : null}
          {canOrder ? (
            <OrderBar
              ids={{ note: 'proxy-note', total: 'proxy-order-total', error: 'proxy-error', submit: 'proxy-submit' }}
              noteLabel="备注（可不填）"
              notePlaceholder="例如：老人耳背，请多敲门"
              note={note}
              onNote={setNote}
              totalFen={totalFen}
              error={serverError}
              empty={lines.length === 0}
              busy={order.busy}
              submitText="确认代下单"
              onSubmit={confirm}
            />
          ) : (
            <View className="status status--pending">
              <View className="status__title">{phaseLabel(win)}</View>
              <View className="text">这个批次现在不能下单</View>
            </View>
          )}
        </View>
      )}

      <ConfirmDialog
        visible={confirming}
        title="确认代下单"
        confirmText="下单"
        busy={order.busy}
        onConfirm={() => void order.run(body)}
        onCancel={() => setConfirming(false)}
      >
        <View>{proxySummary(door, '订了', named)}</View>
        <View className="gap-top">{`合计 ${formatFen(totalFen)}（${paymentText}）`}</View>
      </ConfirmDialog>
    </View>
  );
}
