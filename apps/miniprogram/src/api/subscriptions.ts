import Taro from '@tarojs/taro';
import {
  SUBSCRIBE_RESULTS,
  type RefusedPushView,
  type SubscribeMoment,
  type SubscribeResult,
  type SubscribeResultsRequest,
  type SubscribeTemplatesView,
  type SubscriptionAllowanceView,
} from '@linli/shared-types';
import { newIdempotencyKey, request } from './client';

/** The server's subscriptions module: which WeChat subscribe templates to ask for, and the popup's answers. */

export function subscribeTemplates(moment: SubscribeMoment): Promise<SubscribeTemplatesView> {
  return request({ path: '/me/subscriptions/templates', query: { moment } });
}

export function recordSubscriptions(body: SubscribeResultsRequest, key?: string): Promise<SubscriptionAllowanceView[]> {
  return request({ method: 'POST', path: '/me/subscriptions', body, idempotencyKey: key });
}

/** The popup's answer (template id → result, plus errMsg) as the server takes it: only the ids asked for, only known results. */
export function subscribeResults(tmplIds: string[], answer: Record<string, unknown>): SubscribeResultsRequest | null {
  const results: Record<string, SubscribeResult> = {};
  for (const id of tmplIds) {
    const result = answer[id];
    if ((SUBSCRIBE_RESULTS as readonly unknown[]).includes(result)) results[id] = result as SubscribeResult;
  }
  return Object.keys(results).length > 0 ? { results } : null;
}

/** Template ids per tap, fetched once per launch (asking WeChat must happen in the tap itself). */
const asked = new Map<SubscribeMoment, string[]>();

function templatesFor(moment: SubscribeMoment): Promise<string[]> {
  return subscribeTemplates(moment).then((v) => (asked.set(moment, v.tmplIds), v.tmplIds));
}

/**
 * On the page of a tap that asks (its load, not the tap): fetch that moment's template ids ahead,
 * so the tap itself can open WeChat's popup at once, without waiting on the network first.
 */
export function prepareSubscribe(moment: SubscribeMoment): void {
  if (process.env.TARO_ENV !== 'weapp' || asked.has(moment)) return;
  void templatesFor(moment).catch(() => undefined);
}

function ask(tmplIds: string[]): void {
  if (tmplIds.length === 0) return;
  void Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)
    .then(async (answer) => {
      const body = subscribeResults(tmplIds, answer as unknown as Record<string, unknown>);
      if (body) await recordSubscriptions(body, newIdempotencyKey());
    })
    .catch(() => undefined);
}

/**
 * At a natural tap (placing an order, asking for medicine, going on duty, registering for a
 * fair-share window), WeChat's subscribe popup for that moment's templates; the answer goes to
 * the server, which counts one message per 允许. Call it first thing in the tap's handler
 * (WeChat honours `requestSubscribeMessage` only from a tap, never on page load), after
 * `prepareSubscribe` on the page's load; it never throws and never holds the tap up. Only in
 * the WeChat mini-program: h5 has no such popup.
 */
export function askSubscribe(moment: SubscribeMoment): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const known = asked.get(moment);
  // Known: the popup opens synchronously inside the tap. Not yet (the page's fetch still on its
  // way): fetch and ask, which WeChat may refuse as no longer from the tap; the next tap works.
  if (known) ask(known);
  else void templatesFor(moment).then(ask, () => undefined);
}

/** Staff: subscribe messages WeChat refused for good, newest first, with how to phone each person. */
export function listRefusedPushes(): Promise<RefusedPushView[]> {
  return request({ path: '/staff/subscriptions/refused' });
}
