import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { formatFen, ORDER_STATE_LABELS, type OrderView } from '@linli/shared-types';
import { listMyOrders } from '@/api';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { LabelValue } from '@/components/LabelValue';
import { formatTime } from '@/utils/format';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { ListStatus } from '@/components/ListStatus';
import { usePageClass } from '@/hooks/useElderly';

/** 我的订单: my household's orders, newest first. */
export default function OrdersPage() {
  const pageClass = usePageClass();
  const { data: orders, noHousehold } = useHouseholdData<OrderView[]>(async () =>
    [...(await listMyOrders())].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );

  if (noHousehold) return <NoHouseholdPage />;

  return (
    <View className={pageClass}>
      <ListStatus items={orders} empty="还没有订单" />
      {orders?.map((o) => (
        <View
          key={o.id}
          id={`order-${o.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/pages/order/index?id=${o.id}` })}
        >
          <View className="head-row">
            <View className="card-title head-row__title">{o.windowTitle}</View>
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
