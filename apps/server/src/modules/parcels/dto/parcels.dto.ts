import {
  FAILURE_REASONS,
  RESOLVE_TARGETS,
  SQUADS,
  type Squad,
  type AssignRequest,
  type CancelParcelRequest,
  type DutyRequest,
  type FailRequest,
  type FailureReason,
  type LeaveAtDoorRequest,
  type ParcelQuery,
  type RateRequest,
  type ResolveRequest,
  type ResolveTarget,
  type ScanRequest,
  type StaffParcelQuery,
  type VolunteerCoverageRequest,
} from '@linli/shared-types';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { PageQueryDto } from '../../../common/page-query.dto';
import { IsId, Omittable, trim } from '../../../common/validators';

export class DutyDto implements DutyRequest {
  @IsBoolean({ message: '请选择上岗或下岗' })
  onDuty: boolean;
}

export class CoverageDto implements VolunteerCoverageRequest {
  @IsArray({ message: '请选择负责的楼栋' })
  @ArrayMaxSize(300)
  @IsId('楼栋不对', { each: true })
  buildingIds: number[];

  @IsInt({ message: '每批最多配送件数要填整数' })
  @Min(1, { message: '每批至少 1 件' })
  @Max(500, { message: '每批最多 500 件' })
  capacity: number;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(SQUADS, { message: '请选择小组' })
  squad?: Squad | null;

  @Omittable()
  @IsBoolean({ message: '请选择是否担任组长' })
  leader?: boolean;
}

export class ScanDto implements ScanRequest {
  @IsString({ message: '请扫描或输入二维码' })
  @Length(1, 100, { message: '二维码内容不对' })
  code: string;

  /** When the phone scanned it: scans queued offline are replayed with their original time. */
  @Omittable()
  @IsISO8601({ strict: true }, { message: '扫码时间格式不对' })
  scannedAt?: string;
}

export class LeaveDto implements LeaveAtDoorRequest {
  @IsId('请先拍一张包裹放在门口的照片')
  photoFileId: number;
}

export class FailDto implements FailRequest {
  @IsIn(FAILURE_REASONS, { message: '请选择没送成的原因' })
  reason: FailureReason;
}

export class ResolveDto implements ResolveRequest {
  @IsIn(RESOLVE_TARGETS, { message: '请选择重新派送或退回' })
  to: ResolveTarget;
}

export class AssignDto implements AssignRequest {
  @ValidateIf((_, v) => v !== null)
  @IsId('请选择志愿者')
  volunteerId: number | null;
}

export class ParcelQueryDto implements ParcelQuery {
  @IsOptional()
  @IsString()
  @Length(1, 40)
  batch?: string;
}

export class StaffParcelQueryDto extends PageQueryDto implements StaffParcelQuery {
  @IsOptional()
  @IsString()
  @Length(1, 40)
  batch?: string;
}

export class RateDto implements RateRequest {
  @IsInt({ message: '请选择 1 到 5 颗星' })
  @Min(1, { message: '请选择 1 到 5 颗星' })
  @Max(5, { message: '请选择 1 到 5 颗星' })
  stars: number;

  @Omittable()
  @IsString()
  @Length(0, 200, { message: '评价最多 200 个字' })
  comment?: string;
}

export class CancelParcelDto implements CancelParcelRequest {
  @Transform(trim)
  @IsString({ message: '请写明取消的原因，住户会看到' })
  @Length(2, 200, { message: '原因要 2 到 200 个字' })
  reason: string;
}
