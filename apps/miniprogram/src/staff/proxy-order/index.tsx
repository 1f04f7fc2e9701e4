import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  formatFen,
  PAYMENT_MODE_LABELS,
  WINDOW_PHASE_LABELS,
  type BuildingView,
  type HouseholdView,
  type OrderView,
  type ProxyOrderRequest,
  type WindowItemView,
  type WindowView,
} from '@linli/shared-types';
import { ApiError, errorMessage, getBuildings, listHouseholds, listStaffWindows, placeProxyOrder, showApiError } from '@/api';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { OrderBar } from '@/components/OrderBar';
import { ItemCard } from '@/components/ItemCard';
import { stepBasket, basketLines, basketTotal, type Basket } from '@/utils/basket';
import { LabelValue } from '@/components/LabelValue';
import { useAction } from '@/hooks/useAction';
import { formatDate, formatHours } from '@/utils/format';
import { EMPTY_DRAFT, householdQuery, type HouseholdDraft } from '../household-search';
import { FindHousehold } from './FindHousehold';
import { PaymentChoice, PROXY_PAYMENT_LABELS, type ProxyPayment } from '@/components/PaymentChoice';
import { PlacedOrder } from '@/components/PlacedOrder';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const DEFAULT_NOTE = '电话代订';
const MATCH_LIMIT = 10;

/**
 * 代居民下单: staff take an order by phone for a household (often an elderly resident without
 * a smartphone). Step 1 finds the household, step 2 picks quantities — and in a WeChat Pay window
 * how it pays (cash at the door, or the worker's own WeChat, paid right after placing); the server
 * checks the same stock and limits as for residents.
 */
export default function StaffProxyOrderPage() {
  const pageClass = usePageClass();
  const pageClassLoading = usePageClass('loading');
  const router = useRouter();
  const windowId = Number(router.params.windowId);
  const [win, setWin] = useState<WindowView | null>(null);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [draft, setDraft] = useState<HouseholdDraft>(EMPTY_DRAFT);
  const [matches, setMatches] = useState<HouseholdView[] | null>(null);
  const [household, setHousehold] = useState<HouseholdView | null>(null);
  const [quantities, setQuantities] = useState<Basket>({});
  const [note, setNote] = useState(DEFAULT_NOTE);
  const [confirming, setConfirming] = useState(false);
  const [serverError, setServerError] = useState('');
  const [placed, setPlaced] = useState<OrderView | null>(null);
  /** WeChat Pay windows: how this household pays (staff must choose). */
  const [payment, setPayment] = useState<ProxyPayment | null>(null);
  const [paymentError, setPaymentError] = useState('');

  const loadWindow = async () => {
    try {
      const all = await listStaffWindows();
      setWin(all.find((w) => w.id === windowId) ?? null);
    } catch (error) {
      showApiError(error);
    }
  };

  useEffect(() => {
    void loadWindow();
    getBuildings().then(setBuildings).catch(showApiError);
  }, []);

  const search = useAction(async (query: { buildingId?: number; room?: string; q?: string }) => {
    const page = await listHouseholds({ ...query, page: 1, pageSize: MATCH_LIMIT });
    setMatches(page.items);
    setHousehold(page.items.length === 1 ? (page.items[0] ?? null) : null);
    return page;
  });

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
      if (error instanceof ApiError && error.code !== 'NETWORK_ERROR') void loadWindow();
      return true;
    },
  );

  const startOver = () => {
    setPlaced(null);
    setHousehold(null);
    setMatches(null);
    setDraft(EMPTY_DRAFT);
    setQuantities({});
    setNote(DEFAULT_NOTE);
    setServerError('');
    setPayment(null);
    setPaymentError('');
    void loadWindow();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  if (!win) return <View className={pageClassLoading}>正在加载…</View>;

  if (placed) return <PlacedOrder placed={placed} onChanged={setPlaced} onAgain={startOver} againText="为另一户下单" />;

  const canOrder = win.phase === 'OPEN';
  /** The household has no phone to pay with: in a WeChat Pay window staff choose how it pays. */
  const mustChoose = win.paymentMode === 'wechat';
  const paymentText = mustChoose && payment ? PROXY_PAYMENT_LABELS[payment] : PAYMENT_MODE_LABELS[win.paymentMode];
  const lines = basketLines(win.items, quantities);
  const totalFen = basketTotal(win.items, quantities);

  const change = (item: WindowItemView, delta: number) => {
    setQuantities((prev) => stepBasket(prev, item, delta));
    setServerError('');
  };

  const runSearch = () => {
    setServerError('');
    void search.run(householdQuery(draft));
  };

  const body: ProxyOrderRequest | null = household
    ? {
        householdId: household.id,
        windowId: win.id,
        lines,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(mustChoose && payment ? { paymentMode: payment } : {}),
      }
    : null;

  const confirm = () => {
    if (mustChoose && !payment) {
      setPaymentError('请先选择付款方式');
      return;
    }
    setConfirming(true);
  };

  return (
    <View className={pageClass}>
      <View className="card">
        <View className="head-row">
          <View className="card-title head-row__title">{win.title}</View>
          <View className="state-badge">{WINDOW_PHASE_LABELS[win.phase]}</View>
        </View>
        <LabelValue label="订购时间">{formatHours(win.opensAt, win.closesAt)}</LabelValue>
        <LabelValue label="送货日期">{formatDate(win.deliveryDate)}</LabelValue>
        <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[win.paymentMode]}</LabelValue>
      </View>

      <FindHousehold
        buildings={buildings}
        draft={draft}
        onDraft={setDraft}
        busy={search.busy}
        onSearch={runSearch}
        matches={matches}
        household={household}
        onChoose={setHousehold}
      />

      {household && canOrder ? (
        <View id="proxy-items">
          <View className="section-title">{`第二步：为 ${household.address} 选择数量`}</View>
          {win.items.map((item) => (
            <ItemCard
              key={item.itemId}
              item={item}
              quantity={quantities[item.itemId] ?? 0}
              canOrder={canOrder}
              onChange={(delta) => change(item, delta)}
            />
          ))}
          {mustChoose ? (
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
          <OrderBar
            ids={{ note: 'proxy-note', total: 'proxy-order-total', error: 'proxy-error', submit: 'proxy-submit' }}
            noteLabel="备注"
            note={note}
            onNote={setNote}
            totalFen={totalFen}
            error={serverError}
            empty={lines.length === 0}
            busy={order.busy}
            submitText="确认代下单"
            onSubmit={confirm}
          />
        </View>
      ) : null}

      {!canOrder ? (
        <View className="status status--pending">
          <View className="status__title">{WINDOW_PHASE_LABELS[win.phase]}</View>
          <View className="text">这个批次现在不能下单</View>
        </View>
      ) : null}

      <ConfirmDialog
        visible={confirming}
        title="确认代下单"
        confirmText="下单"
        busy={order.busy}
        onConfirm={() => {
          if (body) void order.run(body);
        }}
        onCancel={() => setConfirming(false)}
      >
        <View>{household?.address ?? ''}</View>
        {lines.map((line) => {
          const item = win.items.find((i) => i.itemId === line.itemId);
          return <View key={line.itemId}>{`${item?.name ?? ''} × ${line.quantity}`}</View>;
        })}
        <View className="gap-top">{`合计 ${formatFen(totalFen)}（${paymentText}）`}</View>
      </ConfirmDialog>
    </View>
  );
}
