import { createHash } from 'node:crypto';

/** Keys are what the app generates: UUIDs or similar, 8–100 safe characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,100}$/;

/** A first request that never finished (the server was killed) is abandoned after this long. */
export const ABANDONED_AFTER_MS = 2 * 60 * 1000;

export function isValidIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(key);
}

/** Same method, path and body → same fingerprint, whatever the order of the body's keys. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${stableJson(body ?? null)}`)
    .digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface StoredAnswer {
  fingerprint: string;
  statusCode: number | null;
  createdAt: Date;
}

export type ReplayDecision = 'replay' | 'mismatch' | 'in-progress' | 'abandoned';

/** What to do when a request arrives with a key that is already stored. */
export function decideOnExisting(stored: StoredAnswer, fingerprint: string, now: Date): ReplayDecision {
  if (stored.fingerprint !== fingerprint) return 'mismatch';
  if (stored.statusCode !== null) return 'replay';
  return now.getTime() - stored.createdAt.getTime() > ABANDONED_AFTER_MS ? 'abandoned' : 'in-progress';
}
