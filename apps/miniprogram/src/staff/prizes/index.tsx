import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  MAX_PRIZE_WINNERS,
  PARCEL_STATE_LABELS,
  type ItemView,
  type PrizeSource,
  type PrizeWinnersView,
  type StaffPrizeView,
} from '@linli/shared-types';
import { awardPrizes, getPrizeWinners, listItems, listPrizes, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field, TextField } from '@/components/Field';
import { Stepper } from '@/components/Stepper';
import { useAction } from '@/hooks/useAction';
import './prizes.css';
import { usePageClass } from '@/hooks/useElderly';

/**
 * 发放奖品 (staff), opened from a contest's results or a quiz's leaderboard
 * (?source=contest|quiz&id=): how many places win, what they get (a catalog item or free text),
 * who that is, then one press — each winning household gets one parcel to its door, once.
 */
export default function AwardPrizesPage() {
  const pageClass = usePageClass();
  const params = useRouter().params;
  const source: PrizeSource = params.source === 'quiz' ? 'quiz' : 'contest';
  const sourceId = Number(params.id);
  const [top, setTop] = useState(3);
  const [prize, setPrize] = useState('');
  const [error, setError] = useState('');
  const [winners, setWinners] = useState<PrizeWinnersView | null>(null);
  const [awarded, setAwarded] = useState<StaffPrizeView[]>([]);
  const [items, setItems] = useState<ItemView[]>([]);
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    listPrizes(source, sourceId).then(setAwarded, showApiError);
    listItems().then(setItems, () => setItems([]));
  }, [source, sourceId]);

  useEffect(() => {
    getPrizeWinners(source, sourceId, top).then(setWinners, (e: unknown) => {
      setWinners(null);
      showApiError(e);
    });
  }, [source, sourceId, top]);

  const award = useAction(async (_: null, key: string) => {
    const result = await awardPrizes({ source, sourceId, top, prize: prize.trim() }, key);
    setAsking(false);
    setAwarded(result.prizes);
    setWinners(await getPrizeWinners(source, sourceId, top));
    void Taro.showToast({
      title: result.awarded > 0 ? `已发放 ${result.awarded} 份` : '这些名次都已发过',
      icon: result.awarded > 0 ? 'success' : 'none',
    });
    return result;
  });

  const ask = (): void => {
    if (prize.trim().length === 0) {
      setError('请写上奖品，例如：大米 10斤');
      return;
    }
    setError('');
    setAsking(true);
  };

  const fresh = (winners?.winners ?? []).filter((w) => !w.awarded).length;

  return (
    <View className={pageClass}>
      <View className="card">
        <View className="card-title" id="prizes-title">
          {winners?.title ?? '获奖名单'}
        </View>
        <Field label="前几名获奖" hint={`最多 ${MAX_PRIZE_WINNERS} 名`}>
          <Stepper
            idPrefix="prizes-top"
            value={top}
            canLess={top > 1}
            canMore={top < MAX_PRIZE_WINNERS}
            lessLabel="少一名"
            moreLabel="多一名"
            onStep={(d) => setTop((t) => Math.min(MAX_PRIZE_WINNERS, Math.max(1, t + d)))}
          />
        </Field>
        <TextField
          id="prizes-prize"
          label="奖品"
          value={prize}
          onChange={setPrize}
          maxlength={60}
          placeholder="例如：大米 10斤"
          error={error}
        />
        {items.length > 0 ? (
          <View className="prizes-items">
            <View className="muted">从商品中选：</View>
            {items.slice(0, 12).map((item) => (
              <View key={item.id} id={`prizes-item-${item.id}`} className="prizes-item" onClick={() => setPrize(item.name.slice(0, 60))}>
                {item.name}
              </View>
            ))}
          </View>
        ) : null}
      </View>

      <View className="card" id="prizes-winners">
        <View className="card-title">获奖名单</View>
        {(winners?.winners ?? []).length === 0 ? <View className="muted">还没有名次</View> : null}
        {(winners?.winners ?? []).map((w) => (
          <View key={w.householdId} id={`prizes-winner-${w.rank}`} className="prizes-row">
            <View className="prizes-row__rank">{`第 ${w.rank} 名`}</View>
            <View className="prizes-row__who">
              <View>{w.door}</View>
              <View className="muted">{w.label}</View>
            </View>
            {w.awarded ? <View className="prizes-row__done">已发放</View> : null}
          </View>
        ))}
        <View className="gap-top">
          <Button id="prizes-award" type="primary" size="large" block disabled={fresh === 0} onClick={ask}>
            {fresh === 0 && (winners?.winners ?? []).length > 0 ? '这些名次都已发放' : '发放奖品'}
          </Button>
        </View>
      </View>

      {awarded.length > 0 ? (
        <View className="card" id="prizes-awarded">
          <View className="card-title">已发放</View>
          <View className="muted">奖品已作为包裹加入配送：派单后由志愿者扫码送到家门口。</View>
          <View className="gap-small">
            <Button
              id="prizes-parcels"
              size="large"
              block
              onClick={() =>
                void Taro.navigateTo({ url: `/staff/parcels/index?batch=${encodeURIComponent(`prize:${source}:${sourceId}`)}` })
              }
            >
              查看包裹、打印标签
            </Button>
          </View>
          {awarded.map((p) => (
            <View key={p.id} id={`prizes-awarded-${p.rank}`} className="prizes-row">
              <View className="prizes-row__rank">{`第 ${p.rank} 名`}</View>
              <View className="prizes-row__who">
                <View>{p.door}</View>
                <View className="muted">{p.prize}</View>
              </View>
              <View className="prizes-row__state">{p.parcelState ? PARCEL_STATE_LABELS[p.parcelState] : ''}</View>
            </View>
          ))}
        </View>
      ) : null}

      <ConfirmDialog
        visible={asking}
        title="发放奖品"
        confirmText="发放"
        busy={award.busy}
        onConfirm={() => void award.run(null)}
        onCancel={() => setAsking(false)}
      >
        <View className="text">{`给还没领奖的 ${fresh} 户各送一份「${prize.trim()}」，由志愿者送到家门口。每户只发一次。`}</View>
      </ConfirmDialog>
    </View>
  );
}
