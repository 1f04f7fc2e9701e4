import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AllocationView, RegistrationView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { AllocateDto, RegisterDto } from './dto/orders.dto';
import { FairShareDraw } from './fair-share-draw.service';
import { FairShareService } from './fair-share.service';
import { FairShareViews } from './fair-share-views';

@ApiTags('fair share')
@ApiBearerAuth()
@Controller()
export class FairShareController {
  constructor(
    private readonly fair: FairShareService,
    private readonly draw: FairShareDraw,
    private readonly views: FairShareViews,
  ) {}

  /** Register or change the household's wish in a fair-share window (while it is open). */
  @Put('windows/:id/registration')
  register(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: RegisterDto): Promise<RegistrationView> {
    return this.fair.register(actor, id, dto);
  }

  @Get('windows/:id/registration')
  mine(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<RegistrationView> {
    return this.fair.mine(actor, id);
  }

  @Post('windows/:id/registration/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<RegistrationView> {
    return this.fair.withdraw(actor, id);
  }

  /** The published draw: the seed's hash published beforehand, the seed, the method and both rounds. */
  @Get('windows/:id/allocation')
  allocation(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<AllocationView> {
    return this.views.allocation(actor, id);
  }

  /** Run the lottery once, after the window has closed, with the seed committed when it was created. */
  @Post('staff/windows/:id/allocate')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  allocate(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() _dto: AllocateDto): Promise<AllocationView> {
    return this.draw.allocate(actor, id);
  }

  /** Run the second round once, over what came back, for the households that lost or got part. */
  @Post('staff/windows/:id/second-round')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  secondRound(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<AllocationView> {
    return this.draw.secondRound(actor, id);
  }
}
