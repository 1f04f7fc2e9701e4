import type { Page } from './api';

/**
 * The one in-app message list per person (issue 14): every event that concerns someone becomes
 * a message in 「消息」, written in the transaction of the change it tells about.
 */
export const MESSAGE_KINDS = [
  'binding.approved',
  'binding.rejected',
  'order.confirmed',
  'order.unpaid',
  'order.expiring',
  'order.cancelled',
  'order.refunded',
  'fair_share.won',
  'fair_share.partly',
  'fair_share.lost',
  'parcel.assigned',
  'parcel.picked_up',
  'parcel.delivered',
  'parcel.contactless',
  'parcel.failed',
  'medicine.quoted',
  'medicine.quote_expiring',
  'medicine.unpaid',
  'medicine.rejected',
  'medicine.bought',
  'medicine.delivered',
  'medicine.cannot_buy',
  'medicine.refunded',
  'medicine.new_request',
  'medicine.urgent_request',
  'medicine.overdue',
  'volunteer.approved',
  'volunteer.rejected',
  'task.assigned',
  'task.taken_back',
  'notice.urgent',
  'class.reminder',
  'class.promoted',
  'class.cancelled',
  'class.changed',
  'class.replay',
  'contest.approved',
  'contest.rejected',
  'contest.results',
  'prize.awarded',
  'help.new',
  'help.answered',
  'help.taken',
  'help.resolved',
  'help.reopened',
  'help.reassigned',
  'help.merged',
  'help.escalated',
  'help.reminder',
  'help.closed',
  'care.package',
  'family.approved',
  'family.rejected',
  'family.bound',
  'proxy.acted',
  'transport.planned',
  'transport.progress',
  'transport.cancelled',
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** One message of mine. */
export interface MessageView {
  id: number;
  kind: MessageKind;
  title: string;
  body: string;
  /** The mini-program page it is about, with its query (`/medicine/request/index?id=3`); null for none. */
  link: string | null;
  /** When the thing it tells about must be done by (ISO); null when nothing is due. */
  deadline: string | null;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/messages: my messages in my current community, newest first. */
export type MessagesPage = Page<MessageView>;

/** GET /api/messages/unread-count */
export interface UnreadCount {
  unread: number;
}

/** POST /api/messages/read-all: how many were marked read. */
export interface ReadAllResponse {
  marked: number;
}

/** A message list's default page size. */
export const MESSAGES_PAGE_SIZE = 30;

/** Reminders before a deadline: a WeChat order still unpaid this long after it was placed. */
export const ORDER_UNPAID_REMIND_MINUTES = 10;
/** Reminders before a deadline: a quote still unanswered this long after it was sent. */
export const QUOTE_REMIND_HOURS = 20;
