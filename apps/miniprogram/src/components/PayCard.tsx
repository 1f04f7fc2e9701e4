import { View } from '@tarojs/components';
import { formatFen, type OrderView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import type { WechatPay } from '@/hooks/useWechatPay';
import { formatClock } from '@/utils/format';
import './PayCard.css';

/** The deadline line of an unpaid order: null without one. */
function orderPayDeadline(expiresAt: string | null): string | null {
  return expiresAt ? `请在 ${formatClock(expiresAt)} 前付款，超时订单自动取消` : null;
}

/** 「去支付」 for an unpaid supply order (the resident's own, or one staff pay for), with its deadline. */
export function OrderPayCard({ idPrefix, order, wechat }: { idPrefix: string; order: OrderView; wechat: WechatPay }) {
  return (
    <PayCard
      idPrefix={idPrefix}
      deadline={orderPayDeadline(order.expiresAt)}
      totalFen={order.totalFen}
      wechat={wechat}
      onPay={() => void wechat.pay.run(order.id)}
    />
  );
}

/**
 * 「去支付」 with WeChat Pay: the deadline, what the server has seen of the payment, and the
 * button. Element ids start with `idPrefix` (order-pay, medicine-pay…).
 */
export function PayCard(props: { idPrefix: string; deadline: string | null; totalFen: number; wechat: WechatPay; onPay: () => void }) {
  const { idPrefix, deadline, totalFen, wechat, onPay } = props;
  return (
    <View className="card pay-card" id={idPrefix}>
      {deadline ? (
        <View className="pay-card__deadline" id={`${idPrefix}-deadline`}>
          {deadline}
        </View>
      ) : null}
      {wechat.status === 'checking' ? (
        <View className="status status--pending" id={`${idPrefix}-checking`}>
          <View className="status__title">正在确认付款…</View>
        </View>
      ) : null}
      {wechat.status === 'unconfirmed' ? (
        <View className="status status--pending" id={`${idPrefix}-unconfirmed`}>
          <View className="text">付款结果确认中，请稍后刷新</View>
        </View>
      ) : null}
      {wechat.error ? (
        <View className="error-text" role="alert" id={`${idPrefix}-error`}>
          {wechat.error}
        </View>
      ) : null}
      <Button
        id={`${idPrefix}-button`}
        type="primary"
        size="large"
        block
        loading={wechat.pay.busy}
        disabled={wechat.status === 'checking'}
        onClick={onPay}
      >
        {`去支付 ${formatFen(totalFen)}`}
      </Button>
    </View>
  );
}
