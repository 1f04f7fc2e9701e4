import { HELP_STATS_PERIODS, type HelpStatsPeriod } from '@linli/shared-types';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { emptyToUndefined } from '../../../../common/validators';

/** `?period=today|7d|all` (default today). */
export class HelpStatsQueryDto {
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(HELP_STATS_PERIODS, { message: '请选择今天、近7天或封控以来' })
  period?: HelpStatsPeriod;
}
