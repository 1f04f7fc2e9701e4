import { useState } from 'react';
import { View } from '@tarojs/components';
import { PARCEL_STATE_LABELS, type ParcelSummary, type PrizeView } from '@linli/shared-types';
import { listMyPrizes } from '@/api';
import { ContactlessCard } from '@/components/ContactlessCard';
import { DoorCode } from '@/components/DoorCode';
import { ListStatus } from '@/components/ListStatus';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { RatingCard } from '@/components/RatingCard';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { showsDoorCode } from '@/utils/door-code';
import { formatTime } from '@/utils/format';
import './prizes.css';
import { usePageClass } from '@/hooks/useElderly';

const SOURCE_LABELS: Record<PrizeView['source'], string> = { contest: '比赛', quiz: '知识竞答' };

/** 我的奖品: what my household won in contests and quizzes, and how far each prize's parcel has got. */
export default function MyPrizesPage() {
  const pageClass = usePageClass();
  const { data, noHousehold } = useHouseholdData(listMyPrizes);
  // A parcel rated or confirmed here, until the next reload brings it.
  const [changed, setChanged] = useState<Record<number, ParcelSummary>>({});
  if (noHousehold) return <NoHouseholdPage />;

  return (
    <View className={pageClass}>
      <ListStatus items={data} empty="还没有奖品。参加比赛和知识竞答，获奖后奖品会送到家门口。" emptyId="prizes-empty" />
      {(data ?? []).map((p) => {
        const parcel = changed[p.id] ?? p.parcel;
        const keep = (next: ParcelSummary): void => setChanged((current) => ({ ...current, [p.id]: next }));
        return (
          <View key={p.id} id={`prize-${p.id}`} className="card prize-card">
            <View className="prize-card__title">{`🎁 ${p.prize}`}</View>
            <View className="text">{`${SOURCE_LABELS[p.source]}「${p.title}」第 ${p.rank} 名`}</View>
            <View className="muted">{`${p.label} · ${formatTime(p.awardedAt)} 发放`}</View>
            <View id={`prize-${p.id}-state`} className="prize-card__state">
              {parcel ? PARCEL_STATE_LABELS[parcel.state] : '正在安排配送'}
            </View>
            {parcel?.state === 'LEFT_AT_DOOR' ? <ContactlessCard parcel={parcel} onChanged={keep} /> : null}
            {showsDoorCode(parcel) ? (
              <DoorCode parcel={parcel} idPrefix={`prize-${p.id}`} title="奖品在路上" hint="奖品送上门时请出示此码" />
            ) : null}
            {parcel?.state === 'DELIVERED' ? <RatingCard idPrefix={`prize-${p.id}`} parcel={parcel} onRated={keep} /> : null}
          </View>
        );
      })}
    </View>
  );
}
