import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.weixin.qq.com that behaves as WECHAT.md says the real one does:
 * HTTP 200 with errcode on failure; login codes live 5 minutes and work once.
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

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests++;
    const url = new URL(req.url ?? '/', 'http://fake');
    const reply = (body: object): void => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') return reply({ errcode: 48001, errmsg: 'api unauthorized' });
    if (this.busy) return reply({ errcode: -1, errmsg: 'system error' });
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
