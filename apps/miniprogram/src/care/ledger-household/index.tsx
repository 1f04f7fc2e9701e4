import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { FOLLOW_UP_LABELS, type LedgerHistory } from '@linli/shared-types';
import { getCareLedgerHistory, showApiError } from '@/api';
import { HouseholdTags } from '@/components/HouseholdTags';
import { ListStatus } from '@/components/ListStatus';
import { formatTime } from '@/utils/format';
import { contactText } from '../ledger/ledger-texts';
import '../ledger/ledger.css';
import { usePageClass } from '@/hooks/useElderly';

/** 联系记录: one vulnerable household's contacts over the last 90 days, newest first, with who recorded each. */
export default function LedgerHouseholdPage() {
  const pageClass = usePageClass();
  const householdId = Number(useRouter().params.id);
  const [history, setHistory] = useState<LedgerHistory | null>(null);

  useEffect(() => {
    getCareLedgerHistory(householdId).then(setHistory, showApiError);
  }, [householdId]);

  return (
    <View className={pageClass}>
      {history ? (
        <View className="card">
          <View className="card-title">{history.door}</View>
          <HouseholdTags tags={history.tags} />
        </View>
      ) : null}
      <ListStatus items={history?.contacts ?? null} empty="还没有联系记录" emptyId="ledger-history-empty" />
      {(history?.contacts ?? []).map((c) => (
        <View key={c.id} id={`ledger-history-${c.id}`} className="card">
          <View className="text">{contactText(c, '')}</View>
          <View className="muted">{`${formatTime(c.at)} · ${c.by.name} 登记`}</View>
          {c.followUps.length > 0 ? (
            <View className="muted">{`已转办：${c.followUps.map((f) => `${FOLLOW_UP_LABELS[f.kind]} #${f.id}`).join('、')}`}</View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
