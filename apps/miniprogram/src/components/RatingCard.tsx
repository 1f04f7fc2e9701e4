import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ParcelSummary, RateRequest } from '@linli/shared-types';
import { ApiError, rateParcel } from '@/api';
import { Button } from '@/components/nutui';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import './RatingCard.css';

const STARS = [1, 2, 3, 4, 5] as const;
const STAR_WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];

/** The stars as text: ★★★★☆ */
function starText(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));
}

interface RatingCardProps {
  /** The card's ids: `${idPrefix}-rating` (to rate), `${idPrefix}-rated` and `-rated-words` (rated). */
  idPrefix: string;
  parcel: ParcelSummary;
  onRated: (parcel: ParcelSummary) => void;
}

/**
 * 评价这次配送: five big stars and an optional comment, once; afterwards the stars given. Any
 * delivered parcel of the household (an order's, a medicine request's).
 */
export function RatingCard({ idPrefix, parcel, onRated }: RatingCardProps) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');

  const rate = useAction(
    async (body: RateRequest, key: string) => {
      const result = await rateParcel(parcel.id, body, key);
      onRated(result);
      void Taro.showToast({ title: '谢谢您的评价', icon: 'success' });
      return result;
    },
    (err) => {
      // Rated already (on another phone of the household): show what is there.
      if (err instanceof ApiError && err.code === 'ALREADY_RATED') {
        setError('这次配送已经评价过了，请下拉刷新');
        return true;
      }
      return false;
    },
  );

  if (parcel.rating) {
    return (
      <View className="card rating-card" id={`${idPrefix}-rated`}>
        <View className="card-title">您对这次配送的评价</View>
        <View className="rating-card__given" aria-label={`${parcel.rating.stars} 星`}>
          {starText(parcel.rating.stars)}
        </View>
        <View
          className="text"
          id={`${idPrefix}-rated-words`}
        >{`${parcel.rating.stars} 星 · ${STAR_WORDS[parcel.rating.stars] ?? ''}`}</View>
        {parcel.rating.comment ? <View className="text gap-top">{parcel.rating.comment}</View> : null}
      </View>
    );
  }

  const submit = () => {
    if (stars === 0) {
      setError('请先点星星打分');
      return;
    }
    setError('');
    const text = comment.trim();
    void rate.run(text ? { stars, comment: text } : { stars });
  };

  return (
    <View className="card rating-card" id={`${idPrefix}-rating`}>
      <View className="card-title">评价这次配送</View>
      <View className="muted">点星星打分，5 星最好</View>
      <View className="rating-stars" role="radiogroup">
        {STARS.map((n) => (
          <View
            key={n}
            id={`rating-star-${n}`}
            role="radio"
            aria-checked={stars === n}
            aria-label={`${n} 星`}
            className={n <= stars ? 'rating-star rating-star--on' : 'rating-star'}
            onClick={() => {
              setStars(n);
              setError('');
            }}
          >
            {n <= stars ? '★' : '☆'}
          </View>
        ))}
      </View>
      <View className="rating-card__words">{stars > 0 ? `${stars} 星 · ${STAR_WORDS[stars]}` : '还没打分'}</View>
      <View className="text gap-top">想说的话（可不填）</View>
      <TextInput id="rating-comment" value={comment} onChange={setComment} placeholder="例如：送得很快，谢谢" maxlength={200} />
      {error ? (
        <View className="error-text" role="alert" id="rating-error">
          {error}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="rating-submit" type="primary" size="large" block loading={rate.busy} onClick={submit}>
          提交评价
        </Button>
      </View>
    </View>
  );
}
