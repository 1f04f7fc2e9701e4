import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { WechatAccessToken } from './access-token';
import { WechatApiError, type WechatAnswer } from './wechat-api';

/** WeChat's advice on a piece of content (WECHAT.md §5). */
export type SecuritySuggest = 'pass' | 'review' | 'risky';

/** The scene a text or picture is published in: 3 forum (a contest entry is a public post). */
export type SecurityScene = 1 | 2 | 3 | 4;

/**
 * What a check call means for the caller:
 * - `verdict`: msg_sec_check's synchronous answer;
 * - `queued`: media_check_async took the picture; its verdict comes later as a push, by trace id;
 * - `retry`: busy, unreachable, quota: try later;
 * - `refused`: this content can never be checked (user inactive 61010, openid mismatch 43104,
 *   bad scene 40129, empty 44002, bad openid 40003, …): people decide instead.
 */
export type SecurityOutcome =
  | { outcome: 'verdict'; suggest: SecuritySuggest; label: number; traceId: string | null }
  | { outcome: 'queued'; traceId: string }
  | { outcome: 'retry'; reason: string }
  | { outcome: 'refused'; errcode: number; reason: string };

interface TextAnswer extends WechatAnswer {
  trace_id?: string;
  result?: { suggest?: string; label?: number };
}

interface MediaAnswer extends WechatAnswer {
  trace_id?: string;
}

/**
 * Content security (msg_sec_check v2 for text, media_check_async v2 for pictures) with the
 * shared access token; never inside a transaction (WechatAccessToken refuses).
 */
@Injectable()
export class WechatSecurityClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly token: WechatAccessToken,
  ) {}

  get configured(): boolean {
    return this.token.configured;
  }

  /** Checks a caption (≤2500 characters, WeChat's limit) written by the user of this openid. */
  async checkText(openid: string, content: string, scene: SecurityScene = 3, title?: string): Promise<SecurityOutcome> {
    try {
      const answer = await this.token.post<TextAnswer>('/wxa/msg_sec_check', {
        version: 2,
        openid,
        scene,
        content: Array.from(content).slice(0, 2500).join(''),
        ...(title ? { title } : {}),
      });
      return {
        outcome: 'verdict',
        suggest: suggestOf(answer.result?.suggest),
        label: answer.result?.label ?? 0,
        traceId: answer.trace_id ?? null,
      };
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      return classify(error);
    }
  }

  /** Asks WeChat to fetch and check a picture at this public https URL; the verdict is pushed later. */
  async checkImage(openid: string, mediaUrl: string, scene: SecurityScene = 3): Promise<SecurityOutcome> {
    try {
      const answer = await this.token.post<MediaAnswer>('/wxa/media_check_async', {
        media_url: mediaUrl,
        media_type: 2,
        version: 2,
        openid,
        scene,
      });
      if (!answer.trace_id) return { outcome: 'retry', reason: 'media_check_async answered without trace_id' };
      return { outcome: 'queued', traceId: answer.trace_id };
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      return classify(error);
    }
  }

  /** Whether the config names a public base URL (media checks need one). */
  get publicBaseUrl(): string | null {
    return this.config.publicBaseUrl;
  }
}

/** An unknown suggestion is treated as `review`: people look at it. */
export function suggestOf(value: string | undefined): SecuritySuggest {
  return value === 'pass' || value === 'risky' ? value : 'review';
}

function classify(error: WechatApiError): SecurityOutcome {
  if (error.errcode === null || error.errcode === -1 || error.errcode === 45009) return { outcome: 'retry', reason: error.message };
  return { outcome: 'refused', errcode: error.errcode, reason: error.message };
}
