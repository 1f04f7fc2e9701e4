import { Module } from '@nestjs/common';
import { NotifyModule } from '../notify/notify.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { SubscribePusher } from '../subscriptions/subscribe-pusher';
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
  imports: [NotifyModule, SubscriptionsModule],
  controllers: [MessagesController],
  providers: [MessagesService, InAppOnlyPusher, { provide: MESSAGE_PUSHER, useExisting: SubscribePusher }],
  exports: [MessagesService],
})
export class MessagesModule {}
