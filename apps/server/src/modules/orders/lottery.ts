import { createHash } from 'node:crypto';

export interface Entry {
  householdId: number;
  priority: boolean;
  /** itemId → units wanted (already within the household limit). */
  wants: Map<number, number>;
}

export interface Allocation {
  /** Households in draw order: priority ones first, each group shuffled by the seed. */
  order: number[];
  /** householdId → itemId → units given. */
  given: Map<number, Map<number, number>>;
  /** itemId → units given in all. */
  totals: Map<number, number>;
}

export const LOTTERY_METHOD =
  '抽签方法：把种子文本做 SHA-256，取前 4 字节作为 mulberry32 随机数的起点；' +
  '优先户（独居老人、困难家庭、透析、化疗、残障）排在前面，两组各自按住户编号排好后用 Fisher–Yates 洗牌；' +
  '然后按这个顺序一轮一轮地分，每轮每户最多多分 1 份，直到库存分完或大家都拿到登记的数量。同一个种子，结果永远相同。';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed text as the generator's start: the first 4 bytes of its SHA-256. */
export function seedNumber(seed: string): number {
  return createHash('sha256').update(seed, 'utf8').digest().readUInt32BE(0);
}

function shuffled(ids: number[], random: () => number): number[] {
  const a = [...ids].sort((x, y) => x - y);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

/**
 * A reproducible fair-share draw. Priority households come first; within each group the order
 * is a seeded shuffle. Units go out in rounds — one more unit per household per round, in draw
 * order — so stock reaches as many households as possible before anyone gets a second unit.
 * Nobody gets more than they registered (which is within the limit), no item more than its stock.
 */
export function allocate(entries: Entry[], stock: Map<number, number>, seed: string): Allocation {
  const random = mulberry32(seedNumber(seed));
  const first = shuffled(
    entries.filter((e) => e.priority).map((e) => e.householdId),
    random,
  );
  const rest = shuffled(
    entries.filter((e) => !e.priority).map((e) => e.householdId),
    random,
  );
  const order = [...first, ...rest];
  const byId = new Map(entries.map((e) => [e.householdId, e]));
  const left = new Map(stock);
  const given = new Map<number, Map<number, number>>(order.map((id) => [id, new Map()]));
  const totals = new Map<number, number>();
  for (const itemId of [...stock.keys()].sort((a, b) => a - b)) {
    for (let round = 1, progress = true; progress && (left.get(itemId) ?? 0) > 0; round++) {
      progress = false;
      for (const id of order) {
        if ((left.get(itemId) ?? 0) === 0) break;
        const want = byId.get(id)?.wants.get(itemId) ?? 0;
        const mine = given.get(id) as Map<number, number>;
        if ((mine.get(itemId) ?? 0) >= Math.min(want, round)) continue;
        mine.set(itemId, (mine.get(itemId) ?? 0) + 1);
        left.set(itemId, (left.get(itemId) ?? 0) - 1);
        totals.set(itemId, (totals.get(itemId) ?? 0) + 1);
        progress = true;
      }
    }
  }
  return { order, given, totals };
}
