import { planDispatch, type PlanParcel, type PlanVolunteer } from './dispatch-plan';

const parcels = (n: number, buildingId: number, from = 1): PlanParcel[] =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, buildingId }));

describe('planDispatch', () => {
  it('balances parcels by count among the volunteers covering a building', () => {
    const volunteers: PlanVolunteer[] = [
      { userId: 1, buildings: [10], capacity: 50, load: 0 },
      { userId: 2, buildings: [10], capacity: 50, load: 0 },
      { userId: 3, buildings: [10], capacity: 50, load: 3 },
    ];
    const plan = planDispatch(parcels(9, 10), volunteers);
    const counts = [1, 2, 3].map((v) => [...plan.assignments.values()].filter((x) => x === v).length);
    expect(counts).toEqual([4, 4, 1]);
    expect(plan.unassigned).toEqual([]);
  });

  it('respects capacity and leaves the rest unassigned', () => {
    const plan = planDispatch(parcels(5, 10), [{ userId: 1, buildings: [10], capacity: 3, load: 1 }]);
    expect(plan.assignments.size).toBe(2);
    expect(plan.unassigned).toEqual([3, 4, 5]);
  });

  it('only gives a volunteer parcels of buildings they cover, and never a parcel twice', () => {
    const plan = planDispatch(
      [...parcels(3, 10), ...parcels(3, 20, 100), { id: 1, buildingId: 10 }],
      [
        { userId: 1, buildings: [10], capacity: 10, load: 0 },
        { userId: 2, buildings: [20], capacity: 10, load: 0 },
      ],
    );
    expect([...plan.assignments.entries()].filter(([, v]) => v === 1).map(([p]) => p)).toEqual([1, 2, 3]);
    expect([...plan.assignments.entries()].filter(([, v]) => v === 2).map(([p]) => p)).toEqual([100, 101, 102]);
    expect(plan.assignments.size).toBe(6);
  });

  it('leaves parcels of an uncovered building unassigned', () => {
    const plan = planDispatch(parcels(2, 30), [{ userId: 1, buildings: [10], capacity: 10, load: 0 }]);
    expect(plan.unassigned).toEqual([1, 2]);
  });

  it('plans 22,000 parcels for 900 volunteers', () => {
    const all = Array.from({ length: 22_000 }, (_, i) => ({ id: i + 1, buildingId: (i % 306) + 1 }));
    const volunteers = Array.from({ length: 900 }, (_, i) => ({
      userId: i + 1,
      buildings: [(i % 306) + 1, ((i + 1) % 306) + 1],
      capacity: 40,
      load: 0,
    }));
    const plan = planDispatch(all, volunteers);
    expect(plan.assignments.size + plan.unassigned.length).toBe(22_000);
    const perVolunteer = new Map<number, number>();
    for (const v of plan.assignments.values()) perVolunteer.set(v, (perVolunteer.get(v) ?? 0) + 1);
    expect(Math.max(...perVolunteer.values())).toBeLessThanOrEqual(40);
  });

  it('never gives a parcel to a volunteer who let it go, even the least loaded', () => {
    const plan = planDispatch(
      [
        { id: 1, buildingId: 10, missedBy: [1] },
        { id: 2, buildingId: 10, missedBy: [1, 2] },
        { id: 3, buildingId: 10 },
      ],
      [
        { userId: 1, buildings: [10], capacity: 10, load: 0 },
        { userId: 2, buildings: [10], capacity: 10, load: 5 },
      ],
    );
    expect(plan.assignments.get(1)).toBe(2);
    expect(plan.assignments.has(2)).toBe(false);
    expect(plan.assignments.get(3)).toBe(1);
    expect(plan.unassigned).toEqual([2]);
  });
});
