import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Db } from '../common/database/db';
import { DomainError } from '../common/domain-error';

export interface WechatSession {
  openid: string;
  unionid: string | null;
  /** Stays on the server: never sent to the app. */
  sessionKey: string;
}

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** Codes that mean the login code itself is bad (expired, reused, invalid, risky user). */
const BAD_CODE = new Set([40029, 40163, 40226, 40013, 40125]);

/**
 * code2Session (GET /sns/jscode2session) against WeChat's platform API, whose base URL is
 * configurable so tests run this same client against a local fake server.
 * WeChat answers HTTP 200 even on failure; the errcode decides.
 */
@Injectable()
export class WechatAuthClient {
  private readonly logger = new Logger('WechatAuthClient');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
  ) {}

  get configured(): boolean {
    return this.config.wechat.appId !== null && this.config.wechat.secret !== null;
  }

  async code2Session(code: string): Promise<WechatSession> {
    const { appId, secret, apiBase } = this.config.wechat;
    if (appId === null || secret === null) throw new DomainError('WECHAT_UNAVAILABLE', { reason: 'not configured' });
    this.db.assertOutsideTransaction('code2Session');
    const url = new URL(`${apiBase}/sns/jscode2session`);
    url.search = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' }).toString();
    let answer: Code2SessionAnswer;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      answer = (await res.json()) as Code2SessionAnswer;
    } catch (error) {
      this.logger.warn(`code2Session unreachable: ${error instanceof Error ? error.message : String(error)}`);
      throw new DomainError('WECHAT_UNAVAILABLE');
    }
    const errcode = answer.errcode ?? 0;
    if (errcode !== 0) {
      this.logger.warn(`code2Session refused: ${errcode} ${answer.errmsg ?? ''}`);
      if (BAD_CODE.has(errcode)) throw new DomainError('WECHAT_LOGIN_FAILED', { errcode });
      throw new DomainError('WECHAT_UNAVAILABLE', { errcode });
    }
    if (!answer.openid || !answer.session_key) throw new DomainError('WECHAT_UNAVAILABLE', { reason: 'no openid' });
    return { openid: answer.openid, unionid: answer.unionid ?? null, sessionKey: answer.session_key };
  }
}
