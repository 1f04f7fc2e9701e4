import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from './domain-error';

/**
 * What a QR code proves. Each purpose has its own byte, so a token made for one use (a
 * resident's order hand-over) cannot be scanned as another (a parcel label at pick-up).
 */
export const QR_PURPOSES = { order: 1, parcelLabel: 2, fileLink: 3, parcelDoor: 4, rosterPost: 5 } as const;
export type QrPurpose = keyof typeof QR_PURPOSES;

const VERSION = 1;
const MAC_BYTES = 12;
const BODY_BYTES = 10; // version, purpose, id (uint32), expiry in unix seconds (uint32)

/**
 * Signed QR tokens (ARCHITECTURE.md §7): never a bare id. 22 bytes — version, purpose, id,
 * expiry and a 96-bit truncated HMAC-SHA256 — in base64url: 30 characters, a small QR code.
 */
export class QrTokens {
  constructor(private readonly secret: Buffer) {}

  sign(purpose: QrPurpose, id: number, expiresAt: Date): string {
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new Error(`QR id out of range: ${id}`);
    const body = Buffer.alloc(BODY_BYTES);
    body.writeUInt8(VERSION, 0);
    body.writeUInt8(QR_PURPOSES[purpose], 1);
    body.writeUInt32BE(id, 2);
    body.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), 6);
    return Buffer.concat([body, this.mac(body)]).toString('base64url');
  }

  /** The id inside a token made for `purpose`, or QR_INVALID / QR_EXPIRED / QR_WRONG_PURPOSE. */
  verify(token: string, purpose: QrPurpose, now: Date): number {
    return this.verifyAny(token, [purpose], now).id;
  }

  /**
   * A token made for one of these purposes (a door accepts the parcel's door code or an order's
   * QR): its purpose and id, checked with one HMAC; or QR_INVALID / QR_EXPIRED / QR_WRONG_PURPOSE.
   */
  verifyAny<P extends QrPurpose>(token: string, purposes: readonly P[], now: Date): { purpose: P; id: number } {
    const raw = /^[A-Za-z0-9_-]{30}$/.test(token.trim()) ? Buffer.from(token.trim(), 'base64url') : Buffer.alloc(0);
    if (raw.length !== BODY_BYTES + MAC_BYTES) throw new DomainError('QR_INVALID');
    const body = raw.subarray(0, BODY_BYTES);
    if (body.readUInt8(0) !== VERSION || !timingSafeEqual(raw.subarray(BODY_BYTES), this.mac(body))) throw new DomainError('QR_INVALID');
    const purpose = purposes.find((p) => QR_PURPOSES[p] === body.readUInt8(1));
    if (purpose === undefined) throw new DomainError('QR_WRONG_PURPOSE');
    if (body.readUInt32BE(6) * 1000 <= now.getTime()) throw new DomainError('QR_EXPIRED');
    return { purpose, id: body.readUInt32BE(2) };
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.secret).update(body).digest().subarray(0, MAC_BYTES);
  }
}
