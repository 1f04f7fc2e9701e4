import { Inject, Injectable, Logger } from '@nestjs/common';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { PaymentParams } from '@linli/shared-types';
import { Clock } from '../common/clock';
import { Db } from '../common/database/db';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig, type WechatPayConfig } from '../config/config';
import {
  authorization,
  decryptResource,
  paymentParams,
  signatureProblem,
  type EncryptedResource,
  type WechatpaySignature,
} from './wechat-pay.crypto';

export interface PrepayRequest {
  outTradeNo: string;
  description: string;
  totalFen: number;
  openid: string;
  /** The order's own deadline; WeChat refuses payment after it. */
  timeExpire: Date;
}

/** The decrypted `resource` of a TRANSACTION.SUCCESS notification, or a query answer. */
export interface Transaction {
  appid?: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
  success_time?: string;
  amount: { total: number; payer_total?: number; currency?: string };
  payer?: { openid: string };
}

/** A refund as WeChat Pay reports it (answer to the request, or REFUND.* notification resource). */
export interface RefundResult {
  out_refund_no?: string;
  refund_id?: string;
  /** Answer: status; notification: refund_status. */
  status?: 'SUCCESS' | 'PROCESSING' | 'CLOSED' | 'ABNORMAL';
  refund_status?: 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
}

/** WeChat Pay times are RFC 3339 with the +08:00 offset. */
export function rfc3339Shanghai(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600 * 1000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

/** How a signed message's headers are read: a notification's request, or an answer's response. */
type HeaderOf = (name: string) => string;

/**
 * WeChat Pay API v3 for mini-program (JSAPI) payments: prepay, the app's payment parameters,
 * query, refunds, and verified, decrypted notifications. Everything WeChat Pay says — each
 * notification and each API answer — is believed only when its signature checks out with one
 * of the configured platform keys (`signatureProblem`). A real HTTP client; tests point its base
 * URL at a local fake that signs and checks signatures the way WeChat does.
 */
@Injectable()
export class WechatPayClient {
  private readonly logger = new Logger('WechatPayClient');
  private readonly keys: { merchant: KeyObject; platform: ReadonlyMap<string, KeyObject> } | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Db,
  ) {
    const pay = config.wechatPay;
    this.keys = pay
      ? {
          merchant: createPrivateKey(pay.privateKey),
          platform: new Map(pay.platformKeys.map((k) => [k.serial, createPublicKey(k.publicKey)])),
        }
      : null;
  }

  get configured(): boolean {
    return this.config.wechatPay !== null;
  }

  /** A prepay id for the order; the same parameters again give the same id (a safe retry). */
  async prepay(req: PrepayRequest): Promise<string> {
    const pay = this.settings();
    const body = {
      appid: this.config.wechat.appId,
      mchid: pay.mchid,
      description: req.description.slice(0, 127),
      out_trade_no: req.outTradeNo,
      notify_url: pay.notifyUrl,
      time_expire: rfc3339Shanghai(req.timeExpire),
      amount: { total: req.totalFen, currency: 'CNY' },
      payer: { openid: req.openid },
    };
    const answer = await this.call<{ prepay_id?: string }>('POST', '/v3/pay/transactions/jsapi', body);
    if (!answer.prepay_id) throw new DomainError('PAYMENT_UNAVAILABLE');
    return answer.prepay_id;
  }

  /** What Taro.requestPayment needs, signed with the merchant key. */
  params(prepayId: string): PaymentParams {
    return {
      appId: this.config.wechat.appId ?? '',
      ...paymentParams(this.config.wechat.appId ?? '', prepayId, this.merchantKey(), this.clock.now()),
    };
  }

  /** The payment as WeChat Pay knows it (a verified answer, about the payment asked for). */
  async query(outTradeNo: string): Promise<Transaction> {
    const pay = this.settings();
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${pay.mchid}`;
    const answer = await this.call<Transaction>('GET', path);
    if (answer.out_trade_no !== outTradeNo || answer.mchid !== pay.mchid) return this.disbelieve('GET', path, 'not the payment asked for');
    return answer;
  }

  /**
   * Closes an unpaid prepay (WECHAT.md §6: 204, only for NOTPAY), so that nobody can pay it any
   * more; a paid one is refused by WeChat Pay (PAYMENT_UNAVAILABLE), and the caller asks again.
   */
  async close(outTradeNo: string): Promise<void> {
    const pay = this.settings();
    await this.call<undefined>('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: pay.mchid });
  }

  /**
   * Checks a notification as WECHAT.md §6 says (key id, timestamp within 5 minutes, signature
   * over the raw bytes) and decrypts its resource. Anything off is PAYMENT_NOTIFICATION_INVALID.
   */
  openNotification(
    headers: Record<string, string | string[] | undefined>,
    raw: Buffer,
  ): { eventType: string; transaction: Transaction & RefundResult } {
    const pay = this.settings();
    const refuse = (reason: string): never => {
      this.logger.warn(`payment notification refused: ${reason}`);
      throw new DomainError('PAYMENT_NOTIFICATION_INVALID', { reason });
    };
    const body = raw.toString('utf8');
    const problem = this.signatureProblem((name) => {
      const v = headers[name];
      return typeof v === 'string' ? v : '';
    }, body);
    if (problem) refuse(problem);
    let parsed: { event_type?: string; resource?: EncryptedResource };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return refuse('not JSON');
    }
    if (!parsed.resource) return refuse('no resource');
    let transaction: Transaction & RefundResult;
    try {
      transaction = JSON.parse(decryptResource(pay.apiV3Key, parsed.resource)) as Transaction & RefundResult;
    } catch {
      return refuse('cannot decrypt');
    }
    // Refund resources carry no appid; payment ones must carry ours.
    if (transaction.mchid !== pay.mchid || (transaction.appid !== undefined && transaction.appid !== this.config.wechat.appId))
      refuse('not our merchant or app');
    return { eventType: parsed.event_type ?? '', transaction };
  }

  /**
   * Asks for a refund. One out_refund_no is one refund: sending it again (a retry, or two
   * instances at once) never refunds twice.
   */
  async refund(req: {
    outTradeNo: string;
    outRefundNo: string;
    refundFen: number;
    totalFen: number;
    reason: string;
  }): Promise<RefundResult> {
    const pay = this.settings();
    return this.call<RefundResult>('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: req.outTradeNo,
      out_refund_no: req.outRefundNo,
      reason: req.reason.slice(0, 80),
      notify_url: pay.notifyUrl,
      amount: { refund: req.refundFen, total: req.totalFen, currency: 'CNY' },
    });
  }

  private async call<T>(method: 'GET' | 'POST', pathWithQuery: string, body?: object): Promise<T> {
    const pay = this.settings();
    this.db.assertOutsideTransaction(`WeChat Pay ${method} ${pathWithQuery.split('?')[0]}`);
    const text = body === undefined ? '' : JSON.stringify(body);
    let res: Response;
    try {
      res = await fetch(`${pay.apiBase}${pathWithQuery}`, {
        method,
        headers: {
          Authorization: authorization(pay.mchid, pay.serial, this.merchantKey(), method, pathWithQuery, text, this.clock.now()),
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : text,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      this.logger.warn(`WeChat Pay unreachable: ${error instanceof Error ? error.message : String(error)}`);
      throw new DomainError('PAYMENT_UNAVAILABLE');
    }
    const raw = await res.text().catch(() => '');
    if (!res.ok) {
      // A refusal is believed only as far as it goes: nothing is done on it but giving up.
      const refusal = parseJson<{ code?: string; message?: string }>(raw) ?? {};
      this.logger.warn(
        `WeChat Pay ${method} ${pathWithQuery.split('?')[0]} → ${res.status} ${refusal.code ?? ''} ${refusal.message ?? ''}`,
      );
      throw new DomainError('PAYMENT_UNAVAILABLE', { status: res.status, code: refusal.code });
    }
    const problem = this.signatureProblem((name) => res.headers.get(name) ?? '', raw);
    if (problem) return this.disbelieve(method, pathWithQuery, problem);
    if (res.status === 204) return undefined as T;
    const answer = parseJson<T>(raw);
    if (answer === null) return this.disbelieve(method, pathWithQuery, 'not JSON');
    return answer;
  }

  /** Checks WeChat Pay's signature headers over a raw body with the configured platform keys. */
  private signatureProblem(header: HeaderOf, body: string): string | null {
    const signed: WechatpaySignature = {
      serial: header('wechatpay-serial'),
      timestamp: header('wechatpay-timestamp'),
      nonce: header('wechatpay-nonce'),
      signature: header('wechatpay-signature'),
    };
    return signatureProblem(this.platformKeys(), signed, body, this.clock.now());
  }

  /** An answer that cannot be believed (unsigned, mis-signed, stale, about something else): logged and refused. */
  private disbelieve(method: string, pathWithQuery: string, reason: string): never {
    this.logger.warn(`WeChat Pay answer to ${method} ${pathWithQuery.split('?')[0]} refused: ${reason}`);
    throw new DomainError('PAYMENT_ANSWER_INVALID', { reason });
  }

  private settings(): WechatPayConfig {
    if (!this.config.wechatPay) throw new DomainError('PAYMENT_NOT_CONFIGURED');
    return this.config.wechatPay;
  }

  private merchantKey(): KeyObject {
    if (!this.keys) throw new DomainError('PAYMENT_NOT_CONFIGURED');
    return this.keys.merchant;
  }

  private platformKeys(): ReadonlyMap<string, KeyObject> {
    if (!this.keys) throw new DomainError('PAYMENT_NOT_CONFIGURED');
    return this.keys.platform;
  }
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
