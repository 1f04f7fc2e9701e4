import type { Flow } from './flow';

/**
 * A WeChat Pay transaction of something a household pays for (a supply order, a medicine
 * quote). Only the server moves it: WeChat's word that it was paid, a cancellation owing the
 * money back, the refund sweep and WeChat's word that the refund is done.
 */
export const PAYMENT_STATES = ['PENDING', 'PAID', 'REFUND_PENDING', 'REFUND_PROCESSING', 'REFUNDED'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export const PAYMENT_FLOW = {
  // Paid in time: what it paid for is confirmed. Paid after that lapsed or was cancelled: owed back.
  PENDING: { PAID: ['system'], REFUND_PENDING: ['system'] },
  // What it paid for was cancelled: the refund is owed (the refund sweep sends it).
  PAID: { REFUND_PENDING: ['system'] },
  // WeChat took the refund (and may finish it at once).
  REFUND_PENDING: { REFUND_PROCESSING: ['system'], REFUNDED: ['system'] },
  REFUND_PROCESSING: { REFUNDED: ['system'] },
  REFUNDED: {},
} as const satisfies Flow<PaymentState>;
