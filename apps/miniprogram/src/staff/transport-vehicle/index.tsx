import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { VEHICLE_NAME_MAX, type SaveVehicleRequest, type VolunteerRow } from '@linli/shared-types';
import { fieldErrors, listTransportVehicles, listVolunteers, saveTransportVehicle, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field, TextField } from '@/components/Field';
import { Segments } from '@/components/Segments';
import { useAction } from '@/hooks/useAction';
import '../transport-day/transport.css';
import { usePageClass } from '@/hooks/useElderly';

interface Draft {
  name: string;
  plate: string;
  seats: string;
  wheelchairPlaces: string;
  driverId: number;
  active: boolean;
}

const EMPTY: Draft = { name: '', plate: '', seats: '4', wheelchairPlaces: '0', driverId: 0, active: true };

/** 登记车辆 (staff): name, plate, seats (the driver's not counted), wheelchair places, the driver (a volunteer). */
export default function TransportVehiclePage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id) || null;
  const [form, setForm] = useState<Draft>(EMPTY);
  const [volunteers, setVolunteers] = useState<VolunteerRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    listVolunteers().then(setVolunteers, showApiError);
    if (id)
      listTransportVehicles().then((all) => {
        const v = all.find((x) => x.id === id);
        if (v) setForm({ ...v, seats: String(v.seats), wheelchairPlaces: String(v.wheelchairPlaces) });
      }, showApiError);
  }, [id]);

  const save = useAction(
    async (body: SaveVehicleRequest, key: string) => {
      const saved = await saveTransportVehicle(id, body, key);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 600);
      return saved;
    },
    (error) => {
      const fields = fieldErrors(error);
      if (Object.keys(fields).length === 0) return false;
      setErrors(fields);
      return true;
    },
  );

  const submit = (): void => {
    const missing: Record<string, string> = {};
    if (!form.name.trim()) missing.name = '请填写车辆名称，例如：爱心车1号';
    if (form.plate.trim().length < 5) missing.plate = '请填写车牌号，例如 苏A12345';
    if (!(Number(form.seats) >= 1)) missing.seats = '座位数至少 1 个（不算司机）';
    if (!form.driverId) missing.driverId = '请选择司机';
    if (Object.keys(missing).length > 0) return setErrors(missing);
    setErrors({});
    void save.run({
      name: form.name,
      plate: form.plate,
      seats: Number(form.seats),
      wheelchairPlaces: Number(form.wheelchairPlaces) || 0,
      driverId: form.driverId,
      active: form.active,
    });
  };

  return (
    <View className={pageClass}>
      <View className="card">
        <TextField
          id="tr-vehicle-name"
          label="车辆名称"
          value={form.name}
          maxlength={VEHICLE_NAME_MAX}
          placeholder="例如：爱心车1号"
          onChange={(name) => setForm((f) => ({ ...f, name }))}
          error={errors.name}
        />
        <TextField
          id="tr-vehicle-plate"
          label="车牌号"
          value={form.plate}
          maxlength={10}
          placeholder="例如：苏A12345"
          onChange={(plate) => setForm((f) => ({ ...f, plate }))}
          error={errors.plate}
        />
        <TextField
          id="tr-vehicle-seats"
          label="座位数（不算司机）"
          type="number"
          value={form.seats}
          maxlength={2}
          onChange={(seats) => setForm((f) => ({ ...f, seats }))}
          error={errors.seats}
        />
        <TextField
          id="tr-vehicle-wheelchairs"
          label="轮椅位"
          type="number"
          value={form.wheelchairPlaces}
          maxlength={1}
          onChange={(wheelchairPlaces) => setForm((f) => ({ ...f, wheelchairPlaces }))}
          error={errors.wheelchairPlaces}
        />
        <Field label="司机" hint="从本社区的志愿者中选择；司机要登记手机号" error={errors.driverId}>
          {volunteers.length === 0 ? <View className="muted">社区还没有志愿者</View> : null}
          <Choices
            idPrefix="tr-vehicle-driver"
            columns={2}
            options={volunteers.map((v) => ({ value: v.userId, label: v.nickname }))}
            selected={form.driverId ? [form.driverId] : []}
            onToggle={(driverId) => setForm((f) => ({ ...f, driverId }))}
          />
        </Field>
        {id ? (
          <Field label="使用">
            <Segments
              idPrefix="tr-vehicle-active"
              options={[
                { value: 'yes', label: '在用' },
                { value: 'no', label: '停用' },
              ]}
              value={form.active ? 'yes' : 'no'}
              onChange={(v) => setForm((f) => ({ ...f, active: v === 'yes' }))}
            />
          </Field>
        ) : null}
        <View className="gap-top">
          <Button id="tr-vehicle-save" type="primary" size="large" block loading={save.busy} onClick={submit}>
            保存
          </Button>
        </View>
      </View>
    </View>
  );
}
