import type { PaymentMode } from './catalog';
import type { Flow } from './flow';
import type { ParcelSummary } from './parcels';

/**
 * Medicine bought on a household's behalf. The pharmacy quotes (checking any prescription), the
 * household accepts what it wants, the pharmacy buys it and hands it to delivery as a parcel.
 */
export const MEDICINE_STATES = [
  'SUBMITTED',
  'QUOTED',
  'AWAITING_PAYMENT',
  'CONFIRMED',
  'PURCHASED',
  'CANNOT_BUY',
  'DELIVERED',
  'REJECTED',
  'DECLINED',
  'CANCELLED',
  'EXPIRED',
] as const;
export type MedicineState = (typeof MEDICINE_STATES)[number];

export const MEDICINE_FLOW = {
  // The pharmacy quotes every item (approving the prescription) or rejects the request with a reason.
  SUBMITTED: { QUOTED: ['pharmacist'], REJECTED: ['pharmacist'], CANCELLED: ['resident', 'staff'] },
  // The household accepts some items (paying first with WeChat Pay) or declines; unanswered, it expires.
  QUOTED: {
    CONFIRMED: ['resident', 'staff'],
    AWAITING_PAYMENT: ['resident', 'staff'],
    DECLINED: ['resident', 'staff'],
    EXPIRED: ['system'],
  },
  AWAITING_PAYMENT: { CONFIRMED: ['system'], EXPIRED: ['system'], CANCELLED: ['resident', 'staff'] },
  // The pharmacy bought it (with the receipt photo): it becomes a parcel. Or it cannot be bought
  // (a reason; paid money goes back); or the household no longer wants it (money back).
  CONFIRMED: { PURCHASED: ['pharmacist'], CANNOT_BUY: ['pharmacist'], CANCELLED: ['resident', 'staff'] },
  // Staff hand it to another pharmacy (this one closes, a new request is made there) or it is given up.
  CANNOT_BUY: { CANCELLED: ['resident', 'staff'] },
  // The parcel was delivered; or it came back and staff cancelled it (events from the parcels module).
  PURCHASED: { DELIVERED: ['system'], CANCELLED: ['system'] },
  DELIVERED: {},
  REJECTED: {},
  DECLINED: {},
  CANCELLED: {},
  EXPIRED: {},
} as const satisfies Flow<MedicineState>;

export const MEDICINE_STATE_LABELS: Record<MedicineState, string> = {
  SUBMITTED: '等药房报价',
  QUOTED: '药房已报价，请确认',
  AWAITING_PAYMENT: '待支付',
  CONFIRMED: '已确认，药房采购中',
  PURCHASED: '已买到，待配送',
  CANNOT_BUY: '药房买不到，社区在协调',
  DELIVERED: '已送达',
  REJECTED: '药房未受理',
  DECLINED: '您未接受报价',
  CANCELLED: '已取消',
  EXPIRED: '已过期',
};

export const URGENCIES = ['today', 'chronic', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { today: '今天要', chronic: '慢性病续药', normal: '普通' };

/** A request not quoted within this many minutes is escalated to staff (configurable per deployment). */
export const DEFAULT_QUOTE_MINUTES: Record<Urgency, number> = { today: 20, chronic: 60, normal: 60 };
/** A quote the household leaves unanswered this long expires. */
export const QUOTE_ANSWER_HOURS = 24;

export type BrandPreference = 'usual' | 'any';
export const BRAND_LABELS: Record<BrandPreference, string> = { usual: '要平时吃的牌子', any: '同类药都可以' };

export type QuoteStatus = 'in_stock' | 'substitute' | 'unavailable';
export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = { in_stock: '有货', substitute: '可用替代药', unavailable: '缺货' };

export interface MedicineItemRequest {
  name: string;
  /** 规格：0.25g×24片 */
  spec?: string;
  quantity: number;
  brand: BrandPreference;
  /** Prescription medicine: the request needs a photo of the prescription or the box. */
  prescription: boolean;
}

/** POST /api/medicine-requests (resident) and POST /api/staff/medicine-requests (proxy, with householdId). */
export interface MedicineRequestBody {
  items: MedicineItemRequest[];
  urgency: Urgency;
  /** 本人 / 老伴 / 母亲 … */
  forWhom?: string;
  note?: string;
  /** Uploaded first with purpose `prescription`. */
  photoFileIds?: number[];
  /** Staff proxy only. */
  householdId?: number;
}

/** POST /api/staff/medicine-requests: 代登记, a request for a household without a smartphone. */
export interface ProxyMedicineRequestBody extends MedicineRequestBody {
  householdId: number;
}

/**
 * GET /api/pharmacy/requests (open, or finished) and GET /api/staff/medicine-requests (open,
 * or only the overdue ones) query; open when left out.
 */
export const MEDICINE_LISTS = ['open', 'finished', 'overdue'] as const;
export type MedicineList = (typeof MEDICINE_LISTS)[number];

export interface MedicineListQuery {
  show?: MedicineList;
}

/** One item of a quote (POST /api/pharmacy/requests/:id/quote). */
export interface QuoteItem {
  itemId: number;
  status: QuoteStatus;
  /** The named equivalent, for a substitute. */
  substituteName?: string;
  /** Per unit, in fen; for in_stock and substitute. */
  unitPriceFen?: number;
}

export interface QuoteBody {
  items: QuoteItem[];
  note?: string;
}

/** POST /api/pharmacy/requests/:id/reject */
/** POST /api/pharmacy/requests/:id/cannot-buy — the pharmacy gives up a confirmed request, with a reason. */
export interface CannotBuyBody {
  reason: string;
}

export interface RejectMedicineBody {
  reason: string;
}

/** POST /api/medicine-requests/:id/accept: the items the household takes (at least one). */
export interface AcceptQuoteBody {
  itemIds: number[];
}

/** POST /api/pharmacy/requests/:id/purchase: the receipt photo (purpose `receipt`). */
export interface PurchaseBody {
  receiptFileId: number;
}

export interface MedicineItemView extends MedicineItemRequest {
  id: number;
  spec: string;
  quote: { status: QuoteStatus; substituteName: string | null; unitPriceFen: number | null } | null;
  /** The household's answer: null until it answered the quote. */
  accepted: boolean | null;
}

export interface MedicineRequestView {
  id: number;
  state: MedicineState;
  householdId: number;
  /** 1栋1单元101 — for the household, its pharmacy and staff (volunteers never see requests). */
  address: string;
  pharmacy: { id: number; name: string; phone: string | null };
  urgency: Urgency;
  forWhom: string | null;
  note: string | null;
  items: MedicineItemView[];
  /** Short-lived links to the prescription photos, and to the receipt once bought. */
  photoUrls: string[];
  receiptUrl: string | null;
  /** Set when the pharmacy rejected the request: the reason the resident reads. */
  rejectionReason: string | null;
  /** Set when the pharmacy could not buy what was confirmed: its reason. */
  cannotBuyReason: string | null;
  /** Set when staff cancelled it (a parcel that came back, a hand-over to another pharmacy). */
  cancelReason: string | null;
  /** Handed over to another pharmacy: the new request to follow (this one is closed). */
  movedTo: number | null;
  quoteNote: string | null;
  /** Sum of the accepted (or, before an answer, all available) items. */
  totalFen: number;
  paymentMode: PaymentMode;
  /** WeChat Pay: pay by then, or the accepted quote expires. */
  payBy: string | null;
  placedBy: { nickname: string; proxy: boolean };
  createdAt: string;
  /** When the pharmacy should have quoted by; `overdue` once passed without a quote. */
  quoteDeadline: string;
  overdue: boolean;
  waitingMinutes: number;
  /** Moves the asking person may make now (buttons). */
  actions: MedicineState[];
  parcel: ParcelSummary | null;
  /** The earlier request this one repeats (慢性病续药). */
  repeatOf: number | null;
}

/** A pharmacy, as staff manage it and residents see it. */
export interface PharmacyBody {
  name: string;
  address: string;
  /** 营业时间：8:00–20:00 */
  hours: string;
  phone?: string;
  /** The zones (封控区 names) this pharmacy is the default for; '' = the whole community. */
  defaultFor: string[];
  paymentMode: PaymentMode;
}

export interface PharmacyView extends Omit<PharmacyBody, 'phone'> {
  id: number;
  phone: string | null;
  pharmacists: { userId: number; nickname: string }[];
}

/** POST /api/staff/pharmacies/:id/invite: a one-time code a pharmacist enters (POST /api/pharmacy/join). */
export interface PharmacistInvite {
  code: string;
  expiresAt: string;
}

/** POST /api/pharmacy/join: the invite code; the person becomes a pharmacist of that pharmacy. */
export interface JoinPharmacyBody {
  code: string;
}

/** POST /api/staff/medicine-requests/:id/move */
export interface MoveRequestBody {
  pharmacyId: number;
}
