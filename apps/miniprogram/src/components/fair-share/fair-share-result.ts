import { DRAW_ROUND_LABELS, REGISTRATION_STATE_LABELS, type RegistrationView, type RoundWin } from '@linli/shared-types';
import { formatTime } from '@/utils/format';

/** Units in a list of lines. */
export function unitCount(lines: readonly { quantity: number }[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** The headline of a drawn registration: 已中签，共 2 份; 第二轮分配：部分中签，共 1 份; or the loss. */
export function resultTitle(registration: RegistrationView): string {
  if (registration.state === 'LOST') return '很遗憾，本次未中签';
  const round = registration.round === 2 && registration.wins.length === 1 ? '第二轮分配：' : '';
  return `${round}${REGISTRATION_STATE_LABELS[registration.state]}，共 ${unitCount(registration.allocated)} 份`;
}

/** What one win asks of the household now: pay by a time, or why it is gone; null when nothing is left to do. */
export function winNote(win: RoundWin): string | null {
  switch (win.orderState) {
    case 'PENDING_PAYMENT':
      return win.payBy ? `请在 ${formatTime(win.payBy)} 前付款，过时不付，名额让给其他住户` : '请尽快付款';
    case 'EXPIRED':
      return '没有按时付款，名额已经让给其他住户';
    case 'CANCELLED':
      return '订单已取消，名额已经让给其他住户';
    case 'CONFIRMED':
    case 'PACKED':
    case 'DELIVERED':
      return null;
  }
}

/** 第一轮中签：退烧药套装 × 1. */
export function winLine(win: RoundWin): string {
  return `${DRAW_ROUND_LABELS[win.round]}分到：${win.allocated.map((line) => `${line.name} × ${line.quantity}`).join('、')}`;
}

/**
 * What a household that lost is told: a second round may still come (when winners give up or do
 * not pay in time), or the draw is over.
 */
export function lostNote(secondRoundRun: boolean): string {
  return secondRoundRun
    ? '第二轮分配也没有轮到您家。下次有物资时请再登记，社区会优先照顾困难家庭。'
    : '如果有中签的住户放弃或没有按时付款，社区会在没中签的住户中按抽签顺序再分一次（第二轮分配），结果会显示在这里。';
}
