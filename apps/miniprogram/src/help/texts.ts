import {
  DEFAULT_HELP_DEADLINES,
  HELP_CATEGORY_LABELS,
  HELP_URGENCY_LABELS,
  type HelpAction,
  type HelpCategory,
  type HelpState,
  type HelpSummary,
  type HelpUrgency,
} from '@linli/shared-types';
import { formatClock, formatTime } from '@/utils/format';

/** The words and rules the help screens share, kept pure so they can be tested. */

export const ENDED_STATES: readonly HelpState[] = ['CLOSED', 'MERGED', 'CANCELLED'];

/** 15分钟, 2小时, 1小时30分钟, 3天. */
export function minutesInWords(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m}分钟`;
  if (m % (24 * 60) === 0) return `${m / (24 * 60)}天`;
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
}

/**
 * Before asking: the community's usual deadline, as a hint (residents cannot read the community's
 * own deadlines; the real one is on the request once it is asked): 紧急就医：15分钟内会有人响应.
 */
export function deadlineHint(category: HelpCategory, urgency: HelpUrgency): string {
  const d = DEFAULT_HELP_DEADLINES[category][urgency];
  return `${HELP_URGENCY_LABELS[urgency]}${HELP_CATEGORY_LABELS[category]}：${minutesInWords(d.firstResponseMinutes)}内会有人响应`;
}

/** Whole minutes from `iso` to `now` (0 when not yet). */
export function minutesPast(iso: string, now: number): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || now <= ms) return 0;
  return Math.floor((now - ms) / 60000);
}

/** The time of day, with the date when it is not today (Shanghai). */
function when(iso: string, now: number): string {
  const day = (ms: number) => Math.floor((ms + 8 * 3600000) / 86400000);
  return day(Date.parse(iso)) === day(now) ? formatClock(iso) : formatTime(iso);
}

type Due = Pick<HelpSummary, 'state' | 'firstResponseDue' | 'firstResponseAt' | 'solutionDue' | 'overdue'>;

/** First response not come and its deadline passed. */
export function firstResponseLate(r: Due, now: number): boolean {
  return r.firstResponseAt === null && !ENDED_STATES.includes(r.state) && minutesPast(r.firstResponseDue, now) > 0;
}

/**
 * The deadline in words: 请在 10:15 前响应 / 已于 10:05 响应 / 已超时 12 分钟未响应 /
 * 请在 18:00 前解决 / 已超过解决时限 N 分钟.
 */
export function deadlineText(r: Due, now: number): string {
  if (r.firstResponseAt === null) {
    if (ENDED_STATES.includes(r.state)) return '';
    const late = minutesPast(r.firstResponseDue, now);
    if (late > 0) return `已超时 ${minutesInWords(late)}，还没有人响应`;
    return `请在 ${when(r.firstResponseDue, now)} 前响应`;
  }
  const answered = `已于 ${when(r.firstResponseAt, now)} 响应`;
  if (r.state === 'OPEN' || r.state === 'TAKEN') {
    const late = minutesPast(r.solutionDue, now);
    if (late > 0) return `${answered}，已超过解决时限 ${minutesInWords(late)}`;
  }
  return answered;
}

/** 已超时 N 分钟 for the board (the first response, else the solution); '' when on time. */
export function overdueText(r: Due, now: number): string {
  if (ENDED_STATES.includes(r.state)) return '';
  if (r.firstResponseAt === null) {
    const late = minutesPast(r.firstResponseDue, now);
    if (late > 0) return `已超时 ${minutesInWords(late)}`;
  }
  if (r.state === 'OPEN' || r.state === 'TAKEN') {
    const late = minutesPast(r.solutionDue, now);
    if (late > 0) return `超过解决时限 ${minutesInWords(late)}`;
  }
  return r.overdue ? '已超时' : '';
}

/** A row's text: counselling outside the thread shows only that it exists. */
export function summaryText(r: Pick<HelpSummary, 'category' | 'text'>): string {
  if (r.text !== null) return r.text;
  return r.category === 'counselling' ? '心理疏导（内容保密）' : '（内容保密）';
}

/** The buttons of a request page, in the order they are shown, with their words. */
export const ACTION_LABELS: Record<HelpAction, string> = {
  confirm: '确认解决',
  reopen: '还没解决',
  rate: '评价',
  take: '接单',
  reply: '回复',
  resolve: '已解决',
  release: '放弃',
  reassign: '转派',
  merge: '合并',
  cancel: '撤销求助',
};
const ACTION_ORDER: HelpAction[] = ['confirm', 'reopen', 'rate', 'take', 'reply', 'resolve', 'release', 'reassign', 'merge', 'cancel'];

/** The actions the server offers, in screen order; `reply` has its own box, so it is left out. */
export function actionButtons(actions: readonly HelpAction[]): { action: HelpAction; label: string; primary: boolean }[] {
  return ACTION_ORDER.filter((a) => a !== 'reply' && actions.includes(a)).map((action, n) => ({
    action,
    label: ACTION_LABELS[action],
    primary: n === 0 && action !== 'cancel' && action !== 'release',
  }));
}

/** 还可以在 11月24日 10:05 前说「还没解决」 */
export function reopenUntilText(reopenUntil: string | null, now: number): string {
  if (!reopenUntil || Date.parse(reopenUntil) <= now) return '';
  return `如果还没解决，${when(reopenUntil, now)} 前可以点「还没解决」`;
}

/** The stars of a rating: ★★★★☆ */
export function stars(rating: number): string {
  const n = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/** A summary's line under its title: 物资 · 紧急 */
export function categoryLine(r: Pick<HelpSummary, 'category' | 'urgency'>): string {
  return `${HELP_CATEGORY_LABELS[r.category]} · ${HELP_URGENCY_LABELS[r.urgency]}`;
}
