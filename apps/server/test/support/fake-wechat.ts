import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Stall } from './stall';

/**
 * A local stand-in for api.weixin.qq.com that behaves as WECHAT.md says the real one does:
 * HTTP 200 with errcode on failure; login codes live 5 minutes and work once; stable_token gives
 * the same token while it is valid; shipping reports need a live token, fail with 10060001 until
 * the payment is indexed, and allow one correction; subscribe messages spend a one-time grant
 * per (openid, template) and refuse values that break their keyword's rule; content security
 * answers a text verdict chosen by its words and takes pictures for an asynchronous check
 * (a trace id; the test then delivers the `wxa_media_check` push, see `mediaVerdict`).
 */
export class FakeWechat {
  private server: Server | null = null;
  private readonly codes = new Map<string, { openid: string; issuedAt: number; used: boolean }>();
  private readonly flagged = new Set<string>();
  private readonly calls: number[] = [];
  private seq = 0;
  /** Answer every call with errcode -1 (system busy) while true. */
  busy = false;
  /** Milliseconds added to the fake's own clock (codes expire after 5 minutes). */
  skewMs = 0;
  requests = 0;
  /** code2Session calls received. */
  logins = 0;
  /** Hold answers back: a slow WeChat. */
  readonly stall = new Stall();

  constructor(
    readonly appId: string,
    readonly secret: string,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** What wx.login would give the phone of this WeChat user. */
  issueCode(openid: string): string {
    const code = `code-${++this.seq}-${openid}`;
    this.codes.set(code, { openid, issuedAt: Date.now() + this.skewMs, used: false });
    return code;
  }

  /** WeChat blocks this user as high-risk (40226). */
  flag(openid: string): void {
    this.flagged.add(openid);
  }

  // ---- access token (stable_token) and shipping (发货信息录入) ----------------------------------

  /** stable_token fetches answered with a token (how many times our server asked). */
  tokenFetches = 0;
  private token: { value: string; expiresAt: number; revoked: boolean } | null = null;
  /** Payments WeChat has not indexed yet: upload_shipping_info answers 10060001 this many more times. */
  readonly notIndexed = new Map<string, number>();
  /** Payments WeChat will not take shipping for (e.g. 10060004 not shippable), by out_trade_no. */
  readonly refuseShipping = new Map<string, number>();
  /** Shipping uploads accepted per out_trade_no (the first, then one correction). */
  readonly shipments = new Map<string, { uploads: number; body: ShippingBody }>();

  /** The current token stops working: expired (42001) or superseded (40001). */
  killToken(how: 'expired' | 'superseded'): void {
    if (!this.token) return;
    if (how === 'expired') this.token.expiresAt = 0;
    else this.token.revoked = true;
  }

  private stableToken(body: Record<string, unknown>): object {
    if (body.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    if (body.appid !== this.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (body.secret !== this.secret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    const now = Date.now() + this.skewMs;
    // The same token while it is valid (outside its last 5 minutes); force_refresh mints a new one.
    if (!this.token || this.token.revoked || body.force_refresh === true || this.token.expiresAt - now < 5 * 60_000) {
      this.token = { value: `ACCESS_TOKEN_${++this.seq}_${'x'.repeat(120)}`, expiresAt: now + 7200_000, revoked: false };
    }
    this.tokenFetches++;
    return { access_token: this.token.value, expires_in: Math.floor((this.token.expiresAt - now) / 1000) };
  }

  private tokenProblem(url: URL): object | null {
    const given = url.searchParams.get('access_token');
    if (!this.token || given !== this.token.value)
      return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (this.token.revoked) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (this.token.expiresAt <= Date.now() + this.skewMs) return { errcode: 42001, errmsg: 'access_token expired' };
    return null;
  }

  private uploadShipping(body: ShippingBody): object {
    const key = body.order_key;
    if (key?.order_number_type !== 1 || !key.mchid || !key.out_trade_no) return { errcode: 47001, errmsg: 'data format error: order_key' };
    if (![1, 2, 3, 4].includes(body.logistics_type)) return { errcode: 47001, errmsg: 'data format error: logistics_type' };
    if (body.delivery_mode === 1 && body.shipping_list?.length !== 1)
      return { errcode: 268485228, errmsg: 'unified delivery needs one item' };
    if (!body.payer?.openid) return { errcode: 47001, errmsg: 'data format error: payer' };
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/.test(body.upload_time ?? '')) {
      return { errcode: 47001, errmsg: 'data format error: upload_time' };
    }
    const refusal = this.refuseShipping.get(key.out_trade_no);
    if (refusal !== undefined) return { errcode: refusal, errmsg: 'order can not be shipped' };
    const waiting = this.notIndexed.get(key.out_trade_no) ?? 0;
    if (waiting > 0) {
      this.notIndexed.set(key.out_trade_no, waiting - 1);
      return { errcode: 10060001, errmsg: 'payment not found' };
    }
    const seen = this.shipments.get(key.out_trade_no);
    // One correction is allowed; the code of the refusal after it is not documented (assumed).
    if (seen && seen.uploads >= 2) return { errcode: 10060003, errmsg: 'shipping info can be modified only once' };
    this.shipments.set(key.out_trade_no, { uploads: (seen?.uploads ?? 0) + 1, body });
    return { errcode: 0, errmsg: 'ok' };
  }

  private getOrder(body: { merchant_id?: string; merchant_trade_no?: string }): object {
    const shipped = this.shipments.get(body.merchant_trade_no ?? '');
    return {
      errcode: 0,
      errmsg: 'ok',
      order: { merchant_trade_no: body.merchant_trade_no, order_state: shipped ? 2 : 1, shipping: shipped?.body },
    };
  }

  // ---- subscribe messages (订阅消息) ----------------------------------------------------------

  /** Templates of the mini-program: id → its keywords (thing1, time2, …). */
  readonly templates = new Map<string, string[]>();
  /** One-time grants left per `${openid}|${templateId}`. */
  private readonly grants = new Map<string, number>();
  /** Messages WeChat delivered, in order. */
  readonly delivered: SubscribeBody[] = [];
  /** Every subscribe/send call, whatever the answer. */
  subscribeCalls = 0;
  /** The next this many subscribe/send calls answer errcode -1 (busy). */
  subscribeBusy = 0;
  /** The next this many subscribe/send calls answer HTTP 500. */
  subscribe500 = 0;

  /** The user tapped 允许 for these templates in the popup (`requestSubscribeMessage` → accept): one grant each. */
  accept(openid: string, ...templateIds: string[]): void {
    for (const id of templateIds) this.grants.set(`${openid}|${id}`, this.grantsOf(openid, id) + 1);
  }

  grantsOf(openid: string, templateId: string): number {
    return this.grants.get(`${openid}|${templateId}`) ?? 0;
  }

  private subscribeSend(body: SubscribeBody): object {
    if (typeof body.touser !== 'string' || !/^[\w-]{1,64}$/.test(body.touser)) return { errcode: 40003, errmsg: 'invalid openid' };
    if (body.miniprogram_state !== undefined && !['formal', 'trial', 'developer'].includes(body.miniprogram_state)) {
      return { errcode: 47001, errmsg: 'data format error: miniprogram_state' };
    }
    const keywords = this.templates.get(body.template_id ?? '');
    if (!keywords) return { errcode: 40037, errmsg: 'invalid template_id' };
    const data = body.data ?? {};
    for (const key of keywords) {
      const value = data[key]?.value;
      const broken = typeof value !== 'string' ? 'missing' : breaksRule(key, value);
      if (broken) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value ${broken}` };
    }
    const unknown = Object.keys(data).find((k) => !keywords.includes(k));
    if (unknown) return { errcode: 47003, errmsg: `argument invalid! data.${unknown} not in template` };
    const left = this.grantsOf(body.touser, body.template_id as string);
    if (left <= 0) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    this.grants.set(`${body.touser}|${body.template_id}`, left - 1);
    this.delivered.push(body);
    return { errcode: 0, errmsg: 'ok' };
  }

  // ---- content security (内容安全) -------------------------------------------------------------

  /** Texts containing one of these words are `risky` (label 20006 illegal). */
  readonly riskyWords = new Set(['赌博']);
  /** Texts containing one of these words are for `review` (label 21000 other). */
  readonly reviewWords = new Set(['待定']);
  /** Every text checked, in order. */
  readonly textChecks: { openid: string; content: string; suggest: string }[] = [];
  /** Every picture sent for checking, in order, with the trace id answered. */
  readonly mediaChecks: { openid: string; url: string; traceId: string }[] = [];

  private msgSecCheck(body: Record<string, unknown>): object {
    if (body.version !== 2) return { errcode: 47001, errmsg: 'data format error: version' };
    if (typeof body.openid !== 'string' || !/^[\w-]{1,64}$/.test(body.openid)) return { errcode: 40003, errmsg: 'invalid openid' };
    if (![1, 2, 3, 4].includes(body.scene as number)) return { errcode: 40129, errmsg: 'invalid scene' };
    const content = typeof body.content === 'string' ? body.content : '';
    if (content.trim() === '') return { errcode: 44002, errmsg: 'empty content' };
    const words = (set: Set<string>): boolean => [...set].some((w) => content.includes(w));
    const [suggest, label] = words(this.riskyWords) ? ['risky', 20006] : words(this.reviewWords) ? ['review', 21000] : ['pass', 100];
    this.textChecks.push({ openid: body.openid, content, suggest });
    return {
      errcode: 0,
      errmsg: 'ok',
      trace_id: `text-${++this.seq}`,
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label }],
    };
  }

  private mediaCheckAsync(body: Record<string, unknown>): object {
    if (body.version !== 2) return { errcode: 47001, errmsg: 'data format error: version' };
    if (typeof body.openid !== 'string' || !/^[\w-]{1,64}$/.test(body.openid)) return { errcode: 40003, errmsg: 'invalid openid' };
    if (body.media_type !== 1 && body.media_type !== 2) return { errcode: 47001, errmsg: 'data format error: media_type' };
    if (typeof body.media_url !== 'string' || !/^https?:\/\//.test(body.media_url)) return { errcode: 47001, errmsg: 'invalid media_url' };
    const traceId = `media-${++this.seq}-${Date.now()}`;
    this.mediaChecks.push({ openid: body.openid, url: body.media_url, traceId });
    return { errcode: 0, errmsg: 'ok', trace_id: traceId };
  }

  /** The `wxa_media_check` push WeChat sends for a picture's trace id (JSON, plaintext mode). */
  mediaVerdict(traceId: string, suggest: 'pass' | 'review' | 'risky', label = suggest === 'pass' ? 100 : 20002): Record<string, unknown> {
    return {
      ToUserName: 'gh_linli',
      FromUserName: 'o-system',
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.appId,
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
    };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests++;
    const url = new URL(req.url ?? '/', 'http://fake');
    const reply = (body: object, status = 200): void =>
      void this.stall.pass().then(() => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    if (this.busy) return reply({ errcode: -1, errmsg: 'system error' });
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      this.subscribeCalls++;
      if (this.subscribe500 > 0) {
        this.subscribe500--;
        return reply({ message: 'internal error' }, 500);
      }
      if (this.subscribeBusy > 0) {
        this.subscribeBusy--;
        return reply({ errcode: -1, errmsg: 'system error' });
      }
    }
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          return reply({ errcode: 47001, errmsg: 'data format error' });
        }
        if (url.pathname === '/cgi-bin/stable_token') return reply(this.stableToken(body));
        const problem = this.tokenProblem(url);
        if (problem) return reply(problem);
        if (url.pathname === '/wxa/sec/order/upload_shipping_info') return reply(this.uploadShipping(body as unknown as ShippingBody));
        if (url.pathname === '/wxa/sec/order/get_order') return reply(this.getOrder(body));
        if (url.pathname === '/cgi-bin/message/subscribe/send') return reply(this.subscribeSend(body as SubscribeBody));
        if (url.pathname === '/wxa/msg_sec_check') return reply(this.msgSecCheck(body));
        if (url.pathname === '/wxa/media_check_async') return reply(this.mediaCheckAsync(body));
        reply({ errcode: 48001, errmsg: 'api unauthorized' });
      });
      return;
    }
    if (url.pathname !== '/sns/jscode2session') return reply({ errcode: 48001, errmsg: 'api unauthorized' });
    this.logins++;
    if (url.searchParams.get('appid') !== this.appId) return reply({ errcode: 40013, errmsg: 'invalid appid' });
    if (url.searchParams.get('secret') !== this.secret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
    if (url.searchParams.get('grant_type') !== 'authorization_code') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
    const now = Date.now() + this.skewMs;
    const entry = this.codes.get(url.searchParams.get('js_code') ?? '');
    if (!entry || now - entry.issuedAt > 5 * 60 * 1000) return reply({ errcode: 40029, errmsg: 'invalid code' });
    if (entry.used) return reply({ errcode: 40163, errmsg: 'code been used' });
    entry.used = true;
    while (this.calls.length > 0 && now - (this.calls[0] ?? 0) > 60_000) this.calls.shift();
    this.calls.push(now);
    if (this.calls.length > 100) return reply({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
    if (this.flagged.has(entry.openid)) return reply({ errcode: 40226, errmsg: 'high risk user' });
    reply({ openid: entry.openid, session_key: `sk-${entry.openid}`, unionid: undefined });
  }
}

/** The body of upload_shipping_info, as WECHAT.md §7 gives it. */
export interface ShippingBody {
  order_key?: { order_number_type?: number; mchid?: string; out_trade_no?: string };
  logistics_type: number;
  delivery_mode: number;
  shipping_list?: { item_desc: string }[];
  upload_time?: string;
  payer?: { openid?: string };
}

/** The body of subscribeMessage.send (WECHAT.md §4). */
export interface SubscribeBody {
  touser?: string;
  template_id?: string;
  page?: string;
  data?: Record<string, { value?: unknown } | undefined>;
  miniprogram_state?: string;
  lang?: string;
}

const CJK_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;
const WECHAT_TIME =
  /^(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})( \d{1,2}:\d{2}(:\d{2})?)?( ?~ ?((\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})?( ?\d{1,2}:\d{2}(:\d{2})?)?)?$/;

/** Why a keyword's value breaks its rule (WECHAT.md §4), or null when it is fine. */
export function breaksRule(key: string, value: string): string | null {
  const type = /^([a-z_]+?)\d+$/.exec(key)?.[1] ?? '';
  const length = Array.from(value).length;
  if (length === 0) return 'empty';
  switch (type) {
    case 'thing':
      return length > 20 ? 'over 20 characters' : null;
    case 'phrase':
      return length > 5 || !CJK_ONLY.test(value) ? 'must be ≤5 Chinese characters' : null;
    case 'name':
      return length > (CJK_ONLY.test(value) ? 10 : 20) ? 'too long' : null;
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value) ? null : 'must be ≤32 letters, digits and symbols';
    case 'number':
      return /^\d{1,32}(\.\d+)?$/.test(value) ? null : 'must be ≤32 digits';
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? null : 'must be ≤32 letters';
    case 'symbol':
      return length > 5 ? 'over 5 symbols' : null;
    case 'time':
    case 'date':
      return WECHAT_TIME.test(value) ? null : 'not a date-time';
    case 'amount':
      return /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? null : 'not an amount';
    case 'phone_number':
      return /^[\d+-]{1,17}$/.test(value) ? null : 'not a phone number';
    case 'car_number':
      return length > 8 ? 'over 8 characters' : null;
    default:
      return 'unknown keyword';
  }
}
