import { Module } from '@nestjs/common';
import { WechatAccessToken } from './access-token';
import { WechatAuthClient } from './wechat-auth.client';
import { WechatPayClient } from './wechat-pay.client';
import { WechatShippingClient } from './wechat-shipping.client';
import { WechatSubscribeClient } from './wechat-subscribe.client';
import { WechatSecurityClient } from './wechat-security.client';
import { WechatPushController } from './wechat-push.controller';
import { WechatPushHandlers } from './wechat-push';

/** Adapters for WeChat's servers: real HTTP clients, pointed at a local fake in tests. */
@Module({
  controllers: [WechatPushController],
  providers: [
    WechatAuthClient,
    WechatPayClient,
    WechatAccessToken,
    WechatShippingClient,
    WechatSubscribeClient,
    WechatSecurityClient,
    WechatPushHandlers,
  ],
  exports: [
    WechatAuthClient,
    WechatPayClient,
    WechatAccessToken,
    WechatShippingClient,
    WechatSubscribeClient,
    WechatSecurityClient,
    WechatPushHandlers,
  ],
})
export class WechatModule {}
