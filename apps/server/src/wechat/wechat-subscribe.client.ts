import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { WechatAccessToken } from './access-token';
import { WechatApiError } from './wechat-api';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** A mini-program page with query, without the leading slash; omitted when null. */
  page: string | null;
  /** keyword → value, already fitted to WeChat's rules (subscribe-fields.ts). */
  data: Record<string, string>;
}

/**
 * What WeChat's answer means for the sender:
 * - `sent`;
 * - `no-allowance` (43101): the user has no grant left for this template (or refused it) —
 *   nothing to retry, our counter was wrong;
 * - `retry`: busy (-1), unreachable, HTTP 5xx, daily quota (45009): try later;
 * - `refused`: the message itself can never go (47003 a value breaks its rule, 40037 bad
 *   template, 40003 bad openid, 41030 page not released, 48001 not authorised, 47001 malformed).
 */
export type SubscribeOutcome =
  | { outcome: 'sent' }
  | { outcome: 'no-allowance'; reason: string }
  | { outcome: 'retry'; reason: string; delayMs?: number }
  | { outcome: 'refused'; errcode: number; reason: string };

const REFUSED = new Set([47003, 40037, 40003, 41030, 48001, 47001]);
/** WeChat's daily quota comes back tomorrow; an hour is a polite wait. */
const QUOTA_WAIT_MS = 3600_000;

/**
 * subscribeMessage.send (WECHAT.md §4) with the shared access token (refreshed once on
 * 40001/42001 by WechatAccessToken, which also refuses to run inside a transaction).
 */
@Injectable()
export class WechatSubscribeClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly token: WechatAccessToken,
  ) {}

  get configured(): boolean {
    return this.token.configured;
  }

  async send(message: SubscribeMessage): Promise<SubscribeOutcome> {
    const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }]));
    try {
      await this.token.post('/cgi-bin/message/subscribe/send', {
        touser: message.touser,
        template_id: message.templateId,
        ...(message.page !== null ? { page: message.page } : {}),
        data,
        miniprogram_state: this.config.subscribeState,
        lang: 'zh_CN',
      });
      return { outcome: 'sent' };
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      return classify(error);
    }
  }
}

/** Maps a refusal (or no answer: errcode null) to what the sender does next. */
export function classify(error: WechatApiError): SubscribeOutcome {
  const reason = error.message;
  if (error.errcode === null || error.errcode === -1) return { outcome: 'retry', reason };
  if (error.errcode === 43101) return { outcome: 'no-allowance', reason };
  if (error.errcode === 45009) return { outcome: 'retry', reason, delayMs: QUOTA_WAIT_MS };
  if (REFUSED.has(error.errcode)) return { outcome: 'refused', errcode: error.errcode, reason };
  // Anything undocumented: retried, and the outbox gives up after its attempts.
  return { outcome: 'retry', reason };
}
