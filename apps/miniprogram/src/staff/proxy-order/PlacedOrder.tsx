import { View } from '@tarojs/components';
import { PAYMENT_MODE_LABELS, type OrderView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { OrderLinesCard } from '@/components/OrderLinesCard';
import { formatDate } from '@/utils/format';

/** The order just placed for the household, to read back on the phone; then the next household. */
export function PlacedOrder({ placed, onAgain }: { placed: OrderView; onAgain: () => void }) {
  return (
    <View className="page">
      <View className="status status--ok" id="proxy-placed">
        <View className="status__title">下单成功</View>
        <View className="text">{`${formatDate(placed.deliveryDate)}送到 ${placed.address}`}</View>
      </View>
      <OrderLinesCard
        id="proxy-result"
        order={placed}
        totalId="proxy-total"
        head={
          <>
            {placed.placedBy.proxy ? <View className="proxy-note">{`代下单：${placed.placedBy.nickname}`}</View> : null}
            <View className="card-title">{placed.windowTitle}</View>
            <LabelValue label="送货地址">{placed.address}</LabelValue>
          </>
        }
      >
        <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[placed.paymentMode]}</LabelValue>
        {placed.note ? <LabelValue label="备注">{placed.note}</LabelValue> : null}
      </OrderLinesCard>
      <Button id="proxy-again" type="primary" size="large" block onClick={onAgain}>
        为另一户下单
      </Button>
    </View>
  );
}
