import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import {
  TRIP_NOTE_MAX,
  TRIP_STATE_LABELS,
  type TransportDay,
  type TransportTrip,
  type TransportVehicle,
  type TripRider,
  type VolunteerRow,
} from '@linli/shared-types';
import {
  buildTransportDay,
  cancelTransportTrip,
  getTransportDay,
  listTransportVehicles,
  listVolunteers,
  moveTransportRider,
  showApiError,
  skipTransportRider,
  staffReturnTransportTrip,
  updateTransportTrip,
} from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { addDays, dayLabel, needsText, todayDate } from './transport-texts';
import './transport.css';
import { usePageClass } from '@/hooks/useElderly';

/**
 * 病人接送 (staff): the day's board — date switch, 「生成当天行程」, each trip with vehicle, driver,
 * riders and state, and the patients due that day without a vehicle, in red. By hand: a rider
 * moved to another trip or kept home (「这次不去」), a trip given another vehicle, a trip on the
 * road ended by staff when its driver cannot (「登记结束」, with a note such as 患者留院).
 */
export default function TransportDayPage() {
  const pageClass = usePageClass();
  const [date, setDate] = useState(useRouter().params.date ?? todayDate());
  const [day, setDay] = useState<TransportDay | null>(null);
  const [cancelling, setCancelling] = useState<TransportTrip | null>(null);
  /** The rider being moved (to another trip) or kept home, with their trip. */
  const [moving, setMoving] = useState<{ fromTripId: number | null; patientId: number; name: string } | null>(null);
  const [skipping, setSkipping] = useState<{ trip: TransportTrip; rider: TripRider } | null>(null);
  const [changing, setChanging] = useState<TransportTrip | null>(null);
  const [vehicles, setVehicles] = useState<TransportVehicle[]>([]);
  const [drivers, setDrivers] = useState<VolunteerRow[]>([]);
  const [ending, setEnding] = useState<TransportTrip | null>(null);
  const [note, setNote] = useState('');

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

  const move = useAction(async (to: TransportTrip, key: string) => {
    const result = await moveTransportRider(to.id, (moving as { patientId: number }).patientId, key);
    setMoving(null);
    setDay(result);
    void Taro.showToast({ title: '已换车，已告诉家属', icon: 'success' });
    return result;
  });

  const skip = useAction(async (_: null, key: string) => {
    const { trip, rider } = skipping as { trip: TransportTrip; rider: TripRider };
    const result = await skipTransportRider(trip.id, rider.patientId, note, key);
    setSkipping(null);
    setDay(result);
    return result;
  });

  const change = useAction(async (to: { vehicleId: number } | { driverId: number }, key: string) => {
    const result = await updateTransportTrip((changing as TransportTrip).id, to, key);
    setChanging(null);
    setDay(result);
    void Taro.showToast({ title: '已换车，已告诉家属和司机', icon: 'success' });
    return result;
  });

  const end = useAction(async (_: null, key: string) => {
    const result = await staffReturnTransportTrip((ending as TransportTrip).id, note, key);
    setEnding(null);
    setDay(result);
    return result;
  });

  const openChange = async (trip: TransportTrip): Promise<void> => {
    try {
      const [all, volunteers] = await Promise.all([listTransportVehicles(), listVolunteers()]);
      setVehicles(all.filter((v) => v.active && v.id !== trip.vehicleId));
      setDrivers(volunteers.filter((v) => v.userId !== trip.driverId));
      setChanging(trip);
    } catch (error) {
      showApiError(error);
    }
  };

  const noteBox = (id: string, placeholder: string) => (
    <Textarea
      id={id}
      className="textarea"
      value={note}
      maxlength={TRIP_NOTE_MAX}
      placeholder={placeholder}
      placeholderClass="input-placeholder"
      onInput={(e) => setNote(e.detail.value)}
    />
  );

  const planned = (day?.trips ?? []).filter((t) => t.state === 'PLANNED');
  const riding = (day?.trips ?? []).filter((t) => t.state !== 'CANCELLED').reduce((n, t) => n + t.riders.length, 0);

  return (
    <View className={pageClass}>
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
              <Button
                id={`tr-unplanned-${u.patient.id}-ride`}
                size="large"
                onClick={() => setMoving({ fromTripId: null, patientId: u.patient.id, name: u.patient.name })}
              >
                安排上车
              </Button>
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
              {t.state === 'PLANNED' ? (
                <View className="button-row gap-small">
                  <Button
                    id={`tr-trip-${t.id}-rider-${r.patientId}-move`}
                    size="large"
                    onClick={() => setMoving({ fromTripId: t.id, patientId: r.patientId, name: r.name })}
                  >
                    换一趟车
                  </Button>
                  <Button
                    id={`tr-trip-${t.id}-rider-${r.patientId}-skip`}
                    size="large"
                    onClick={() => {
                      setNote('');
                      setSkipping({ trip: t, rider: r });
                    }}
                  >
                    这次不去
                  </Button>
                </View>
              ) : null}
            </View>
          ))}
          {t.returnedBy === 'staff' ? (
            <View className="muted" id={`tr-trip-${t.id}-ended`}>{`社区登记结束${t.returnNote ? `：${t.returnNote}` : ''}`}</View>
          ) : null}
          {t.state === 'PLANNED' ? (
            <View className="button-row gap-small">
              <Button id={`tr-trip-${t.id}-vehicle`} size="large" onClick={() => void openChange(t)}>
                换车/司机
              </Button>
              <Button id={`tr-trip-${t.id}-cancel`} size="large" fill="outline" onClick={() => setCancelling(t)}>
                取消这趟车
              </Button>
            </View>
          ) : null}
          {t.state === 'PICKED_UP' || t.state === 'ARRIVED' ? (
            <View className="gap-small">
              <Button
                id={`tr-trip-${t.id}-end`}
                size="large"
                block
                fill="outline"
                onClick={() => {
                  setNote('');
                  setEnding(t);
                }}
              >
                登记结束（司机联系不上、病人留院）
              </Button>
            </View>
          ) : null}
        </View>
      ))}

      {day && day.skipped.length > 0 ? (
        <View id="tr-skipped" className="card gap-top">
          <View className="card-title">{`这次不去：${day.skipped.length} 位`}</View>
          {day.skipped.map((x) => (
            <View key={x.patient.id} className="tr-row" id={`tr-skipped-${x.patient.id}`}>
              <View className="tr-name">{`${x.patient.name} ${x.patient.pickupTime} · ${x.patient.hospital}`}</View>
              <View className="muted">{x.note || '没有写原因'}</View>
              <Button
                id={`tr-skipped-${x.patient.id}-ride`}
                size="large"
                onClick={() => setMoving({ fromTripId: null, patientId: x.patient.id, name: x.patient.name })}
              >
                还是要去：安排上车
              </Button>
            </View>
          ))}
        </View>
      ) : null}

      <ConfirmDialog
        visible={moving !== null}
        title={moving ? `${moving.name}坐哪趟车` : '换一趟车'}
        confirmText="不换了"
        busy={move.busy}
        onConfirm={() => setMoving(null)}
        onCancel={() => setMoving(null)}
      >
        {planned.filter((t) => t.id !== moving?.fromTripId).length === 0 ? <View className="text">这天没有别的待出发的车。</View> : null}
        {planned
          .filter((t) => t.id !== moving?.fromTripId)
          .map((t) => (
            <View key={t.id} className="gap-small">
              <Button id={`tr-move-to-${t.id}`} size="large" block loading={move.busy} onClick={() => void move.run(t)}>
                {`${t.departTime} ${t.hospital} · ${t.vehicleName}（${t.plate}）`}
              </Button>
            </View>
          ))}
        <View className="muted">坐不下、车或司机那时有别的接送，会说明原因，什么都不改。</View>
      </ConfirmDialog>

      <ConfirmDialog
        visible={changing !== null}
        title="换车或换司机"
        confirmText="不换了"
        busy={change.busy}
        onConfirm={() => setChanging(null)}
        onCancel={() => setChanging(null)}
      >
        {vehicles.length === 0 ? <View className="text">没有别的车可换。</View> : null}
        {vehicles.map((v) => (
          <View key={v.id} className="gap-small">
            <Button
              id={`tr-change-to-${v.id}`}
              size="large"
              block
              loading={change.busy}
              onClick={() => void change.run({ vehicleId: v.id })}
            >
              {`${v.name}（${v.plate}）· 司机 ${v.driverName}`}
            </Button>
          </View>
        ))}
        <View className="card-title gap-top">车不换，只换司机</View>
        {drivers.map((d) => (
          <View key={d.userId} className="gap-small">
            <Button
              id={`tr-change-driver-${d.userId}`}
              size="large"
              block
              loading={change.busy}
              onClick={() => void change.run({ driverId: d.userId })}
            >
              {d.nickname}
            </Button>
          </View>
        ))}
        <View className="muted">车或司机那时有别的接送、座位不够，会说明原因，什么都不改。</View>
      </ConfirmDialog>

      <ConfirmDialog
        visible={skipping !== null}
        title={skipping ? `${skipping.rider.name}这次不去` : '这次不去'}
        confirmText="这次不去"
        busy={skip.busy}
        onConfirm={() => void skip.run(null)}
        onCancel={() => setSkipping(null)}
      >
        <View className="text">车上其他病人照常接送；家属和司机会收到消息。</View>
        {noteBox('tr-skip-note', '原因（可不填），例如：今天身体不适')}
      </ConfirmDialog>

      <ConfirmDialog
        visible={ending !== null}
        title="登记这趟接送结束"
        confirmText="登记结束"
        busy={end.busy}
        onConfirm={() => void end.run(null)}
        onCancel={() => setEnding(null)}
      >
        <View className="text">司机联系不上或病人留院时由社区登记；家属和司机会收到消息。</View>
        {noteBox('tr-end-note', '说明（可不填），例如：患者留院')}
      </ConfirmDialog>

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
