import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  SQUAD_LABELS,
  SQUADS,
  type BuildingView,
  type DispatchResult,
  type Squad,
  type VolunteerCoverageRequest,
  type VolunteerRow,
} from '@linli/shared-types';
import { dispatchParcels, getBuildings, listVolunteers, setVolunteerCoverage, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field } from '@/components/Field';
import { LabelValue } from '@/components/LabelValue';
import { Segments } from '@/components/Segments';
import { Sheet } from '@/components/Sheet';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { ListStatus } from '@/components/ListStatus';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** 志愿者: who is on duty, which buildings each covers, how they do; and 一键派单. */
export default function StaffVolunteersPage() {
  const pageClassStaffVolunteers = usePageClass('staff-volunteers');
  const [volunteers, setVolunteers] = useState<VolunteerRow[] | null>(null);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [editing, setEditing] = useState<VolunteerRow | null>(null);
  const [buildingIds, setBuildingIds] = useState<number[]>([]);
  const [capacity, setCapacity] = useState('');
  const [capacityError, setCapacityError] = useState('');
  const [squad, setSquad] = useState<Squad | null>(null);
  const [leader, setLeader] = useState(false);
  const [confirmDispatch, setConfirmDispatch] = useState(false);
  const [dispatched, setDispatched] = useState<DispatchResult | null>(null);

  const load = async () => {
    try {
      const [rows, all] = await Promise.all([listVolunteers(), getBuildings()]);
      setVolunteers(rows);
      setBuildings(all);
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(load);

  const names = (ids: number[]) =>
    ids.length === 0 ? '还没分配楼栋' : ids.map((id) => buildings.find((b) => b.id === id)?.name ?? `#${id}`).join('、');

  const open = (row: VolunteerRow) => {
    setEditing(row);
    setBuildingIds(row.buildingIds);
    setCapacity(String(row.capacity));
    setCapacityError('');
    setSquad(row.squad);
    setLeader(row.leader);
  };

  const save = useAction(async ({ userId, body }: { userId: number; body: VolunteerCoverageRequest }, key: string) => {
    const result = await setVolunteerCoverage(userId, body, key);
    setEditing(null);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    await load();
    return result;
  });

  const dispatch = useAction(async (_: null, key: string) => {
    const result = await dispatchParcels(key);
    setConfirmDispatch(false);
    setDispatched(result);
    await load();
    return result;
  });

  const submit = () => {
    if (!editing) return;
    const n = Number(capacity);
    if (!/^\d+$/.test(capacity.trim()) || n < 1 || n > 500) {
      setCapacityError('请填 1 到 500 之间的整数');
      return;
    }
    // A leader leads a squad: without one, nobody is its leader.
    const body: VolunteerCoverageRequest = {
      buildingIds: [...buildingIds].sort((a, b) => a - b),
      capacity: n,
      squad,
      leader: squad !== null && leader,
    };
    void save.run({ userId: editing.userId, body });
  };

  const toggle = (id: number) => setBuildingIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <View className={pageClassStaffVolunteers}>
      {dispatched ? (
        <View id="dispatch-result" className={dispatched.unassigned > 0 ? 'status status--pending' : 'status status--ok'}>
          <View className="status__title">派单完成</View>
          <View className="text">
            {dispatched.unassigned > 0
              ? `已派 ${dispatched.assigned} 件，未派 ${dispatched.unassigned} 件（无人负责的楼栋）`
              : `已派 ${dispatched.assigned} 件，全部派出`}
          </View>
          <View className="muted">{`派给 ${dispatched.volunteers} 位上岗的志愿者`}</View>
        </View>
      ) : null}

      <ListStatus items={volunteers} empty="社区还没有志愿者" />

      {(volunteers ?? []).map((v) => (
        <View key={v.userId} id={`volunteer-${v.userId}`} className="card vol-card" onClick={() => open(v)}>
          <View className="head-row">
            <View className="card-title head-row__title">
              {v.nickname}
              {v.leader ? (
                <View id={`volunteer-${v.userId}-leader`} className="vol-leader">
                  组长
                </View>
              ) : null}
            </View>
            <View className={v.onDuty ? 'vol-duty vol-duty--on' : 'vol-duty'}>{v.onDuty ? '上岗' : '下岗'}</View>
          </View>
          <LabelValue label="小组">
            <View id={`volunteer-${v.userId}-squad`}>{v.squad ? SQUAD_LABELS[v.squad] : '未分组'}</View>
          </LabelValue>
          <LabelValue label="负责楼栋">{names(v.buildingIds)}</LabelValue>
          <LabelValue label="每批最多">{`${v.capacity} 件`}</LabelValue>
          <LabelValue label="待送">{`${v.openTasks} 件`}</LabelValue>
          <LabelValue label="已送达">{`${v.delivered} 件`}</LabelValue>
          <LabelValue label="评分">
            {v.ratingAverage === null ? '还没有评价' : `${v.ratingAverage.toFixed(1)} 星（${v.ratings} 次评价）`}
          </LabelValue>
          <View className="sw-go">设置楼栋、件数和小组 ›</View>
        </View>
      ))}

      <View className="vol-dispatch">
        <Button id="dispatch" type="primary" size="large" block loading={dispatch.busy} onClick={() => setConfirmDispatch(true)}>
          一键派单
        </Button>
      </View>

      <Sheet
        id="coverage-sheet"
        visible={editing !== null}
        title={editing ? `${editing.nickname} 负责` : '负责楼栋'}
        onClose={() => setEditing(null)}
      >
        <Field label="负责楼栋（可多选）">
          <Choices
            idPrefix="coverage-building"
            options={buildings.map((b) => ({ value: b.id, label: b.name }))}
            selected={buildingIds}
            onToggle={toggle}
          />
        </Field>
        <Field label="每批最多送几件" error={capacityError}>
          <TextInput
            id="coverage-capacity"
            type="number"
            value={capacity}
            maxlength={3}
            invalid={capacityError !== ''}
            onChange={setCapacity}
          />
        </Field>
        <Field label="小组">
          <Choices
            idPrefix="coverage-squad"
            columns={2}
            options={[...SQUADS.map((s) => ({ value: s as Squad | 'none', label: SQUAD_LABELS[s] })), { value: 'none', label: '不分组' }]}
            selected={[squad ?? 'none']}
            onToggle={(value) => setSquad(value === 'none' ? null : value)}
          />
        </Field>
        {squad !== null ? (
          <Field label="在组里担任">
            <Segments
              idPrefix="coverage-leader"
              value={leader ? 'leader' : 'member'}
              onChange={(value) => setLeader(value === 'leader')}
              options={[
                { value: 'member', label: '组员' },
                { value: 'leader', label: '组长' },
              ]}
            />
          </Field>
        ) : null}
        <View className="button-row">
          <Button id="coverage-cancel" size="large" fill="outline" disabled={save.busy} onClick={() => setEditing(null)}>
            取消
          </Button>
          <Button id="coverage-save" type="primary" size="large" loading={save.busy} onClick={submit}>
            保存
          </Button>
        </View>
      </Sheet>

      <ConfirmDialog
        visible={confirmDispatch}
        title="一键派单"
        confirmText="派单"
        busy={dispatch.busy}
        onConfirm={() => void dispatch.run(null)}
        onCancel={() => setConfirmDispatch(false)}
      >
        所有待派送的包裹会按楼栋派给上岗的志愿者。没有志愿者负责的楼栋不会派出。
      </ConfirmDialog>
    </View>
  );
}
