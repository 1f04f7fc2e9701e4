import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RefusedPushView, SubscribeTemplatesView, SubscriptionAllowanceView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { AllowancesService } from './allowances.service';
import { SubscribeResultsDto, SubscribeTemplatesQueryDto } from './dto/subscriptions.dto';

@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller()
export class SubscriptionsController {
  constructor(private readonly allowances: AllowancesService) {}

  /** The subscribe popup's answer: each accept of a template we send with allows one more message; my allowances after it. */
  @Post('me/subscriptions')
  @HttpCode(200)
  record(@CurrentActor() actor: Actor, @Body() dto: SubscribeResultsDto): Promise<SubscriptionAllowanceView[]> {
    return this.allowances.record(actor, dto.results);
  }

  /** The template ids (at most 3) to ask for at this tap; none when subscribe messages are not configured. */
  @Get('me/subscriptions/templates')
  templates(@Query() query: SubscribeTemplatesQueryDto): Promise<SubscribeTemplatesView> {
    return Promise.resolve(this.allowances.templatesFor(query.moment));
  }

  /** Subscribe messages of my community WeChat refused for good (its reason), newest first: told in the app only. */
  @Get('staff/subscriptions/refused')
  @Roles('staff', 'supervisor')
  refused(@CurrentActor() actor: Actor): Promise<RefusedPushView[]> {
    return this.allowances.refused(actor);
  }
}
