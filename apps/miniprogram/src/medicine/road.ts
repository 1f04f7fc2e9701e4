import { MEDICINE_FLOW, type MedicineRequestView, type MedicineState } from '@linli/shared-types';

/** Where a request stops for good (the household may register again). */
export const ENDED: readonly MedicineState[] = ['REJECTED', 'DECLINED', 'CANCELLED', 'EXPIRED'];

/** The usual road of a request through MEDICINE_FLOW; paying first only with WeChat Pay. */
export function mainRoad(request: Pick<MedicineRequestView, 'paymentMode'>): MedicineState[] {
  return request.paymentMode === 'wechat'
    ? ['SUBMITTED', 'QUOTED', 'AWAITING_PAYMENT', 'CONFIRMED', 'PURCHASED', 'DELIVERED']
    : ['SUBMITTED', 'QUOTED', 'CONFIRMED', 'PURCHASED', 'DELIVERED'];
}

/**
 * Whether the request got to this state before it left the road. The view keeps no history, so
 * this reads what each step leaves behind: a quote, an answer, the pharmacy's 买不到, a receipt.
 * (A WeChat Pay request cancelled once confirmed cannot be told from one cancelled while
 * awaiting payment: it shows as the latter.)
 */
function reached(request: MedicineRequestView, state: MedicineState): boolean {
  const answered = request.items.some((i) => i.accepted !== null);
  switch (state) {
    case 'SUBMITTED':
      return true;
    case 'QUOTED':
      return request.items.some((i) => i.quote !== null);
    case 'AWAITING_PAYMENT':
      return answered;
    case 'CONFIRMED':
      return request.cannotBuyReason !== null || request.receiptUrl !== null || (request.paymentMode !== 'wechat' && answered);
    case 'PURCHASED':
      return request.receiptUrl !== null;
    case 'CANNOT_BUY':
      return request.cannotBuyReason !== null;
    case 'DELIVERED':
    case 'REJECTED':
    case 'DECLINED':
    case 'CANCELLED':
    case 'EXPIRED':
      return false;
    default: {
      const unknown: never = state;
      return unknown;
    }
  }
}

/** True when MEDICINE_FLOW leads from `from` to `to`. */
function leads(from: MedicineState, to: MedicineState): boolean {
  return to in (MEDICINE_FLOW[from] as Record<string, unknown>);
}

/**
 * The steps to show on the request's timeline: the main road; for a request the pharmacy could
 * not buy, the road up to 已确认 and then 买不到; for one that ended, the road up to the last
 * state it reached that leads to its end (through 买不到 when it went that way), and the end.
 */
export function steps(request: MedicineRequestView): MedicineState[] {
  const road = mainRoad(request);
  const upTo = (state: MedicineState) => road.slice(0, road.indexOf(state) + 1);
  if (request.state === 'CANNOT_BUY') return [...upTo('CONFIRMED'), 'CANNOT_BUY'];
  if (!ENDED.includes(request.state)) return road;
  if (reached(request, 'CANNOT_BUY') && leads('CANNOT_BUY', request.state) && !reached(request, 'PURCHASED')) {
    return [...upTo('CONFIRMED'), 'CANNOT_BUY', request.state];
  }
  const from = [...road].reverse().find((s) => reached(request, s) && leads(s, request.state));
  return [...(from ? upTo(from) : road.slice(0, 1)), request.state];
}
