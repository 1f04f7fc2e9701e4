import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Attendance, ShiftRosterRow, ShiftRosterView } from '@linli/shared-types';
import { callStandby, cancelRosterShift, getShiftRoster, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ReasonDialog } from '@/components/ReasonDialog';
import { useAction } from '@/hooks/useAction';
import { usePageClass } from '@/hooks/useElderly';
import { useRefresh } from '@/hooks/useRefresh';
import { dial } from '@/utils/dial';
import { formatClock, formatHours } from '@/utils/format';
import { placesLeftText } from '@/utils/roster';
import '../roster/index.css';

/** The roster's groups, in the order a manager looks: who is missing first. */
const GROUPS: { title: string; states: Attendance[] }[] = [
  { title: '缺岗', states: ['MISSING'] },
  { title: '待到岗', states: ['COMING'] },
  { title: '在岗', states: ['ON_POST'] },
  { title: '未签退', states: ['NO_CHECK_OUT'] },
  { title: '已完成', states: ['DONE'] },
  { title: '已取消报名', states: ['GIVEN_UP', 'CANCELLED'] },
];

const BAD: Attendance[] = ['MISSING', 'NO_CHECK_OUT'];

const CANCEL_RULE = { min: 1, max: 200, message: '请写明取消的原因（1 到 200 个字），报名的志愿者会收到' };

/** 签到 08:02 · 签退 12:05 */
function scanTimes(row: ShiftRosterRow): string {
  const parts = [
    row.checkedInAt ? `签到 ${formatClock(row.checkedInAt)}` : '',
    row.checkedOutAt ? `签退 ${formatClock(row.checkedOutAt)}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * 班次名单: one shift's people by where they stand (缺岗 first), each with a call button; 叫替补
 * asks the squad's free members to take the places left (and says how many were asked); 取消班次
 * with a reason everyone on it reads.
 */
export default function StaffRosterShiftPage() {
  const pageClass = usePageClass('roster-admin');
  const id = Number(useRouter().params.id);
  const [view, setView] = useState<ShiftRosterView | null>(null);
  const [notice, setNotice] = useState('');
  const [cancelling, setCancelling] = useState(false);

  const load = async () => {
    try {
      setView(await getShiftRoster(id));
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const standby = useAction(async (_: void, key: string) => {
    const result = await callStandby(id, key);
    setNotice(result.asked > 0 ? `已通知 ${result.asked} 位组员来替补` : '没有可以再通知的组员（都已报名或已通知过）');
    return result;
  });

  const cancel = useAction(async (reason: string, key: string) => {
    const shift = await cancelRosterShift(id, reason, key);
    setCancelling(false);
    void Taro.showToast({ title: '班次已取消，已通知报名的志愿者', icon: 'none', duration: 2500 });
    await load();
    return shift;
  });

  const call = async (row: ShiftRosterRow) => {
    if (!row.phone) return;
    if (!(await dial(row.phone))) void Taro.showModal({ title: row.nickname, content: `电话 ${row.phone}`, showCancel: false });
  };

  if (!view) return <View className={pageClass}>正在加载…</View>;
  const { shift, rows } = view;
  const live = shift.state === 'OPEN' && Date.parse(shift.endsAt) > Date.now();

  return (
    <View className={pageClass}>
      <View className="card" id="shift-summary">
        <View className="ra-post__name">{shift.post.name}</View>
        <View className="ra-time">{formatHours(shift.startsAt, shift.endsAt)}</View>
        <View className="muted">{shift.post.squadLabel}</View>
        {shift.requirements ? <View className="text">{`要求：${shift.requirements}`}</View> : null}
        {shift.state === 'CANCELLED' ? (
          <View id="shift-cancelled" className="ra-count ra-count--off">{`已取消：${shift.cancelReason ?? ''}`}</View>
        ) : (
          <View className="ra-figures">
            <View className="ra-figure">
              <View className="muted">已报名</View>
              <View id="shift-taken" className="ra-figure__value">{`${shift.taken}/${shift.places}`}</View>
            </View>
            <View className="ra-figure">
              <View className="muted">迟到</View>
              <View id="shift-late" className={view.late > 0 ? 'ra-figure__value ra-figure__value--bad' : 'ra-figure__value'}>
                {view.late}
              </View>
            </View>
            <View className="ra-figure">
              <View className="muted">缺岗</View>
              <View id="shift-missing" className={view.missing > 0 ? 'ra-figure__value ra-figure__value--bad' : 'ra-figure__value'}>
                {view.missing}
              </View>
            </View>
          </View>
        )}
        {live ? (
          <View className="button-stack gap-top">
            <Button
              id="shift-standby"
              type="primary"
              size="large"
              block
              disabled={view.open === 0}
              loading={standby.busy}
              onClick={() => void standby.run()}
            >
              {view.open > 0 ? `叫替补（${placesLeftText(shift)}）` : '人已报满'}
            </Button>
            <Button id="shift-cancel" type="danger" fill="outline" size="large" block onClick={() => setCancelling(true)}>
              取消班次
            </Button>
          </View>
        ) : null}
        {notice ? (
          <View id="shift-notice" className="ra-notice" role="status">
            {notice}
          </View>
        ) : null}
      </View>

      {rows.length === 0 ? (
        <View className="empty" id="shift-rows-empty">
          还没有人报名
        </View>
      ) : null}
      {GROUPS.map((group) => {
        const members = rows.filter((r) => group.states.includes(r.attendance));
        if (members.length === 0) return null;
        return (
          <View key={group.title} className="card" id={`shift-group-${group.states[0]?.toLowerCase() ?? ''}`}>
            <View className="card-title">{`${group.title}（${members.length} 人）`}</View>
            {members.map((r) => (
              <View key={r.userId} id={`row-${r.userId}`} className="ra-row">
                <View className="ra-row__main">
                  <View className="ra-row__name">{r.nickname || '未填写昵称'}</View>
                  <View
                    id={`row-${r.userId}-state`}
                    className={BAD.includes(r.attendance) || r.late ? 'ra-state ra-state--bad' : 'ra-state'}
                  >
                    {r.late ? `${r.attendanceLabel} · 迟到` : r.attendanceLabel}
                  </View>
                  {scanTimes(r) ? <View className="muted">{scanTimes(r)}</View> : null}
                </View>
                {r.phone ? (
                  <Button id={`row-${r.userId}-call`} size="large" fill="outline" onClick={() => void call(r)}>
                    {`拨打 ${r.phone}`}
                  </Button>
                ) : (
                  <View className="muted">没有电话</View>
                )}
              </View>
            ))}
          </View>
        );
      })}

      <ReasonDialog
        visible={cancelling}
        resetKey={id}
        title="取消班次"
        confirmText="取消班次"
        subject={`${shift.post.name} ${formatHours(shift.startsAt, shift.endsAt)}`}
        placeholder="例如：今天改为上门检测"
        rule={CANCEL_RULE}
        inputId="shift-cancel-reason"
        errorId="shift-cancel-error"
        busy={cancel.busy}
        onConfirm={(reason) => void cancel.run(reason)}
        onCancel={() => setCancelling(false)}
      />
    </View>
  );
}
