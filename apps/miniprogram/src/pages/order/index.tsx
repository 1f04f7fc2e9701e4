import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { ORDER_STATE_LABELS, PAYMENT_MODE_LABELS, type OrderQrView, type OrderState, type OrderView } from '@linli/shared-types';
import { ApiError, cancelOrder, getOrder, getOrderQr, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LabelValue } from '@/components/LabelValue';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { OrderLinesCard } from '@/components/OrderLinesCard';
import { useAction } from '@/hooks/useAction';
import { formatDate, formatTime } from '@/utils/format';
import { ContactlessCard } from '@/components/ContactlessCard';
import { QrOverlay } from '@/components/QrOverlay';
import { RatingCard } from '@/components/RatingCard';
import { usePullDownReload } from '@/hooks/useRefresh';
import { useOrderPay } from '@/hooks/useOrderPay';
import { OrderPayCard } from '@/components/PayCard';
import { StepTimeline } from '@/components/StepTimeline';
import { usePageClass } from '@/hooks/useElderly';
import './index.css';

/** The usual road of an order (ORDER_FLOW's main path); an order that left it ends in its own state. */
function steps(order: OrderView): OrderState[] {
  const start: OrderState[] =
    order.paymentMode === 'wechat' ? ['PENDING_PAYMENT', 'CONFIRMED', 'PACKED', 'DELIVERED'] : ['CONFIRMED', 'PACKED', 'DELIVERED'];
  if (order.state === 'CANCELLED' || order.state === 'EXPIRED') {
    // The states passed before it ended are not recorded: show the start and the end.
    return [start[0] ?? 'CONFIRMED', order.state];
  }
  return start;
}

/** One order: what was bought, where it goes, how far it got, why staff cancelled it; cancel while still allowed. */
export default function OrderPage() {
  const pageClass = usePageClass();
  const router = useRouter();
  const id = Number(router.params.id);
  /** Arrived here right after placing the order: say clearly that it worked. */
  const justPlaced = router.params.placed === '1';
  const [order, setOrder] = useState<OrderView | null>(null);
  const [noHousehold, setNoHousehold] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [qr, setQr] = useState<OrderQrView | null>(null);
  const [qrLarge, setQrLarge] = useState(false);

  const loadQr = async (next: OrderView) => {
    if (next.state !== 'CONFIRMED' && next.state !== 'PACKED') {
      setQr(null);
      return;
    }
    try {
      setQr(await getOrderQr(next.id));
    } catch (error) {
      showApiError(error);
    }
  };

  const load = async () => {
    try {
      const next = await getOrder(id);
      setOrder(next);
      await loadQr(next);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NO_HOUSEHOLD') setNoHousehold(true);
      else showApiError(error);
    }
  };

  useDidShow(() => {
    void load();
  });
  usePullDownReload(load);

  const cancel = useAction(async (orderId: number, key: string) => {
    const result = await cancelOrder(orderId, key);
    setConfirmCancel(false);
    setOrder(result);
    void Taro.showToast({ title: '已取消', icon: 'success' });
    return result;
  });

  const wechat = useOrderPay(async (next) => {
    setOrder(next);
    await loadQr(next);
  });

  if (noHousehold) return <NoHouseholdPage />;
  if (!order) return <View className={`${pageClass} loading`}>正在加载…</View>;

  const road = steps(order);
  const ended = order.state === 'CANCELLED' || order.state === 'EXPIRED';

  return (
    <View className={pageClass}>
      {justPlaced && !ended ? (
        <View className="status status--ok" id="order-placed">
          <View className="status__title">下单成功</View>
          <View className="text">{`${formatDate(order.deliveryDate)}送到 ${order.address}`}</View>
        </View>
      ) : null}
      {/* At the door now: the most pressing thing on the page. */}
      {order.parcel?.state === 'LEFT_AT_DOOR' ? (
        <ContactlessCard
          parcel={order.parcel}
          onChanged={(parcel) => {
            // The order moves on with its parcel (已送达): show it as the server has it now.
            setOrder((current) => (current ? { ...current, parcel } : current));
            void load();
          }}
        />
      ) : null}

      {order.state === 'CANCELLED' && order.cancelReason ? (
        <View className="status status--rejected" id="order-cancelled">
          <View className="status__title">社区取消了这个订单</View>
          <View className="text" id="order-cancel-reason">{`原因：${order.cancelReason}`}</View>
          {order.paymentMode === 'wechat' ? <View className="text gap-top">已付的钱会原路退回到您的微信</View> : null}
        </View>
      ) : null}

      <View className="card" id="order-status">
        <View className="muted">订单状态</View>
        <View id="order-state" className={ended ? 'order-state order-state--ended' : 'order-state'}>
          {ORDER_STATE_LABELS[order.state]}
        </View>
        {order.placedBy.proxy ? <View className="proxy-note gap-top">{`代下单：${order.placedBy.nickname}`}</View> : null}
        <StepTimeline
          steps={road}
          current={order.state}
          labels={ORDER_STATE_LABELS}
          parcel={order.parcel}
          packedStep="PACKED"
          deliveredStep="DELIVERED"
          parcelId="order-parcel"
        />
      </View>

      {order.parcel?.state === 'FAILED' ? (
        <View className="status status--rejected" id="order-parcel-failed">
          <View className="status__title">这次没有送到</View>
          <View className="text">社区工作人员会尽快联系您，重新安排送货</View>
        </View>
      ) : null}

      {order.parcel?.state === 'DELIVERED' ? (
        <RatingCard
          idPrefix="order"
          parcel={order.parcel}
          onRated={(parcel) => setOrder((current) => (current ? { ...current, parcel } : current))}
        />
      ) : null}

      {order.state === 'PENDING_PAYMENT' ? <OrderPayCard idPrefix="order-pay" order={order} wechat={wechat} /> : null}

      {qr && (order.state === 'CONFIRMED' || order.state === 'PACKED') ? (
        <View className="card qr-card" id="order-qr">
          <View className="card-title">取货二维码</View>
          <View className="qr-card__frame" onClick={() => setQrLarge(true)}>
            <Image id="order-qr-image" className="qr-card__image" src={qr.image} mode="scaleToFill" />
          </View>
          <View className="qr-card__hint">送货上门时请出示此码</View>
          <View className="muted">{`有效期至 ${formatTime(qr.expiresAt)}`}</View>
          <View className="muted">点二维码可放大</View>
        </View>
      ) : null}

      <OrderLinesCard
        id="order-detail"
        order={order}
        totalId="order-detail-total"
        head={<View className="card-title">{order.windowTitle}</View>}
      >
        <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[order.paymentMode]}</LabelValue>
        <LabelValue label="送货日期">{formatDate(order.deliveryDate)}</LabelValue>
        <LabelValue label="送货地址">{order.address}</LabelValue>
        {order.note ? <LabelValue label="备注">{order.note}</LabelValue> : null}
        <LabelValue label="下单时间">{formatTime(order.createdAt)}</LabelValue>
      </OrderLinesCard>

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

      {qrLarge && qr ? (
        <QrOverlay id="order-qr-overlay" image={qr.image} hint="送货上门时请出示此码" onClose={() => setQrLarge(false)} />
      ) : null}

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
