import { FAMILY_STATES, PHONE_PATTERN, type FamilyState, type RejectFamilyBinding, type RequestFamilyBinding } from '@linli/shared-types';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsId, trim } from '../../../common/validators';

/** POST /api/me/family-bindings */
export class RequestFamilyBindingDto implements RequestFamilyBinding {
  @IsId('请选择楼栋')
  buildingId: number;

  @Transform(trim)
  @IsString({ message: '请填写单元' })
  @Length(0, 10, { message: '单元最多 10 个字' })
  unit: string;

  @Transform(trim)
  @IsString({ message: '请填写房号' })
  @Length(1, 10, { message: '房号要 1 到 10 个字，例如 1203' })
  room: string;

  @Transform(trim)
  @IsString({ message: '请写您是他们的什么人，例如：女儿' })
  @Length(1, 10, { message: '关系要 1 到 10 个字，例如：女儿' })
  relation: string;

  @Transform(trim)
  @IsString({ message: '请填写您的姓名' })
  @Length(1, 40, { message: '姓名要 1 到 40 个字' })
  name: string;

  @Transform(trim)
  @Matches(PHONE_PATTERN, { message: '请填写 11 位手机号' })
  phone: string;
}

/** POST /api/staff/family-bindings/:id/reject */
export class RejectFamilyBindingDto implements RejectFamilyBinding {
  @Transform(trim)
  @IsString({ message: '请写明未通过的原因' })
  @Length(2, 200, { message: '原因要 2 到 200 个字' })
  reason: string;
}

/** GET /api/staff/family-bindings?state= */
export class FamilyListQueryDto {
  @IsOptional()
  @IsIn(FAMILY_STATES, { message: '状态不对' })
  state?: FamilyState;
}
