import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FamilyBindingView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { FamilyListQueryDto, RejectFamilyBindingDto, RequestFamilyBindingDto } from './dto/proxy.dto';
import { FamilyBindingsService } from './family-bindings.service';

@ApiTags('proxy')
@ApiBearerAuth()
@Controller()
/** 家属 bindings: asked by the family member, decided by staff. */
export class FamilyController {
  constructor(private readonly family: FamilyBindingsService) {}

  /** Ask to be 家属 of the household at a door of my current community (staff decide). */
  @Post('me/family-bindings')
  request(@CurrentActor() actor: Actor, @Body() dto: RequestFamilyBindingDto): Promise<FamilyBindingView> {
    return this.family.request(actor, dto);
  }

  @Get('me/family-bindings')
  mine(@CurrentActor() actor: Actor): Promise<FamilyBindingView[]> {
    return this.family.mine(actor);
  }

  /** Withdraw a waiting request, or stop being 家属. */
  @Post('me/family-bindings/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<FamilyBindingView> {
    return this.family.cancel(actor, id);
  }

  @Get('staff/family-bindings')
  @Roles('staff', 'supervisor')
  staffList(@CurrentActor() actor: Actor, @Query() query: FamilyListQueryDto): Promise<FamilyBindingView[]> {
    return this.family.staffList(actor, query.state);
  }

  @Post('staff/family-bindings/:id/approve')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<FamilyBindingView> {
    return this.family.approve(actor, id);
  }

  @Post('staff/family-bindings/:id/reject')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RejectFamilyBindingDto,
  ): Promise<FamilyBindingView> {
    return this.family.reject(actor, id, dto.reason);
  }

  @Post('staff/family-bindings/:id/revoke')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<FamilyBindingView> {
    return this.family.revoke(actor, id);
  }
}
