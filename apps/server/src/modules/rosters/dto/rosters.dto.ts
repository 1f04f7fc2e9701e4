import {
  SQUADS,
  type CancelShiftRequest,
  type CreateShiftRequest,
  type RosterScanRequest,
  type SaveRosterPostRequest,
  type Squad,
} from '@linli/shared-types';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsId, Omittable, trim } from '../../../common/validators';
import { IsDay, IsMoment } from '../../catalog/dto/catalog.dto';

const NAME = '岗位名称要 1 到 30 个字，例如：东门岗、3号核酸检测点、分拣区';
const SQUAD = '请选择小组';
const NOTE = '说明最多 200 个字';
const TIME = '时间不对：没有这一天或这个时刻';
const PLACES = '人数要是 1 到 200 的整数';
const REQUIREMENTS = '要求最多 200 个字';
const GIVE_UP = '可取消时限要是 0 到 48 小时的整数';

/** POST /api/staff/roster/posts */
export class RosterPostDto implements SaveRosterPostRequest {
  @Transform(trim)
  @IsString({ message: NAME })
  @Length(1, 30, { message: NAME })
  name: string;

  @IsIn(SQUADS, { message: SQUAD })
  squad: Squad;

  @Omittable()
  @Transform(trim)
  @IsString({ message: NOTE })
  @MaxLength(200, { message: NOTE })
  note?: string;
}

/** POST /api/staff/roster/shifts */
export class CreateShiftDto implements CreateShiftRequest {
  @IsId('请选择岗位')
  postId: number;

  @IsMoment(TIME)
  startsAt: string;

  @IsMoment(TIME)
  endsAt: string;

  @IsInt({ message: PLACES })
  @Min(1, { message: PLACES })
  @Max(200, { message: PLACES })
  places: number;

  @Omittable()
  @Transform(trim)
  @IsString({ message: REQUIREMENTS })
  @MaxLength(200, { message: REQUIREMENTS })
  requirements?: string;

  @IsOptional()
  @IsInt({ message: GIVE_UP })
  @Min(0, { message: GIVE_UP })
  @Max(48, { message: GIVE_UP })
  giveUpHours?: number;
}

/** POST /api/staff/roster/shifts/:id/cancel */
export class CancelShiftDto implements CancelShiftRequest {
  @Transform(trim)
  @IsString({ message: '请写明取消的原因（1 到 200 个字）' })
  @Length(1, 200, { message: '请写明取消的原因（1 到 200 个字）' })
  reason: string;
}

/** POST /api/volunteer/roster/scan */
export class RosterScanDto implements RosterScanRequest {
  @IsString({ message: '没有读到二维码，请再扫一次' })
  @Matches(/^[A-Za-z0-9_-]{20,60}$/, { message: '这不是岗位的二维码' })
  token: string;
}

/** GET /api/staff/roster/shifts and …/hours: a period of days (YYYY-MM-DD, Asia/Shanghai), both ends included. */
export class RosterPeriodDto {
  @IsOptional()
  @IsDay('日期不对：没有这一天')
  from?: string;

  @IsOptional()
  @IsDay('日期不对：没有这一天')
  to?: string;
}
