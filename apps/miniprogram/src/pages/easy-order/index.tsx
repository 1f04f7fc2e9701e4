import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  formatDoor,
  formatFen,
  type HouseholdView,
  type PlaceOrderRequest,
  type WindowItemView,
  type WindowView,
} from '@linli/shared-types';
import { ApiError, askSubscribe, errorMessage, getSession, getWindow, listWindows, placeOrder, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { useAction } from '@/hooks/useAction';
import { usePageClass } from '@/hooks/useElderly';
import { useRefresh } from '@/hooks/useRefresh';
import { useSubscribeReady } from '@/hooks/useSubscribeReady';
import { maxFor } from '@/utils/basket';
import { deliveryDay } from '@/utils/format';
import { scrollToTop } from '@/utils/scroll';
import './index.css';

interface Choice {
  win: WindowView;
  item: WindowItemView;
}

/**
 * 订物资, one task per screen (elderly mode's first tile): the open windows' items as big cards
 * with 「订 1 份」, then the order said in words (您订了：蔬菜套餐 1 份，明天送到 1栋1单元101) and one
 * big 「确认下单」. The same POST /orders as the window page; WeChat Pay windows go on to the
 * order page's payment, as there.
 */
export default function EasyOrderPage() {
  useSubscribeReady('order');
  const pageClass = usePageClass('easy-order');
  const [windows, setWindows] = useState<WindowView[] | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [serverError, setServerError] = useState('');
  const [noHousehold, setNoHousehold] = useState(() => !getSession()?.me.household);

  const load = async () => {
    if (!getSession()?.me.household) {
      setNoHousehold(true);
      return;
    }
    try {
      const open = (await listWindows()).filter((w) => w.phase === 'OPEN' && w.mode !== 'fair');
      // The list may leave items out: read each open window whole.
      setWindows(await Promise.all(open.map((w) => (w.items.length > 0 ? w : getWindow(w.id)))));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NO_HOUSEHOLD') setNoHousehold(true);
      else showApiError(error);
    }
  };

  useRefresh(load);
  // Each step starts at its top: the item list, then the order in words.
  useEffect(scrollToTop, [choice, windows === null]);

  const order = useAction(
    async (body: PlaceOrderRequest, key: string) => {
      askSubscribe('order');
      const placed = await placeOrder(body, key);
      await Taro.redirectTo({ url: `/pages/order/index?id=${placed.id}&placed=1` });
      return placed;
    },
    (error) => {
      setServerError(errorMessage(error));
      if (error instanceof ApiError && error.code !== 'NETWORK_ERROR') void load();
      return true;
    },
  );

  if (noHousehold) return <NoHouseholdPage />;
  if (!windows) return <View className={`${pageClass} loading`}>正在加载…</View>;

  const household = getSession()?.me.household ?? null;

  if (choice && household) {
    return (
      <Confirm
        pageClass={pageClass}
        choice={choice}
        household={household}
        busy={order.busy}
        error={serverError}
        onConfirm={() => void order.run({ windowId: choice.win.id, lines: [{ itemId: choice.item.itemId, quantity: 1 }] })}
        onBack={() => {
          setChoice(null);
          setServerError('');
        }}
      />
    );
  }

  const cards = windows.flatMap((win) => win.items.map((item) => ({ win, item })));

  return (
    <View className={pageClass}>
      {cards.length === 0 ? (
        <View className="status status--pending" id="easy-none">
          <View className="status__title">现在没有可以订的物资</View>
          <View className="text">社区开始订购时，会在「消息」里告诉您。也可以打电话问社区工作人员。</View>
        </View>
      ) : (
        <View className="easy-order__hint text">想要哪一样，就点它下面的「订 1 份」</View>
      )}
      {serverError ? (
        <View className="error-text easy-order__error" id="easy-error">
          {serverError}
        </View>
      ) : null}
      {cards.map(({ win, item }) => {
        const left = maxFor(item);
        return (
          <View key={`${win.id}-${item.itemId}`} className="card easy-card" id={`easy-item-${item.itemId}`}>
            <View className="easy-card__name">{item.name}</View>
            {item.contents.length > 0 ? (
              <View className="text">{item.contents.map((c) => `${c.name}${c.quantity}`).join('、')}</View>
            ) : null}
            <View className="easy-card__price">{`${formatFen(item.priceFen)} 一份`}</View>
            <View className="text">{`${deliveryDay(win.deliveryDate)}送到 · ${win.paymentMode === 'wechat' ? '微信付款' : '送到时付款'}`}</View>
            {left > 0 ? (
              <Button
                id={`easy-pick-${item.itemId}`}
                className="easy-card__pick"
                type="primary"
                size="large"
                block
                onClick={() => {
                  setServerError('');
                  setChoice({ win, item });
                }}
              >
                订 1 份
              </Button>
            ) : (
              <View className="easy-card__gone">已经订完了</View>
            )}
          </View>
        );
      })}
      <View className="gap-top">
        <Button id="easy-back" size="large" block fill="outline" onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
      </View>
    </View>
  );
}

/** The order in words, and one big button. */
function Confirm(props: {
  pageClass: string;
  choice: Choice;
  household: HouseholdView;
  busy: boolean;
  error: string;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { win, item } = props.choice;
  const door = formatDoor(props.household.building, props.household.unit, props.household.room);
  const pay =
    win.paymentMode === 'wechat'
      ? `一共 ${formatFen(item.priceFen)}，下单后用微信付款。到时没付，订单会自动取消，页面上会写明付款截止时间`
      : `一共 ${formatFen(item.priceFen)}，送到时付给送货的志愿者`;
  return (
    <View className={props.pageClass}>
      <View className="card easy-confirm" id="easy-confirm-card">
        <View className="easy-confirm__words" id="easy-confirm-words">
          {`您订了：${item.name} 1 份，${deliveryDay(win.deliveryDate)}送到 ${door}`}
        </View>
        <View className="text easy-confirm__pay">{pay}</View>
      </View>
      {props.error ? (
        <View className="error-text easy-order__error" id="easy-error">
          {props.error}
        </View>
      ) : null}
      <Button id="easy-confirm" type="primary" size="large" block loading={props.busy} disabled={props.busy} onClick={props.onConfirm}>
        确认下单
      </Button>
      <View className="gap-top">
        <Button id="easy-cancel" size="large" block fill="outline" disabled={props.busy} onClick={props.onBack}>
          不订了，返回
        </Button>
      </View>
    </View>
  );
}
