import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { SQUAD_LABELS, type ShiftLedger, type SquadView } from '@linli/shared-types';
import { getShifts, getSquad, showApiError } from '@/api';
import { useRefresh } from '@/hooks/useRefresh';
import { formatHours, formatTime } from '@/utils/format';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** How many shifts of the ledger are listed (newest first). */
const RECENT_SHIFTS = 10;

/** Minutes as people say it: 3 小时 25 分钟. */
function hoursText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return `${Math.floor(m / 60)} 小时 ${m % 60} 分钟`;
}

/** When a shift was, in Asia/Shanghai: 11月23日 08:00–12:10, or 11月23日 08:00 起（在岗中）. */
function shiftTime(shift: ShiftLedger['shifts'][number]): string {
  return shift.endedAt ? formatHours(shift.startedAt, shift.endedAt) : `${formatTime(shift.startedAt)} 起（在岗中）`;
}

/** 我的小组与服务时长: my squad (a leader sees its members on duty or resting) and my hours. */
export default function VolunteerSquadPage() {
  const pageClassLoading = usePageClass('loading');
  const pageClassSquad = usePageClass('squad');
  const [squad, setSquad] = useState<SquadView | null>(null);
  const [ledger, setLedger] = useState<ShiftLedger | null>(null);

  useRefresh(async () => {
    try {
      const [nextSquad, nextLedger] = await Promise.all([getSquad(), getShifts()]);
      setSquad(nextSquad);
      setLedger(nextLedger);
    } catch (error) {
      showApiError(error);
    }
  });

  if (!squad || !ledger) return <View className={pageClassLoading}>正在加载…</View>;

  const recent = [...ledger.shifts].sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, RECENT_SHIFTS);

  return (
    <View className={pageClassSquad}>
      <View className="card" id="squad-card">
        <View className="muted">我的小组</View>
        {squad.squad ? (
          <View className="squad__name-row">
            <View id="squad-name" className="squad__name">
              {SQUAD_LABELS[squad.squad]}
            </View>
            {squad.leader ? <View className="tag squad__leader">组长</View> : null}
          </View>
        ) : (
          <View id="squad-none" className="text gap-top">
            您还没有分到小组，社区安排后会显示在这里
          </View>
        )}
      </View>

      {squad.squad && squad.leader ? (
        <View className="card" id="squad-members">
          <View className="card-title">{`组员（${squad.members.length} 人）`}</View>
          <View className="muted">本周服务时长按最近 7 天计算</View>
          {squad.members.map((member) => (
            <View key={member.userId} id={`member-${member.userId}`} className="member">
              <View className="member__main">
                <View className="member__name">{member.leader ? `${member.nickname}（组长）` : member.nickname}</View>
                <View className="muted">{`本周 ${hoursText(member.minutesThisWeek)}`}</View>
              </View>
              <View className={member.onDuty ? 'member__duty member__duty--on' : 'member__duty'}>{member.onDuty ? '在岗' : '休息'}</View>
            </View>
          ))}
        </View>
      ) : null}

      <View className="card" id="squad-roster">
        <View id="squad-entry-roster" className="entry" onClick={() => void Taro.navigateTo({ url: '/volunteer/roster/index' })}>
          <View>我的班次（报名、扫码签到）</View>
          <View className="entry__arrow">›</View>
        </View>
        <View id="squad-entry-hours" className="entry" onClick={() => void Taro.navigateTo({ url: '/volunteer/hours/index' })}>
          <View>我的服务时长（含班次）</View>
          <View className="entry__arrow">›</View>
        </View>
        {squad.squad && squad.leader ? (
          <>
            <View id="squad-entry-manage" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/roster/index' })}>
              <View>组长：岗位与排班</View>
              <View className="entry__arrow">›</View>
            </View>
            <View id="squad-entry-ledger" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/roster-hours/index' })}>
              <View>组长：小组服务时长台账</View>
              <View className="entry__arrow">›</View>
            </View>
          </>
        ) : null}
      </View>

      <View className="card" id="shift-ledger">
        <View className="card-title">我的服务时长</View>
        <View id="shift-total" className="squad__total">{`累计服务 ${hoursText(ledger.totalMinutes)}`}</View>
        {recent.length === 0 ? (
          <View className="text gap-top" id="shifts-empty">
            还没有上岗记录，在「志愿者任务」里点上岗开始计时
          </View>
        ) : (
          <View className="gap-top">
            <View className="section-title">最近的上岗记录</View>
            {recent.map((shift) => (
              <View key={shift.startedAt} className="shift">
                <View className="shift__time">{shiftTime(shift)}</View>
                <View className="shift__minutes">{hoursText(shift.minutes)}</View>
              </View>
            ))}
          </View>
        )}
      </View>
    </View>
  );
}
