import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { TRIP_STATE_LABELS, type FamilyTrip, type FamilyTrips } from '@linli/shared-types';
import { getFamilyTrips, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { usePageClass } from '@/hooks/useElderly';
import { useLiveRefresh } from '@/hooks/useRefresh';
import { dial } from '@/utils/dial';
import { dayLabel, todayDate } from '../../staff/transport-day/transport-texts';
import '../../staff/transport-day/transport.css';
import './trips.css';

/** Where the trip is, in words a family reads at a glance. */
function stateText(t: FamilyTrip): string {
  if (t.state === 'RETURNED' && t.returnedBy === 'staff') return `社区已登记结束${t.returnNote ? `：${t.returnNote}` : ''}`;
  if (t.state === 'PLANNED') return `${TRIP_STATE_LABELS.PLANNED}：${t.departTime} 到楼下接`;
  return TRIP_STATE_LABELS[t.state];
}

/**
 * 家人接送: my household's patients' trips today and the next days — when they are picked up,
 * the hospital, the vehicle and its plate, the driver with a call button, and where the trip is
 * now (it reloads by itself while open, so the driver's 已接上 / 已到医院 / 已送回家 show up).
 */
export default function FamilyTripsPage() {
  const pageClass = usePageClass();
  const [data, setData] = useState<FamilyTrips | null>(null);

  useLiveRefresh(async (quiet?: boolean) => {
    try {
      setData(await getFamilyTrips());
    } catch (error) {
      if (!quiet) showApiError(error);
    }
  }, 30_000);

  const call = async (phone: string): Promise<void> => {
    if (!(await dial(phone))) void Taro.showModal({ title: '司机电话', content: phone, showCancel: false });
  };
  const today = todayDate();

  return (
    <View className={pageClass}>
      <View className="muted">司机每接上、到医院、送回家，这里和「消息」都会马上告诉您。</View>
      <ListStatus items={data?.trips ?? (data ? [] : null)} empty="最近没有接送安排" emptyId="family-trips-empty" />
      {(data?.trips ?? []).map((t) => (
        <View key={`${t.id}-${t.patientId}`} id={`family-trip-${t.id}-${t.patientId}`} className="card">
          <View className="card-title">{`${t.date === today ? '今天' : dayLabel(t.date)} ${t.departTime} 接${t.patientName}`}</View>
          <View className="big-text">{`去 ${t.hospital}`}</View>
          <View
            className={`tr-state tr-state--${t.state.toLowerCase()} family-trip__state`}
            id={`family-trip-${t.id}-${t.patientId}-state`}
          >
            {stateText(t)}
          </View>
          <View className="text">{`${t.vehicleName}（${t.plate}）`}</View>
          <View className="text">{`司机：${t.driverName}`}</View>
          {t.driverPhone ? (
            <View className="gap-small">
              <Button id={`family-trip-${t.id}-${t.patientId}-call`} size="large" block onClick={() => void call(t.driverPhone as string)}>
                {`打电话给司机 ${t.driverPhone}`}
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
