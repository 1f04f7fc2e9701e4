import {
  CLASS_KINDS,
  CLASS_MAX_MINUTES,
  CLASS_MIN_MINUTES,
  type ClassKind,
  type ClassReplayRequest,
  type ClassRequest,
  type ClassSignupRequest,
  type ProxyClassSignupRequest,
  type UpdateClassRequest,
} from '@linli/shared-types';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsId, Omittable, trim } from '../../../../common/validators';
import { IsMoment } from '../../../catalog/dto/catalog.dto';

const KIND = '请选择课程类别';
const TITLE = '课程名称要 2 到 60 个字';
const TEACHER = '老师的名字要 1 到 40 个字';
const DESCRIPTION = '课程介绍最多 1000 个字';
const STARTS = '上课时间不对：没有这一天或这个时刻';
const MINUTES = `课程时长要 ${CLASS_MIN_MINUTES} 到 ${CLASS_MAX_MINUTES} 分钟`;
const CAPACITY = '名额要是 1 到 10000 的整数，不限名额请留空';
const LINK = '链接要以 http:// 或 https:// 开头';
const URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

/** POST /api/staff/classes */
export class ClassDto implements ClassRequest {
  @IsIn(CLASS_KINDS, { message: KIND })
  kind: ClassKind;

  @Transform(trim)
  @IsString({ message: TITLE })
  @Length(2, 60, { message: TITLE })
  title: string;

  @Transform(trim)
  @IsString({ message: TEACHER })
  @Length(1, 40, { message: TEACHER })
  teacher: string;

  @Omittable()
  @Transform(trim)
  @IsString({ message: DESCRIPTION })
  @MaxLength(1000, { message: DESCRIPTION })
  description?: string;

  @IsMoment(STARTS)
  startsAt: string;

  @IsInt({ message: MINUTES })
  @Min(CLASS_MIN_MINUTES, { message: MINUTES })
  @Max(CLASS_MAX_MINUTES, { message: MINUTES })
  minutes: number;

  /** Absent or null: unlimited. */
  @IsOptional()
  @IsInt({ message: CAPACITY })
  @Min(1, { message: CAPACITY })
  @Max(10000, { message: CAPACITY })
  capacity?: number | null;

  @Transform(trim)
  @IsString({ message: LINK })
  @MaxLength(500, { message: '链接太长了' })
  @IsUrl(URL, { message: LINK })
  liveUrl: string;

  @Omittable()
  @IsArray({ message: '楼栋不对' })
  @ArrayMaxSize(300)
  @IsId('楼栋不对', { each: true })
  buildingIds?: number[];
}

/** PATCH /api/staff/classes/:id: only the fields sent change. */
export class UpdateClassDto implements UpdateClassRequest {
  @Omittable()
  @IsIn(CLASS_KINDS, { message: KIND })
  kind?: ClassKind;

  @Omittable()
  @Transform(trim)
  @IsString({ message: TITLE })
  @Length(2, 60, { message: TITLE })
  title?: string;

  @Omittable()
  @Transform(trim)
  @IsString({ message: TEACHER })
  @Length(1, 40, { message: TEACHER })
  teacher?: string;

  @Omittable()
  @Transform(trim)
  @IsString({ message: DESCRIPTION })
  @MaxLength(1000, { message: DESCRIPTION })
  description?: string;

  @Omittable()
  @IsMoment(STARTS)
  startsAt?: string;

  @Omittable()
  @IsInt({ message: MINUTES })
  @Min(CLASS_MIN_MINUTES, { message: MINUTES })
  @Max(CLASS_MAX_MINUTES, { message: MINUTES })
  minutes?: number;

  /** null: unlimited. */
  @IsOptional()
  @ValidateIf((o: UpdateClassDto) => o.capacity !== null)
  @IsInt({ message: CAPACITY })
  @Min(1, { message: CAPACITY })
  @Max(10000, { message: CAPACITY })
  capacity?: number | null;

  @Omittable()
  @Transform(trim)
  @IsString({ message: LINK })
  @MaxLength(500, { message: '链接太长了' })
  @IsUrl(URL, { message: LINK })
  liveUrl?: string;

  @Omittable()
  @IsArray({ message: '楼栋不对' })
  @ArrayMaxSize(300)
  @IsId('楼栋不对', { each: true })
  buildingIds?: number[];
}

/** POST /api/staff/classes/:id/replay */
export class ClassReplayDto implements ClassReplayRequest {
  @Transform(trim)
  @IsString({ message: LINK })
  @MaxLength(500, { message: '链接太长了' })
  @IsUrl(URL, { message: LINK })
  replayUrl: string;
}

/** POST /api/classes/:id/signup */
export class ClassSignupDto implements ClassSignupRequest {
  @Omittable()
  @IsBoolean({ message: '排队候补请选是或否' })
  waitlist?: boolean;
}

/** POST /api/staff/classes/:id/signups */
export class ProxyClassSignupDto implements ProxyClassSignupRequest {
  @IsId('请选择住户')
  householdId: number;

  @Omittable()
  @IsBoolean({ message: '排队候补请选是或否' })
  waitlist?: boolean;
}
