import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrderView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { PlaceOrderDto, ProxyOrderDto } from './dto/orders.dto';
import { OrdersService, type WindowStats } from './orders.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  /** A household member orders for their household. */
  @Post('orders')
  place(@CurrentActor() actor: Actor, @Body() dto: PlaceOrderDto): Promise<OrderView> {
    return this.orders.place(actor, dto);
  }

  @Get('orders/mine')
  mine(@CurrentActor() actor: Actor): Promise<OrderView[]> {
    return this.orders.mine(actor);
  }

  @Get('orders/:id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.orders.get(actor, id);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.orders.cancel(actor, id);
  }

  /** Staff order on behalf of a household (no smartphone); the order shows who placed it. */
  @Post('staff/orders')
  @Roles('staff', 'supervisor')
  proxy(@CurrentActor() actor: Actor, @Body() dto: ProxyOrderDto): Promise<OrderView> {
    return this.orders.placeProxy(actor, dto);
  }

  @Get('staff/windows/:id/stats')
  @Roles('staff', 'supervisor')
  stats(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<WindowStats> {
    return this.orders.windowStats(actor, id);
  }

  /** Every confirmed order of the window becomes PACKED (handed to delivery). */
  @Post('staff/windows/:id/pack')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  pack(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<{ packed: number }> {
    return this.orders.packWindow(actor, id);
  }
}
