import { Module } from '@nestjs/common';
import { WechatModule } from '../../wechat/wechat.module';
import { CommunityModule } from '../community/community.module';
import { MESSAGE_PUSHER } from '../messages/message-pusher';
import { AllowancesService } from './allowances.service';
import { SubscribePusher } from './subscribe-pusher';
import { SubscriptionsController } from './subscriptions.controller';

/**
 * WeChat subscribe messages: each user's one-time allowance per template (added by the app's
 * popup, spent by the pusher), and the MessagePusher that sends a message through WeChat when
 * it may. The messages module's outbox handler calls it through MESSAGE_PUSHER.
 */
@Module({
  imports: [WechatModule, CommunityModule],
  controllers: [SubscriptionsController],
  providers: [AllowancesService, SubscribePusher, { provide: MESSAGE_PUSHER, useExisting: SubscribePusher }],
  exports: [SubscribePusher, MESSAGE_PUSHER],
})
export class SubscriptionsModule {}
