import { MAX_PRIZE_WINNERS, type AwardPrizesRequest, type PrizeSource } from '@linli/shared-types';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { IsId, trim } from '../../../../common/validators';

const SOURCES: readonly PrizeSource[] = ['contest', 'quiz'];
const SOURCE = '请选择比赛或竞答';
const SOURCE_ID = '没有找到这个活动，请刷新后重试';
const TOP = `获奖名次要在 1 到 ${MAX_PRIZE_WINNERS} 之间`;
const PRIZE = '奖品要写 1 到 60 个字，例如：大米 10斤';

/** POST /api/staff/prizes */
export class AwardPrizesDto implements AwardPrizesRequest {
  @IsIn(SOURCES, { message: SOURCE })
  source: PrizeSource;

  @IsId(SOURCE_ID)
  sourceId: number;

  @IsInt({ message: TOP })
  @Min(1, { message: TOP })
  @Max(MAX_PRIZE_WINNERS, { message: TOP })
  top: number;

  @Transform(trim)
  @IsString({ message: PRIZE })
  @Length(1, 60, { message: PRIZE })
  prize: string;
}

/** GET /api/staff/prizes?source=&sourceId= */
export class PrizeSourceQueryDto {
  @IsIn(SOURCES, { message: SOURCE })
  source: PrizeSource;

  @Type(() => Number)
  @IsId(SOURCE_ID)
  sourceId: number;
}

/** GET /api/staff/prizes/winners?source=&sourceId=&top= */
export class PrizeWinnersQueryDto extends PrizeSourceQueryDto {
  @Type(() => Number)
  @IsInt({ message: TOP })
  @Min(1, { message: TOP })
  @Max(MAX_PRIZE_WINNERS, { message: TOP })
  top: number;
}
