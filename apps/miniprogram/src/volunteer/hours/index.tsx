import { useState } from 'react';
import { View } from '@tarojs/components';
import type { MyHoursView } from '@linli/shared-types';
import { getMyHours, showApiError } from '@/api';
import { ListStatus } from '@/components/ListStatus';
import { usePageClass } from '@/hooks/useElderly';
import { useRefresh } from '@/hooks/useRefresh';
import { formatHours } from '@/utils/format';
import { minutesText } from '@/utils/roster';
import '../roster/index.css';

/**
 * 我的服务时长: the total (overlaps counted once), 人次, and every shift and duty stretch,
 * newest first; a shift not scanned out is counted to its planned end and marked 未签退.
 */
export default function VolunteerHoursPage() {
  const pageClass = usePageClass('roster');
  const [hours, setHours] = useState<MyHoursView | null>(null);

  useRefresh(async () => {
    try {
      setHours(await getMyHours());
    } catch (error) {
      showApiError(error);
    }
  });

  const entries = hours ? [...hours.entries].sort((a, b) => b.from.localeCompare(a.from)) : null;

  return (
    <View className={pageClass}>
      <View className="card" id="hours-summary">
        <View className="muted">累计服务时长</View>
        <View id="hours-total" className="roster__total">
          {hours ? minutesText(hours.totalMinutes) : '…'}
        </View>
        <View id="hours-times" className="big-text">
          {hours ? `共 ${hours.times} 人次` : ''}
        </View>
        <View className="muted gap-top">同一时间的班次和配送值班只算一次</View>
      </View>
      <View className="card" id="hours-list">
        <View className="card-title">服务记录</View>
        <ListStatus items={entries} empty="还没有服务记录：报名班次、到岗扫码后会记在这里" emptyId="hours-empty" />
        {(entries ?? []).map((e, i) => (
          <View key={`${e.source}-${e.from}-${i}`} id={`hours-entry-${i}`} className="roster__entry">
            <View className="roster__entry-main">
              <View className="text">{e.what}</View>
              <View className="muted">{formatHours(e.from, e.to)}</View>
              {e.noCheckOut ? <View className="roster__flag">未签退，按班次结束时间计</View> : null}
            </View>
            <View className="text">{minutesText(e.minutes)}</View>
          </View>
        ))}
      </View>
    </View>
  );
}
