import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ProxyDeliveries } from '@linli/shared-types';
import { checkMedicinePayment, checkPayment, getPaymentParams, getProxyDeliveries, payMedicineRequest, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { usePageClass } from '@/hooks/useElderly';
import { useRefresh } from '@/hooks/useRefresh';
import { useWechatPay } from '@/hooks/useWechatPay';
import { headline, medicineLine, orderLine } from './deliveries-texts';
import { ProxyParcelCard } from './ProxyParcelCard';
import './deliveries.css';

/**
 * 订单与包裹, for a household I act for (as 家属, its grid worker, or staff): its orders and
 * medicine quotes to pay — 代付款 with my own WeChat —, its contactless parcels to confirm
 * (代确认收到 / 没收到) and its delivered parcels to rate (代评价). The household is told each time.
 */
export default function ProxyDeliveriesPage() {
  const router = useRouter();
  const householdId = Number(router.params.householdId);
  const pageClass = usePageClass();
  const [data, setData] = useState<ProxyDeliveries | null>(null);

  const load = async (): Promise<void> => {
    try {
      setData(await getProxyDeliveries(householdId));
    } catch (e) {
      showApiError(e);
    }
  };
  useRefresh(load);

  const paid = async (): Promise<void> => {
    await load();
    void Taro.showToast({ title: '付款成功', icon: 'success' });
  };
  const payOrder = useWechatPay({ start: getPaymentParams, check: checkPayment, awaiting: 'PENDING_PAYMENT', onSettled: paid });
  const payMedicine = useWechatPay({
    start: payMedicineRequest,
    check: checkMedicinePayment,
    awaiting: 'AWAITING_PAYMENT',
    onSettled: paid,
  });
  const payError = payOrder.error || payMedicine.error;
  const checking = payOrder.status === 'checking' || payMedicine.status === 'checking';

  if (!data) return <View className={`${pageClass} loading`}>正在加载…</View>;

  return (
    <View className={pageClass}>
      <View className="card proxy-deliveries__head" id="proxy-deliveries-head">
        <View className="card-title">{headline(data)}</View>
        <View className="muted">{`我是这户的${data.asLabel}。代办后会告诉家里人。`}</View>
      </View>
      {payError ? (
        <View className="error-text" role="alert" id="proxy-deliveries-pay-error">
          {payError}
        </View>
      ) : null}
      {checking ? <View className="muted">正在确认付款…</View> : null}

      {data.ordersToPay.length + data.medicineToPay.length > 0 ? <View className="section-title">等待付款</View> : null}
      {data.ordersToPay.map((o) => (
        <View key={`o${o.id}`} className="card" id={`proxy-order-${o.id}`}>
          <View className="text">{orderLine(o)}</View>
          <Button
            id={`proxy-order-${o.id}-pay`}
            type="primary"
            size="large"
            block
            loading={payOrder.pay.busy}
            onClick={() => void payOrder.pay.run(o.id)}
          >
            代付款（用我的微信）
          </Button>
        </View>
      ))}
      {data.medicineToPay.map((r) => (
        <View key={`m${r.id}`} className="card" id={`proxy-medicine-${r.id}`}>
          <View className="text">{medicineLine(r)}</View>
          <Button
            id={`proxy-medicine-${r.id}-pay`}
            type="primary"
            size="large"
            block
            loading={payMedicine.pay.busy}
            onClick={() => void payMedicine.pay.run(r.id)}
          >
            代付款（用我的微信）
          </Button>
        </View>
      ))}

      {data.parcelsToConfirm.length > 0 ? <View className="section-title">放在门口、等确认的包裹</View> : null}
      {data.parcelsToConfirm.map((p) => (
        <ProxyParcelCard key={p.id} parcel={p} onChanged={load} />
      ))}

      {data.parcelsToRate.length > 0 ? <View className="section-title">已送到、可以评价的包裹</View> : null}
      {data.parcelsToRate.map((p) => (
        <ProxyParcelCard key={p.id} parcel={p} onChanged={load} />
      ))}
    </View>
  );
}
