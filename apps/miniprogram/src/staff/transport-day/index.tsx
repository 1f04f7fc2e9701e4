import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { TRIP_STATE_LABELS, type TransportDay, type TransportTrip } from '@linli/shared-types';
import { buildTransportDay, cancelTransportTrip, getTransportDay, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { addDays, dayLabel, needsText, todayDate } from './transport-texts';
import './transport.css';

/**
 * 病人接送 (staff): the day's board — date switch, 「生成当天行程」, each trip with vehicle, driver,
 * riders and state, and the patients due that day without a vehicle, in red.
 */
export default function TransportDayPage() {
  const [date, setDate] = useState(useRouter().params.date ?? todayDate());
  const [day, setDay] = useState<TransportDay | null>(null);
  const [cancelling, setCancelling] = useState<TransportTrip | null>(null);

  const load = async (d: string): Promise<void> => {
    try {
      setDay(await getTransportDay(d));
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(() => load(date));

  const go = (days: number): void => {
    const next = days === 0 ? todayDate() : addDays(date, days);
    setDate(next);
    setDay(null);
    void load(next);
  };

  const build = useAction(async (_: null, key: string) => {
    const result = await buildTransportDay(date, key);
    setDay(result.day);
    void Taro.showToast({
      title: result.ridersAdded > 0 ? `已安排 ${result.ridersAdded} 位` : '没有要新安排的病人',
      icon: result.ridersAdded > 0 ? 'success' : 'none',
    });
    return result;
  });

  const cancel = useAction(async (trip: TransportTrip, key: string) => {
    const result = await cancelTransportTrip(trip.id, key);
    setCancelling(null);
    setDay(result);
    return result;
  });

  const riding = (day?.trips ?? []).filter((t) => t.state !== 'CANCELLED').reduce((n, t) => n + t.riders.length, 0);

  return (
    <View className="page">
      <View className="button-row">
        <Button id="tr-day-prev" size="large" onClick={() => go(-1)}>
          ‹ 前一天
        </Button>
        <Button id="tr-day-today" size="large" onClick={() => go(0)}>
          今天
        </Button>
        <Button id="tr-day-next" size="large" onClick={() => go(1)}>
          后一天 ›
        </Button>
      </View>
      <View id="tr-day-date" className="tr-date">
        {dayLabel(date)}
      </View>
      <Button id="tr-build" type="primary" size="large" block loading={build.busy} onClick={() => void build.run(null)}>
        生成当天行程
      </Button>
      <View className="muted gap-small">按接送时间和医院把病人排进车里；再点一次只会安排还没排上的病人。</View>
      <View className="button-row gap-small">
        <Button id="tr-go-patients" size="large" onClick={() => void Taro.navigateTo({ url: '/staff/transport-patients/index' })}>
          病人
        </Button>
        <Button id="tr-go-vehicles" size="large" onClick={() => void Taro.navigateTo({ url: '/staff/transport-vehicles/index' })}>
          车辆
        </Button>
      </View>

      {day && day.unplanned.length > 0 ? (
        <View id="tr-unplanned" className="card tr-unplanned gap-top">
          <View className="card-title">{`没有安排上车：${day.unplanned.length} 位`}</View>
          {day.unplanned.map((u) => (
            <View key={u.patient.id} id={`tr-unplanned-${u.patient.id}`} className="tr-row">
              <View className="tr-name tr-red">{`${u.patient.name} ${u.patient.pickupTime} · ${u.patient.hospital}`}</View>
              <View className="muted">{u.patient.door}</View>
              <View className="tr-red">{u.reason}</View>
            </View>
          ))}
        </View>
      ) : null}

      {day ? (
        <View className="big-text gap-top" id="tr-day-figures">
          {`${day.trips.filter((t) => t.state !== 'CANCELLED').length} 趟车 · ${riding} 位病人`}
        </View>
      ) : null}
      {day && day.trips.length === 0 ? <View className="muted gap-top">这天还没有行程</View> : null}
      {(day?.trips ?? []).map((t) => (
        <View key={t.id} id={`tr-trip-${t.id}`} className="card">
          <View className="card-title">{`${t.departTime} ${t.hospital}`}</View>
          <View className={`tr-state tr-state--${t.state.toLowerCase()}`} id={`tr-trip-${t.id}-state`}>
            {TRIP_STATE_LABELS[t.state]}
          </View>
          <View className="muted">{`${t.vehicleName}（${t.plate}）· 司机 ${t.driverName}${t.driverPhone ? ` ${t.driverPhone}` : ''}`}</View>
          <View className="muted">{`占 ${t.seatsUsed} 个座位 · ${t.wheelchairsUsed} 个轮椅位`}</View>
          {t.riders.map((r) => (
            <View key={r.patientId} className="tr-row" id={`tr-trip-${t.id}-rider-${r.patientId}`}>
              <View className="tr-name">{r.name}</View>
              <View className="muted">{r.door}</View>
              {needsText(r) ? <View className="tr-needs">{needsText(r)}</View> : null}
            </View>
          ))}
          {t.state === 'PLANNED' ? (
            <View className="gap-small">
              <Button id={`tr-trip-${t.id}-cancel`} size="large" block fill="outline" onClick={() => setCancelling(t)}>
                取消这趟车
              </Button>
            </View>
          ) : null}
        </View>
      ))}

      <ConfirmDialog
        visible={cancelling !== null}
        title="取消这趟车"
        confirmText="取消这趟车"
        busy={cancel.busy}
        onConfirm={() => cancelling && void cancel.run(cancelling)}
        onCancel={() => setCancelling(null)}
      >
        <View className="text">车上的病人会变成「没有安排上车」，家属会收到消息。</View>
      </ConfirmDialog>
    </View>
  );
}
