import type { MessagesPage, MessageView, ReadAllResponse, UnreadCount } from '@linli/shared-types';
import { request } from './client';

/** The server's messages module: my message list (「消息」), its unread count, marking read. */

export function listMessages(page = 1, pageSize = 30): Promise<MessagesPage> {
  return request({ path: '/messages', query: { page, pageSize } });
}

export function getUnreadCount(): Promise<UnreadCount> {
  return request({ path: '/messages/unread-count' });
}

export function readMessage(id: number, key?: string): Promise<MessageView> {
  return request({ method: 'POST', path: `/messages/${id}/read`, idempotencyKey: key });
}

export function readAllMessages(key?: string): Promise<ReadAllResponse> {
  return request({ method: 'POST', path: '/messages/read-all', idempotencyKey: key });
}
