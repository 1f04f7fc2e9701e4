import type { ContestEntryState, StaffContestEntryView } from '@linli/shared-types';

/** What staff read of an entry's state. */
export const STAFF_ENTRY_STATE_LABELS: Record<ContestEntryState, string> = {
  CHECKING: '机器审核中',
  FLAGGED: '机器审核发现问题，请人工判断',
  PENDING: '待审核',
  APPROVED: '已通过',
  REJECTED: '未通过',
};

/** What the machine said, in a line: not checked at all, or which parts it flagged. */
export function machineLine(e: StaffContestEntryView): string {
  if (e.checks.length === 0 && e.state !== 'CHECKING') return '未经微信内容安全检查（没有配置或无法检查），请仔细看';
  const flagged = e.checks.filter((c) => c.suggest === 'risky' || c.suggest === 'review');
  if (flagged.length > 0) return `微信检查提示：${flagged.map((c) => (c.part === 'text' ? '文字' : '图片')).join('、')}可能有问题`;
  if (e.checks.some((c) => c.suggest === 'error')) return '微信未能检查其中一部分，请仔细看';
  if (e.checks.some((c) => c.suggest === null)) return '微信还在检查图片';
  return '微信检查通过';
}
