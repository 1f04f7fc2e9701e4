import { Module } from '@nestjs/common';
import { WechatAuthClient } from './wechat-auth.client';
import { WechatPayClient } from './wechat-pay.client';

/** Adapters for WeChat's servers: real HTTP clients, pointed at a local fake in tests. */
@Module({ providers: [WechatAuthClient, WechatPayClient], exports: [WechatAuthClient, WechatPayClient] })
export class WechatModule {}
