import { createHash } from 'node:crypto';
import { seedHash } from '../catalog/lottery-seed';
import { allocate, drawOrder, secondRound, seedNumber, type Entry, type Shares } from './lottery';

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

  it('starts its numbers from a digest other than the published hash, so the hash gives the order nothing away', () => {
    const seed = 'a'.repeat(64);
    expect(seedHash(seed)).toBe(createHash('sha256').update(seed).digest('hex'));
    expect(seedNumber(seed)).not.toBe(Buffer.from(seedHash(seed), 'hex').readUInt32BE(0));
    expect(seedNumber(seed)).toBe(createHash('sha256').update(`${seed}#抽签`).digest().readUInt32BE(0));
  });

  it('keeps to the published order: the same seed and registrations give the same order, whatever order they come in', () => {
    expect(drawOrder([...entries].reverse(), 'seed')).toEqual(drawOrder(entries, 'seed'));
    expect(allocate(entries, stock, 'seed').order).toEqual(drawOrder(entries, 'seed'));
  });
});

describe('the second round', () => {
  // Round 1: 6 households, 3 units of item 7; ids 1–3 want two, 4–6 want one.
  const wanting: Entry[] = [1, 2, 3, 4, 5, 6].map((id) => entry(id, [[7, id <= 3 ? 2 : 1]], id === 6));
  const first = allocate(wanting, new Map([[7, 3]]), 'round one');
  const got = (id: number): number => first.given.get(id)?.get(7) ?? 0;
  const partial = wanting.filter((e) => got(e.householdId) > 0 && got(e.householdId) < (e.wants.get(7) ?? 0));
  const lost = wanting.filter((e) => got(e.householdId) === 0);
  const held: Shares = new Map(partial.map((e) => [e.householdId, new Map([[7, got(e.householdId)]])]));

  it('goes down the first round order among those drawn again, and gives every loser a unit before anyone a second', () => {
    expect(lost.length).toBeGreaterThan(0);
    expect(partial.length).toBeGreaterThan(0);
    const again = [...lost, ...partial];
    const round = secondRound(first.order, again, held, new Map([[7, lost.length]]));
    expect(round.order).toEqual(first.order.filter((id) => again.some((e) => e.householdId === id)));
    for (const e of lost) expect(round.given.get(e.householdId)?.get(7)).toBe(1);
    for (const e of partial) expect(round.given.get(e.householdId)?.get(7) ?? 0).toBe(0);
    expect(round.totals.get(7)).toBe(lost.length);
  });

  it('gives seconds, counting what round 1 gave, once every loser has one; never past stock or wants', () => {
    const again = [...lost, ...partial];
    const round = secondRound(first.order, again, held, new Map([[7, 50]]));
    for (const e of again) {
      expect((held.get(e.householdId)?.get(7) ?? 0) + (round.given.get(e.householdId)?.get(7) ?? 0)).toBe(e.wants.get(7));
    }
    const short = secondRound(first.order, again, held, new Map([[7, 1]]));
    expect(short.totals.get(7)).toBe(1);
    expect(short.given.get(short.order.find((id) => !held.has(id)) as number)?.get(7)).toBe(1);
  });

  it('draws nobody it was not given, and is the same every time', () => {
    const round = secondRound(first.order, lost, new Map(), new Map([[7, 10]]));
    expect([...round.order].sort()).toEqual(lost.map((e) => e.householdId).sort());
    expect(secondRound(first.order, lost, new Map(), new Map([[7, 10]]))).toEqual(round);
  });
});
