import type { ActedAs } from '@linli/shared-types';
import type { Actor } from '../../common/actor';

/**
 * A kind of thing a household pays for with WeChat Pay, as its owning module names it: declared
 * once at module load with `definePayableKind` (so trade numbers can be computed anywhere), and
 * registered with its behaviour (`Payable`) when the owning module starts. The kind is also the
 * parcel source type of what it paid for, which is how a pick-up finds the payment it reports.
 */
export interface PayableKind {
  /** Stored in `payments.source_type` (at most 10 characters) and used as the parcel source type. */
  readonly kind: string;
  /** out_trade_no = `${tradePrefix}_${id}` (unique per merchant, at most 32 characters in all). */
  readonly tradePrefix: string;
  /** out_refund_no = `${refundPrefix}_${id}`: one refund per payment, so WeChat never pays it twice. */
  readonly refundPrefix: string;
  /** The reason WeChat shows the payer on the refund. */
  readonly refundReason: string;
}

/** Who paid it with their WeChat, and as whom (null on rows from before it was recorded). */
export interface PaidBy {
  userId: number | null;
  as: ActedAs | null;
  amountFen: number;
}

/**
 * What payments need of a payable, implemented by its owning module. Payments know nothing
 * else of it: the order and the medicine request keep their own states.
 */
export interface Payable {
  readonly kind: PayableKind;
  /**
   * What the household owes now and until when, asked by one of its members or a proxy paying
   * with their own WeChat (`as`); not found for anyone else, not payable when it awaits no payment.
   */
  bill(actor: Actor, id: number): Promise<{ totalFen: number; description: string; payBy: Date; as: ActedAs }>;
  /** Its state as the asking household sees it (not found for anyone else). */
  state(actor: Actor, id: number): Promise<{ state: string; awaitingPayment: boolean }>;
  /** In the payment's transaction: confirms it if it still awaits payment (conditional UPDATE); false = too late. */
  confirmPaid(id: number, paid: PaidBy): Promise<boolean>;
  /** What was delivered, for WeChat's shipping report (≤120 characters). */
  itemDesc(id: number): Promise<string>;
  /** In the refund's transaction, once WeChat has paid the money back (to tell the household); optional. */
  refunded?(id: number, amountFen: number, paid: PaidBy): Promise<void>;
}

const kinds = new Map<string, PayableKind>();

/** Declares a payable kind; a second kind with the same name or prefix is a programming error. */
export function definePayableKind(kind: PayableKind): PayableKind {
  const clash = [...kinds.values()].find(
    (k) => k.kind === kind.kind || [k.tradePrefix, k.refundPrefix].some((p) => p === kind.tradePrefix || p === kind.refundPrefix),
  );
  if (clash) throw new Error(`payable kind ${kind.kind} clashes with ${clash.kind}`);
  if (kind.kind.length > 10) throw new Error(`payable kind ${kind.kind} is longer than the source_type column`);
  kinds.set(kind.kind, kind);
  return kind;
}

function declared(kind: string): PayableKind {
  const found = kinds.get(kind);
  if (!found) throw new Error(`no payable kind ${kind} declared`);
  return found;
}

/** Our out_trade_no of a payable (LINLI_ORDER_12). */
export function tradeNo(kind: string, id: number): string {
  return `${declared(kind).tradePrefix}_${id}`;
}

/** Our out_refund_no of a payable's refund (LINLI_REFUND_12). */
export function refundNo(kind: string, id: number): string {
  return `${declared(kind).refundPrefix}_${id}`;
}

/**
 * The trade number after `current` for the same payable, when another payer takes the bill over
 * and the first prepay was closed (WeChat never reuses a closed out_trade_no): LINLI_ORDER_12,
 * then LINLI_ORDER_12_2, LINLI_ORDER_12_3…
 */
export function nextTradeNo(kind: string, id: number, current: string): string {
  const base = tradeNo(kind, id);
  const n = current === base ? 1 : Number(/^_(\d+)$/.exec(current.slice(base.length))?.[1] ?? Number.NaN);
  if (!current.startsWith(base) || !Number.isSafeInteger(n)) throw new Error(`${current} is not a trade number of ${kind} ${id}`);
  return `${base}_${n + 1}`;
}
