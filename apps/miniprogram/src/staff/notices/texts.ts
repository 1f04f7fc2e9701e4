import type { NoticeStatus } from '@linli/shared-types';

/** How staff read a notice's status. */
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  SCHEDULED: '未到发布时间',
  PUBLISHED: '发布中',
  EXPIRED: '已过期',
  WITHDRAWN: '已撤回',
};

/** 12/24 户已读（50%） */
export function readFigure(read: number, households: number): string {
  const share = households === 0 ? 100 : Math.round((read / households) * 100);
  return `${read}/${households} 户已读（${share}%）`;
}
