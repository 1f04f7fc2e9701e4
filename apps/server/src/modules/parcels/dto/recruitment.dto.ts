import { SQUADS, type RejectSignupRequest, type SignupRequest, type Squad, type VolunteerPostRequest } from '@linli/shared-types';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { OptionalPhone, Omittable, trim } from '../../../common/validators';

export class VolunteerPostDto implements VolunteerPostRequest {
  @IsIn(SQUADS, { message: '请选择招募哪个小组' })
  squad: Squad;

  @Transform(trim)
  @IsString({ message: '请填写招募标题' })
  @Length(2, 60, { message: '标题要 2 到 60 个字' })
  title: string;

  @Transform(trim)
  @IsString({ message: '请写明对志愿者的要求' })
  @Length(2, 500, { message: '要求要 2 到 500 个字' })
  requirements: string;

  @Transform(trim)
  @IsString({ message: '请写明服务时间' })
  @Length(2, 100, { message: '服务时间要 2 到 100 个字' })
  shift: string;

  @IsInt({ message: '招募人数要填整数' })
  @Min(1, { message: '至少招 1 人' })
  @Max(2000, { message: '一次最多招 2000 人' })
  slots: number;
}

export class SignupDto implements SignupRequest {
  @OptionalPhone()
  phone?: string;

  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(0, 200, { message: '备注最多 200 个字' })
  note?: string;
}

export class RejectSignupDto implements RejectSignupRequest {
  @Transform(trim)
  @IsString({ message: '请写明没有通过的原因' })
  @Length(2, 200, { message: '原因要 2 到 200 个字' })
  reason: string;
}
