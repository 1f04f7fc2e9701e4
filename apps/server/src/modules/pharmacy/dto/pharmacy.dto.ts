import {
  MEDICINE_LISTS,
  PAYMENT_MODES,
  URGENCIES,
  type AcceptQuoteBody,
  type BrandPreference,
  type JoinPharmacyBody,
  type MedicineList,
  type MedicineListQuery,
  type MedicineItemRequest,
  type MedicineRequestBody,
  type MoveRequestBody,
  type PaymentMode,
  type PharmacyBody,
  type ProxyMedicineRequestBody,
  type PurchaseBody,
  type QuoteBody,
  type QuoteItem,
  type QuoteStatus,
  type RejectMedicineBody,
  type Urgency,
  type CannotBuyBody,
} from '@linli/shared-types';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsId, NestedObjects, Omittable, OptionalPhone, trim } from '../../../common/validators';

export class MedicineItemDto implements MedicineItemRequest {
  @Transform(trim)
  @IsString({ message: '请填写药名' })
  @Length(1, 60, { message: '药名要 1 到 60 个字' })
  name: string;

  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(0, 60, { message: '规格最多 60 个字' })
  spec?: string;

  @IsInt({ message: '数量要填整数' })
  @Min(1, { message: '数量至少 1' })
  @Max(99, { message: '数量最多 99' })
  quantity: number;

  @IsIn(['usual', 'any'], { message: '请选择要平时的牌子还是同类药都可以' })
  brand: BrandPreference;

  @IsBoolean({ message: '请说明是不是处方药' })
  prescription: boolean;
}

export class MedicineRequestDto implements MedicineRequestBody {
  @IsArray({ message: '请至少写一种药' })
  @ArrayMinSize(1, { message: '请至少写一种药' })
  @ArrayMaxSize(10, { message: '一次最多 10 种药' })
  @NestedObjects(() => MedicineItemDto, '每一种药都要写药名、数量和牌子')
  items: MedicineItemDto[];

  @IsIn(URGENCIES, { message: '请选择有多急' })
  urgency: Urgency;

  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(0, 40, { message: '给谁用最多 40 个字' })
  forWhom?: string;

  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(0, 200, { message: '备注最多 200 个字' })
  note?: string;

  @Omittable()
  @IsArray()
  @ArrayMaxSize(6, { message: '最多 6 张照片' })
  @IsId('照片不对，请重新上传', { each: true })
  photoFileIds?: number[];
}

export class ProxyMedicineRequestDto extends MedicineRequestDto implements ProxyMedicineRequestBody {
  @IsId('请选择住户')
  declare householdId: number;
}

export class QuoteItemDto implements QuoteItem {
  @IsId('请选择要报价的药')
  itemId: number;

  @IsIn(['in_stock', 'substitute', 'unavailable'], { message: '请选择有货、替代或缺货' })
  status: QuoteStatus;

  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(0, 60, { message: '替代药名最多 60 个字' })
  substituteName?: string;

  @Omittable()
  @IsInt({ message: '单价要填整数（分）' })
  @Min(0, { message: '单价不能是负数' })
  @Max(10_000_00, { message: '单价太高了，请核对' })
  unitPriceFen?: number;
}

export class QuoteDto implements QuoteBody {
  @IsArray()
  @ArrayMinSize(1, { message: '每一种药都要报价' })
  @ArrayMaxSize(10)
  @NestedObjects(() => QuoteItemDto, '每一种药都要报价：有货、可替代或缺货')
  items: QuoteItemDto[];

  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(0, 200, { message: '说明最多 200 个字' })
  note?: string;
}

export class RejectMedicineDto implements RejectMedicineBody {
  @Transform(trim)
  @IsString({ message: '请写明不能受理的原因，居民会看到' })
  @Length(2, 200, { message: '原因要 2 到 200 个字' })
  reason: string;
}

export class CannotBuyDto implements CannotBuyBody {
  @Transform(trim)
  @IsString({ message: '请写明买不到的原因，居民会看到' })
  @Length(2, 200, { message: '原因要 2 到 200 个字' })
  reason: string;
}

export class AcceptQuoteDto implements AcceptQuoteBody {
  @IsArray({ message: '请至少选择一种有货的药' })
  @ArrayMinSize(1, { message: '请至少选择一种有货的药' })
  @ArrayMaxSize(10)
  @IsId('请选择有货的药', { each: true })
  itemIds: number[];
}

export class PurchaseDto implements PurchaseBody {
  @IsId('请拍一张购药小票的照片')
  receiptFileId: number;
}

export class MoveRequestDto implements MoveRequestBody {
  @IsId('请选择药房')
  pharmacyId: number;
}

export class PharmacyDto implements PharmacyBody {
  @Transform(trim)
  @IsString({ message: '请填写药房名称' })
  @Length(2, 60, { message: '名称要 2 到 60 个字' })
  name: string;

  @Transform(trim)
  @IsString({ message: '请填写地址' })
  @Length(2, 200, { message: '地址要 2 到 200 个字' })
  address: string;

  @Transform(trim)
  @IsString({ message: '请填写营业时间' })
  @Length(2, 60, { message: '营业时间要 2 到 60 个字' })
  hours: string;

  @OptionalPhone()
  phone?: string;

  @IsArray({ message: '请选择默认服务的区域' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(0, 40, { each: true, message: '区域名最多 40 个字' })
  defaultFor: string[];

  @IsIn(PAYMENT_MODES, { message: '请选择微信支付、货到付款或免费' })
  paymentMode: PaymentMode;
}

export class JoinPharmacyDto implements JoinPharmacyBody {
  @Transform(trim)
  @IsString({ message: '请输入药房邀请码' })
  @Length(4, 12, { message: '请输入 8 位药房邀请码' })
  code: string;
}

export class FinishedQueryDto implements MedicineListQuery {
  @IsOptional()
  @IsIn(MEDICINE_LISTS)
  show?: MedicineList;
}
