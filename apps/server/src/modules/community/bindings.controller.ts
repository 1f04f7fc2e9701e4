import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BindingRequestView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { BindingsService } from './bindings.service';
import { BindingListQueryDto, CreateBindingDto, RejectBindingDto } from './dto/community.dto';

@ApiTags('bindings')
@ApiBearerAuth()
@Controller()
export class BindingsController {
  constructor(private readonly bindings: BindingsService) {}

  /** A logged-in user asks to bind to a household (by door, or by a staff-printed code). */
  @Post('bindings')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBindingDto): Promise<BindingRequestView> {
    return this.bindings.create(actor, dto);
  }

  @Post('bindings/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<BindingRequestView> {
    return this.bindings.cancel(actor, id);
  }

  @Get('staff/bindings')
  @Roles('staff', 'supervisor')
  list(@CurrentActor() actor: Actor, @Query() query: BindingListQueryDto): Promise<BindingRequestView[]> {
    return this.bindings.listForStaff(actor, query.state);
  }

  @Post('staff/bindings/:id/approve')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<BindingRequestView> {
    return this.bindings.approve(actor, id);
  }

  @Post('staff/bindings/:id/reject')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  reject(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: RejectBindingDto): Promise<BindingRequestView> {
    return this.bindings.reject(actor, id, dto.reason);
  }
}
