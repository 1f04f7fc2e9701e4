import { DEFAULT_HELP_DEADLINES } from '@linli/shared-types';
import { deadlineMinutes, deadlinesAt, effectiveTeam, escalationDue, isOverdue, reopenUntil, routeRole } from './help-rules';

const at = (iso: string): Date => new Date(iso);

describe('help rules', () => {
  it('deadlines per category and urgency: the defaults, or the community row', () => {
    expect(deadlineMinutes('medical', 'urgent', [])).toEqual({ firstResponseMinutes: 15, solutionMinutes: 120 });
    expect(deadlineMinutes('complaint', 'normal', [])).toEqual(DEFAULT_HELP_DEADLINES.complaint.normal);
    const rows = [{ category: 'medical' as const, urgency: 'normal' as const, firstResponseMinutes: 10, solutionMinutes: 30 }];
    expect(deadlineMinutes('medical', 'normal', rows)).toEqual({ firstResponseMinutes: 10, solutionMinutes: 30 });
    expect(deadlineMinutes('medical', 'urgent', rows)).toEqual({ firstResponseMinutes: 15, solutionMinutes: 120 });
    const d = deadlinesAt(at('2026-01-01T08:00:00Z'), { firstResponseMinutes: 15, solutionMinutes: 120 });
    expect(d.firstResponseDue.toISOString()).toBe('2026-01-01T08:15:00.000Z');
    expect(d.solutionDue.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(reopenUntil(at('2026-01-01T08:00:00Z')).toISOString()).toBe('2026-01-02T08:00:00.000Z');
  });

  it('routes by category: 就医 and 买药 to the medic, 投诉 to the cadre, counselling to no team role', () => {
    expect(routeRole('medical')).toBe('medic');
    expect(routeRole('medicine')).toBe('medic');
    expect(routeRole('complaint')).toBe('cadre');
    expect(routeRole('supplies')).toBe('volunteer');
    expect(routeRole('counselling')).toBeNull();
  });

  it('the team: household rows override the building for their role, the routed role first', () => {
    const rows = [
      { role: 'cadre' as const, householdId: null, userId: 1 },
      { role: 'medic' as const, householdId: null, userId: 2 },
      { role: 'medic' as const, householdId: 9, userId: 3 },
      { role: 'volunteer' as const, householdId: null, userId: 4 },
    ];
    expect(effectiveTeam(rows).map((m) => m.userId)).toEqual([1, 3, 4]);
    expect(effectiveTeam(rows, 'medic').map((m) => m.userId)).toEqual([3, 1, 4]);
    expect(effectiveTeam(rows, 'volunteer').map((m) => m.userId)).toEqual([4, 1, 3]);
  });

  it('escalation: level 1 once when no first response by the deadline, level 2 when the solution is late', () => {
    const base = {
      state: 'OPEN' as const,
      escalation: 0,
      firstResponseAt: null,
      firstResponseDue: at('2026-01-01T08:15:00Z'),
      solutionDue: at('2026-01-01T10:00:00Z'),
      resolvedAt: null,
      solutionEscalatedAt: null,
    };
    expect(escalationDue(base, at('2026-01-01T08:14:59Z'))).toBeNull();
    expect(escalationDue(base, at('2026-01-01T08:15:00Z'))).toBe(1);
    expect(escalationDue({ ...base, escalation: 1 }, at('2026-01-01T09:00:00Z'))).toBeNull();
    expect(escalationDue({ ...base, firstResponseAt: at('2026-01-01T08:10:00Z') }, at('2026-01-01T09:00:00Z'))).toBeNull();
    expect(escalationDue({ ...base, escalation: 1, state: 'TAKEN' }, at('2026-01-01T10:00:00Z'))).toBe(2);
    expect(
      escalationDue({ ...base, escalation: 2, solutionEscalatedAt: at('2026-01-01T10:00:00Z') }, at('2026-01-01T11:00:00Z')),
    ).toBeNull();
    expect(escalationDue({ ...base, state: 'RESOLVED' }, at('2026-01-01T11:00:00Z'))).toBeNull();
    expect(escalationDue({ ...base, state: 'CANCELLED' }, at('2026-01-01T11:00:00Z'))).toBeNull();
    expect(isOverdue(base, at('2026-01-01T08:16:00Z'))).toBe(true);
    expect(isOverdue({ ...base, firstResponseAt: at('2026-01-01T08:10:00Z') }, at('2026-01-01T08:16:00Z'))).toBe(false);
  });
});
