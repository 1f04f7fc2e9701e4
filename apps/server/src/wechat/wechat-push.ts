import { Injectable, Logger } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';

/** A message-push event as WeChat posts it in plaintext JSON mode (`Event`, and the event's own fields). */
export type PushEvent = Record<string, unknown> & { Event?: string; MsgType?: string };

export type PushHandler = (event: PushEvent) => Promise<void>;

/** sha1 of token, timestamp and nonce, sorted and joined: what WeChat sends as `signature`. */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export function pushSignatureValid(token: string, timestamp: string, nonce: string, signature: string): boolean {
  const expected = Buffer.from(pushSignature(token, timestamp, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Who handles which pushed event (`wxa_media_check`: the contests' media verdicts). Modules
 * register at init; the push controller hands each verified event to its handler, inside the
 * request's transaction (handlers only write our tables, and must tolerate repeats: WeChat
 * pushes again when it gets no `success` in 5 seconds).
 */
@Injectable()
export class WechatPushHandlers {
  private readonly logger = new Logger('WechatPush');
  private readonly handlers = new Map<string, PushHandler>();

  on(event: string, handler: PushHandler): void {
    this.handlers.set(event, handler);
  }

  async dispatch(event: PushEvent): Promise<void> {
    const handler = typeof event.Event === 'string' ? this.handlers.get(event.Event) : undefined;
    if (!handler) {
      this.logger.log(`push ${String(event.MsgType)}/${String(event.Event)} ignored`);
      return;
    }
    await handler(event);
  }
}
