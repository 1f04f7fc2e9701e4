import type { MessageKind } from '@linli/shared-types';

export const MESSAGE_PUSHER = Symbol('MESSAGE_PUSHER');
export interface PushableMessage {
  id: number;
  userId: number;
  communityId: number;
  kind: MessageKind;
  title: string;
  body: string;
  link: string | null;
  deadline: Date | null;
}
export interface MessagePusher {
  /** 'sent' (a WeChat subscribe message went out), 'kept' (in the app's list only). Throw RetryLater / GiveUp (notify/outbox.service) for the outbox. */
  push(message: PushableMessage): Promise<'sent' | 'kept'>;
}
