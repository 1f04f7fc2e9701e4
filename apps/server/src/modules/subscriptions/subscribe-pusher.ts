import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MessageKind } from '@linli/shared-types';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { FieldSource, SubscribeTemplate } from '../../config/subscribe-templates';
import { fieldTypeOf, fitField } from '../../wechat/subscribe-fields';
import { WechatSubscribeClient } from '../../wechat/wechat-subscribe.client';
import type { MessagePusher, PushableMessage } from '../messages/message-pusher';
import { GiveUp, RetryLater } from '../notify/outbox.service';
import { AllowancesService } from './allowances.service';
import { spendPlan } from './spend-rule';

/**
 * Sends a message as a WeChat subscribe message when its kind has a template, the person has a
 * WeChat openid and an allowance the spending rule lets this kind use; otherwise it stays in the
 * app's list ('kept'). Called by the outbox (outside any transaction):
 * - the allowance is taken first (once per message, kept across retries), then WeChat is asked;
 * - busy / unreachable / 5xx → RetryLater (the allowance stays with the message for the retry);
 * - 43101 → 'kept' and our count for that template set to 0 (WeChat knows better);
 * - a refusal of the message itself (47003, 40037, 40003, …) → the allowance is given back (WeChat
 *   does not use a grant on a refused send) and GiveUp: the outbox row ends DEAD with WeChat's
 *   reason, for staff.
 */
@Injectable()
export class SubscribePusher implements MessagePusher {
  private readonly logger = new Logger('SubscribePusher');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly client: WechatSubscribeClient,
    private readonly allowances: AllowancesService,
    private readonly clock: Clock,
  ) {}

  /** Only kinds with a template, and only with WeChat configured, can leave the app. */
  pushes(kind: MessageKind): boolean {
    const templates = this.config.subscribeTemplates;
    return templates !== null && this.client.configured && Boolean(templates[kind]) && spendPlan(kind, templates) !== null;
  }

  async push(message: PushableMessage): Promise<'sent' | 'kept'> {
    const templates = this.config.subscribeTemplates;
    if (templates === null || !this.client.configured) return 'kept';
    const plan = spendPlan(message.kind, templates);
    const template = templates[message.kind];
    if (plan === null || !template) return 'kept';
    const openid = (await this.allowances.people([message.userId])).get(message.userId)?.openid ?? null;
    if (openid === null) return 'kept';
    const taken = await this.allowances.take(message, plan);
    if (taken.taken === 'none') return 'kept';
    if (taken.taken === 'sent') return 'sent';
    const result = await this.client.send({
      touser: openid,
      templateId: taken.templateId,
      page: message.link === null ? null : message.link.replace(/^\/+/, ''),
      data: subscribeData(template, message, this.clock.now()),
    });
    switch (result.outcome) {
      case 'sent':
        await this.allowances.sent(message.id);
        return 'sent';
      case 'no-allowance':
        this.logger.warn(`message #${message.id}: WeChat has no grant left (${result.reason}); our count is corrected`);
        await this.allowances.noneLeft(message.id, result.reason);
        return 'kept';
      case 'retry':
        throw new RetryLater(result.reason, result.delayMs);
      case 'refused':
        await this.allowances.giveBack(message.id, result.reason);
        throw new GiveUp(result.reason);
    }
  }
}

/** The template's keywords filled from the message and fitted to WeChat's rules. */
export function subscribeData(template: SubscribeTemplate, message: PushableMessage, sentAt: Date): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [key, source] of Object.entries(template.fields)) {
    const type = fieldTypeOf(key);
    if (type !== null) data[key] = fitField(type, valueOf(source, message, sentAt));
  }
  return data;
}

function valueOf(source: FieldSource, message: PushableMessage, sentAt: Date): string | Date {
  if (typeof source === 'object') return source.text;
  switch (source) {
    case 'title':
      return message.title;
    case 'body':
      return message.body;
    case 'deadline':
      return message.deadline ?? sentAt;
    case 'sentAt':
      return sentAt;
  }
}
