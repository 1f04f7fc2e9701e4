import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { MEDICINE_STATE_LABELS, URGENCY_LABELS, type MedicineRequestView, type MedicineState } from '@linli/shared-types';
import { listMyMedicineRequests, repeatMedicineRequest } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LabelValue } from '@/components/LabelValue';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { useAction } from '@/hooks/useAction';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { formatTime } from '@/utils/format';
import { ENDED } from '../road';
import { itemsSummary, REPEATABLE, waitingText } from '../texts';
import { ListStatus } from '@/components/ListStatus';
import '../medicine.css';
import { usePageClass } from '@/hooks/useElderly';

function stateClass(state: MedicineState): string {
  if (state === 'QUOTED') return 'state-badge md-state--quoted';
  return ENDED.includes(state) ? 'state-badge md-state--ended' : 'state-badge';
}

/** 代买药品: my household's medicine requests, newest first; 登记买药 and 再买一次 (慢性病续药). */
export default function MedicineListPage() {
  const pageClass = usePageClass();
  const { data: requests, noHousehold } = useHouseholdData(listMyMedicineRequests);
  const [repeating, setRepeating] = useState<MedicineRequestView | null>(null);

  const repeat = useAction(async (id: number, key: string) => {
    const result = await repeatMedicineRequest(id, key);
    setRepeating(null);
    void Taro.navigateTo({ url: `/medicine/request/index?id=${result.id}&placed=1` });
    return result;
  });

  const open = (request: MedicineRequestView) => void Taro.navigateTo({ url: `/medicine/request/index?id=${request.id}` });

  if (noHousehold) return <NoHouseholdPage />;

  return (
    <View className={pageClass}>
      <View className="md-new">
        <Button id="medicine-new" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/medicine/new/index' })}>
          登记买药
        </Button>
        <View className="muted gap-top">写下要买的药，社区药房报价后，您确认了药房才去买，买好由志愿者送上门。</View>
      </View>

      <ListStatus items={requests} empty="还没有买药登记" emptyId="medicine-empty" />

      {(requests ?? []).map((request) => {
        const quoted = request.state === 'QUOTED';
        return (
          <View
            key={request.id}
            id={`medicine-${request.id}`}
            className={quoted ? 'card md-card--quoted' : 'card'}
            onClick={() => open(request)}
          >
            <View className="md-state-row">
              <View id={`medicine-${request.id}-state`} className={stateClass(request.state)}>
                {MEDICINE_STATE_LABELS[request.state]}
              </View>
            </View>
            <View className="card-title">{itemsSummary(request)}</View>
            {quoted ? <View className="md-call">药房已报价，请点开确认要哪些药</View> : null}
            <LabelValue label="药房">{request.pharmacy.name}</LabelValue>
            <LabelValue label="有多急">{URGENCY_LABELS[request.urgency]}</LabelValue>
            <LabelValue label="登记时间">{formatTime(request.createdAt)}</LabelValue>
            {request.state === 'SUBMITTED' ? (
              <View id={`medicine-${request.id}-waiting`} className="md-waiting">
                {waitingText(request.waitingMinutes)}
              </View>
            ) : null}
            <View className="md-go">查看详情 ›</View>
            {REPEATABLE.includes(request.state) ? (
              <View className="gap-top" onClick={(e) => e.stopPropagation()}>
                <Button
                  id={`medicine-${request.id}-repeat`}
                  size="large"
                  block
                  fill="outline"
                  onClick={(e) => {
                    e.stopPropagation();
                    setRepeating(request);
                  }}
                >
                  再买一次
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}

      <ConfirmDialog
        visible={repeating !== null}
        title="再买一次"
        confirmText="再买一次"
        cancelText="不用了"
        busy={repeat.busy}
        onConfirm={() => {
          if (repeating) void repeat.run(repeating.id);
        }}
        onCancel={() => setRepeating(null)}
      >
        {repeating ? `按慢性病续药，把这些药再登记一次：${itemsSummary(repeating)}。处方照片沿用上次的。` : ''}
      </ConfirmDialog>
    </View>
  );
}
