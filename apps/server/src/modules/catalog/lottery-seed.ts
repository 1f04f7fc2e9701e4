import { createHash, randomBytes } from 'node:crypto';

/**
 * The commitment behind a fair-share draw (issue 12). The server makes the seed when the window
 * is created and publishes only its SHA-256 until the draw, which reveals the seed; anyone can
 * then check sha256(seed) = the hash they saw while registering.
 *
 * Why this and not a seed derived at close from a value no one controls (a lottery result, a
 * block hash): such a value needs an outside source the server must reach and residents must
 * know how to look up, and none is published at the moment each window closes. A seed made
 * here works offline, at once, and is checked with any SHA-256 tool. Staff cannot choose it
 * (the draw takes none), and it is fixed before anyone registers, so no one can pick a seed
 * that suits the registrations. No API answer carries it before the draw; only someone reading
 * the database directly could learn it early.
 *
 * The hash is of the seed alone; the lottery's random numbers start from a different digest
 * (lottery.ts `seedNumber`), so the published hash gives nothing of the draw away.
 */
export function newLotterySeed(): { seed: string; hash: string } {
  const seed = randomBytes(32).toString('hex');
  return { seed, hash: seedHash(seed) };
}

/** SHA-256 of the seed's UTF-8 text, lower-case hex: what is published before the draw. */
export function seedHash(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}
