import { checkFlow, nextStates, refuseTransition } from './flow';
import { ROLES } from './roles';
import { TRIP_FLOW, TRIP_NEXT, TRIP_STATES, type TripState } from './transport';

describe('TRIP_FLOW', () => {
  it('is sound: every target is a known state and every state is reachable from PLANNED', () => {
    expect(checkFlow(TRIP_FLOW, 'PLANNED')).toEqual([]);
    expect(Object.keys(TRIP_FLOW).sort()).toEqual([...TRIP_STATES].sort());
  });

  const allowed: [TripState, TripState, string[]][] = [
    ['PLANNED', 'PICKED_UP', ['volunteer']],
    ['PLANNED', 'CANCELLED', ['staff', 'supervisor']],
    ['PICKED_UP', 'ARRIVED', ['volunteer']],
    ['PICKED_UP', 'RETURNED', ['staff', 'supervisor']],
    ['ARRIVED', 'RETURNED', ['volunteer', 'staff', 'supervisor']],
  ];

  it('allows exactly the listed moves, to exactly the listed roles', () => {
    for (const from of TRIP_STATES) {
      for (const to of TRIP_STATES) {
        const who = allowed.find(([f, t]) => f === from && t === to)?.[2] ?? [];
        for (const role of ROLES) {
          const refusal = refuseTransition(TRIP_FLOW, from, to, [role]);
          if (who.includes(role)) expect(refusal).toBeNull();
          else expect(refusal).toBe(who.length === 0 ? 'NOT_ALLOWED' : 'WRONG_ACTOR');
        }
      }
    }
  });

  it('gives every state on the road a way out without the driver: staff end it as returned', () => {
    const open = TRIP_STATES.filter((s) => Object.keys(TRIP_FLOW[s]).length > 0);
    expect(open).toEqual(['PLANNED', 'PICKED_UP', 'ARRIVED']);
    for (const state of open) expect(nextStates(TRIP_FLOW, state, ['staff']).length).toBe(1);
    expect(nextStates(TRIP_FLOW, 'PICKED_UP', ['staff'])).toEqual(['RETURNED']);
    expect(nextStates(TRIP_FLOW, 'ARRIVED', ['supervisor'])).toEqual(['RETURNED']);
    expect(nextStates(TRIP_FLOW, 'RETURNED', ['staff', 'volunteer'])).toEqual([]);
    expect(nextStates(TRIP_FLOW, 'CANCELLED', ['staff', 'volunteer'])).toEqual([]);
  });

  it("the driver's one button is always a move the flow lets a volunteer make", () => {
    for (const [from, next] of Object.entries(TRIP_NEXT) as [TripState, { to: TripState }][]) {
      expect(refuseTransition(TRIP_FLOW, from, next.to, ['volunteer'])).toBeNull();
    }
  });
});
