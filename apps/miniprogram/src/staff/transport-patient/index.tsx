import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  HOSPITAL_MAX,
  PATIENT_KINDS,
  PATIENT_KIND_LABELS,
  PATIENT_NAME_MAX,
  PATIENT_NOTE_MAX,
  WEEKDAYS,
  WEEKDAY_LABELS,
  type BuildingView,
  type HouseholdView,
  type PatientKind,
  type SavePatientRequest,
  type Weekday,
} from '@linli/shared-types';
import { fieldErrors, getBuildings, listHouseholds, listTransportPatients, saveTransportPatient, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field, TextField } from '@/components/Field';
import { Segments } from '@/components/Segments';
import { useAction } from '@/hooks/useAction';
import { HouseholdSearch } from '../HouseholdSearch';
import { EMPTY_DRAFT, householdQuery, type HouseholdDraft } from '../household-search';
import '../transport-day/transport.css';
import { usePageClass } from '@/hooks/useElderly';

const EMPTY: SavePatientRequest = {
  householdId: 0,
  name: '',
  kind: 'dialysis',
  hospital: '',
  weekdays: [],
  pickupTime: '07:30',
  wheelchair: false,
  companion: false,
  note: '',
  active: true,
};

/** 登记病人 (staff): new (no ?id) or edit (?id=): the household, schedule, hospital and needs. */
export default function TransportPatientPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id) || null;
  const [form, setForm] = useState<SavePatientRequest>(EMPTY);
  const [door, setDoor] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [draft, setDraft] = useState<HouseholdDraft>(EMPTY_DRAFT);
  const [matches, setMatches] = useState<HouseholdView[] | null>(null);

  useEffect(() => {
    getBuildings().then(setBuildings, showApiError);
    if (id)
      listTransportPatients().then((all) => {
        const p = all.find((x) => x.id === id);
        if (!p) return;
        setDoor(p.door);
        setForm({ ...p });
      }, showApiError);
  }, [id]);

  const search = useAction(async (query: { buildingId?: number; room?: string; q?: string }) => {
    const page = await listHouseholds({ ...query, page: 1, pageSize: 20 });
    setMatches(page.items);
    return page;
  });

  const save = useAction(
    async (body: SavePatientRequest, key: string) => {
      const saved = await saveTransportPatient(id, body, key);
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
    if (!form.householdId) missing.householdId = '请先查找并选择病人住的户';
    if (!form.name.trim()) missing.name = '请填写病人姓名';
    if (form.hospital.trim().length < 2) missing.hospital = '请填写医院名称，例如：省立医院';
    if (form.weekdays.length === 0) missing.weekdays = '请选择每周哪几天去';
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.pickupTime)) missing.pickupTime = '时间要写成 07:30 这样';
    if (Object.keys(missing).length > 0) return setErrors(missing);
    setErrors({});
    void save.run(form);
  };

  const toggleDay = (d: Weekday): void =>
    setForm((f) => ({ ...f, weekdays: f.weekdays.includes(d) ? f.weekdays.filter((x) => x !== d) : [...f.weekdays, d].sort() }));

  return (
    <View className={pageClass}>
      <View className="card">
        <Field label="病人住的户" error={errors.householdId} hint="家里的成员会收到接送消息">
          <View id="tr-patient-door" className="big-text">
            {door || '还没有选择'}
          </View>
        </Field>
        <HouseholdSearch
          idPrefix="tr-find"
          buildings={buildings}
          draft={draft}
          onDraft={setDraft}
          busy={search.busy}
          onSearch={() => void search.run(householdQuery(draft))}
          matches={matches}
        >
          {(matches ?? []).map((h) => (
            <View
              key={h.id}
              id={`tr-household-${h.id}`}
              className="tr-row"
              onClick={() => {
                setForm((f) => ({ ...f, householdId: h.id }));
                setDoor(h.address);
                setMatches(null);
              }}
            >
              {`${h.address}  选择 ›`}
            </View>
          ))}
        </HouseholdSearch>
      </View>
      <View className="card">
        <TextField
          id="tr-patient-name"
          label="病人姓名"
          value={form.name}
          maxlength={PATIENT_NAME_MAX}
          placeholder="例如：李阿姨"
          onChange={(name) => setForm((f) => ({ ...f, name }))}
          error={errors.name}
        />
        <Field label="治疗" error={errors.kind}>
          <Segments<PatientKind>
            idPrefix="tr-patient-kind"
            options={PATIENT_KINDS.map((k) => ({ value: k, label: PATIENT_KIND_LABELS[k] }))}
            value={form.kind}
            onChange={(kind) => setForm((f) => ({ ...f, kind }))}
          />
        </Field>
        <TextField
          id="tr-patient-hospital"
          label="医院"
          value={form.hospital}
          maxlength={HOSPITAL_MAX}
          placeholder="例如：省立医院"
          onChange={(hospital) => setForm((f) => ({ ...f, hospital }))}
          error={errors.hospital}
        />
        <Field label="每周哪几天" error={errors.weekdays}>
          <Choices
            idPrefix="tr-patient-day"
            columns={4}
            options={WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }))}
            selected={form.weekdays}
            onToggle={toggleDay}
          />
        </Field>
        <TextField
          id="tr-patient-time"
          label="几点接（24小时制）"
          value={form.pickupTime}
          maxlength={5}
          placeholder="07:30"
          onChange={(pickupTime) => setForm((f) => ({ ...f, pickupTime }))}
          error={errors.pickupTime}
        />
        <Field label="行动">
          <Segments
            idPrefix="tr-patient-wheelchair"
            options={[
              { value: 'no', label: '能走路' },
              { value: 'yes', label: '坐轮椅' },
            ]}
            value={form.wheelchair ? 'yes' : 'no'}
            onChange={(v) => setForm((f) => ({ ...f, wheelchair: v === 'yes' }))}
          />
        </Field>
        <Field label="陪护人" hint="陪护人一起坐车，多占一个座位">
          <Segments
            idPrefix="tr-patient-companion"
            options={[
              { value: 'no', label: '不用陪护' },
              { value: 'yes', label: '有人陪护' },
            ]}
            value={form.companion ? 'yes' : 'no'}
            onChange={(v) => setForm((f) => ({ ...f, companion: v === 'yes' }))}
          />
        </Field>
        <TextField
          id="tr-patient-note"
          label="备注"
          value={form.note ?? ''}
          maxlength={PATIENT_NOTE_MAX}
          placeholder="例如：住三楼没电梯，要人扶"
          onChange={(note) => setForm((f) => ({ ...f, note }))}
          error={errors.note}
        />
        {id ? (
          <Field label="接送">
            <Segments
              idPrefix="tr-patient-active"
              options={[
                { value: 'yes', label: '继续接送' },
                { value: 'no', label: '停用' },
              ]}
              value={form.active === false ? 'no' : 'yes'}
              onChange={(v) => setForm((f) => ({ ...f, active: v === 'yes' }))}
            />
          </Field>
        ) : null}
        <View className="gap-top">
          <Button id="tr-patient-save" type="primary" size="large" block loading={save.busy} onClick={submit}>
            保存
          </Button>
        </View>
      </View>
    </View>
  );
}
