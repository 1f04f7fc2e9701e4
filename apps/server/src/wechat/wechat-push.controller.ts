import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { pushSignatureValid, WechatPushHandlers, type PushEvent } from './wechat-push';

/**
 * WeChat's message push (消息推送) in plaintext mode with JSON: the URL set in the mini-program's
 * console is https://<host>/api/wechat/push and its token is WECHAT_PUSH_TOKEN. Safe
 * (encrypted) mode is not supported: choose 明文模式 and 数据格式 JSON.
 */
@ApiTags('wechat')
@Controller('wechat/push')
export class WechatPushController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: WechatPushHandlers,
  ) {}

  /** URL verification: WeChat sends signature, timestamp, nonce and echostr; we echo echostr when the signature holds. */
  @Public()
  @Get()
  verify(@Query() query: Record<string, string | undefined>, @Res({ passthrough: true }) res: Response): string {
    this.check(query);
    res.type('text/plain');
    return query.echostr ?? '';
  }

  /** An event (wxa_media_check, …), signed the same way in the query; answered `success`. */
  @Public()
  @Post()
  @HttpCode(200)
  async receive(
    @Query() query: Record<string, string | undefined>,
    @Body() body: PushEvent,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    this.check(query);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new DomainError('VALIDATION_FAILED');
    await this.handlers.dispatch(body);
    res.type('text/plain');
    return 'success';
  }

  private check(query: Record<string, string | undefined>): void {
    const token = this.config.wechatPushToken;
    const { signature, timestamp, nonce } = query;
    if (token === null || !signature || !timestamp || !nonce || !pushSignatureValid(token, timestamp, nonce, signature)) {
      throw new DomainError('FORBIDDEN');
    }
  }
}
