import { Injectable } from '@nestjs/common';
import type { MessagePusher } from './message-pusher';

/** Without WeChat subscribe messages: every message stays in the app's list. */
@Injectable()
export class InAppOnlyPusher implements MessagePusher {
  push(): Promise<'kept'> {
    return Promise.resolve('kept');
  }

  pushes(): boolean {
    return false;
  }
}
