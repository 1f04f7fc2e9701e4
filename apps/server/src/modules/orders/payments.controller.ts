import { Controller, HttpCode, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrderState, PaymentCheck, PaymentParams } from '@linli/shared-types';
import type { Request } from 'express';
import { CurrentActor, Public, type Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  /** Parameters for Taro.requestPayment. The order is confirmed by WeChat's notification, not by the app. */
  @Post('orders/:id/pay')
  @ApiBearerAuth()
  @HttpCode(200)
  start(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<PaymentParams> {
    return this.payments.start(actor, 'order', id);
  }

  /** After the app's payment: asks WeChat Pay when the notification has not arrived yet. */
  @Post('orders/:id/pay/check')
  @ApiBearerAuth()
  @HttpCode(200)
  async check(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<PaymentCheck<OrderState>> {
    return (await this.payments.check(actor, 'order', id)) as PaymentCheck<OrderState>;
  }

  /** WeChat Pay's notification: verified on the raw bytes; 204 = applied, anything else = send again. */
  @Post('payments/wechat/notify')
  @Public()
  @HttpCode(204)
  async notify(@Req() req: Request & { rawBody?: Buffer }): Promise<void> {
    if (!req.rawBody) throw new DomainError('PAYMENT_NOTIFICATION_INVALID', { reason: 'no body' });
    await this.payments.applyNotification(req.headers, req.rawBody);
  }
}
