import { Module } from '@nestjs/common';
import { NotifyModule } from '../notify/notify.module';
import { InAppOnlyPusher } from './in-app-only.pusher';
import { MESSAGE_PUSHER } from './message-pusher';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';

/**
 * One message list per person. Below every flow: flows import it and call `tell()` in their
 * transaction; it imports no flow module (it finds a household's members, a community's staff
 * and a pharmacy's pharmacists by plain queries).
 */
@Module({
  imports: [NotifyModule],
  controllers: [MessagesController],
  providers: [MessagesService, InAppOnlyPusher, { provide: MESSAGE_PUSHER, useExisting: InAppOnlyPusher }],
  exports: [MessagesService],
})
export class MessagesModule {}
