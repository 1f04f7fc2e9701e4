import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { HELP_STATE_LABELS, type HelpSummary } from '@linli/shared-types';
import { formatTime } from '@/utils/format';
import { categoryLine, deadlineText, ENDED_STATES, overdueText, summaryText } from './texts';

function badgeClass(r: HelpSummary): string {
  if (ENDED_STATES.includes(r.state)) return 'state-badge hp-state--ended';
  if (r.state === 'RESOLVED') return 'state-badge hp-state--resolved';
  return 'state-badge';
}

/** Overdue or escalated: red, at the top. */
export function isLate(r: HelpSummary, now: number): boolean {
  return !ENDED_STATES.includes(r.state) && (r.overdue || r.escalation > 0 || overdueText(r, now) !== '');
}

/** One request in a list (我的求助, 求助待处理, 求助看板); a tap opens it. Id help-{id}. */
export function HelpCard({ request: r, now, showHousehold }: { request: HelpSummary; now: number; showHousehold?: boolean }) {
  const late = isLate(r, now);
  const lateText = overdueText(r, now);
  const secret = r.text === null;
  return (
    <View
      id={`help-${r.id}`}
      className={late ? 'card hp-card hp-card--late' : 'card hp-card'}
      onClick={() => void Taro.navigateTo({ url: `/help/request/index?id=${r.id}` })}
    >
      <View className="hp-state-row">
        <View id={`help-${r.id}-state`} className={badgeClass(r)}>
          {HELP_STATE_LABELS[r.state]}
        </View>
        {r.urgency === 'urgent' ? <View className="hp-urgent">紧急</View> : null}
      </View>
      <View className="card-title">{categoryLine(r)}</View>
      <View className={secret ? 'hp-card-text hp-secret' : 'hp-card-text'}>{summaryText(r)}</View>
      {showHousehold ? <View className="muted">{r.proxy ? `${r.householdLabel}（代求助）` : r.householdLabel}</View> : null}
      <View className="muted">{`求助时间 ${formatTime(r.createdAt)}`}</View>
      {r.assignee ? <View className="muted">{`处理人 ${r.assignee.name}（${r.assignee.asLabel}）`}</View> : null}
      {late && lateText ? (
        <View id={`help-${r.id}-late`} className="hp-late">
          {lateText}
          {r.escalation > 0 ? '，已上报督导' : ''}
        </View>
      ) : (
        <View className="hp-due">{deadlineText(r, now)}</View>
      )}
      <View className="hp-go">查看 ›</View>
    </View>
  );
}
