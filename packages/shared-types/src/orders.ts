import type { OrderShortageView } from './sorting';
import type { Flow } from './flow';
import type { PaymentMode, WindowPhase } from './catalog';
import type { ParcelSummary } from './parcels';

/**
 * A supply order of a household. Free and pay-on-delivery orders are CONFIRMED at once;
 * WeChat Pay orders wait in PENDING_PAYMENT until paid or until they expire (stock comes back).
 * PACKED hands the order to delivery as a parcel; the parcel's delivery makes it DELIVERED.
 */
export const ORDER_STATES = ['PENDING_PAYMENT', 'CONFIRMED', 'PACKED', 'DELIVERED', 'CANCELLED', 'EXPIRED'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_FLOW = {
  PENDING_PAYMENT: { CONFIRMED: ['system'], CANCELLED: ['resident', 'staff'], EXPIRED: ['system'] },
  CONFIRMED: { PACKED: ['staff'], CANCELLED: ['resident', 'staff'] },
  // The parcel carrying it was delivered; or it came back and staff cancelled it (events from the parcels module).
  PACKED: { DELIVERED: ['system'], CANCELLED: ['system'] },
  DELIVERED: {},
  CANCELLED: {},
  EXPIRED: {},
} as const satisfies Flow<OrderState>;

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  PENDING_PAYMENT: '待支付',
  CONFIRMED: '已下单',
  PACKED: '已打包，待配送',
  DELIVERED: '已送达',
  CANCELLED: '已取消',
  EXPIRED: '已超时',
};

export interface OrderLineRequest {
  itemId: number;
  quantity: number;
}

/** POST /api/orders (resident) and POST /api/staff/orders (proxy, with householdId). */
export interface PlaceOrderRequest {
  windowId: number;
  lines: OrderLineRequest[];
  note?: string;
}

export interface ProxyOrderRequest extends PlaceOrderRequest {
  householdId: number;
  /**
   * In a WeChat Pay window, how this order is paid (required there): `cod`, cash to the volunteer
   * at the door; `wechat`, the staff member pays with their own WeChat. Elsewhere the window's mode.
   */
  paymentMode?: PaymentMode;
}

export interface OrderLineView {
  itemId: number;
  name: string;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
}

export interface OrderView {
  id: number;
  windowId: number;
  windowTitle: string;
  householdId: number;
  address: string;
  state: OrderState;
  paymentMode: PaymentMode;
  totalFen: number;
  note: string | null;
  lines: OrderLineView[];
  /** Who placed it: the resident, or staff ordering on the household's behalf. */
  placedBy: { userId: number; nickname: string; proxy: boolean };
  createdAt: string;
  /** Unpaid WeChat Pay orders lapse at this time. */
  expiresAt: string | null;
  deliveryDate: string;
  /** States the asking user may move this order into. */
  actions: OrderState[];
  /** The parcel carrying it, once packed. */
  parcel: ParcelSummary | null;
  /** Why staff cancelled it (a parcel that came back), for the household to read. */
  cancelReason: string | null;
  /** What the sorting line found missing, and what it is worth back. */
  shortages: OrderShortageView[];
}

/** GET /api/staff/windows/:id/stats: a window's live figures for staff. */
export interface WindowStats {
  windowId: number;
  phase: WindowPhase;
  /** Orders by state; a state without orders is left out. */
  orders: Partial<Record<OrderState, number>>;
  /** Orders still to be delivered: PENDING_PAYMENT, CONFIRMED and PACKED. */
  activeOrders: number;
  /** Active orders per building, in building order. */
  perBuilding: { building: string; orders: number }[];
  items: { itemId: number; name: string; stock: number; sold: number }[];
}

/** POST /api/staff/windows/:id/pack: how many orders were packed, and how many parcels (one a household) were made of them. */
export interface PackResult {
  packed: number;
  parcels: number;
}

/** "¥12.50" from 1250 fen. Money is integer fen everywhere else. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** POST /api/orders/:id/pay: what Taro.requestPayment needs. Success there is not proof of payment. */
export interface PaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/**
 * POST /api/orders/:id/pay/check (S = OrderState) and POST /api/medicine-requests/:id/pay/check
 * (S = MedicineState): the payer's state after the server asked WeChat Pay itself.
 */
export interface PaymentCheck<S extends string> {
  state: S;
}

/** GET /api/orders/:id/qr: the signed hand-over code of an order and its picture. */
export interface OrderQrView {
  token: string;
  /** data:image/png;base64,… */
  image: string;
  expiresAt: string;
}
