import { isValidIdempotencyKey, requestFingerprint } from './idempotency';

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

  it('fingerprints an uploaded file by its bytes', () => {
    const one = requestFingerprint('POST', '/api/import', {}, Buffer.from('sheet one'));
    expect(requestFingerprint('POST', '/api/import', {}, Buffer.from('sheet one'))).toBe(one);
    expect(requestFingerprint('POST', '/api/import', {}, Buffer.from('sheet two'))).not.toBe(one);
    expect(requestFingerprint('POST', '/api/import', {})).not.toBe(one);
  });
});
