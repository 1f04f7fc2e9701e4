import { Module } from '@nestjs/common';
import { WechatAccessToken } from './access-token';
import { WechatAuthClient } from './wechat-auth.client';
import { WechatPayClient } from './wechat-pay.client';
import { WechatShippingClient } from './wechat-shipping.client';

/** Adapters for WeChat's servers: real HTTP clients, pointed at a local fake in tests. */
@Module({
  providers: [WechatAuthClient, WechatPayClient, WechatAccessToken, WechatShippingClient],
  exports: [WechatAuthClient, WechatPayClient, WechatAccessToken, WechatShippingClient],
})
export class WechatModule {}
