import { BINDING_FLOW, BINDING_STATES, type BindingState } from './binding';
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
