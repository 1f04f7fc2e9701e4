import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RegistrationView, WindowView } from '@linli/shared-types';
import { CurrentActor, type Actor } from '../../common/actor';
import { RegisterDto } from './dto/orders.dto';
import { FairShareService } from './fair-share.service';
import { ProxyWindows } from './proxy-windows.service';

/**
 * Ordering and fair-share registration for a household by whoever acts for it: staff, its grid
 * worker, its 家属 (ProxyAccess decides). The order itself goes to POST /api/proxy/orders.
 */
@ApiTags('proxy')
@ApiBearerAuth()
@Controller('proxy/households/:householdId/windows')
export class ProxyOrdersController {
  constructor(
    private readonly windows: ProxyWindows,
    private readonly fair: FairShareService,
  ) {}

  /** The household's windows, as its members see them. */
  @Get()
  list(@CurrentActor() actor: Actor, @Param('householdId', ParseIntPipe) householdId: number): Promise<WindowView[]> {
    return this.windows.list(actor, householdId);
  }

  /** The household's registration in a fair-share window, with who registered it and as whom. */
  @Get(':id/registration')
  registration(
    @CurrentActor() actor: Actor,
    @Param('householdId', ParseIntPipe) householdId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<RegistrationView> {
    return this.fair.proxyView(actor, householdId, id);
  }

  /** Register (or change) the household's wish; recorded as by me, and the household is told. */
  @Put(':id/registration')
  register(
    @CurrentActor() actor: Actor,
    @Param('householdId', ParseIntPipe) householdId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RegisterDto,
  ): Promise<RegistrationView> {
    return this.fair.proxyRegister(actor, householdId, id, dto);
  }

  @Post(':id/registration/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('householdId', ParseIntPipe) householdId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<RegistrationView> {
    return this.fair.proxyWithdraw(actor, householdId, id);
  }
}
