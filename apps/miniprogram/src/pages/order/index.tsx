import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { formatFen, ORDER_STATE_LABELS, PAYMENT_MODE_LABELS, type OrderState, type OrderView } from '@linli/shared-types';
import { ApiError, cancelOrder, getOrder, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LabelValue } from '@/components/LabelValue';
import { NoHousehold } from '@/components/NoHousehold';
import { useAction } from '@/hooks/useAction';
import { formatDate, formatTime } from '@/utils/format';
import '../ordering.css';

/** The usual road of an order (ORDER_FLOW's main path); an order that left it ends in its own state. */
function steps(order: OrderView): OrderState[] {
  const start: OrderState[] = order.paymentMode === 'wechat' ? ['PENDING_PAYMENT', 'CONFIRMED', 'PACKED'] : ['CONFIRMED', 'PACKED'];
  if (order.state === 'CANCELLED' || order.state === 'EXPIRED') {
    // The states passed before it ended are not recorded: show the start and the end.
    return [start[0] ?? 'CONFIRMED', order.state];
  }
  return start;
}

/** One order: what was bought, where it goes, how far it got; cancel while still allowed. */
export default function OrderPage() {
  const router = useRouter();
  const id = Number(router.params.id);
  /** Arrived here right after placing the order: say clearly that it worked. */
  const justPlaced = router.params.placed === '1';
  const [order, setOrder] = useState<OrderView | null>(null);
  const [noHousehold, setNoHousehold] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);

  const load = async () => {
    try {
      setOrder(await getOrder(id));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NO_HOUSEHOLD') setNoHousehold(true);
      else showApiError(error);
    }
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh());
  });

  const cancel = useAction(async (orderId: number, key: string) => {
    const result = await cancelOrder(orderId, key);
    setConfirmCancel(false);
    setOrder(result);
    void Taro.showToast({ title: '已取消', icon: 'success' });
    return result;
  });

  if (noHousehold) {
    return (
      <View className="page">
        <NoHousehold />
      </View>
    );
  }
  if (!order) return <View className="page loading">正在加载…</View>;

  const road = steps(order);
  const at = road.indexOf(order.state);
  const ended = order.state === 'CANCELLED' || order.state === 'EXPIRED';

  return (
    <View className="page">
      {justPlaced && !ended ? (
        <View className="status status--ok" id="order-placed">
          <View className="status__title">下单成功</View>
          <View className="text">{`${formatDate(order.deliveryDate)}送到 ${order.address}`}</View>
        </View>
      ) : null}
      <View className="card" id="order-status">
        <View className="muted">订单状态</View>
        <View id="order-state" className={ended ? 'order-state order-state--ended' : 'order-state'}>
          {ORDER_STATE_LABELS[order.state]}
        </View>
        {order.placedBy.proxy ? <View className="proxy-note gap-top">{`代下单：${order.placedBy.nickname}`}</View> : null}
        <View className="gap-top timeline">
          {road.map((state, index) => {
            const cls =
              index === at
                ? 'timeline__step timeline__step--done timeline__step--current'
                : index < at
                  ? 'timeline__step timeline__step--done'
                  : 'timeline__step';
            return (
              <View key={state}>
                {index > 0 ? <View className="timeline__line" /> : null}
                <View className={cls}>
                  <View className="timeline__dot" />
                  <View>{ORDER_STATE_LABELS[state]}</View>
                </View>
              </View>
            );
          })}
        </View>
      </View>

      <View className="card" id="order-detail">
        <View className="card-title">{order.windowTitle}</View>
        {order.lines.map((line) => (
          <View key={line.itemId} className="order-line">
            <View>{`${line.name} × ${line.quantity}`}</View>
            <View>{formatFen(line.amountFen)}</View>
          </View>
        ))}
        <View className="total gap-top">
          <View>合计</View>
          <View id="order-detail-total" className="total__value">
            {formatFen(order.totalFen)}
          </View>
        </View>
        <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[order.paymentMode]}</LabelValue>
        <LabelValue label="送货日期">{formatDate(order.deliveryDate)}</LabelValue>
        <LabelValue label="送货地址">{order.address}</LabelValue>
        {order.note ? <LabelValue label="备注">{order.note}</LabelValue> : null}
        <LabelValue label="下单时间">{formatTime(order.createdAt)}</LabelValue>
      </View>

      {order.actions.includes('CANCELLED') ? (
        <Button id="order-cancel" size="large" block fill="outline" onClick={() => setConfirmCancel(true)}>
          取消订单
        </Button>
      ) : null}

      <View className="gap-top">
        <Button id="to-orders" size="large" block fill="outline" onClick={() => void Taro.redirectTo({ url: '/pages/orders/index' })}>
          查看我的订单
        </Button>
      </View>

      <ConfirmDialog
        visible={confirmCancel}
        title="取消订单"
        confirmText="取消订单"
        cancelText="不取消"
        danger
        busy={cancel.busy}
        onConfirm={() => void cancel.run(order.id)}
        onCancel={() => setConfirmCancel(false)}
      >
        取消后物资会留给其他邻居，确定要取消吗？
      </ConfirmDialog>
    </View>
  );
}
