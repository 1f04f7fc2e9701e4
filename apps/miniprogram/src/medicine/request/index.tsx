import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { MEDICINE_STATE_LABELS, URGENCY_LABELS, type MedicineRequestView } from '@linli/shared-types';
import {
  acceptMedicineQuote,
  ApiError,
  cancelMedicineRequest,
  checkMedicinePayment,
  declineMedicineQuote,
  fileUrl,
  getMedicineRequest,
  getSession,
  payMedicineRequest,
  repeatMedicineRequest,
  showApiError,
} from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LabelValue } from '@/components/LabelValue';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { useAction } from '@/hooks/useAction';
import { usePullDownReload } from '@/hooks/useRefresh';
import { dial } from '@/utils/dial';
import { formatTime } from '@/utils/format';
import { ContactlessCard } from '@/components/ContactlessCard';
import { DoorCode } from '@/components/DoorCode';
import { PayCard } from '@/components/PayCard';
import { RatingCard } from '@/components/RatingCard';
import { StepTimeline } from '@/components/StepTimeline';
import { useWechatPay } from '@/hooks/useWechatPay';
import { ENDED, steps } from '../road';
import { showsDoorCode } from '@/utils/door-code';
import { available, cancelQuestion, itemsSummary, REPEATABLE, waitingText } from '../texts';
import { ItemsCard } from './ItemsCard';
import { Outcome } from './Outcome';
import '../medicine.css';
import { usePageClass } from '@/hooks/useElderly';

/**
 * One medicine request: how far it got, the pharmacy's quote item by item (tick what to take,
 * see the total change, 接受所选 or 都不要了), the reason when the pharmacy refused or could not
 * buy it or it was cancelled, the photos and the receipt, the delivery (收货码 while on its way,
 * the rating once delivered); 取消登记 while the server offers it and 再买一次 (慢性病续药).
 */
export default function MedicineRequestPage() {
  const pageClass = usePageClass();
  const pageClassLoading = usePageClass('loading');
  const router = useRouter();
  const id = Number(router.params.id);
  const justPlaced = router.params.placed === '1';
  const [request, setRequest] = useState<MedicineRequestView | null>(null);
  const [noHousehold, setNoHousehold] = useState(false);
  /** Ticked items while answering a quote; null = not touched yet (all available ones). */
  const [picked, setPicked] = useState<number[] | null>(null);
  const [asking, setAsking] = useState<'' | 'decline' | 'cancel' | 'repeat'>('');

  const load = async () => {
    try {
      setRequest(await getMedicineRequest(id));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NO_HOUSEHOLD') setNoHousehold(true);
      else showApiError(error);
    }
  };

  useDidShow(() => void load());
  usePullDownReload(load);

  const answered = (result: MedicineRequestView, toast: string) => {
    setAsking('');
    setRequest(result);
    setPicked(null);
    void Taro.showToast({ title: toast, icon: 'success' });
    return result;
  };

  const accept = useAction(async ({ requestId, itemIds }: { requestId: number; itemIds: number[] }, key: string) =>
    answered(await acceptMedicineQuote(requestId, itemIds, key), '已确认'),
  );
  const decline = useAction(async (requestId: number, key: string) => answered(await declineMedicineQuote(requestId, key), '已回复药房'));
  const cancel = useAction(async (requestId: number, key: string) => answered(await cancelMedicineRequest(requestId, key), '已取消'));
  const repeat = useAction(async (requestId: number, key: string) => {
    const result = await repeatMedicineRequest(requestId, key);
    setAsking('');
    void Taro.redirectTo({ url: `/medicine/request/index?id=${result.id}&placed=1` });
    return result;
  });

  const wechat = useWechatPay({
    start: payMedicineRequest,
    check: checkMedicinePayment,
    awaiting: 'AWAITING_PAYMENT',
    onSettled: async (requestId) => {
      const next = await getMedicineRequest(requestId);
      setRequest(next);
      if (next.state === 'CONFIRMED') void Taro.showToast({ title: '付款成功', icon: 'success' });
    },
  });

  if (noHousehold) return <NoHouseholdPage />;
  if (!request) return <View className={pageClassLoading}>正在加载…</View>;

  const road = steps(request);
  const ended = ENDED.includes(request.state);
  const answering = request.state === 'QUOTED' && (request.actions.includes('CONFIRMED') || request.actions.includes('AWAITING_PAYMENT'));
  const offered = request.items.filter(available);
  const ticked = picked ?? offered.map((i) => i.id);
  const photos = request.photoUrls.map(fileUrl);
  const receipt = request.receiptUrl ? fileUrl(request.receiptUrl) : null;
  /** My own household's request (staff may be looking at one they registered by proxy). */
  const mine = getSession()?.me.household?.id === request.householdId;

  const toggle = (itemId: number) => setPicked(ticked.includes(itemId) ? ticked.filter((t) => t !== itemId) : [...ticked, itemId]);

  const preview = (urls: string[], current: string) => void Taro.previewImage({ urls, current }).catch(() => undefined);

  /** The medicines and the quote; while the household answers, it comes first on the page. */
  const itemsCard = (
    <ItemsCard
      request={request}
      answering={answering}
      ticked={ticked}
      onToggle={toggle}
      accepting={accept.busy}
      declining={decline.busy}
      onAccept={() => void accept.run({ requestId: request.id, itemIds: ticked })}
      onDecline={() => setAsking('decline')}
    />
  );

  return (
    <View className={pageClass}>
      {justPlaced && request.state === 'SUBMITTED' ? (
        <View className="status status--ok" id="medicine-placed">
          <View className="status__title">登记成功</View>
          <View className="text">{`已交给 ${request.pharmacy.name}，药房报价后会告诉您`}</View>
        </View>
      ) : null}

      {request.parcel?.state === 'LEFT_AT_DOOR' ? (
        <ContactlessCard
          parcel={request.parcel}
          onChanged={(parcel) => {
            setRequest((current) => (current ? { ...current, parcel } : current));
            void load();
          }}
        />
      ) : null}

      {/* At the door now: the code to show the volunteer comes first. */}
      {showsDoorCode(request.parcel) && mine ? (
        <DoorCode parcel={request.parcel} idPrefix="medicine" title="药在路上" hint="送药上门时请出示此码" />
      ) : null}

      <Outcome request={request} />

      {answering ? itemsCard : null}

      <View className="card" id="medicine-status">
        <View className="muted">买药进度</View>
        <View id="medicine-state" className={ended ? 'order-state order-state--ended' : 'order-state'}>
          {MEDICINE_STATE_LABELS[request.state]}
        </View>
        {request.placedBy.proxy ? <View className="proxy-note gap-top">{`代登记：${request.placedBy.nickname}`}</View> : null}
        {request.state === 'SUBMITTED' ? (
          <View className="md-waiting" id="medicine-waiting">
            {request.overdue
              ? `${waitingText(request.waitingMinutes)}，药房还没有报价，社区工作人员正在催`
              : waitingText(request.waitingMinutes)}
          </View>
        ) : null}
        <StepTimeline
          steps={road}
          current={request.state}
          labels={MEDICINE_STATE_LABELS}
          parcel={request.parcel}
          packedStep="PURCHASED"
          deliveredStep="DELIVERED"
          parcelId="medicine-parcel"
          className={ended ? 'md-timeline--ended' : undefined}
        />
      </View>

      {request.parcel?.state === 'DELIVERED' && mine ? (
        <RatingCard
          idPrefix="medicine"
          parcel={request.parcel}
          onRated={(parcel) => setRequest((current) => (current ? { ...current, parcel } : current))}
        />
      ) : null}

      {answering ? null : itemsCard}

      <View className="card" id="medicine-detail">
        <LabelValue label="药房">{request.pharmacy.name}</LabelValue>
        {request.pharmacy.phone ? (
          <LabelValue label="药房电话">
            <View className="md-phone" id="medicine-call" onClick={() => void dial(request.pharmacy.phone ?? '')}>
              {`${request.pharmacy.phone} 拨打`}
            </View>
          </LabelValue>
        ) : null}
        <LabelValue label="有多急">{URGENCY_LABELS[request.urgency]}</LabelValue>
        {request.forWhom ? <LabelValue label="给谁用">{request.forWhom}</LabelValue> : null}
        {request.note ? <LabelValue label="备注">{request.note}</LabelValue> : null}
        <LabelValue label="送药地址">{request.address}</LabelValue>
        <LabelValue label="登记时间">{formatTime(request.createdAt)}</LabelValue>
      </View>

      {photos.length > 0 ? (
        <View className="card" id="medicine-photos">
          <View className="card-title">处方 / 药盒照片</View>
          <View className="md-photos">
            {photos.map((url, n) => (
              <View key={url} className="md-photo" onClick={() => preview(photos, url)}>
                <Image id={`medicine-photo-${n}`} className="md-photo__image" src={url} mode="aspectFill" />
              </View>
            ))}
          </View>
          <View className="muted gap-top">点照片可放大</View>
        </View>
      ) : null}

      {receipt ? (
        <View className="card" id="medicine-receipt">
          <View className="card-title">购药小票</View>
          <View onClick={() => preview([receipt], receipt)}>
            <Image id="medicine-receipt-photo" className="md-receipt" src={receipt} mode="widthFix" />
          </View>
          <View className="muted gap-top">点照片可放大</View>
        </View>
      ) : null}

      {request.state === 'AWAITING_PAYMENT' && mine ? (
        <PayCard
          idPrefix="medicine-pay"
          deadline={request.payBy ? `请在 ${formatTime(request.payBy)} 前付款，超时报价作废` : null}
          totalFen={request.totalFen}
          wechat={wechat}
          onPay={() => void wechat.pay.run(request.id)}
        />
      ) : null}

      <View className="button-stack">
        {request.actions.includes('CANCELLED') ? (
          <Button id="medicine-cancel" size="large" block fill="outline" onClick={() => setAsking('cancel')}>
            取消登记
          </Button>
        ) : null}
        {REPEATABLE.includes(request.state) && !request.movedTo ? (
          <Button id="medicine-repeat" type="primary" size="large" block onClick={() => setAsking('repeat')}>
            再买一次
          </Button>
        ) : null}
        {mine ? (
          <Button
            id="to-medicine-list"
            size="large"
            block
            fill="outline"
            onClick={() => void Taro.redirectTo({ url: '/medicine/list/index' })}
          >
            查看我的买药登记
          </Button>
        ) : null}
      </View>

      <ConfirmDialog
        visible={asking === 'decline'}
        title="都不要了？"
        confirmText="都不要了"
        cancelText="再想想"
        danger
        busy={decline.busy}
        onConfirm={() => void decline.run(request.id)}
        onCancel={() => setAsking('')}
      >
        药房就不买这些药了。以后需要可以再登记。
      </ConfirmDialog>
      <ConfirmDialog
        visible={asking === 'cancel'}
        title="取消登记"
        confirmText="取消登记"
        cancelText="不取消"
        danger
        busy={cancel.busy}
        onConfirm={() => void cancel.run(request.id)}
        onCancel={() => setAsking('')}
      >
        {cancelQuestion(request)}
      </ConfirmDialog>
      <ConfirmDialog
        visible={asking === 'repeat'}
        title="再买一次"
        confirmText="再买一次"
        cancelText="不用了"
        busy={repeat.busy}
        onConfirm={() => void repeat.run(request.id)}
        onCancel={() => setAsking('')}
      >
        {`按慢性病续药，把这些药再登记一次：${itemsSummary(request)}。处方照片沿用上次的。`}
      </ConfirmDialog>
    </View>
  );
}
