import { BINDING_FLOW, BINDING_STATES, type BindingState } from './binding';
import { ORDER_FLOW, ORDER_STATES, formatFen, type OrderState } from './orders';
import { MEDICINE_FLOW, MEDICINE_STATES } from './pharmacy';
import { PARCEL_FLOW } from './parcels';
import { PAYMENT_FLOW, PAYMENT_STATES } from './payments';
import { WINDOW_FLOW, WINDOW_STATUSES } from './catalog';
import { REGISTRATION_FLOW, REGISTRATION_STATES } from './fair-share';
import { checkFlow, nextStates, refuseTransition, type Flow } from './flow';
import { ROLES } from './roles';

describe('BINDING_FLOW', () => {
  it('is sound: every target is a known state and every state is reachable', () => {
    expect(checkFlow(BINDING_FLOW, 'PENDING')).toEqual([]);
    expect(Object.keys(BINDING_FLOW).sort()).toEqual([...BINDING_STATES].sort());
  });

  const allowed: [BindingState, BindingState, string[]][] = [
    ['PENDING', 'APPROVED', ['staff', 'supervisor']],
    ['PENDING', 'REJECTED', ['staff', 'supervisor']],
    ['PENDING', 'CANCELLED', ['resident']],
  ];

  it('allows exactly the listed moves, to exactly the listed roles', () => {
    for (const from of BINDING_STATES) {
      for (const to of BINDING_STATES) {
        const who = allowed.find(([f, t]) => f === from && t === to)?.[2] ?? [];
        for (const role of ROLES) {
          const refusal = refuseTransition(BINDING_FLOW, from, to, [role]);
          if (who.includes(role)) expect(refusal).toBeNull();
          else expect(refusal).toBe(who.length === 0 ? 'NOT_ALLOWED' : 'WRONG_ACTOR');
        }
      }
    }
  });

  it('offers each actor only their buttons', () => {
    expect(nextStates(BINDING_FLOW, 'PENDING', ['resident'])).toEqual(['CANCELLED']);
    expect(nextStates(BINDING_FLOW, 'PENDING', ['staff'])).toEqual(['APPROVED', 'REJECTED']);
    expect(nextStates(BINDING_FLOW, 'APPROVED', ['staff', 'resident'])).toEqual([]);
    expect(nextStates(BINDING_FLOW, 'PENDING', ['volunteer'])).toEqual([]);
  });
});

describe('checkFlow', () => {
  it('finds unknown targets and unreachable states', () => {
    type S = 'A' | 'B' | 'C';
    const broken = { A: { B: ['staff'] }, B: { D: ['staff'] }, C: {} } as unknown as Flow<S>;
    expect(checkFlow(broken, 'A')).toEqual(['B → D: unknown state D', 'C is unreachable from A']);
  });
});

describe('ORDER_FLOW', () => {
  it('is sound', () => {
    expect(checkFlow(ORDER_FLOW, 'PENDING_PAYMENT')).toEqual([]);
    expect(Object.keys(ORDER_FLOW).sort()).toEqual([...ORDER_STATES].sort());
  });

  const allowed: [OrderState, OrderState, string[]][] = [
    ['PENDING_PAYMENT', 'CONFIRMED', ['system']],
    ['PENDING_PAYMENT', 'CANCELLED', ['resident', 'staff']],
    ['PENDING_PAYMENT', 'EXPIRED', ['system']],
    ['CONFIRMED', 'PACKED', ['staff']],
    ['CONFIRMED', 'CANCELLED', ['resident', 'staff']],
    ['PACKED', 'DELIVERED', ['system']],
    ['PACKED', 'CANCELLED', ['system']],
  ];

  it('allows exactly the listed moves, to exactly the listed actors', () => {
    for (const from of ORDER_STATES) {
      for (const to of ORDER_STATES) {
        const who = allowed.find(([f, t]) => f === from && t === to)?.[2] ?? [];
        for (const actor of [...ROLES, 'system' as const]) {
          const refusal = refuseTransition(ORDER_FLOW, from, to, [actor]);
          if (who.includes(actor)) expect(refusal).toBeNull();
          else expect(refusal).toBe(who.length === 0 ? 'NOT_ALLOWED' : 'WRONG_ACTOR');
        }
      }
    }
  });

  it('a packed order can no longer be cancelled by a person; only its parcel moves it (delivered, or cancelled after it came back)', () => {
    expect(nextStates(ORDER_FLOW, 'PACKED', ['resident', 'staff'])).toEqual([]);
    expect(nextStates(ORDER_FLOW, 'PACKED', ['system'])).toEqual(['DELIVERED', 'CANCELLED']);
  });
});

describe('formatFen', () => {
  it('shows integer fen as yuan with two decimals', () => {
    expect(formatFen(8800)).toBe('¥88.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-1250)).toBe('-¥12.50');
  });
});

describe('PARCEL_FLOW', () => {
  it('is sound', () => {
    expect(checkFlow(PARCEL_FLOW, 'READY')).toEqual([]);
  });

  it('lets volunteers accept, pick up and deliver, staff resolve failures, residents confirm contactless delivery', () => {
    expect(nextStates(PARCEL_FLOW, 'ASSIGNED', ['volunteer'])).toEqual(['ACCEPTED', 'READY']);
    expect(nextStates(PARCEL_FLOW, 'PICKED_UP', ['resident'])).toEqual([]);
    expect(nextStates(PARCEL_FLOW, 'PICKED_UP', ['volunteer'])).toEqual(['DELIVERED', 'LEFT_AT_DOOR', 'FAILED']);
    expect(nextStates(PARCEL_FLOW, 'LEFT_AT_DOOR', ['resident'])).toEqual(['DELIVERED', 'FAILED']);
    expect(nextStates(PARCEL_FLOW, 'LEFT_AT_DOOR', ['volunteer'])).toEqual([]);
    expect(nextStates(PARCEL_FLOW, 'FAILED', ['volunteer'])).toEqual([]);
    expect(nextStates(PARCEL_FLOW, 'FAILED', ['staff'])).toEqual(['READY', 'RETURNED']);
    expect(refuseTransition(PARCEL_FLOW, 'READY', 'DELIVERED', ['volunteer'])).toBe('NOT_ALLOWED');
    expect(refuseTransition(PARCEL_FLOW, 'ACCEPTED', 'PICKED_UP', ['resident'])).toBe('WRONG_ACTOR');
    expect(nextStates(PARCEL_FLOW, 'DELIVERED', ['staff', 'volunteer', 'resident', 'system'])).toEqual([]);
  });

  it('gives a returned parcel a way out: delivered again or cancelled, by staff', () => {
    expect(nextStates(PARCEL_FLOW, 'RETURNED', ['staff'])).toEqual(['READY', 'CANCELLED']);
    expect(nextStates(PARCEL_FLOW, 'RETURNED', ['volunteer', 'resident', 'system'])).toEqual([]);
    expect(nextStates(PARCEL_FLOW, 'CANCELLED', ['staff', 'volunteer', 'resident', 'system'])).toEqual([]);
  });
});

describe('MEDICINE_FLOW', () => {
  it('is sound: every state known and reachable from SUBMITTED', () => {
    expect(checkFlow(MEDICINE_FLOW, 'SUBMITTED')).toEqual([]);
    expect(Object.keys(MEDICINE_FLOW).sort()).toEqual([...MEDICINE_STATES].sort());
  });

  it('lets the pharmacy quote, reject and buy; the household answer the quote; the system deliver and expire', () => {
    expect(nextStates(MEDICINE_FLOW, 'SUBMITTED', ['pharmacist'])).toEqual(['QUOTED', 'REJECTED']);
    expect(nextStates(MEDICINE_FLOW, 'SUBMITTED', ['resident'])).toEqual(['CANCELLED']);
    expect(nextStates(MEDICINE_FLOW, 'QUOTED', ['pharmacist'])).toEqual([]);
    expect(nextStates(MEDICINE_FLOW, 'QUOTED', ['resident'])).toEqual(['CONFIRMED', 'AWAITING_PAYMENT', 'DECLINED']);
    expect(nextStates(MEDICINE_FLOW, 'CONFIRMED', ['pharmacist'])).toEqual(['PURCHASED', 'CANNOT_BUY']);
    expect(nextStates(MEDICINE_FLOW, 'CONFIRMED', ['resident', 'staff'])).toEqual(['CANCELLED']);
    expect(nextStates(MEDICINE_FLOW, 'CANNOT_BUY', ['resident', 'staff'])).toEqual(['CANCELLED']);
    expect(nextStates(MEDICINE_FLOW, 'CANNOT_BUY', ['pharmacist'])).toEqual([]);
    expect(nextStates(MEDICINE_FLOW, 'PURCHASED', ['resident', 'staff', 'pharmacist'])).toEqual([]);
    expect(refuseTransition(MEDICINE_FLOW, 'PURCHASED', 'DELIVERED', ['pharmacist'])).toBe('WRONG_ACTOR');
    expect(refuseTransition(MEDICINE_FLOW, 'PURCHASED', 'DELIVERED', ['system'])).toBeNull();
    expect(refuseTransition(MEDICINE_FLOW, 'REJECTED', 'QUOTED', ['pharmacist'])).toBe('NOT_ALLOWED');
  });
});

describe('PAYMENT_FLOW', () => {
  it('is sound: every state known and reachable from PENDING', () => {
    expect(checkFlow(PAYMENT_FLOW, 'PENDING')).toEqual([]);
    expect(Object.keys(PAYMENT_FLOW).sort()).toEqual([...PAYMENT_STATES].sort());
  });

  it('is moved by the server only, and money once paid always has a way back', () => {
    for (const from of PAYMENT_STATES) {
      for (const role of ROLES) expect(nextStates(PAYMENT_FLOW, from, [role])).toEqual([]);
    }
    expect(nextStates(PAYMENT_FLOW, 'PENDING', ['system'])).toEqual(['PAID', 'REFUND_PENDING']);
    expect(nextStates(PAYMENT_FLOW, 'PAID', ['system'])).toEqual(['REFUND_PENDING']);
    expect(nextStates(PAYMENT_FLOW, 'REFUND_PENDING', ['system'])).toEqual(['REFUND_PROCESSING', 'REFUNDED']);
    expect(nextStates(PAYMENT_FLOW, 'REFUND_PROCESSING', ['system'])).toEqual(['REFUNDED']);
    expect(refuseTransition(PAYMENT_FLOW, 'REFUNDED', 'PAID', ['system'])).toBe('NOT_ALLOWED');
    expect(refuseTransition(PAYMENT_FLOW, 'PAID', 'PENDING', ['system'])).toBe('NOT_ALLOWED');
  });
});

describe('REGISTRATION_FLOW', () => {
  it('is sound, and only the draw decides a registration', () => {
    expect(checkFlow(REGISTRATION_FLOW, 'REGISTERED')).toEqual([]);
    expect(Object.keys(REGISTRATION_FLOW).sort()).toEqual([...REGISTRATION_STATES].sort());
    expect(nextStates(REGISTRATION_FLOW, 'REGISTERED', ['resident'])).toEqual(['WITHDRAWN']);
    expect(nextStates(REGISTRATION_FLOW, 'WITHDRAWN', ['resident'])).toEqual(['REGISTERED']);
    expect(nextStates(REGISTRATION_FLOW, 'REGISTERED', ['system'])).toEqual(['WON', 'PARTIAL', 'LOST']);
    expect(refuseTransition(REGISTRATION_FLOW, 'REGISTERED', 'WON', ['staff'])).toBe('WRONG_ACTOR');
    expect(refuseTransition(REGISTRATION_FLOW, 'LOST', 'REGISTERED', ['resident'])).toBe('NOT_ALLOWED');
  });

  it('lets the second round, and nobody else, give more to a household that lost or got part', () => {
    expect(nextStates(REGISTRATION_FLOW, 'LOST', ['system'])).toEqual(['WON', 'PARTIAL']);
    expect(nextStates(REGISTRATION_FLOW, 'PARTIAL', ['system'])).toEqual(['WON']);
    expect(nextStates(REGISTRATION_FLOW, 'WON', ['system'])).toEqual([]);
    expect(nextStates(REGISTRATION_FLOW, 'LOST', ['staff', 'resident'])).toEqual([]);
    expect(refuseTransition(REGISTRATION_FLOW, 'WON', 'PARTIAL', ['system'])).toBe('NOT_ALLOWED');
  });
});

describe('WINDOW_FLOW', () => {
  it('lets staff pause, resume and close a window, and nothing reopens a closed one', () => {
    expect(checkFlow(WINDOW_FLOW, 'ACTIVE')).toEqual([]);
    expect(Object.keys(WINDOW_FLOW).sort()).toEqual([...WINDOW_STATUSES].sort());
    expect(nextStates(WINDOW_FLOW, 'ACTIVE', ['staff'])).toEqual(['PAUSED', 'CLOSED']);
    expect(nextStates(WINDOW_FLOW, 'PAUSED', ['staff'])).toEqual(['ACTIVE', 'CLOSED']);
    expect(nextStates(WINDOW_FLOW, 'CLOSED', ['staff', 'system'])).toEqual([]);
    expect(refuseTransition(WINDOW_FLOW, 'ACTIVE', 'PAUSED', ['resident'])).toBe('WRONG_ACTOR');
  });
});
