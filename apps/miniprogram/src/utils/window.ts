import { WINDOW_PHASE_LABELS, type WindowView } from '@linli/shared-types';

/** A window's phase in words; fair-share windows take registrations, not orders, while open. */
export function phaseLabel(win: Pick<WindowView, 'mode' | 'phase'>): string {
  if (win.mode === 'fair' && win.phase === 'OPEN') return '正在登记';
  if (win.mode === 'fair' && win.phase === 'PAUSED') return '暂停登记';
  return WINDOW_PHASE_LABELS[win.phase];
}
