import type { MessageKind, SubscribeMoment } from '@linli/shared-types';
import type { SubscribeTemplates } from '../../config/subscribe-templates';

/**
 * How much a message kind matters when a one-time subscription is scarce (one accept = one
 * send). 3: a deadline the person misses without being told (a quote to answer, an order to
 * pay, a task to accept, a contactless parcel to confirm) or something gone wrong (a failed
 * delivery); 2: a decision about them; 1: progress they can also see in the app; 0: a 「已取件」.
 */
export type Priority = 0 | 1 | 2 | 3;

/** Every kind has one: a new kind without a priority is a compile error. */
export const KIND_PRIORITY = {
  'medicine.quoted': 3,
  'medicine.quote_expiring': 3,
  'medicine.urgent_request': 3,
  'medicine.overdue': 3,
  'parcel.failed': 3,
  'parcel.contactless': 3,
  'order.unpaid': 3,
  'medicine.unpaid': 3,
  'order.expiring': 3,
  'fair_share.won': 3,
  'fair_share.partly': 3,
  'task.assigned': 3,
  'notice.urgent': 3,
  'class.reminder': 3,
  'class.promoted': 2,
  'class.cancelled': 2,
  'class.changed': 2,
  'prize.awarded': 2,
  'binding.approved': 2,
  'binding.rejected': 2,
  'order.cancelled': 2,
  'order.refunded': 2,
  'fair_share.lost': 2,
  'medicine.rejected': 2,
  'medicine.cannot_buy': 2,
  'medicine.refunded': 2,
  'medicine.new_request': 2,
  'task.taken_back': 2,
  'volunteer.approved': 2,
  'volunteer.rejected': 2,
  'order.confirmed': 1,
  'parcel.assigned': 1,
  'parcel.delivered': 1,
  'medicine.bought': 1,
  'medicine.delivered': 1,
  'class.replay': 1,
  'parcel.picked_up': 0,
  'contest.approved': 2,
  'contest.rejected': 2,
  'contest.results': 1,
  'help.new': 3,
  'help.escalated': 3,
  'help.reminder': 3,
  'help.reassigned': 3,
  'help.reopened': 3,
  'help.resolved': 3,
  'help.answered': 2,
  'help.taken': 1,
  'help.merged': 2,
  'help.closed': 1,
  'care.package': 2,
  'family.approved': 2,
  'family.rejected': 2,
  'family.bound': 2,
  'proxy.acted': 2,
  'transport.planned': 2,
  'transport.cancelled': 3,
  'transport.progress': 1,
} as const satisfies Record<MessageKind, Priority>;

export function priorityOf(kind: MessageKind): Priority {
  return KIND_PRIORITY[kind];
}

/** At which tap the app asks for the templates of a kind (kinds of no tap are never asked for). */
export const KIND_MOMENT = {
  'order.confirmed': 'order',
  'order.unpaid': 'order',
  'order.expiring': 'order',
  'order.cancelled': 'order',
  'order.refunded': 'order',
  'parcel.assigned': 'order',
  'parcel.picked_up': 'order',
  'parcel.delivered': 'order',
  'parcel.contactless': 'order',
  'parcel.failed': 'order',
  'medicine.quoted': 'medicine',
  'medicine.quote_expiring': 'medicine',
  'medicine.unpaid': 'medicine',
  'medicine.rejected': 'medicine',
  'medicine.cannot_buy': 'medicine',
  'medicine.refunded': 'medicine',
  'medicine.bought': 'medicine',
  'medicine.delivered': 'medicine',
  'task.assigned': 'duty',
  'task.taken_back': 'duty',
  'fair_share.won': 'fair-share',
  'fair_share.partly': 'fair-share',
  'fair_share.lost': 'fair-share',
  'class.reminder': 'activity',
  'class.promoted': 'activity',
  'class.cancelled': 'activity',
  'class.changed': 'activity',
  'class.replay': 'activity',
  'contest.approved': 'activity',
  'contest.rejected': 'activity',
  'contest.results': 'activity',
  'prize.awarded': 'activity',
  'help.answered': 'help',
  'help.taken': 'help',
  'help.resolved': 'help',
  'help.merged': 'help',
  'help.closed': 'help',
} as const satisfies Partial<Record<MessageKind, SubscribeMoment>>;

/** WeChat shows at most 3 templates in one popup. */
export const MAX_PER_ASK = 3;

export interface SpendPlan {
  templateId: string;
  /**
   * Allowances of the template this kind must leave untouched: one for each priority above its
   * own among the kinds sharing the template. It may spend only while remaining > reserve.
   */
  reserve: number;
}

/**
 * The spending rule. A kind without a template is never pushed (null: kept in the app's list).
 * Otherwise it spends its template's allowance, but a lower kind leaves the last one(s) to the
 * higher kinds that share the template: with a template used by 「已报价」(3) and 「已取件」(0),
 * 「已取件」 goes out only while 2 or more are left, so the quote still reaches the phone.
 */
export function spendPlan(kind: MessageKind, templates: SubscribeTemplates): SpendPlan | null {
  const template = templates[kind];
  if (!template) return null;
  const mine = priorityOf(kind);
  const above = new Set<Priority>();
  for (const [other, t] of Object.entries(templates)) {
    const p = priorityOf(other as MessageKind);
    if (t?.templateId === template.templateId && p > mine) above.add(p);
  }
  return { templateId: template.templateId, reserve: above.size };
}

/** Whether a kind with this plan may spend one of `remaining` allowances. */
export function maySpend(remaining: number, plan: SpendPlan): boolean {
  return remaining > plan.reserve;
}

/**
 * The template ids to ask for at a tap: those of the moment's kinds, most important first, at
 * most 3 (one popup).
 */
export function templatesToAsk(moment: SubscribeMoment, templates: SubscribeTemplates): string[] {
  const candidates = (Object.entries(KIND_MOMENT) as [MessageKind, SubscribeMoment][])
    .filter(([kind, m]) => m === moment && templates[kind] !== undefined)
    .map(([kind]) => ({ id: templates[kind]?.templateId as string, priority: priorityOf(kind) }))
    .sort((a, b) => b.priority - a.priority);
  return [...new Set(candidates.map((c) => c.id))].slice(0, MAX_PER_ASK);
}
