/**
 * The countdown of an attempt, on the server's clock: the phone's clock may be wrong by minutes,
 * so the time left is `deadline - serverNow` at the moment the answer came, counted down by the
 * phone's own elapsed time since.
 */

/** How far the phone's clock is ahead of the server's (ms), from an answer that carried `serverNow`. */
export function clockSkew(serverNow: string, phoneNowMs: number): number {
  return phoneNowMs - Date.parse(serverNow);
}

/** Milliseconds left until the deadline, never below 0. */
export function remainingMs(deadline: string, phoneNowMs: number, skewMs: number): number {
  return Math.max(0, Date.parse(deadline) - (phoneNowMs - skewMs));
}

/** "4:05" (minutes:seconds), rounding up so that 0:00 means the time is really up. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The last stretch, shown in red. */
export function hurry(ms: number): boolean {
  return ms <= 10_000;
}

/** The first question without a saved answer (where a resumed attempt continues), or the last one. */
export function firstUnanswered(count: number, saved: readonly { position: number }[]): number {
  const done = new Set(saved.map((s) => s.position));
  for (let i = 0; i < count; i++) if (!done.has(i)) return i;
  return Math.max(0, count - 1);
}

/** A toggle on an option: single choice replaces, multiple choice adds or removes. */
export function toggleChoice(kind: 'single' | 'multiple', chosen: readonly number[], option: number): number[] {
  if (kind === 'single') return [option];
  return chosen.includes(option) ? chosen.filter((c) => c !== option) : [...chosen, option].sort((a, b) => a - b);
}

/** Option letters: A, B, C… */
export function letter(index: number): string {
  return String.fromCharCode(65 + index);
}
