import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AllocationView, RegistrationView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { AllocateDto, RegisterDto } from './dto/orders.dto';
import { FairShareService } from './fair-share.service';

@ApiTags('fair share')
@ApiBearerAuth()
@Controller()
export class FairShareController {
  constructor(private readonly fair: FairShareService) {}

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

  /** The published draw: seed, method and result. */
  @Get('windows/:id/allocation')
  allocation(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<AllocationView> {
    return this.fair.allocation(actor, id);
  }

  /** Run the lottery once, after the window has closed. */
  @Post('staff/windows/:id/allocate')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  allocate(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: AllocateDto): Promise<AllocationView> {
    return this.fair.allocate(actor, id, dto.seed);
  }
}
