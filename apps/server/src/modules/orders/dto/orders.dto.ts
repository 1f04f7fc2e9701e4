import {
  PAYMENT_MODES,
  type OrderLineRequest,
  type PaymentMode,
  type PlaceOrderRequest,
  type ProxyOrderRequest,
  type RegisterRequest,
} from '@linli/shared-types';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsId, NestedObjects, Omittable, trim } from '../../../common/validators';

export class OrderLineDto implements OrderLineRequest {
  @IsId('请选择商品')
  itemId: number;

  @IsInt({ message: '数量要填整数' })
  @Min(1, { message: '数量至少 1 份' })
  @Max(100, { message: '数量最多 100 份' })
  quantity: number;
}

export class PlaceOrderDto implements PlaceOrderRequest {
  @IsId('请选择订购批次')
  windowId: number;

  @IsArray({ message: '请选择要买的东西' })
  @ArrayMinSize(1, { message: '请至少选择一件商品' })
  @ArrayMaxSize(50, { message: '一次最多 50 种商品' })
  @NestedObjects(() => OrderLineDto, '每一种商品都要有商品和数量')
  lines: OrderLineDto[];

  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(200, { message: '备注最多 200 个字' })
  note?: string;
}

export class ProxyOrderDto extends PlaceOrderDto implements ProxyOrderRequest {
  @IsId('请选择住户')
  householdId: number;

  /** In a WeChat Pay window: cash at the door (`cod`) or the staff member's own WeChat (`wechat`). */
  @Omittable()
  @IsIn([...PAYMENT_MODES], { message: '请选择付款方式' })
  paymentMode?: PaymentMode;
}

export class RegisterDto implements RegisterRequest {
  @IsArray({ message: '请选择要登记的东西' })
  @ArrayMinSize(1, { message: '请至少选择一件商品' })
  @ArrayMaxSize(50, { message: '一次最多 50 种商品' })
  @NestedObjects(() => OrderLineDto, '每一种商品都要有商品和数量')
  lines: OrderLineDto[];
}

/**
 * POST /api/staff/windows/:id/allocate takes nothing: the seed was fixed when the window was
 * created. A `seed` in the body is refused like any unknown field, so no one can pick one.
 */
export class AllocateDto {}
