import { Module } from '@nestjs/common';
import { WechatAuthClient } from './wechat-auth.client';

/** Adapters for WeChat's servers: real HTTP clients, pointed at a local fake in tests. */
@Module({ providers: [WechatAuthClient], exports: [WechatAuthClient] })
export class WechatModule {}
