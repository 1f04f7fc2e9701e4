import {
  HOUSEHOLD_TAGS,
  PHONE_PATTERN,
  type ChooseCommunityRequest,
  type CommunityQuery,
  type CreateBindingRequest,
  type DevLoginRequest,
  type DevUserKey,
  type HouseholdQuery,
  type HouseholdTag,
  type RejectBindingRequest,
  type StaffBindingQuery,
  type UpsertHouseholdRequest,
  type UpdatePreferencesRequest,
  type WechatLoginRequest,
  BINDING_STATES,
  type BindingState,
} from '@linli/shared-types';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { IsId, Omittable, trim, emptyToUndefined, OptionalPhone } from '../../../common/validators';

export class CreateBindingDto implements CreateBindingRequest {
  @ValidateIf((o: CreateBindingDto) => o.bindingCode === undefined)
  @Type(() => Number)
  @IsId('请选择楼栋')
  buildingId?: number;

  @ValidateIf((o: CreateBindingDto) => o.bindingCode === undefined)
  @Transform(trim)
  @IsString({ message: '请选择单元' })
  @Length(1, 20, { message: '请选择单元' })
  unit?: string;

  @ValidateIf((o: CreateBindingDto) => o.bindingCode === undefined)
  @Transform(trim)
  @IsString({ message: '请填写房号' })
  @Matches(/^[0-9A-Za-z-]{1,10}$/, { message: '房号只能是数字或字母，例如 1203' })
  room?: string;

  @Omittable()
  @Transform(trim)
  @IsString({ message: '绑定码格式不对' })
  @Matches(/^[A-Za-z0-9]{6,16}$/, { message: '绑定码是 8 位字母或数字' })
  bindingCode?: string;

  @Transform(trim)
  @IsString({ message: '请填写姓名' })
  @Length(1, 20, { message: '姓名请填写 1 到 20 个字' })
  name: string;

  @Transform(trim)
  @IsString({ message: '请填写手机号' })
  @Matches(PHONE_PATTERN, { message: '请填写正确的 11 位手机号' })
  phone: string;
}

export class RejectBindingDto implements RejectBindingRequest {
  @Transform(trim)
  @IsString({ message: '请填写驳回原因' })
  @Length(1, 200, { message: '驳回原因请填写 1 到 200 个字' })
  reason: string;
}

export class BindingListQueryDto implements StaffBindingQuery {
  @IsOptional()
  @IsIn(BINDING_STATES, { message: '状态不对' })
  state?: BindingState;
}

export class HouseholdQueryDto extends PageQueryDto implements HouseholdQuery {
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsId('楼栋不对')
  buildingId?: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10, { message: '房号太长' })
  room?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(HOUSEHOLD_TAGS, { message: '没有这个标签' })
  tag?: HouseholdTag;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40, { message: '搜索内容太长' })
  q?: string;
}

export class UpsertHouseholdDto implements UpsertHouseholdRequest {
  @Type(() => Number)
  @IsId('请选择楼栋')
  buildingId: number;

  @Transform(trim)
  @IsString({ message: '请填写单元' })
  @Length(1, 20, { message: '请填写单元，例如 1单元' })
  unit: string;

  @Transform(trim)
  @IsString({ message: '请填写房号' })
  @Matches(/^[0-9A-Za-z-]{1,10}$/, { message: '房号只能是数字或字母，例如 1203' })
  room: string;

  @Type(() => Number)
  @IsInt({ message: '人数要填整数' })
  @Min(1, { message: '人数至少 1 人' })
  @Max(30, { message: '人数最多 30 人' })
  headcount: number;

  @IsArray({ message: '标签格式不对' })
  @ArrayMaxSize(HOUSEHOLD_TAGS.length)
  @IsIn(HOUSEHOLD_TAGS, { each: true, message: '没有这个标签' })
  tags: HouseholdTag[];

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40, { message: '片区名称太长' })
  zone?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(20, { message: '联系人姓名最多 20 个字' })
  contactName?: string | null;

  @OptionalPhone()
  contactPhone?: string | null;

  @Omittable()
  @IsBoolean({ message: '长辈模式请选是或否' })
  elderlyDefault?: boolean;
}

export class UpdatePreferencesDto implements UpdatePreferencesRequest {
  @ValidateIf((o: UpdatePreferencesDto) => o.elderly !== null)
  @IsBoolean({ message: '长辈模式请选开或关' })
  elderly: boolean | null;
}

export class DevLoginDto implements DevLoginRequest {
  @Omittable()
  @IsIn(['resident', 'volunteer', 'pharmacist', 'staff', 'supervisor'], { message: '没有这个演示用户' })
  user?: DevUserKey;

  @Omittable()
  @IsIn([true, false], { message: '格式不对' })
  newResident?: boolean;

  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(20, { message: '昵称最多 20 个字' })
  nickname?: string;
}

export class WechatLoginDto implements WechatLoginRequest {
  @IsString({ message: '登录凭证缺失，请重新打开小程序' })
  @Length(1, 128, { message: '登录凭证格式不对' })
  code: string;
}

export class ChooseCommunityDto implements ChooseCommunityRequest {
  @IsId('请选择社区')
  communityId: number;
}

export class CommunityQueryDto implements CommunityQuery {
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(50, { message: '社区名称最多 50 个字' })
  q?: string;
}
