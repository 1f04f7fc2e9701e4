import { View } from '@tarojs/components';
import { Choices } from '@/components/Choices';

/** How a household without a smartphone pays in a WeChat Pay window: whoever orders for it (staff, its grid worker, its 家属) chooses, and must. */
export type ProxyPayment = 'cod' | 'wechat';

export const PROXY_PAYMENT_LABELS: Record<ProxyPayment, string> = {
  cod: '志愿者上门收现金',
  wechat: '我用自己的微信代付',
};

const OPTIONS: ProxyPayment[] = ['cod', 'wechat'];

interface PaymentChoiceProps {
  value: ProxyPayment | null;
  error: string;
  onChange: (value: ProxyPayment) => void;
}

/**
 * 付款方式 in a WeChat Pay window: the household cannot pay on its own phone, so whoever orders for it
 * chooses cash to the volunteer at the door, or paying with their own WeChat right after placing.
 * Ids proxy-payment-0 (cash), proxy-payment-1 (own WeChat), proxy-payment-error.
 */
export function PaymentChoice({ value, error, onChange }: PaymentChoiceProps) {
  return (
    <View className="card" id="proxy-payment">
      <View className="card-title">付款方式（必选）</View>
      <View className="text gap-small">这个批次要微信支付，住户没法自己付，请选一种：</View>
      <Choices
        idPrefix="proxy-payment"
        columns={1}
        options={OPTIONS.map((o) => ({ value: o, label: PROXY_PAYMENT_LABELS[o] }))}
        selected={value ? [value] : []}
        onToggle={onChange}
      />
      {value === 'wechat' ? <View className="muted gap-top">下单后马上用您的微信付款，付款后订单才算下好。</View> : null}
      {value === 'cod' ? <View className="muted gap-top">志愿者送货上门时向住户收现金。</View> : null}
      {error ? (
        <View className="error-text" role="alert" id="proxy-payment-error">
          {error}
        </View>
      ) : null}
    </View>
  );
}
