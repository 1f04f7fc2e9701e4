import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { CONTACTLESS_CONFIRM_HOURS, type ParcelSummary } from '@linli/shared-types';
import { confirmParcel, fileUrl, reportParcelMissing } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useAction } from '@/hooks/useAction';
import { formatTime } from '@/utils/format';
import './ContactlessCard.css';

interface ContactlessCardProps {
  parcel: ParcelSummary;
  onChanged: (parcel: ParcelSummary) => void;
}

/**
 * Contactless delivery: the volunteer's photo of the parcel at the door, and the household's
 * answer, 「我已收到」 or 「门口没有」 (asked twice: staff will follow it up).
 */
export function ContactlessCard({ parcel, onChanged }: ContactlessCardProps) {
  const [askMissing, setAskMissing] = useState(false);
  const photo = parcel.photoUrl ? fileUrl(parcel.photoUrl) : null;

  const received = useAction(async (id: number, key: string) => {
    const result = await confirmParcel(id, key);
    onChanged(result);
    void Taro.showToast({ title: '已确认收到', icon: 'success' });
    return result;
  });

  const missing = useAction(async (id: number, key: string) => {
    const result = await reportParcelMissing(id, key);
    setAskMissing(false);
    onChanged(result);
    return result;
  });

  const preview = () => {
    if (photo) void Taro.previewImage({ urls: [photo], current: photo }).catch(() => undefined);
  };

  return (
    <View className="card contactless" id="order-contactless">
      <View className="contactless__title">志愿者已把物资放在您家门口</View>
      {parcel.leftAt ? <View className="muted">{`${formatTime(parcel.leftAt)} 放到门口`}</View> : null}
      {photo ? (
        <View className="contactless__frame" onClick={preview}>
          <Image id="order-contactless-photo" className="contactless__photo" src={photo} mode="widthFix" />
          <View className="muted contactless__hint">点照片可放大</View>
        </View>
      ) : null}
      <View className="text gap-top">{`请开门取回物资，然后点「我已收到」。${CONTACTLESS_CONFIRM_HOURS} 小时内没有点，会自动算作已收到。`}</View>
      <View className="gap-top button-row">
        {parcel.actions.includes('FAILED') ? (
          <Button id="order-parcel-missing" size="large" fill="outline" disabled={received.busy} onClick={() => setAskMissing(true)}>
            门口没有
          </Button>
        ) : null}
        {parcel.actions.includes('DELIVERED') ? (
          <Button
            id="order-parcel-received"
            type="primary"
            size="large"
            loading={received.busy}
            onClick={() => void received.run(parcel.id)}
          >
            我已收到
          </Button>
        ) : null}
      </View>

      <ConfirmDialog
        visible={askMissing}
        title="门口没有物资？"
        confirmText="确实没有"
        cancelText="再看看"
        danger
        busy={missing.busy}
        onConfirm={() => void missing.run(parcel.id)}
        onCancel={() => setAskMissing(false)}
      >
        请先对照照片仔细看看门口。确定没有的话，社区工作人员会尽快跟进。
      </ConfirmDialog>
    </View>
  );
}
