import { Module } from '@nestjs/common';
import { WechatAccessToken } from './access-token';
import { WechatAuthClient } from './wechat-auth.client';
import { WechatPayClient } from './wechat-pay.client';
import { WechatShippingClient } from './wechat-shipping.client';
import { WechatSubscribeClient } from './wechat-subscribe.client';

/** Adapters for WeChat's servers: real HTTP clients, pointed at a local fake in tests. */
@Module({
  providers: [WechatAuthClient, WechatPayClient, WechatAccessToken, WechatShippingClient, WechatSubscribeClient],
  exports: [WechatAuthClient, WechatPayClient, WechatAccessToken, WechatShippingClient, WechatSubscribeClient],
})
export class WechatModule {}
