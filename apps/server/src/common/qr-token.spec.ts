import { DomainError } from './domain-error';
import { QrTokens } from './qr-token';

const qr = new QrTokens(Buffer.from('qr-secret-for-tests'));
const now = new Date('2022-04-25T02:00:00Z');
const later = new Date('2022-04-27T02:00:00Z');

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('QR tokens', () => {
  it('round-trips an id, in 30 URL-safe characters', () => {
    const token = qr.sign('order', 123456, later);
    expect(token).toMatch(/^[A-Za-z0-9_-]{30}$/);
    expect(qr.verify(token, 'order', now)).toBe(123456);
    expect(qr.verify(` ${token}\n`, 'order', now)).toBe(123456);
  });

  it('refuses a token for another purpose, an expired one, a forged one and garbage', () => {
    const token = qr.sign('order', 42, later);
    expect(codeOf(() => qr.verify(token, 'parcelLabel', now))).toBe('QR_WRONG_PURPOSE');
    expect(codeOf(() => qr.verify(token, 'order', later))).toBe('QR_EXPIRED');
    const other = new QrTokens(Buffer.from('someone-else')).sign('order', 42, later);
    expect(codeOf(() => qr.verify(other, 'order', now))).toBe('QR_INVALID');
    const bytes = Buffer.from(token, 'base64url');
    bytes.writeUInt32BE(43, 2); // another id, same MAC
    expect(codeOf(() => qr.verify(bytes.toString('base64url'), 'order', now))).toBe('QR_INVALID');
    expect(codeOf(() => qr.verify('42', 'order', now))).toBe('QR_INVALID');
    expect(codeOf(() => qr.verify('', 'order', now))).toBe('QR_INVALID');
  });
});
