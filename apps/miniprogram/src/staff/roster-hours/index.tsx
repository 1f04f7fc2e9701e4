import { useState } from 'react';
import { View } from '@tarojs/components';
import type { HoursLedgerView } from '@linli/shared-types';
import { exportHoursLedger, getHoursLedger, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { useAction } from '@/hooks/useAction';
import { usePageClass } from '@/hooks/useElderly';
import { useRefresh } from '@/hooks/useRefresh';
import { formatDate } from '@/utils/format';
import { minutesText, weekOf } from '@/utils/roster';
import '../roster/index.css';

/**
 * 志愿服务时长: a week's hours (Monday to Sunday; earlier weeks one tap back), the totals per
 * squad, one row per person with 人次, hours, 缺岗 and 迟到, and 导出 Excel for certificates.
 */
export default function StaffRosterHoursPage() {
  const pageClass = usePageClass('roster-admin');
  const [offset, setOffset] = useState(0);
  const [ledger, setLedger] = useState<HoursLedgerView | null>(null);
  const week = weekOf(Date.now(), offset);

  const load = async (w = week) => {
    try {
      setLedger(await getHoursLedger(w));
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(() => load());

  const go = (by: number) => {
    const next = offset + by;
    setOffset(next);
    setLedger(null);
    void load(weekOf(Date.now(), next));
  };

  const exporting = useAction(async (w: { from: string; to: string }) => {
    await exportHoursLedger(w.from, w.to);
    return true;
  });

  return (
    <View className={pageClass}>
      <View className="card" id="hours-week">
        <View className="ra-post__name" id="hours-range">{`${formatDate(week.from)} 至 ${formatDate(week.to)}`}</View>
        <View className="button-row gap-top">
          <Button id="hours-prev" size="large" fill="outline" onClick={() => go(-1)}>
            上一周
          </Button>
          <Button id="hours-next" size="large" fill="outline" disabled={offset >= 0} onClick={() => go(1)}>
            下一周
          </Button>
        </View>
        {ledger ? (
          <View className="ra-figures">
            <View className="ra-figure">
              <View className="muted">服务人次</View>
              <View id="hours-total-times" className="ra-figure__value">
                {ledger.totalTimes}
              </View>
            </View>
            <View className="ra-figure">
              <View className="muted">服务时长</View>
              <View id="hours-total-minutes" className="ra-figure__value">
                {minutesText(ledger.totalMinutes)}
              </View>
            </View>
          </View>
        ) : null}
        <View className="gap-top">
          <Button id="hours-export" type="primary" size="large" block loading={exporting.busy} onClick={() => void exporting.run(week)}>
            导出 Excel
          </Button>
        </View>
      </View>

      {ledger && ledger.perSquad.length > 0 ? (
        <View className="card" id="hours-squads">
          <View className="card-title">各小组</View>
          {ledger.perSquad.map((s) => (
            <View key={s.squad ?? 'none'} id={`hours-squad-${s.squad ?? 'none'}`} className="ra-row">
              <View className="ra-row__main">
                <View className="ra-row__name">{s.squadLabel}</View>
                <View className="muted">{`${s.people} 人 · ${s.times} 人次`}</View>
              </View>
              <View className="ra-state">{minutesText(s.minutes)}</View>
            </View>
          ))}
        </View>
      ) : null}

      <View className="card" id="hours-people">
        <View className="card-title">每个人</View>
        <ListStatus items={ledger?.rows ?? null} empty="这一周还没有服务记录" emptyId="hours-people-empty" />
        {(ledger?.rows ?? []).map((r) => (
          <View key={r.userId} id={`hours-person-${r.userId}`} className="ra-row">
            <View className="ra-row__main">
              <View className="ra-row__name">{r.nickname || '未填写昵称'}</View>
              <View className="muted">{`${r.squadLabel} · ${r.times} 人次`}</View>
              {r.missed > 0 || r.late > 0 ? (
                <View className="ra-state ra-state--bad">
                  {[r.missed > 0 ? `缺岗 ${r.missed} 次` : '', r.late > 0 ? `迟到 ${r.late} 次` : ''].filter(Boolean).join(' · ')}
                </View>
              ) : null}
            </View>
            <View className="ra-state">{minutesText(r.minutes)}</View>
          </View>
        ))}
      </View>
    </View>
  );
}
