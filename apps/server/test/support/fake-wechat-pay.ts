import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encryptResource, parseAuthorization, signNotification, verifyRequest } from '../../src/wechat/wechat-pay.crypto';
import { Stall } from './stall';

interface FakeOrder {
  body: string;
  prepayId: string;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED';
  total: number;
  openid: string;
  transactionId: string | null;
}

/** What a test makes the fake do to a signed message (WeChat Pay's probes, or an impostor). */
export type Tamper = 'none' | 'signature' | 'stale' | 'serial';

/**
 * A local WeChat Pay API v3 (WECHAT.md §6/§9): it checks our request signatures with the merchant
 * public key (401 SIGN_ERROR), keeps prepay idempotent for identical parameters and refuses changed
 * ones, answers queries, and makes signed, encrypted notifications (and bad ones) for tests.
 * Every answer is signed as WeChat Pay signs it (Wechatpay-Serial/-Timestamp/-Nonce/-Signature
 * over "timestamp\nnonce\nbody\n", with the platform key it holds); `answers` spoils them.
 */
export class FakeWechatPay {
  readonly mchid = '1900000109';
  readonly serial = 'MERCHANT_SERIAL_01';
  readonly apiV3Key = 'linli-test-apiv3-key-32-chars-xx';
  private readonly merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  /** WeChat Pay's keys: the one in use and the one it rotates to; our server is given both. */
  private readonly platforms = ['PUB_KEY_ID_0114232134912410000000000000', 'PUB_KEY_ID_0114232134912410000000000001'].map((serial) => ({
    serial,
    keys: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  }));
  /** Which platform key signs answers and notifications now (1 = after WeChat rotated it). */
  signingKey: 0 | 1 = 0;
  /** What the fake does to its answers: a bad signature, an unknown serial, a stale timestamp. */
  answers: Tamper = 'none';
  private readonly orders = new Map<string, FakeOrder>();
  /** out_refund_no → the refund asked for (one refund per number, however often asked). */
  readonly refunds = new Map<string, { outTradeNo: string; refund: number; total: number; refundId: string; asked: number }>();
  private server: Server | null = null;
  requests = 0;
  /** Hold answers back: a slow WeChat Pay. */
  readonly stall = new Stall();
  /** Calls answered per API (after our signature was checked). */
  readonly calls = { prepay: 0, query: 0, refund: 0, close: 0 };
  /** The fake's time for the answers it signs; tests set it to the app's clock. */
  now: () => Date = () => new Date();

  constructor(readonly appId: string) {}

  /** The id of the platform key that signs now. */
  get platformSerial(): string {
    return this.platform().serial;
  }

  /** The environment our server needs to talk to this fake (both platform keys, in one setting). */
  env(base: string): Record<string, string> {
    const pem = (k: KeyObject, type: 'pkcs8' | 'spki'): string => k.export({ type, format: 'pem' }).toString();
    return {
      WECHATPAY_MCHID: this.mchid,
      WECHATPAY_SERIAL: this.serial,
      WECHATPAY_PRIVATE_KEY: pem(this.merchant.privateKey, 'pkcs8'),
      WECHATPAY_APIV3_KEY: this.apiV3Key,
      WECHATPAY_PLATFORM_PUBLIC_KEY: this.platforms.map((p) => pem(p.keys.publicKey, 'spki')).join(''),
      WECHATPAY_PLATFORM_SERIAL: this.platforms.map((p) => p.serial).join(','),
      WECHATPAY_API_BASE: base,
      WECHATPAY_NOTIFY_URL: 'https://linli.example.org/api/payments/wechat/notify',
    };
  }

  private platform(): { serial: string; keys: { privateKey: KeyObject } } {
    return this.platforms[this.signingKey] as { serial: string; keys: { privateKey: KeyObject } };
  }

  /** The four headers WeChat Pay signs a message with, spoiled as `tamper` says. */
  private signatureHeaders(body: string, now: Date, tamper: Tamper): Record<string, string> {
    const timestamp = String(Math.floor(now.getTime() / 1000) - (tamper === 'stale' ? 600 : 0));
    const nonce = randomBytes(16).toString('hex');
    const key = tamper === 'signature' ? this.merchant.privateKey : this.platform().keys.privateKey;
    return {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-serial': tamper === 'serial' ? 'PUB_KEY_ID_SOMEONE_ELSE' : this.platformSerial,
      'wechatpay-signature': signNotification(key, timestamp, nonce, body),
    };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  prepayOf(outTradeNo: string): FakeOrder | undefined {
    return this.orders.get(outTradeNo);
  }

  /**
   * The payer pays: the order becomes SUCCESS and the notification WeChat would send is returned
   * (headers and raw body). `tamper` makes the kinds our server must refuse.
   */
  pay(outTradeNo: string, tamper: Tamper | 'amount' = 'none', now = new Date()): { headers: Record<string, string>; body: string } {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new Error(`no prepay for ${outTradeNo}`);
    if (order.state === 'CLOSED') throw new Error(`${outTradeNo} was closed: WeChat no longer lets anyone pay it`);
    order.state = 'SUCCESS';
    order.transactionId ??= `42000${randomBytes(8).toString('hex')}`;
    const transaction = {
      appid: this.appId,
      mchid: this.mchid,
      out_trade_no: outTradeNo,
      transaction_id: order.transactionId,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      success_time: now.toISOString(),
      payer: { openid: order.openid },
      amount: { total: tamper === 'amount' ? order.total - 1 : order.total, payer_total: order.total, currency: 'CNY' },
    };
    const body = JSON.stringify({
      id: randomBytes(8).toString('hex'),
      create_time: now.toISOString(),
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: encryptResource(this.apiV3Key, JSON.stringify(transaction), 'transaction'),
    });
    const headers = this.signatureHeaders(body, now, tamper === 'amount' ? 'none' : tamper);
    return { headers: { 'content-type': 'application/json', ...headers }, body };
  }

  /** WeChat reports a refund done (REFUND.SUCCESS), signed and encrypted like any notification. */
  refunded(outRefundNo: string, now = new Date()): { headers: Record<string, string>; body: string } {
    const refund = this.refunds.get(outRefundNo);
    if (!refund) throw new Error(`no refund ${outRefundNo}`);
    const resource = {
      mchid: this.mchid,
      out_trade_no: refund.outTradeNo,
      out_refund_no: outRefundNo,
      refund_id: refund.refundId,
      refund_status: 'SUCCESS',
      amount: { total: refund.total, refund: refund.refund, payer_total: refund.total, payer_refund: refund.refund },
    };
    const body = JSON.stringify({
      id: randomBytes(8).toString('hex'),
      create_time: now.toISOString(),
      resource_type: 'encrypt-resource',
      event_type: 'REFUND.SUCCESS',
      summary: '退款成功',
      resource: encryptResource(this.apiV3Key, JSON.stringify(resource), 'refund'),
    });
    return { headers: { 'content-type': 'application/json', ...this.signatureHeaders(body, now, 'none') }, body };
  }

  private handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    this.requests++;
    const reply = (status: number, payload?: object): void => {
      const text = payload ? JSON.stringify(payload) : '';
      const headers = { 'content-type': 'application/json', ...this.signatureHeaders(text, this.now(), this.answers) };
      void this.stall.pass().then(() => {
        res.writeHead(status, headers);
        res.end(text);
      });
    };
    const auth = parseAuthorization(req.headers.authorization ?? '');
    const path = req.url ?? '/';
    const signed =
      auth &&
      auth.mchid === this.mchid &&
      auth.serial_no === this.serial &&
      verifyRequest(
        this.merchant.publicKey,
        req.method ?? '',
        path,
        auth.timestamp ?? '',
        auth.nonce_str ?? '',
        body,
        auth.signature ?? '',
      );
    if (!signed) return reply(401, { code: 'SIGN_ERROR', message: '签名错误' });
    if (req.method === 'POST' && path === '/v3/pay/transactions/jsapi') {
      this.calls.prepay++;
      const p = JSON.parse(body) as {
        appid: string;
        mchid: string;
        out_trade_no: string;
        amount: { total: number };
        payer: { openid: string };
      };
      if (p.appid !== this.appId || p.mchid !== this.mchid)
        return reply(400, { code: 'APPID_MCHID_NOT_MATCH', message: 'appid和mch_id不匹配' });
      const existing = this.orders.get(p.out_trade_no);
      if (existing) {
        if (existing.body !== body) return reply(400, { code: 'OUT_TRADE_NO_USED', message: '商户订单号重复' });
        return reply(200, { prepay_id: existing.prepayId });
      }
      const prepayId = `wx${randomBytes(12).toString('hex')}`;
      this.orders.set(p.out_trade_no, {
        body,
        prepayId,
        state: 'NOTPAY',
        total: p.amount.total,
        openid: p.payer.openid,
        transactionId: null,
      });
      return reply(200, { prepay_id: prepayId });
    }
    if (req.method === 'POST' && path === '/v3/refund/domestic/refunds') {
      this.calls.refund++;
      const r = JSON.parse(body) as { out_trade_no: string; out_refund_no: string; amount: { refund: number; total: number } };
      const order = this.orders.get(r.out_trade_no);
      if (!order || order.state !== 'SUCCESS') return reply(404, { code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' });
      if (r.amount.total !== order.total || r.amount.refund > order.total)
        return reply(400, { code: 'INVALID_REQUEST', message: '退款金额不对' });
      const known = this.refunds.get(r.out_refund_no);
      // Refunds of one payment (parts, then the rest) never add up to more than it paid.
      const others = [...this.refunds.entries()]
        .filter(([no, x]) => x.outTradeNo === r.out_trade_no && no !== r.out_refund_no)
        .reduce((sum, [, x]) => sum + x.refund, 0);
      if (!known && others + r.amount.refund > order.total) return reply(403, { code: 'NOT_ENOUGH', message: '可退金额不足' });
      if (known) {
        known.asked++;
        return reply(200, { refund_id: known.refundId, out_refund_no: r.out_refund_no, status: 'PROCESSING' });
      }
      const refundId = `50000${randomBytes(8).toString('hex')}`;
      this.refunds.set(r.out_refund_no, { outTradeNo: r.out_trade_no, refund: r.amount.refund, total: r.amount.total, refundId, asked: 1 });
      return reply(200, { refund_id: refundId, out_refund_no: r.out_refund_no, status: 'PROCESSING' });
    }
    const close = /^\/v3\/pay\/transactions\/out-trade-no\/([^/?]+)\/close$/.exec(path);
    if (req.method === 'POST' && close) {
      this.calls.close++;
      const order = this.orders.get(decodeURIComponent(close[1] as string));
      if (!order) return reply(404, { code: 'ORDERNOTEXIST', message: '订单不存在' });
      if (order.state === 'SUCCESS') return reply(400, { code: 'ORDERPAID', message: '订单已支付' });
      order.state = 'CLOSED';
      return reply(204);
    }
    const query = /^\/v3\/pay\/transactions\/out-trade-no\/([^?]+)\?mchid=(\d+)$/.exec(path);
    if (req.method === 'GET' && query) {
      this.calls.query++;
      const order = this.orders.get(decodeURIComponent(query[1] as string));
      if (!order) return reply(404, { code: 'ORDERNOTEXIST', message: '订单不存在' });
      return reply(200, {
        appid: this.appId,
        mchid: this.mchid,
        out_trade_no: query[1],
        trade_state: order.state,
        amount: { total: order.total },
        ...(order.transactionId ? { transaction_id: order.transactionId, payer: { openid: order.openid } } : {}),
      });
    }
    reply(404, { code: 'NOT_FOUND', message: 'no such API' });
  }
}
