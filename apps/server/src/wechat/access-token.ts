import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { Db } from '../common/database/db';
import { isUniqueViolation } from '../common/db-errors';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { postWechat, WechatApiError, type WechatAnswer } from './wechat-api';
import { WechatToken } from './wechat-token.entity';

/** Refresh this long before WeChat's expiry (stable_token rotates in its last 5 minutes). */
const REFRESH_BEFORE_MS = 5 * 60 * 1000;
/** The token is invalid (40001: not the latest) or expired (42001). */
const STALE_TOKEN = new Set([40001, 42001]);

/**
 * The access token for WeChat's platform APIs (WECHAT.md §2). One token for every instance, kept
 * in the database; fetched with stable_token (same token while valid, so two instances refreshing
 * at once do not kill each other's), single-flight within an instance, before it expires; a call
 * refused with 40001/42001 refreshes once and is retried once.
 */
@Injectable()
export class WechatAccessToken {
  private readonly logger = new Logger('WechatAccessToken');
  private inflight: Promise<string> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  get configured(): boolean {
    return this.config.wechat.appId !== null && this.config.wechat.secret !== null;
  }

  /** Calls a platform API (`/wxa/...`) with the shared token. */
  async post<T extends WechatAnswer>(path: string, body: object): Promise<T> {
    this.db.assertOutsideTransaction(`WeChat ${path}`);
    const token = await this.current();
    try {
      return await postWechat<T>(this.url(path, token), body);
    } catch (error) {
      if (!(error instanceof WechatApiError) || error.errcode === null || !STALE_TOKEN.has(error.errcode)) throw error;
      this.logger.warn(`token refused (${error.errcode}); refreshing once`);
      return postWechat<T>(this.url(path, await this.refresh(token)), body);
    }
  }

  /** The stored token if it has more than 5 minutes left, else a fresh one. */
  async current(): Promise<string> {
    const row = await this.row();
    if (row && new Date(row.expiresAt).getTime() - this.clock.now().getTime() > REFRESH_BEFORE_MS) return row.token;
    return this.refresh(row?.token ?? null);
  }

  /** One fetch at a time per instance; `stale` is the token that failed (or null). */
  refresh(stale: string | null): Promise<string> {
    this.inflight ??= this.fetchAndStore(stale).finally(() => (this.inflight = null));
    return this.inflight;
  }

  private async fetchAndStore(stale: string | null): Promise<string> {
    const { appId, secret, apiBase } = this.config.wechat;
    if (appId === null || secret === null) throw new WechatApiError(null, 'WeChat is not configured');
    // Another instance may have refreshed it meanwhile.
    const row = await this.row();
    const now = this.clock.now();
    if (row && row.token !== stale && new Date(row.expiresAt).getTime() - now.getTime() > REFRESH_BEFORE_MS) return row.token;
    this.db.assertOutsideTransaction('WeChat stable_token');
    const answer = await postWechat<WechatAnswer & { access_token: string; expires_in: number }>(
      new URL(`${apiBase}/cgi-bin/stable_token`),
      {
        grant_type: 'client_credential',
        appid: appId,
        secret,
      },
    );
    const fresh = { token: answer.access_token, expiresAt: new Date(now.getTime() + answer.expires_in * 1000), updatedAt: now };
    await this.store(appId, fresh);
    return fresh.token;
  }

  /** In a short transaction of its own, after WeChat answered (on SQLite a bare write would land in another command's). */
  private async store(appId: string, fresh: Omit<WechatToken, 'appId'>): Promise<void> {
    const repo = (): Repository<WechatToken> => this.db.repo(WechatToken);
    const updated = await this.db.transaction(() => repo().update({ appId }, fresh));
    if (updated.affected === 1) return;
    try {
      await this.db.transaction(() => repo().insert({ appId, ...fresh }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.db.transaction(() => repo().update({ appId }, fresh));
    }
  }

  private row(): Promise<WechatToken | null> {
    return this.db.transaction(() => this.db.repo(WechatToken).findOneBy({ appId: this.config.wechat.appId ?? '' }));
  }

  private url(path: string, token: string): URL {
    const url = new URL(`${this.config.wechat.apiBase}${path}`);
    url.searchParams.set('access_token', token);
    return url;
  }
}
