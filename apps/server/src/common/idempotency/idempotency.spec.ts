import { decideOnExisting, isValidIdempotencyKey, requestFingerprint } from './idempotency';

describe('idempotency keys', () => {
  it('accepts UUIDs and refuses empty, short, long or odd keys', () => {
    expect(isValidIdempotencyKey('6f1c2d9e-4b7a-4c1e-9a55-0d3b1f2e7c11')).toBe(true);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('abc')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(101))).toBe(false);
    expect(isValidIdempotencyKey('key with spaces')).toBe(false);
  });

  it('fingerprints ignore key order but not values, paths or methods', () => {
    const a = requestFingerprint('post', '/api/bindings', { name: '王', phone: '13800000000' });
    expect(requestFingerprint('POST', '/api/bindings', { phone: '13800000000', name: '王' })).toBe(a);
    expect(requestFingerprint('POST', '/api/bindings', { phone: '13800000001', name: '王' })).not.toBe(a);
    expect(requestFingerprint('POST', '/api/other', { phone: '13800000000', name: '王' })).not.toBe(a);
    expect(requestFingerprint('PATCH', '/api/bindings', { phone: '13800000000', name: '王' })).not.toBe(a);
  });

  it('replays a finished answer, refuses another request under the same key, waits for a running one', () => {
    const now = new Date('2026-04-23T08:00:00Z');
    const done = { fingerprint: 'f', statusCode: 201, createdAt: now };
    expect(decideOnExisting(done, 'f', now)).toBe('replay');
    expect(decideOnExisting(done, 'g', now)).toBe('mismatch');
    const running = { fingerprint: 'f', statusCode: null, createdAt: new Date(now.getTime() - 1000) };
    expect(decideOnExisting(running, 'f', now)).toBe('in-progress');
    const dead = { fingerprint: 'f', statusCode: null, createdAt: new Date(now.getTime() - 3 * 60 * 1000) };
    expect(decideOnExisting(dead, 'f', now)).toBe('abandoned');
  });
});
