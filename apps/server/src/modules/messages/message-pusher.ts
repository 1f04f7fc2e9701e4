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
  /**
   * Whether a message of this kind could ever leave the app (a template for it, WeChat
   * configured): when not, no push row is written for it. Absent: every message is pushed.
   * A push must be safe to repeat for the same message id (a chunk's row is retried whole).
   */
  pushes?(kind: MessageKind): boolean;
}
