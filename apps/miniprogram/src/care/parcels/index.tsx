import { useState } from 'react';
import { View } from '@tarojs/components';
import { PARCEL_STATE_LABELS, type ParcelSummary } from '@linli/shared-types';
import { listMyCareParcels } from '@/api';
import { ContactlessCard } from '@/components/ContactlessCard';
import { DoorCode } from '@/components/DoorCode';
import { ListStatus } from '@/components/ListStatus';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { RatingCard } from '@/components/RatingCard';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { showsDoorCode } from '@/utils/door-code';
import { formatTime } from '@/utils/format';
import './parcels.css';
import { usePageClass } from '@/hooks/useElderly';

/** 我的关爱包: the free packages the community gave my household, and how far each has got. */
export default function MyCareParcelsPage() {
  const pageClass = usePageClass();
  const { data, noHousehold } = useHouseholdData(listMyCareParcels);
  // A parcel confirmed or rated here, until the next reload brings it.
  const [changed, setChanged] = useState<Record<number, ParcelSummary>>({});
  if (noHousehold) return <NoHouseholdPage />;

  return (
    <View className={pageClass}>
      <ListStatus items={data} empty="还没有关爱包。社区给您家送关爱包时，会在这里和消息里告诉您。" emptyId="care-parcels-empty" />
      {(data ?? []).map((c) => {
        const parcel = changed[c.id] ?? c.parcel;
        const keep = (next: ParcelSummary): void => setChanged((current) => ({ ...current, [c.id]: next }));
        return (
          <View key={c.id} id={`care-parcel-${c.id}`} className="card care-card">
            <View className="care-card__title">{`💝 ${c.title}`}</View>
            <View className="text">{c.contents}</View>
            <View className="muted">{`${formatTime(c.givenAt)} 社区免费赠送`}</View>
            <View id={`care-parcel-${c.id}-state`} className="care-card__state">
              {PARCEL_STATE_LABELS[parcel.state]}
            </View>
            {parcel.state === 'LEFT_AT_DOOR' ? <ContactlessCard parcel={parcel} onChanged={keep} /> : null}
            {showsDoorCode(parcel) ? (
              <DoorCode parcel={parcel} idPrefix={`care-parcel-${c.id}`} title="关爱包在路上" hint="志愿者送上门时请出示此码" />
            ) : null}
            {parcel.state === 'DELIVERED' ? <RatingCard idPrefix={`care-parcel-${c.id}`} parcel={parcel} onRated={keep} /> : null}
          </View>
        );
      })}
    </View>
  );
}
