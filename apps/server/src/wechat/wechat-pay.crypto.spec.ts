import { generateKeyPairSync } from 'node:crypto';
import {
  authorization,
  decryptResource,
  encryptResource,
  parseAuthorization,
  signatureProblem,
  signNotification,
  verifyNotification,
  verifyRequest,
  type EncryptedResource,
} from './wechat-pay.crypto';

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const apiV3Key = '0123456789abcdef0123456789abcdef';

describe('WeChat Pay v3 crypto', () => {
  it('signs merchant requests that WeChat can verify, and only for the exact request', () => {
    const header = authorization(
      '1900000001',
      'SERIAL01',
      merchant.privateKey,
      'POST',
      '/v3/pay/transactions/jsapi',
      '{"a":1}',
      new Date('2022-04-25T01:00:00Z'),
    );
    const f = parseAuthorization(header);
    expect(f).toMatchObject({ mchid: '1900000001', serial_no: 'SERIAL01', timestamp: '1650848400' });
    const ok = verifyRequest(
      merchant.publicKey,
      'POST',
      '/v3/pay/transactions/jsapi',
      f?.timestamp ?? '',
      f?.nonce_str ?? '',
      '{"a":1}',
      f?.signature ?? '',
    );
    expect(ok).toBe(true);
    expect(
      verifyRequest(
        merchant.publicKey,
        'POST',
        '/v3/pay/transactions/jsapi',
        f?.timestamp ?? '',
        f?.nonce_str ?? '',
        '{"a":2}',
        f?.signature ?? '',
      ),
    ).toBe(false);
  });

  it('verifies notification signatures and refuses tampered bodies or other keys', () => {
    const body = '{"id":"n1"}';
    const sig = signNotification(platform.privateKey, '1650848400', 'abc', body);
    expect(verifyNotification(platform.publicKey, '1650848400', 'abc', body, sig)).toBe(true);
    expect(verifyNotification(platform.publicKey, '1650848400', 'abc', '{"id":"n2"}', sig)).toBe(false);
    expect(verifyNotification(merchant.publicKey, '1650848400', 'abc', body, sig)).toBe(false);
    expect(verifyNotification(platform.publicKey, '1650848400', 'abc', body, 'not-base64-signature')).toBe(false);
  });

  it('decrypts AEAD_AES_256_GCM resources and rejects a tampered one', () => {
    const resource = encryptResource(apiV3Key, '{"out_trade_no":"LINLI_1"}', 'transaction');
    expect(decryptResource(apiV3Key, resource)).toBe('{"out_trade_no":"LINLI_1"}');
    const bytes = Buffer.from(resource.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(() => decryptResource(apiV3Key, { ...resource, ciphertext: bytes.toString('base64') })).toThrow();
    expect(() => decryptResource(apiV3Key, { ...resource, associated_data: 'other' })).toThrow();
  });

  it('decrypts a resource without associated_data as one with an empty AAD', () => {
    const bare: EncryptedResource = encryptResource(apiV3Key, '{"refund_status":"SUCCESS"}', '');
    delete bare.associated_data;
    expect(decryptResource(apiV3Key, bare)).toBe('{"refund_status":"SUCCESS"}');
  });

  it('believes a signed message only with a key it holds, a timestamp within 5 minutes and a good signature', () => {
    const keys = new Map([
      ['PUB_KEY_ID_OLD', merchant.publicKey],
      ['PUB_KEY_ID_NEW', platform.publicKey],
    ]);
    const now = new Date('2022-04-25T01:00:00Z');
    const body = '{"trade_state":"SUCCESS"}';
    const signed = (timestamp: string, serial = 'PUB_KEY_ID_NEW', key = platform.privateKey) => ({
      serial,
      timestamp,
      nonce: 'n1',
      signature: signNotification(key, timestamp, 'n1', body),
    });
    expect(signatureProblem(keys, signed('1650848400'), body, now)).toBeNull();
    expect(signatureProblem(keys, signed('1650848400', 'PUB_KEY_ID_OLD', merchant.privateKey), body, now)).toBeNull();
    expect(signatureProblem(keys, signed('1650848400', 'PUB_KEY_ID_GONE'), body, now)).toBe('unknown key id');
    expect(signatureProblem(keys, signed(String(1650848400 - 301)), body, now)).toBe('stale timestamp');
    expect(signatureProblem(keys, signed(String(1650848400 + 301)), body, now)).toBe('stale timestamp');
    expect(signatureProblem(keys, signed(''), body, now)).toBe('stale timestamp');
    expect(signatureProblem(keys, signed('1650848400', 'PUB_KEY_ID_OLD'), body, now)).toBe('bad signature');
    expect(signatureProblem(keys, signed('1650848400'), `${body} `, now)).toBe('bad signature');
  });
});
