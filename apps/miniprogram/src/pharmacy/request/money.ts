/** The most a unit may cost (the server's limit): 10000 元. */
const MAX_FEN = 1_000_000;

/**
 * A price typed in 元 ("12.5", "38", "0.80") as integer fen, read digit by digit so that no
 * floating-point rounding creeps in; null when it is not such a price.
 */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,5})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}
