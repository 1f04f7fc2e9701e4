import { PARTICIPATION_DAYS_MAX } from '@linli/shared-types';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { emptyToUndefined } from '../../../../common/validators';

/** `?days=`: how many days back, today included. */
export class ParticipationQueryDto {
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt({ message: '天数不对' })
  @Min(1, { message: '至少看 1 天' })
  @Max(PARTICIPATION_DAYS_MAX, { message: `最多看 ${PARTICIPATION_DAYS_MAX} 天` })
  days?: number;
}
