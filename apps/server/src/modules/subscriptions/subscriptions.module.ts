import { Module } from '@nestjs/common';
import { WechatModule } from '../../wechat/wechat.module';
import { AllowancesService } from './allowances.service';
import { SubscribePusher } from './subscribe-pusher';
import { SubscriptionsController } from './subscriptions.controller';

/**
 * WeChat subscribe messages: each user's one-time allowance per template (added by the app's
 * popup, spent by the pusher), and the MessagePusher that sends a message through WeChat when
 * it may. The messages module binds it to MESSAGE_PUSHER for its `message.push` outbox handler.
 */
@Module({
  imports: [WechatModule],
  controllers: [SubscriptionsController],
  providers: [AllowancesService, SubscribePusher],
  exports: [SubscribePusher],
})
export class SubscriptionsModule {}
