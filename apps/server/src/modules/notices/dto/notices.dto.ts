import {
  MAX_NOTICE_PICTURES,
  NOTICE_CATEGORIES,
  type NoticeCategory,
  type NoticeRequest,
  type UpdateNoticeRequest,
} from '@linli/shared-types';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { IsId, Omittable, trim } from '../../../common/validators';
import { IsMoment } from '../../catalog/dto/catalog.dto';

const CATEGORY = '请选择通知的类别';
const TITLE = '标题要 2 到 60 个字';
const BODY = '正文要 2 到 5000 个字';
const PICTURES = `最多放 ${MAX_NOTICE_PICTURES} 张图片`;
const PUBLISH = '发布时间不对：没有这一天或这个时刻';
const EXPIRE = '结束时间不对：没有这一天或这个时刻';

/** POST /api/staff/notices */
export class NoticeDto implements NoticeRequest {
  @IsIn(NOTICE_CATEGORIES, { message: CATEGORY })
  category: NoticeCategory;

  @Transform(trim)
  @IsString({ message: TITLE })
  @Length(2, 60, { message: TITLE })
  title: string;

  @Transform(trim)
  @IsString({ message: BODY })
  @Length(2, 5000, { message: BODY })
  body: string;

  @Omittable()
  @IsArray({ message: PICTURES })
  @ArrayMaxSize(MAX_NOTICE_PICTURES, { message: PICTURES })
  @IsId('图片不对，请重新上传', { each: true })
  pictureIds?: number[];

  @Omittable()
  @IsArray({ message: '楼栋不对' })
  @ArrayMaxSize(300)
  @IsId('楼栋不对', { each: true })
  buildingIds?: number[];

  @Omittable()
  @IsArray({ message: '片区不对' })
  @ArrayMaxSize(50)
  @IsString({ each: true, message: '片区不对' })
  @MaxLength(40, { each: true, message: '片区名称太长' })
  zones?: string[];

  @Omittable()
  @IsBoolean({ message: '置顶请选是或否' })
  pinned?: boolean;

  @Omittable()
  @IsBoolean({ message: '紧急请选是或否' })
  urgent?: boolean;

  /** Absent or null: at once. */
  @IsOptional()
  @ValidateIf((o: NoticeDto) => o.publishAt !== null)
  @IsMoment(PUBLISH)
  publishAt?: string | null;

  /** Absent or null: never. */
  @IsOptional()
  @ValidateIf((o: NoticeDto) => o.expiresAt !== null)
  @IsMoment(EXPIRE)
  expiresAt?: string | null;
}

/** PATCH /api/staff/notices/:id: only the fields sent change. */
export class UpdateNoticeDto implements UpdateNoticeRequest {
  @Omittable()
  @IsIn(NOTICE_CATEGORIES, { message: CATEGORY })
  category?: NoticeCategory;

  @Omittable()
  @Transform(trim)
  @IsString({ message: TITLE })
  @Length(2, 60, { message: TITLE })
  title?: string;

  @Omittable()
  @Transform(trim)
  @IsString({ message: BODY })
  @Length(2, 5000, { message: BODY })
  body?: string;

  @Omittable()
  @IsArray({ message: PICTURES })
  @ArrayMaxSize(MAX_NOTICE_PICTURES, { message: PICTURES })
  @IsId('图片不对，请重新上传', { each: true })
  pictureIds?: number[];

  @Omittable()
  @IsArray({ message: '楼栋不对' })
  @ArrayMaxSize(300)
  @IsId('楼栋不对', { each: true })
  buildingIds?: number[];

  @Omittable()
  @IsArray({ message: '片区不对' })
  @ArrayMaxSize(50)
  @IsString({ each: true, message: '片区不对' })
  @MaxLength(40, { each: true, message: '片区名称太长' })
  zones?: string[];

  @Omittable()
  @IsBoolean({ message: '置顶请选是或否' })
  pinned?: boolean;

  @Omittable()
  @IsBoolean({ message: '紧急请选是或否' })
  urgent?: boolean;

  /** null: at once. */
  @IsOptional()
  @ValidateIf((o: UpdateNoticeDto) => o.publishAt !== null)
  @IsMoment(PUBLISH)
  publishAt?: string | null;

  /** null: never. */
  @IsOptional()
  @ValidateIf((o: UpdateNoticeDto) => o.expiresAt !== null)
  @IsMoment(EXPIRE)
  expiresAt?: string | null;
}
