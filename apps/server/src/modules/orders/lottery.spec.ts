import { allocate, type Entry } from './lottery';

const entry = (householdId: number, wants: [number, number][], priority = false): Entry => ({
  householdId,
  priority,
  wants: new Map(wants),
});

describe('fair-share lottery', () => {
  const entries: Entry[] = [
    ...Array.from({ length: 40 }, (_, i) => entry(i + 1, [[7, 2]])),
    entry(101, [[7, 1]], true),
    entry(102, [[7, 2]], true),
    entry(
      103,
      [
        [7, 1],
        [8, 1],
      ],
      true,
    ),
  ];
  const stock = new Map([
    [7, 20],
    [8, 5],
  ]);

  it('gives the same result for the same seed, and another for another seed', () => {
    const a = allocate(entries, stock, '2022-04-25 滨湖和园 第一批');
    const b = allocate(entries, stock, '2022-04-25 滨湖和园 第一批');
    expect(b.order).toEqual(a.order);
    expect([...b.given.entries()].map(([k, v]) => [k, [...v.entries()]])).toEqual(
      [...a.given.entries()].map(([k, v]) => [k, [...v.entries()]]),
    );
    expect(allocate(entries, stock, 'another seed').order).not.toEqual(a.order);
  });

  it('never gives more than the stock, nor more than a household registered', () => {
    const { given, totals } = allocate(entries, stock, 'seed');
    expect(totals.get(7)).toBe(20);
    expect(totals.get(8)).toBe(1);
    for (const e of entries) {
      for (const [itemId, units] of given.get(e.householdId) ?? new Map<number, number>()) {
        expect(units).toBeLessThanOrEqual(e.wants.get(itemId) ?? 0);
      }
    }
  });

  it('serves priority households first, and spreads one unit per household before seconds', () => {
    const { order, given } = allocate(entries, stock, 'seed');
    expect(order.slice(0, 3).sort()).toEqual([101, 102, 103]);
    for (const id of [101, 102, 103]) expect(given.get(id)?.get(7)).toBeGreaterThanOrEqual(1);
    // 20 units over 43 households: 20 households get one each, nobody gets two.
    const counts = [...given.values()].map((m) => m.get(7) ?? 0);
    expect(counts.filter((c) => c === 1)).toHaveLength(20);
    expect(counts.some((c) => c > 1)).toBe(false);
  });

  it('gives seconds in a second round when stock is enough', () => {
    const { given } = allocate(entries, new Map([[7, 50]]), 'seed');
    const counts = [...given.values()].map((m) => m.get(7) ?? 0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(50);
    expect(given.get(101)?.get(7)).toBe(1);
    expect(given.get(102)?.get(7)).toBe(2);
  });
});
