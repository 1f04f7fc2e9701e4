import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes, type KeyObject } from 'node:crypto';

/**
 * The cryptography of WeChat Pay API v3 (WECHAT.md §6), kept pure so that our client and the
 * local fake server in tests use the same, tested functions.
 */

/** "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n", signed SHA256withRSA, base64. */
export function signRequest(
  privateKey: KeyObject | string,
  method: string,
  pathWithQuery: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return createSign('RSA-SHA256').update(`${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`).sign(privateKey, 'base64');
}

export function verifyRequest(
  publicKey: KeyObject | string,
  method: string,
  pathWithQuery: string,
  timestamp: string,
  nonce: string,
  body: string,
  signature: string,
): boolean {
  return createVerify('RSA-SHA256')
    .update(`${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`)
    .verify(publicKey, signature, 'base64');
}

/** The Authorization header of a merchant request. */
export function authorization(
  mchid: string,
  serial: string,
  privateKey: KeyObject | string,
  method: string,
  pathWithQuery: string,
  body: string,
  now: Date,
): string {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = signRequest(privateKey, method, pathWithQuery, timestamp, nonce, body);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${mchid}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${serial}",signature="${signature}"`;
}

/** Parses `WECHATPAY2-SHA256-RSA2048 k="v",…` into its fields (for the fake server). */
export function parseAuthorization(header: string): Record<string, string> | null {
  const prefix = 'WECHATPAY2-SHA256-RSA2048 ';
  if (!header.startsWith(prefix)) return null;
  const fields: Record<string, string> = {};
  for (const m of header.slice(prefix.length).matchAll(/(\w+)="([^"]*)"/g)) fields[m[1] as string] = m[2] as string;
  return fields;
}

/** Notification and answer signatures: "TIMESTAMP\nNONCE\nBODY\n" with the platform key. */
export function signNotification(platformKey: KeyObject | string, timestamp: string, nonce: string, body: string): string {
  return createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(platformKey, 'base64');
}

export function verifyNotification(
  platformPublicKey: KeyObject | string,
  timestamp: string,
  nonce: string,
  body: string,
  signature: string,
): boolean {
  try {
    return createVerify('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).verify(platformPublicKey, signature, 'base64');
  } catch {
    return false;
  }
}

/** The headers WeChat Pay signs a notification or an API answer with (WECHAT.md §6). */
export interface WechatpaySignature {
  /** Wechatpay-Serial: which platform key signed (PUB_KEY_ID_… or a certificate serial). */
  serial: string;
  /** Wechatpay-Timestamp, unix seconds. */
  timestamp: string;
  /** Wechatpay-Nonce. */
  nonce: string;
  /** Wechatpay-Signature, base64. */
  signature: string;
}

/** WeChat Pay's messages older or newer than this are refused (replays). */
export const SIGNATURE_MAX_SKEW_SECONDS = 300;

/**
 * Why a message WeChat Pay signed — a notification or an API answer, over its raw body — is not
 * to be believed, or null when it is: the key it names must be one we hold, its timestamp within
 * 5 minutes of `now`, its signature good. WeChat's deliberate mis-signed probes fail here.
 */
export function signatureProblem(
  platformKeys: ReadonlyMap<string, KeyObject>,
  headers: WechatpaySignature,
  body: string,
  now: Date,
): 'unknown key id' | 'stale timestamp' | 'bad signature' | null {
  const key = platformKeys.get(headers.serial);
  if (!key) return 'unknown key id';
  const skew = Math.abs(now.getTime() / 1000 - Number(headers.timestamp));
  if (!/^\d+$/.test(headers.timestamp) || skew > SIGNATURE_MAX_SKEW_SECONDS) return 'stale timestamp';
  if (!verifyNotification(key, headers.timestamp, headers.nonce, body, headers.signature)) return 'bad signature';
  return null;
}

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  nonce: string;
  /** Absent on some resources: then the AAD is empty. */
  associated_data?: string;
  original_type?: string;
}

/** AES-256-GCM with the 32-byte APIv3 key; the last 16 bytes of the ciphertext are the tag. */
export function decryptResource(apiV3Key: string, resource: EncryptedResource): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

export function encryptResource(
  apiV3Key: string,
  plaintext: string,
  associatedData: string,
  nonce = randomBytes(6).toString('hex'),
): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: encrypted.toString('base64'),
    nonce,
    associated_data: associatedData,
    original_type: 'transaction',
  };
}

/** The app's parameters for Taro.requestPayment: paySign over "appId\ntimeStamp\nnonceStr\npackage\n". */
export function paymentParams(
  appId: string,
  prepayId: string,
  privateKey: KeyObject | string,
  now: Date,
): { timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string } {
  const timeStamp = String(Math.floor(now.getTime() / 1000));
  const nonceStr = randomBytes(16).toString('hex');
  const pkg = `prepay_id=${prepayId}`;
  const paySign = createSign('RSA-SHA256').update(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`).sign(privateKey, 'base64');
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
}
