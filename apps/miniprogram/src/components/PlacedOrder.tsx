import { View } from '@tarojs/components';
import { PAYMENT_MODE_LABELS, type OrderView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { OrderLinesCard } from '@/components/OrderLinesCard';
import { OrderPayCard } from '@/components/PayCard';
import { useOrderPay } from '@/hooks/useOrderPay';
import { formatDate } from '@/utils/format';
import { usePageClass } from '@/hooks/useElderly';
import { proxySummary } from '@/utils/proxy';

interface PlacedOrderProps {
  placed: OrderView;
  /** The order as the server has it after the payment. */
  onChanged: (order: OrderView) => void;
  onAgain: () => void;
  /** The button that starts over: 为另一户下单 (staff), 再订一单 (a 家属). */
  againText: string;
}

/**
 * An order just placed for a household by someone acting for it (staff by phone, its grid worker,
 * its 家属), to read back: 「您为 1栋1单元101 订了：…」, then start over. One the orderer pays with
 * their own WeChat waits for that payment first (the resident's pay flow). Ids proxy-placed,
 * proxy-summary, proxy-result, proxy-total, proxy-again.
 */
export function PlacedOrder({ placed, onChanged, onAgain, againText }: PlacedOrderProps) {
  const pageClass = usePageClass();
  const wechat = useOrderPay(onChanged);
  const unpaid = placed.state === 'PENDING_PAYMENT';
  return (
    <View className={pageClass}>
      {unpaid ? (
        <View className="status status--pending" id="proxy-placed">
          <View className="status__title">还差一步：请付款</View>
          <View className="text">{`订单已生成。请用您自己的微信代住户付款，付款后${formatDate(placed.deliveryDate)}送到 ${placed.address}`}</View>
        </View>
      ) : (
        <View className="status status--ok" id="proxy-placed">
          <View className="status__title">下单成功</View>
          <View className="text">{`${formatDate(placed.deliveryDate)}送到 ${placed.address}`}</View>
        </View>
      )}
      <View className="card big-text" id="proxy-summary">
        {proxySummary(placed.address, '订了', placed.lines)}
      </View>
      {unpaid ? <OrderPayCard idPrefix="proxy-pay" order={placed} wechat={wechat} /> : null}
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
        {againText}
      </Button>
    </View>
  );
}
