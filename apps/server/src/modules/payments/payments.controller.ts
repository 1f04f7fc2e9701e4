import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { PaymentsService } from './payments.service';

/** WeChat Pay calling us. Each payer's own controller starts and checks its payments. */
@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  /** WeChat Pay's notification: verified on the raw bytes; 204 = applied, anything else = send again. */
  @Post('payments/wechat/notify')
  @Public()
  @HttpCode(204)
  async notify(@Req() req: Request & { rawBody?: Buffer }): Promise<void> {
    if (!req.rawBody) throw new DomainError('PAYMENT_NOTIFICATION_INVALID', { reason: 'no body' });
    await this.payments.applyNotification(req.headers, req.rawBody);
  }
}
