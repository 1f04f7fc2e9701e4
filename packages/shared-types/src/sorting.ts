/**
 * The sorting line (issue 19, 流水线): for a packed window the packing squad works building by
 * building; each household's bag is checked item by item against its order lines and its label
 * scanned to mark it ready; what is short is reported at once — the household is told what is
 * missing and, when paid, refunded for it (once per line, however often it is reported).
 */

export const BAG_STATES = ['WAITING', 'READY'] as const;
export type BagState = (typeof BAG_STATES)[number];
export const BAG_STATE_LABELS: Record<BagState, string> = { WAITING: '待分拣', READY: '已装好' };

export interface BagLine {
  orderLineId: number;
  orderId: number;
  name: string;
  quantity: number;
  /** Reported short (0: complete). */
  missing: number;
}

export interface BagView {
  parcelId: number;
  householdId: number;
  /** 1栋1单元101 */
  door: string;
  state: BagState;
  stateLabel: string;
  lines: BagLine[];
  /** What the short items are worth (refunded when paid by WeChat, taken off the cash due otherwise). */
  shortFen: number;
  readyAt: string | null;
}

/** GET /api/sorting/windows/:id/buildings/:buildingId: one building's bags, by door. */
export interface BuildingBagsView {
  windowId: number;
  buildingId: number;
  building: string;
  bags: BagView[];
}

/** GET /api/sorting/windows/:id: the line's progress per building. */
export interface SortingProgress {
  windowId: number;
  title: string;
  bags: number;
  ready: number;
  short: number;
  buildings: { buildingId: number; name: string; bags: number; ready: number; short: number }[];
}

/** POST /api/sorting/parcels/:id/short: what is missing from this bag, per order line. */
export interface ReportShortRequest {
  lines: { orderLineId: number; missing: number }[];
}

/** POST /api/sorting/scan: the bag's label, scanned once it is complete (or its shortage reported). */
export interface SortingScanRequest {
  token: string;
}

/** OrderView.shortages: what did not come, as the household reads it. */
export interface OrderShortageView {
  name: string;
  missing: number;
  refundFen: number;
}

export interface ShortfallLine {
  id: number;
  quantity: number;
  unitPriceFen: number;
}

export type ShortfallRefusal = 'SHORT_LINE_UNKNOWN' | 'SHORT_TOO_MANY' | 'SHORT_ALREADY_REPORTED';

/**
 * The shortfall rule: each reported line must be one of the bag's lines, missing 1 to its
 * quantity, and not reported before (a line is short once: its refund goes once). The refund is
 * the missing units at the price paid.
 */
export function shortfall(
  lines: readonly ShortfallLine[],
  report: readonly { orderLineId: number; missing: number }[],
  alreadyReported: ReadonlySet<number>,
): { rows: { orderLineId: number; missing: number; refundFen: number }[] } | { refused: ShortfallRefusal; orderLineId: number } {
  const rows: { orderLineId: number; missing: number; refundFen: number }[] = [];
  const seen = new Set<number>();
  for (const r of report) {
    const line = lines.find((l) => l.id === r.orderLineId);
    if (!line) return { refused: 'SHORT_LINE_UNKNOWN', orderLineId: r.orderLineId };
    if (alreadyReported.has(line.id) || seen.has(line.id)) return { refused: 'SHORT_ALREADY_REPORTED', orderLineId: line.id };
    if (!Number.isInteger(r.missing) || r.missing < 1 || r.missing > line.quantity)
      return { refused: 'SHORT_TOO_MANY', orderLineId: line.id };
    seen.add(line.id);
    rows.push({ orderLineId: line.id, missing: r.missing, refundFen: r.missing * line.unitPriceFen });
  }
  return { rows };
}
