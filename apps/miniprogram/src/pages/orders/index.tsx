import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { formatFen, ORDER_STATE_LABELS, type OrderView } from '@linli/shared-types';
import { ApiError, getSession, listMyOrders, showApiError } from '@/api';
import { NoHousehold } from '@/components/NoHousehold';
import { LabelValue } from '@/components/LabelValue';
import { formatTime } from '@/utils/format';
import '../ordering.css';

/** 我的订单: my household's orders, newest first. */
export default function OrdersPage() {
  const [orders, setOrders] = useState<OrderView[] | null>(null);
  const [noHousehold, setNoHousehold] = useState(() => !getSession()?.me.household);

  const load = async () => {
    if (!getSession()?.me.household) {
      setNoHousehold(true);
      return;
    }
    try {
      const mine = await listMyOrders();
      setOrders([...mine].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
      setNoHousehold(false);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NO_HOUSEHOLD') setNoHousehold(true);
      else showApiError(error);
    }
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh());
  });

  if (noHousehold) {
    return (
      <View className="page">
        <NoHousehold />
      </View>
    );
  }

  return (
    <View className="page">
      {orders === null ? <View className="loading">正在加载…</View> : null}
      {orders?.length === 0 ? <View className="empty">还没有订单</View> : null}
      {orders?.map((o) => (
        <View
          key={o.id}
          id={`order-${o.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/pages/order/index?id=${o.id}` })}
        >
          <View className="row window-card__head">
            <View className="card-title window-card__title">{o.windowTitle}</View>
            <View
              className={
                o.state === 'CONFIRMED' || o.state === 'PACKED' || o.state === 'DELIVERED' ? 'phase phase--open' : 'phase phase--closed'
              }
            >
              {ORDER_STATE_LABELS[o.state]}
            </View>
          </View>
          <LabelValue label="金额">{formatFen(o.totalFen)}</LabelValue>
          <LabelValue label="下单时间">{formatTime(o.createdAt)}</LabelValue>
          <View className="window-card__go">查看详情 ›</View>
        </View>
      ))}
    </View>
  );
}
