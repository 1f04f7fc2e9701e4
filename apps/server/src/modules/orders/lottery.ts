import { createHash } from 'node:crypto';

export interface Entry {
  householdId: number;
  priority: boolean;
  /** itemId → units wanted (already within the household limit). */
  wants: Map<number, number>;
}

/** householdId → itemId → units. */
export type Shares = Map<number, Map<number, number>>;

export interface Allocation {
  /** Households in draw order: priority ones first, each group shuffled by the seed. */
  order: number[];
  /** householdId → itemId → units given. */
  given: Shares;
  /** itemId → units given in all. */
  totals: Map<number, number>;
}

export const LOTTERY_METHOD =
  '种子：开始登记前由系统随机生成并封存，只公布它的 SHA-256 指纹；抽签时公开种子，任何人都可以核对 SHA-256(种子) 是否等于事先公布的指纹，' +
  '所以种子不是看了登记名单以后才选的。' +
  '抽签方法：在种子后面加上“#抽签”再做 SHA-256，取前 4 字节作为 mulberry32 随机数的起点（公布的指纹因此不会提前泄露顺序）；' +
  '优先户（独居老人、困难家庭、透析、化疗、残障）排在前面，两组各自按住户编号排好后用 Fisher–Yates 洗牌；' +
  '然后按这个顺序一轮一轮地分，每轮每户最多多分 1 份，直到库存分完或大家都拿到登记的数量。同一个种子，结果永远相同。' +
  '第二轮：中签户取消订单、超时未付款退回的物资，连同没分完的，不重新洗牌，' +
  '按第一轮的顺序在未中签和部分中签（订单仍有效）的住户之间照同样的办法分，已经分到的份数算在内；已经全部中签的住户不再参加。';

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

/**
 * The generator's start: the first 4 bytes of SHA-256(seed + '#抽签'). Not of the seed alone:
 * that digest is published before the draw (lottery-seed.ts), and starting from it would let
 * anyone compute the order before the seed is revealed.
 */
export function seedNumber(seed: string): number {
  return createHash('sha256').update(`${seed}#抽签`, 'utf8').digest().readUInt32BE(0);
}

function shuffled(ids: number[], random: () => number): number[] {
  const a = [...ids].sort((x, y) => x - y);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

/** The draw order: priority households first; within each group a seeded shuffle. */
export function drawOrder(entries: Entry[], seed: string): number[] {
  const random = mulberry32(seedNumber(seed));
  const first = shuffled(
    entries.filter((e) => e.priority).map((e) => e.householdId),
    random,
  );
  const rest = shuffled(
    entries.filter((e) => !e.priority).map((e) => e.householdId),
    random,
  );
  return [...first, ...rest];
}

/**
 * Units go out in passes, in `order`: in pass n a household is brought up to n units (never
 * past what it wants), so stock reaches as many households as possible before anyone gets a
 * second unit. `held` counts what an earlier round gave: a household holding one unit waits
 * for pass 2. Nobody gets more than they want, no item more than its stock.
 */
export function distribute(
  order: number[],
  entries: Entry[],
  stock: Map<number, number>,
  held: Shares = new Map(),
): Pick<Allocation, 'given' | 'totals'> {
  const byId = new Map(entries.map((e) => [e.householdId, e]));
  const left = new Map(stock);
  const given: Shares = new Map(order.map((id) => [id, new Map()]));
  const totals = new Map<number, number>();
  for (const itemId of [...stock.keys()].sort((a, b) => a - b)) {
    const most = entries.reduce((m, e) => Math.max(m, e.wants.get(itemId) ?? 0), 0);
    for (let pass = 1; pass <= most && (left.get(itemId) ?? 0) > 0; pass++) {
      for (const id of order) {
        if ((left.get(itemId) ?? 0) === 0) break;
        const want = byId.get(id)?.wants.get(itemId) ?? 0;
        const mine = given.get(id) as Map<number, number>;
        const has = (held.get(id)?.get(itemId) ?? 0) + (mine.get(itemId) ?? 0);
        if (has >= Math.min(want, pass)) continue;
        mine.set(itemId, (mine.get(itemId) ?? 0) + 1);
        left.set(itemId, (left.get(itemId) ?? 0) - 1);
        totals.set(itemId, (totals.get(itemId) ?? 0) + 1);
      }
    }
  }
  return { given, totals };
}

/**
 * A reproducible fair-share draw: the seeded order (priority households first), then the
 * passes of `distribute`.
 */
export function allocate(entries: Entry[], stock: Map<number, number>, seed: string): Allocation {
  const order = drawOrder(entries, seed);
  return { order, ...distribute(order, entries, stock) };
}

/**
 * The second round over what is left: no new shuffle (and no new seed) — it goes down the
 * first round's order, keeping only `entries` (the households drawn again, with everything they
 * registered for), and carries on the passes from what the first round gave them (`held`).
 */
export function secondRound(firstOrder: number[], entries: Entry[], held: Shares, stock: Map<number, number>): Allocation {
  const drawn = new Set(entries.map((e) => e.householdId));
  const order = firstOrder.filter((id) => drawn.has(id));
  return { order, ...distribute(order, entries, stock, held) };
}
