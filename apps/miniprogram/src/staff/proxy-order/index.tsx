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
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field } from '@/components/Field';
import { OrderBar } from '@/components/OrderBar';
import { ItemCard, stepBasket, basketLines, basketTotal, type Basket } from '@/components/ItemCard';
import { LabelValue } from '@/components/LabelValue';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { formatDate, formatHours } from '@/utils/format';
import '../../pages/ordering.css';
import '../ordering.css';

const DEFAULT_NOTE = '电话代订';
const MATCH_LIMIT = 10;

function contactOf(h: HouseholdView): string {
  return h.contactName || h.contactPhone ? `${h.contactName ?? ''}  ${h.contactPhone ?? ''}`.trim() : '未登记';
}

/**
 * 代居民下单: staff take an order by phone for a household (often an elderly resident without
 * a smartphone). Step 1 finds the household, step 2 picks quantities; the server checks the
 * same stock and limits as for residents.
 */
export default function StaffProxyOrderPage() {
  const router = useRouter();
  const windowId = Number(router.params.windowId);
  const [win, setWin] = useState<WindowView | null>(null);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [draft, setDraft] = useState<{ buildingId?: number; room: string; q: string }>({ room: '', q: '' });
  const [matches, setMatches] = useState<HouseholdView[] | null>(null);
  const [household, setHousehold] = useState<HouseholdView | null>(null);
  const [quantities, setQuantities] = useState<Basket>({});
  const [note, setNote] = useState(DEFAULT_NOTE);
  const [confirming, setConfirming] = useState(false);
  const [serverError, setServerError] = useState('');
  const [placed, setPlaced] = useState<OrderView | null>(null);

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
    setDraft({ room: '', q: '' });
    setQuantities({});
    setNote(DEFAULT_NOTE);
    setServerError('');
    void loadWindow();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  if (!win) return <View className="page loading">正在加载…</View>;

  if (placed) {
    return (
      <View className="page">
        <View className="status status--ok" id="proxy-placed">
          <View className="status__title">下单成功</View>
          <View className="text">{`${formatDate(placed.deliveryDate)}送到 ${placed.address}`}</View>
        </View>
        <View className="card" id="proxy-result">
          {placed.placedBy.proxy ? <View className="proxy-note">{`代下单：${placed.placedBy.nickname}`}</View> : null}
          <View className="card-title">{placed.windowTitle}</View>
          <LabelValue label="送货地址">{placed.address}</LabelValue>
          {placed.lines.map((line) => (
            <View key={line.itemId} className="order-line">
              <View>{`${line.name} × ${line.quantity}`}</View>
              <View>{formatFen(line.amountFen)}</View>
            </View>
          ))}
          <View className="total gap-top">
            <View>合计</View>
            <View id="proxy-total" className="total__value">
              {formatFen(placed.totalFen)}
            </View>
          </View>
          <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[placed.paymentMode]}</LabelValue>
          {placed.note ? <LabelValue label="备注">{placed.note}</LabelValue> : null}
        </View>
        <Button id="proxy-again" type="primary" size="large" block onClick={startOver}>
          为另一户下单
        </Button>
      </View>
    );
  }

  const canOrder = win.phase === 'OPEN';
  const lines = basketLines(win.items, quantities);
  const totalFen = basketTotal(win.items, quantities);

  const change = (item: WindowItemView, delta: number) => {
    setQuantities((prev) => stepBasket(prev, item, delta));
    setServerError('');
  };

  const runSearch = () => {
    setServerError('');
    void search.run({
      buildingId: draft.buildingId,
      room: draft.room.trim() || undefined,
      q: draft.q.trim() || undefined,
    });
  };

  const body: ProxyOrderRequest | null = household
    ? { householdId: household.id, windowId: win.id, lines, ...(note.trim() ? { note: note.trim() } : {}) }
    : null;

  return (
    <View className="page">
      <View className="card">
        <View className="head-row">
          <View className="card-title head-row__title">{win.title}</View>
          <View className="state-badge">{WINDOW_PHASE_LABELS[win.phase]}</View>
        </View>
        <LabelValue label="订购时间">{formatHours(win.opensAt, win.closesAt)}</LabelValue>
        <LabelValue label="送货日期">{formatDate(win.deliveryDate)}</LabelValue>
        <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[win.paymentMode]}</LabelValue>
      </View>

      <View className="card" id="proxy-find">
        <View className="po-step">第一步：找到住户</View>
        <Field label="楼栋">
          <Choices
            idPrefix="proxy-building"
            options={[{ value: 0, label: '全部' }, ...buildings.map((b) => ({ value: b.id, label: b.name }))]}
            selected={[draft.buildingId ?? 0]}
            onToggle={(id) => setDraft({ ...draft, buildingId: id === 0 ? undefined : id })}
          />
        </Field>
        <Field label="房号">
          <TextInput id="proxy-room" value={draft.room} onChange={(room) => setDraft({ ...draft, room })} placeholder="例如 1203" />
        </Field>
        <Field label="或：联系人姓名、电话">
          <TextInput id="proxy-q" value={draft.q} onChange={(q) => setDraft({ ...draft, q })} placeholder="姓名或手机号" />
        </Field>
        <Button id="proxy-search" type="primary" size="large" block loading={search.busy} onClick={runSearch}>
          查找住户
        </Button>

        {matches?.length === 0 ? <View className="empty">没有找到这户，请核对楼栋和房号</View> : null}
        {matches && matches.length > 1 && !household ? (
          <View className="gap-top muted">{`找到 ${matches.length} 户，请点选一户`}</View>
        ) : null}
        {matches && matches.length > 0
          ? matches
              .filter((h) => !household || h.id === household.id)
              .map((h) => (
                <View
                  key={h.id}
                  id={`proxy-household-${h.id}`}
                  className={household?.id === h.id ? 'po-household po-household--chosen gap-top' : 'po-household'}
                  onClick={() => setHousehold(h)}
                >
                  <View className="big-text">{h.address}</View>
                  <LabelValue label="联系人">{contactOf(h)}</LabelValue>
                  <LabelValue label="人数">{`${h.headcount} 人`}</LabelValue>
                  {household?.id === h.id && matches.length > 1 ? (
                    <View
                      className="sw-go"
                      onClick={(e) => {
                        e.stopPropagation();
                        setHousehold(null);
                      }}
                    >
                      换一户 ›
                    </View>
                  ) : null}
                </View>
              ))
          : null}
      </View>

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
            onSubmit={() => setConfirming(true)}
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
        <View className="gap-top">{`合计 ${formatFen(totalFen)}（${PAYMENT_MODE_LABELS[win.paymentMode]}）`}</View>
      </ConfirmDialog>
    </View>
  );
}
