import { CONTEST_KIND_LABELS, CONTEST_PHASE_LABELS, type ContestView } from '@linli/shared-types';
import { formatTime } from '@/utils/format';

/** 「摄影 · 征集作品中」 */
export function contestTag(c: ContestView): string {
  return `${CONTEST_KIND_LABELS[c.kind]} · ${CONTEST_PHASE_LABELS[c.phase]}`;
}

/** The two periods as people read them. */
export function contestPeriods(c: ContestView): { entries: string; votes: string } {
  return {
    entries: `${formatTime(c.entryStartsAt)} ~ ${formatTime(c.entryEndsAt)}`,
    votes: `${formatTime(c.voteStartsAt)} ~ ${formatTime(c.voteEndsAt)}`,
  };
}

/** 「128 票」 or 「92.5 分」 */
export function figureOf(mode: ContestView['mode'], votes: number, averageScore: number | null): string {
  return mode === 'vote' ? `${votes} 票` : averageScore === null ? '未评分' : `${averageScore} 分`;
}
