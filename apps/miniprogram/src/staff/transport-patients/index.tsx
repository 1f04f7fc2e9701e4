import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { TransportPatient } from '@linli/shared-types';
import { listTransportPatients, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { useRefresh } from '@/hooks/useRefresh';
import { needsText, scheduleText } from '../transport-day/transport-texts';
import '../transport-day/transport.css';
import { usePageClass } from '@/hooks/useElderly';

/** 需要接送的病人 (staff): everyone registered for regular trips, with schedule and needs. */
export default function TransportPatientsPage() {
  const pageClass = usePageClass();
  const [patients, setPatients] = useState<TransportPatient[] | null>(null);

  useRefresh(async () => {
    try {
      setPatients(await listTransportPatients());
    } catch (error) {
      showApiError(error);
    }
  });

  return (
    <View className={pageClass}>
      <Button
        id="tr-patient-new"
        type="primary"
        size="large"
        block
        onClick={() => void Taro.navigateTo({ url: '/staff/transport-patient/index' })}
      >
        登记病人
      </Button>
      <View className="muted gap-top">定期去医院的病人（透析、化疗等）：每周哪几天、几点接、去哪家医院，坐轮椅或有陪护。</View>
      <View className="gap-top" />
      <ListStatus items={patients} empty="还没有登记病人" emptyId="tr-patients-empty" />
      {(patients ?? []).map((p) => (
        <View
          key={p.id}
          id={`tr-patient-${p.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/staff/transport-patient/index?id=${p.id}` })}
        >
          <View className="card-title">{`${p.name}${p.active ? '' : '（已停用）'}`}</View>
          <View className="big-text">{scheduleText(p)}</View>
          <View className="muted">{p.door}</View>
          {needsText(p) ? <View className="tr-needs">{needsText(p)}</View> : null}
          <View className="entry__arrow">修改 ›</View>
        </View>
      ))}
    </View>
  );
}
