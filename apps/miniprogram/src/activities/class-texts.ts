import { PROXY_KIND_LABELS, type ClassSignupRow, type ClassView, type StaffClassView } from '@linli/shared-types';

/** 2天3小时 / 3小时5分 / 12分30秒: how long until the start, as people say it. */
export function countdownText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return `${hours}小时${minutes}分`;
  return `${minutes}分${s % 60}秒`;
}

/** 名额: 剩 3 个（共 20 个）, 已报满（候补 2 户）, or 不限名额. */
export function seatsText(c: Pick<ClassView, 'capacity' | 'left' | 'waiting'>): string {
  if (c.capacity === null) return '不限名额';
  if (c.left === 0) return c.waiting > 0 ? `已报满（候补 ${c.waiting} 户）` : '已报满';
  return `剩 ${c.left} 个（共 ${c.capacity} 个）`;
}

/** The badge on a resident's card: my place first, then where the class stands. */
export function residentBadge(c: ClassView): { text: string; tone: 'ok' | 'wait' | 'off' | 'plain' } {
  if (c.phase === 'CANCELLED') return { text: '已取消', tone: 'off' };
  if (c.mine?.state === 'SIGNED') return { text: c.phase === 'OVER' ? (c.replayUrl ? '有回放' : '已结束') : '已报名', tone: 'ok' };
  if (c.mine?.state === 'WAITING' && c.phase !== 'OVER') return { text: `候补第${c.mine.position ?? '?'}位`, tone: 'wait' };
  if (c.phase === 'OVER') return { text: c.replayUrl ? '有回放' : '已结束', tone: 'plain' };
  if (c.phase === 'LIVE') return { text: '直播中', tone: 'ok' };
  if (c.left === 0) return { text: '已报满', tone: 'wait' };
  return { text: '可报名', tone: 'plain' };
}

/** Where a class stands for staff. */
export function staffBadge(c: StaffClassView): string {
  if (c.state === 'CANCELLED') return '已取消';
  if (c.state === 'DONE') return '已结束';
  if (c.phase === 'OVER') return '待标记结束';
  if (c.phase === 'LIVE') return '直播中';
  return '报名中';
}

/** Who signed a household up, on staff's list: 社区代报, 家属李红代报, 网格员李志强代报; nothing when a member did. */
export function signupByText(s: Pick<ClassSignupRow, 'byStaff' | 'proxyKind' | 'signedUpBy'>): string {
  if (s.proxyKind === 'family' || s.proxyKind === 'grid_worker') return `${PROXY_KIND_LABELS[s.proxyKind]}${s.signedUpBy}代报`;
  return s.byStaff || s.proxyKind === 'staff' ? '社区代报' : '';
}
