import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { OrderQrView, OrderView, PackResult, PaymentCheck, PaymentParams, WindowStats, OrderState } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { CallsOut } from '../../common/idempotency/calls-out';
import { PaymentsService } from '../payments/payments.service';
import { PlaceOrderDto, ProxyOrderDto } from './dto/orders.dto';
import { ORDER_PAYABLE } from './order-payable';
import { OrdersService } from './orders.service';
import { ordersXlsx, pickListsPdf, pickListsXlsx } from './pick-list-documents';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file download with an ASCII name and the Chinese one for browsers that read filename*. */
function download(file: Buffer, type: string, ascii: string, chinese: string): StreamableFile {
  return new StreamableFile(file, {
    type,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`,
  });
}

@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
  ) {}

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

  /** The order's signed hand-over QR code (shown to the volunteer at the door). */
  @Get('orders/:id/qr')
  qr(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<OrderQrView> {
    return this.orders.qr(actor, id);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<OrderView> {
    return this.orders.cancel(actor, id);
  }

  /** Parameters for Taro.requestPayment. The order is confirmed by WeChat's notification, not by the app. */
  @Post('orders/:id/pay')
  @HttpCode(200)
  @CallsOut()
  pay(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<PaymentParams> {
    return this.payments.start(actor, ORDER_PAYABLE.kind, id);
  }

  /** After the app's payment: asks WeChat Pay when the notification has not arrived yet. */
  @Post('orders/:id/pay/check')
  @HttpCode(200)
  @CallsOut()
  async payCheck(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<PaymentCheck<OrderState>> {
    return (await this.payments.check(actor, ORDER_PAYABLE.kind, id)) as PaymentCheck<OrderState>;
  }

  /** Staff order on behalf of a household (no smartphone); the order shows who placed it. */
  @Post('staff/orders')
  @Roles('staff', 'supervisor')
  proxy(@CurrentActor() actor: Actor, @Body() dto: ProxyOrderDto): Promise<OrderView> {
    return this.orders.placeProxy(actor, dto);
  }

  /** The same by anyone who may act for the household: staff, its grid worker, its 家属 (ProxyAccess decides). */
  @Post('proxy/orders')
  proxyAny(@CurrentActor() actor: Actor, @Body() dto: ProxyOrderDto): Promise<OrderView> {
    return this.orders.placeProxy(actor, dto);
  }

  @Get('staff/windows/:id/stats')
  @Roles('staff', 'supervisor')
  stats(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<WindowStats> {
    return this.orders.windowStats(actor, id);
  }

  /** Pick lists (per supplier totals, per building households) as a printable PDF. */
  @Get('staff/windows/:id/pick-lists.pdf')
  @ApiProduces('application/pdf')
  @Roles('staff', 'supervisor')
  async pickListsPdf(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StreamableFile> {
    const { lists, heading } = await this.orders.pickLists(actor, id);
    return download(await pickListsPdf(lists, heading), 'application/pdf', `pick-lists-${id}.pdf`, `拣货单-${heading.title}.pdf`);
  }

  @Get('staff/windows/:id/pick-lists.xlsx')
  @ApiProduces(XLSX)
  @Roles('staff', 'supervisor')
  async pickListsXlsx(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StreamableFile> {
    const { lists, heading } = await this.orders.pickLists(actor, id);
    return download(await pickListsXlsx(lists, heading), XLSX, `pick-lists-${id}.xlsx`, `拣货单-${heading.title}.xlsx`);
  }

  @Get('staff/windows/:id/orders.xlsx')
  @ApiProduces(XLSX)
  @Roles('staff', 'supervisor')
  async ordersXlsx(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StreamableFile> {
    return download(await ordersXlsx(await this.orders.windowOrders(actor, id)), XLSX, `orders-${id}.xlsx`, `订单-${id}.xlsx`);
  }

  /** Every confirmed order of the window becomes PACKED (handed to delivery). */
  @Post('staff/windows/:id/pack')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  pack(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<PackResult> {
    return this.orders.packWindow(actor, id);
  }
}
