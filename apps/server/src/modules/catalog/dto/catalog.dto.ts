import {
  ITEM_KINDS,
  PAYMENT_MODES,
  WINDOW_MODES,
  WINDOW_STATUSES,
  type ContentLine,
  type CreateItemRequest,
  type CreateSupplierRequest,
  type CreateWindowRequest,
  type UpdateWindowRequest,
  type WindowStockChange,
  type ItemKind,
  type PaymentMode,
  type WindowItemRequest,
  type WindowMode,
  type WindowStatus,
  type WindowStatusRequest,
} from '@linli/shared-types';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { IsId, MAX_ID, NestedObjects, Omittable, trim, OptionalPhone } from '../../../common/validators';

/** A window's cap on orders, in all or per building: far above any community's households. */
const MAX_ORDERS = 1_000_000;

/** YYYY-MM-DD naming a day the calendar has: 2026-02-31 would roll into March with `new Date`. */
export function isRealDay(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/**
 * A moment as ISO 8601 with its offset (2026-04-25T08:00:00+08:00 or …Z), on a real day at a
 * real time. `IsISO8601({ strict: true })` already refuses 2026-02-31; this also refuses a date
 * with no time or offset, which `new Date` would read in the server's own time zone.
 */
export function IsMoment(message: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMoment',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
          isRealDay(value.slice(0, 10)) &&
          Number.isFinite(Date.parse(value)),
        defaultMessage: () => message,
      },
    },
    { message, ...options },
  );
}

/** A calendar day, YYYY-MM-DD, that exists. */
export function IsDay(message: string): PropertyDecorator {
  return ValidateBy({ name: 'isDay', validator: { validate: isRealDay, defaultMessage: () => message } }, { message });
}

export class CreateSupplierDto implements CreateSupplierRequest {
  @Transform(trim)
  @IsString({ message: '请填写供应商名称' })
  @Length(1, 60, { message: '供应商名称请填写 1 到 60 个字' })
  name: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40, { message: '联系人最多 40 个字' })
  contactName?: string | null;

  @OptionalPhone()
  contactPhone?: string | null;
}

export class ContentLineDto implements ContentLine {
  @Transform(trim)
  @IsString({ message: '请填写内容名称' })
  @Length(1, 30, { message: '内容名称请填写 1 到 30 个字' })
  name: string;

  @Transform(trim)
  @IsString({ message: '请填写数量，例如 5斤' })
  @Length(1, 20, { message: '数量请填写 1 到 20 个字，例如 5斤' })
  quantity: string;
}

export class CreateItemDto implements CreateItemRequest {
  @IsIn(ITEM_KINDS, { message: '请选择套餐或单品' })
  kind: ItemKind;

  @Transform(trim)
  @IsString({ message: '请填写名称' })
  @Length(1, 60, { message: '名称请填写 1 到 60 个字' })
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  pictureUrl?: string | null;

  @IsArray({ message: '请填写套餐内容' })
  @ArrayMaxSize(30, { message: '内容最多 30 项' })
  @NestedObjects(() => ContentLineDto, '每一项内容都要有名称和数量')
  contents: ContentLineDto[];

  @IsInt({ message: '价格要以分为单位的整数' })
  @Min(0, { message: '价格不能为负' })
  @Max(10_000_000, { message: '价格太高了' })
  priceFen: number;

  @IsInt({ message: '每户限购要填整数' })
  @Min(1, { message: '每户至少能买 1 份' })
  @Max(100, { message: '每户限购最多 100 份' })
  limitPerHousehold: number;

  @IsId('请选择供应商')
  supplierId: number;
}

export class WindowItemDto implements WindowItemRequest {
  @IsId('请选择商品')
  itemId: number;

  @IsInt({ message: '库存要填整数' })
  @Min(0, { message: '库存不能为负' })
  @Max(10_000_000, { message: '库存太大了' })
  stock: number;

  @Omittable()
  @IsInt({ message: '价格要以分为单位的整数' })
  @Min(0, { message: '价格不能为负' })
  @Max(10_000_000, { message: '价格太高了' })
  priceFen?: number;

  @Omittable()
  @IsInt({ message: '每户限购要填整数' })
  @Min(1, { message: '每户至少能买 1 份' })
  @Max(100, { message: '每户限购最多 100 份' })
  limitPerHousehold?: number;
}

export class CreateWindowDto implements CreateWindowRequest {
  @Transform(trim)
  @IsString({ message: '请填写批次名称' })
  @Length(1, 60, { message: '批次名称请填写 1 到 60 个字' })
  title: string;

  @IsIn(WINDOW_MODES, { message: '请选择先到先得或公平分配' })
  mode: WindowMode;

  @IsIn(PAYMENT_MODES, { message: '请选择付款方式' })
  paymentMode: PaymentMode;

  @IsISO8601({ strict: true }, { message: '开始时间不对：没有这一天或这个时刻' })
  @IsMoment('开始时间不对：没有这一天或这个时刻')
  opensAt: string;

  @IsISO8601({ strict: true }, { message: '结束时间不对：没有这一天或这个时刻' })
  @IsMoment('结束时间不对：没有这一天或这个时刻')
  closesAt: string;

  @IsDay('配送日期不对：请选择日历上有的一天，例如 2022-04-25')
  deliveryDate: string;

  @Omittable()
  @IsArray()
  @ArrayMaxSize(300)
  @IsId('楼栋不对', { each: true })
  buildingIds?: number[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true, message: '片区名称太长' })
  zones?: string[];

  @IsOptional()
  @ValidateIf((o: CreateWindowDto) => o.maxOrders !== null)
  @IsInt({ message: '订单上限要填整数' })
  @Min(1, { message: '订单上限至少 1 单' })
  @Max(MAX_ORDERS, { message: '订单上限最多 100 万单' })
  maxOrders?: number | null;

  @IsOptional()
  @ValidateIf((o: CreateWindowDto) => o.maxOrdersPerBuilding !== null)
  @IsInt({ message: '每栋订单上限要填整数' })
  @Min(1, { message: '每栋订单上限至少 1 单' })
  @Max(MAX_ORDERS, { message: '每栋订单上限最多 100 万单' })
  maxOrdersPerBuilding?: number | null;

  @IsArray({ message: '请选择要供应的商品' })
  @ArrayMinSize(1, { message: '请至少选择一件商品' })
  @ArrayMaxSize(100)
  @NestedObjects(() => WindowItemDto, '每一件商品都要有商品和库存')
  items: WindowItemDto[];
}

export class WindowStatusDto implements WindowStatusRequest {
  @IsIn(WINDOW_STATUSES, { message: '状态不对' })
  status: WindowStatus;
}

export class WindowStockChangeDto implements WindowStockChange {
  @IsId('请选择商品')
  itemId: number;

  @IsInt({ message: '库存要填整数' })
  @Min(0, { message: '库存不能为负' })
  @Max(10_000_000, { message: '库存太大了' })
  total: number;
}

/** PATCH /api/staff/windows/:id: only the fields sent change (rules on UpdateWindowRequest). */
export class UpdateWindowDto implements UpdateWindowRequest {
  @IsInt({ message: '请刷新后再改' })
  @Min(0, { message: '请刷新后再改' })
  @Max(MAX_ID, { message: '请刷新后再改' })
  version: number;

  @Omittable()
  @IsMoment('开始时间不对：没有这一天或这个时刻')
  opensAt?: string;

  @Omittable()
  @IsMoment('结束时间不对：没有这一天或这个时刻')
  closesAt?: string;

  @IsOptional()
  @ValidateIf((o: UpdateWindowDto) => o.maxOrders !== null)
  @IsInt({ message: '订单上限要填整数' })
  @Min(1, { message: '订单上限至少 1 单' })
  @Max(MAX_ORDERS, { message: '订单上限最多 100 万单' })
  maxOrders?: number | null;

  @IsOptional()
  @ValidateIf((o: UpdateWindowDto) => o.maxOrdersPerBuilding !== null)
  @IsInt({ message: '每栋订单上限要填整数' })
  @Min(1, { message: '每栋订单上限至少 1 单' })
  @Max(MAX_ORDERS, { message: '每栋订单上限最多 100 万单' })
  maxOrdersPerBuilding?: number | null;

  @Omittable()
  @IsArray()
  @ArrayMaxSize(300)
  @IsId('楼栋不对', { each: true })
  buildingIds?: number[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true, message: '片区名称太长' })
  zones?: string[];

  @Omittable()
  @IsArray({ message: '库存格式不对，请刷新后再改' })
  @ArrayMaxSize(100)
  @NestedObjects(() => WindowStockChangeDto, '每一件商品都要有商品和库存')
  stock?: WindowStockChangeDto[];
}
