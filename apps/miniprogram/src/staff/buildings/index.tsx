import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { StaffBuildingView, ZoneView } from '@linli/shared-types';
import { deleteBuilding, listStaffBuildings, listZones, showApiError } from '@/api';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LabelValue } from '@/components/LabelValue';
import { Button } from '@/components/nutui';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { BuildingForm } from './BuildingForm';
import { DoorsForm } from './DoorsForm';
import { ZonesCard } from './ZonesCard';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** What the page shows in place of a building's card: its form, or its doors form. */
type Editing = { kind: 'new' } | { kind: 'edit' | 'doors'; id: number } | null;

/**
 * 楼栋管理: the community's buildings with their units, zone and households; 新增楼栋, 修改
 * (name, units as chips, zone), 添加门牌 (floor by floor or one door), 删除 (only an empty
 * building, after a question). Residents bind to the doors added here.
 */
export default function StaffBuildingsPage() {
  const pageClass = usePageClass();
  const [buildings, setBuildings] = useState<StaffBuildingView[] | null>(null);
  const [zones, setZones] = useState<ZoneView[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<StaffBuildingView | null>(null);

  const load = async () => {
    try {
      const [list, zoneList] = await Promise.all([listStaffBuildings(), listZones()]);
      setBuildings(list);
      setZones(zoneList);
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const remove = useAction(async (building: StaffBuildingView, key: string) => {
    await deleteBuilding(building.id, key);
    setDeleting(null);
    void Taro.showToast({ title: '已删除', icon: 'success' });
    await load();
  });

  const done = (message: string, icon: 'success' | 'none' = 'success') => {
    setEditing(null);
    void Taro.showToast({ title: message, icon, duration: 2500 });
    void load();
  };

  return (
    <View className={pageClass}>
      {editing?.kind === 'new' ? (
        <BuildingForm building={null} zones={zones.map((z) => z.name)} onSaved={() => done('已新增')} onCancel={() => setEditing(null)} />
      ) : (
        <View className="sw-new">
          <Button id="building-new" type="primary" size="large" block onClick={() => setEditing({ kind: 'new' })}>
            新增楼栋
          </Button>
        </View>
      )}

      {buildings === null ? <View className="loading">正在加载…</View> : null}
      {buildings?.length === 0 ? <View className="muted">还没有楼栋，请先新增楼栋</View> : null}

      {(buildings ?? []).map((building) => {
        if (editing && editing.kind !== 'new' && editing.id === building.id) {
          return editing.kind === 'edit' ? (
            <BuildingForm
              key={building.id}
              building={building}
              zones={zones.map((z) => z.name)}
              onSaved={() => done('已保存')}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <DoorsForm
              key={building.id}
              building={building}
              onAdded={(message) => done(message, 'none')}
              onCancel={() => setEditing(null)}
            />
          );
        }
        return (
          <View key={building.id} id={`building-${building.id}`} className="card bd-card">
            <View className="card-title">{building.name}</View>
            <LabelValue label="片区">{building.zone ?? '不分片区'}</LabelValue>
            <LabelValue label="住户">{`${building.households} 户`}</LabelValue>
            <View className="bd-chips gap-top">
              {building.units.map((unit) => (
                <View key={unit} className="bd-chip bd-chip--static">
                  <View className="bd-chip__name">{unit}</View>
                  <View className="bd-chip__count">{`${building.unitHouseholds[unit] ?? 0}户`}</View>
                </View>
              ))}
            </View>
            <View className="button-stack gap-top">
              <Button
                id={`building-${building.id}-doors`}
                type="primary"
                size="large"
                block
                onClick={() => setEditing({ kind: 'doors', id: building.id })}
              >
                添加门牌
              </Button>
              <Button
                id={`building-${building.id}-edit`}
                size="large"
                block
                fill="outline"
                onClick={() => setEditing({ kind: 'edit', id: building.id })}
              >
                修改
              </Button>
              <Button
                id={`building-${building.id}-delete`}
                size="large"
                block
                fill="outline"
                type="danger"
                onClick={() => setDeleting(building)}
              >
                删除
              </Button>
            </View>
          </View>
        );
      })}

      <ZonesCard
        zones={zones}
        onRenamed={(renamed) => {
          setZones(renamed);
          void Taro.showToast({ title: '片区已改名', icon: 'success' });
          void load();
        }}
      />

      <ConfirmDialog
        visible={deleting !== null}
        title={deleting ? `删除${deleting.name}？` : ''}
        confirmText="删除"
        danger
        busy={remove.busy}
        onConfirm={() => deleting && void remove.run(deleting)}
        onCancel={() => setDeleting(null)}
      >
        {deleting && deleting.households > 0
          ? `${deleting.name}还登记着 ${deleting.households} 户住户，不能删除。请先把这些住户改到别的楼栋。`
          : '删除后，居民绑定时就看不到这栋楼了。'}
      </ConfirmDialog>
    </View>
  );
}
