import { createHash } from 'node:crypto';

/** Keys are what the app generates: UUIDs or similar, 8–100 safe characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,100}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(key);
}

/**
 * Same method, path, body (and uploaded file) → same fingerprint, whatever the order of the
 * body's keys. A key sent again with another request is refused rather than replayed.
 */
export function requestFingerprint(method: string, path: string, body: unknown, file?: Buffer): string {
  const hash = createHash('sha256').update(`${method.toUpperCase()} ${path}\n${stableJson(body ?? null)}`);
  if (file) hash.update('\nfile:').update(file);
  return hash.digest('hex');
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
