import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { RosterTotalsView } from '@linli/shared-types';
import { getRosterTotals } from '@/api';

const hours = (minutes: number): string => String(Math.round((minutes / 60) * 10) / 10);

/**
 * 志愿服务 totals at the top of the staff section of 「我的」: the community's 人次 and hours by the
 * hours ledger, overall and this week; tapping opens the ledger. Id roster-totals-card.
 */
export function RosterTotalsCard() {
  const [totals, setTotals] = useState<RosterTotalsView | null>(null);

  useDidShow(() => {
    getRosterTotals()
      .then(setTotals)
      .catch(() => undefined);
  });

  return (
    <View id="roster-totals-card" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/roster-hours/index' })}>
      <View>
        <View>{totals ? `志愿服务：累计 ${totals.totalTimes} 人次 · ${hours(totals.totalMinutes)} 小时` : '志愿服务时长'}</View>
        {totals ? <View className="muted">{`本周 ${totals.weekTimes} 人次 · ${hours(totals.weekMinutes)} 小时`}</View> : null}
      </View>
      <View className="entry__arrow">›</View>
    </View>
  );
}
