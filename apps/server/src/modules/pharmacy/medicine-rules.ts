import type { MedicineState, QuoteStatus, Urgency } from '@linli/shared-types';

/** When the pharmacy should have quoted by: 今天要 is quicker; chronic refills and normal requests alike. */
export function quoteDeadline(submittedAt: Date, urgency: Urgency, minutes: { normal: number; today: number }): Date {
  return new Date(submittedAt.getTime() + (urgency === 'today' ? minutes.today : minutes.normal) * 60_000);
}

/** Escalated: still waiting for a quote after its deadline. */
export function isOverdue(state: MedicineState, deadline: Date, now: Date): boolean {
  return state === 'SUBMITTED' && now.getTime() >= deadline.getTime();
}

interface QueueEntry {
  state: MedicineState;
  urgency: Urgency;
  quoteDeadline: Date;
  createdAt: Date;
}

// CANNOT_BUY never reaches a pharmacy's queue; on staff's list it waits for them, first.
const STAGE: Partial<Record<MedicineState, number>> = {
  CANNOT_BUY: 0,
  SUBMITTED: 0,
  CONFIRMED: 1,
  QUOTED: 2,
  AWAITING_PAYMENT: 2,
  PURCHASED: 3,
};
const URGENCY_RANK: Record<Urgency, number> = { today: 0, chronic: 1, normal: 2 };

/**
 * The pharmacy's queue, most urgent first: what waits for the pharmacy (to quote, then to buy)
 * before what waits for the household; overdue first, then 今天要, chronic, normal; then the
 * earliest deadline and the oldest.
 */
export function queueOrder(now: Date): (a: QueueEntry, b: QueueEntry) => number {
  return (a, b) =>
    (STAGE[a.state] ?? 9) - (STAGE[b.state] ?? 9) ||
    Number(isOverdue(b.state, b.quoteDeadline, now)) - Number(isOverdue(a.state, a.quoteDeadline, now)) ||
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    a.quoteDeadline.getTime() - b.quoteDeadline.getTime() ||
    a.createdAt.getTime() - b.createdAt.getTime();
}

interface QuotedItem {
  quantity: number;
  quoteStatus: QuoteStatus | null;
  unitPriceFen: number | null;
  accepted: boolean | null;
}

/** What the household pays: the available items it accepted (before it answers: all available ones). */
export function quoteTotal(items: QuotedItem[]): number {
  const answered = items.some((i) => i.accepted !== null);
  return items
    .filter((i) => i.quoteStatus !== null && i.quoteStatus !== 'unavailable' && (answered ? i.accepted === true : true))
    .reduce((sum, i) => sum + i.quantity * (i.unitPriceFen ?? 0), 0);
}
