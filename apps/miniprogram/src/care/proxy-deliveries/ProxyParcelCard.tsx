import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { PARCEL_STATE_LABELS, type ProxyParcel } from '@linli/shared-types';
import { confirmParcel, fileUrl, rateParcel, reportParcelMissing } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useAction } from '@/hooks/useAction';
import { formatTime } from '@/utils/format';
import '@/components/RatingCard.css';

const STARS = [1, 2, 3, 4, 5] as const;

interface ProxyParcelCardProps {
  parcel: ProxyParcel;
  /** After an act: the page reloads its lists. */
  onChanged: () => Promise<void>;
}

/**
 * One parcel of the household: left at the door (代确认收到 / 没收到, from the volunteer's photo),
 * or delivered and not rated yet (five big stars, 代评价). The household is told what I did.
 */
export function ProxyParcelCard({ parcel, onChanged }: ProxyParcelCardProps) {
  const [askMissing, setAskMissing] = useState(false);
  const [stars, setStars] = useState(0);
  const id = `proxy-parcel-${parcel.id}`;
  const photo = parcel.photoUrl ? fileUrl(parcel.photoUrl) : null;

  const received = useAction(async (parcelId: number, key: string) => {
    const done = await confirmParcel(parcelId, key);
    void Taro.showToast({ title: '已代确认收到', icon: 'success' });
    await onChanged();
    return done;
  });
  const missing = useAction(async (parcelId: number, key: string) => {
    const done = await reportParcelMissing(parcelId, key);
    setAskMissing(false);
    void Taro.showToast({ title: '已告诉社区', icon: 'success' });
    await onChanged();
    return done;
  });
  const rate = useAction(async (n: number, key: string) => {
    const done = await rateParcel(parcel.id, { stars: n }, key);
    void Taro.showToast({ title: '已代评价', icon: 'success' });
    await onChanged();
    return done;
  });

  return (
    <View className="card" id={id}>
      <View className="card-title">{parcel.contents}</View>
      <View className="muted">{`${PARCEL_STATE_LABELS[parcel.state]}${parcel.leftAt ? ` · ${formatTime(parcel.leftAt)} 放到门口` : ''}`}</View>
      {parcel.state === 'LEFT_AT_DOOR' && photo ? (
        <Image id={`${id}-photo`} className="proxy-deliveries__photo" src={photo} mode="widthFix" />
      ) : null}
      {parcel.state === 'LEFT_AT_DOOR' ? (
        <View className="proxy-deliveries__buttons">
          {parcel.actions.includes('DELIVERED') ? (
            <Button id={`${id}-received`} type="primary" size="large" loading={received.busy} onClick={() => void received.run(parcel.id)}>
              代确认收到
            </Button>
          ) : null}
          {parcel.actions.includes('FAILED') ? (
            <Button id={`${id}-missing`} size="large" fill="outline" disabled={received.busy} onClick={() => setAskMissing(true)}>
              没收到
            </Button>
          ) : null}
        </View>
      ) : null}
      {parcel.state === 'DELIVERED' && parcel.rating === null ? (
        <View>
          <View className="text gap-top">替家里评价这次配送（点星星，5 星最好）</View>
          <View className="rating-stars" role="radiogroup">
            {STARS.map((n) => (
              <View
                key={n}
                id={`${id}-star-${n}`}
                role="radio"
                aria-checked={stars === n}
                aria-label={`${n} 星`}
                className={n <= stars ? 'rating-star rating-star--on' : 'rating-star'}
                onClick={() => setStars(n)}
              >
                {n <= stars ? '★' : '☆'}
              </View>
            ))}
          </View>
          <Button
            id={`${id}-rate`}
            type="primary"
            size="large"
            block
            disabled={stars === 0}
            loading={rate.busy}
            onClick={() => void rate.run(stars)}
          >
            代评价
          </Button>
        </View>
      ) : null}
      <ConfirmDialog
        visible={askMissing}
        title="门口没有包裹？"
        confirmText="确实没收到"
        cancelText="再问问"
        danger
        busy={missing.busy}
        onConfirm={() => void missing.run(parcel.id)}
        onCancel={() => setAskMissing(false)}
      >
        请先和家里人确认门口确实没有。确定没有的话，社区工作人员会尽快跟进。
      </ConfirmDialog>
    </View>
  );
}
