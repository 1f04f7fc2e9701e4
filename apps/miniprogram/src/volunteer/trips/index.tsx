import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { TRIP_NEXT, TRIP_STATE_LABELS, type TransportTrip } from '@linli/shared-types';
import { listDriverTrips, progressDriverTrip, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { dayLabel, needsText } from '../../staff/transport-day/transport-texts';
import '../../staff/transport-day/transport.css';
import { usePageClass } from '@/hooks/useElderly';

/** 我的接送 (driver): my trips today and the next days, with one big button for the next step. */
export default function DriverTripsPage() {
  const pageClass = usePageClass();
  const [trips, setTrips] = useState<TransportTrip[] | null>(null);

  useRefresh(async () => {
    try {
      setTrips(await listDriverTrips());
    } catch (error) {
      showApiError(error);
    }
  });

  const step = useAction(async (trip: TransportTrip, key: string) => {
    const next = TRIP_NEXT[trip.state];
    if (!next) return trip;
    const moved = await progressDriverTrip(trip.id, next.to, key);
    setTrips((all) => (all ?? []).map((t) => (t.id === moved.id ? moved : t)));
    void Taro.showToast({ title: `${next.label}，已告诉家属`, icon: 'success' });
    return moved;
  });

  return (
    <View className={pageClass}>
      <View className="muted">每一步点一下，病人家属就会收到消息。</View>
      <ListStatus items={trips} empty="最近没有接送任务" emptyId="tr-driver-empty" />
      {(trips ?? []).map((t) => {
        const next = TRIP_NEXT[t.state];
        return (
          <View key={t.id} id={`tr-driver-trip-${t.id}`} className="card">
            <View className="card-title">{`${dayLabel(t.date)} ${t.departTime}`}</View>
            <View className="big-text">{`去 ${t.hospital}`}</View>
            <View className="muted">{`${t.vehicleName}（${t.plate}）`}</View>
            <View className={`tr-state tr-state--${t.state.toLowerCase()}`} id={`tr-driver-trip-${t.id}-state`}>
              {TRIP_STATE_LABELS[t.state]}
            </View>
            {t.riders.map((r) => (
              <View key={r.patientId} className="tr-row">
                <View className="tr-name">{`${r.pickupTime} ${r.name}`}</View>
                <View className="big-text">{r.door}</View>
                {needsText(r) ? <View className="tr-needs">{needsText(r)}</View> : null}
              </View>
            ))}
            {next ? (
              <View className="tr-step">
                <Button
                  id={`tr-driver-trip-${t.id}-next`}
                  type="primary"
                  size="large"
                  block
                  loading={step.busy}
                  onClick={() => void step.run(t)}
                >
                  {next.label}
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
