import {
  CONTEST_KINDS,
  CONTEST_MODES,
  MAX_ENTRY_PICTURES,
  type ContestEntryRequest,
  type ContestKind,
  type ContestMode,
  type ContestRequest,
  type RejectEntryRequest,
  type ScoreEntryRequest,
  type UpdateContestRequest,
} from '@linli/shared-types';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Max, Min, ValidateIf } from 'class-validator';
import { IsId, Omittable, trim } from '../../../../common/validators';
import { IsMoment } from '../../../catalog/dto/catalog.dto';

const KIND = '请选择比赛类型';
const TITLE = '标题要 2 到 60 个字';
const RULES = '比赛规则要 2 到 3000 个字';
const MOMENT = '时间不对：没有这一天或这个时刻';
const PER_HOUSEHOLD = '每户作品数要在 1 到 20 之间';
const PER_DAY = '每人每天票数要在 1 到 50 之间';
const MODE = '请选择居民投票或评委打分';
const AUTO = '自动通过请选是或否';

/** POST /api/staff/contests */
export class ContestDto implements ContestRequest {
  @IsIn(CONTEST_KINDS, { message: KIND })
  kind: ContestKind;

  @Transform(trim)
  @IsString({ message: TITLE })
  @Length(2, 60, { message: TITLE })
  title: string;

  @Transform(trim)
  @IsString({ message: RULES })
  @Length(2, 3000, { message: RULES })
  rules: string;

  @IsMoment(MOMENT)
  entryStartsAt: string;

  @IsMoment(MOMENT)
  entryEndsAt: string;

  @IsMoment(MOMENT)
  voteStartsAt: string;

  @IsMoment(MOMENT)
  voteEndsAt: string;

  @IsInt({ message: PER_HOUSEHOLD })
  @Min(1, { message: PER_HOUSEHOLD })
  @Max(20, { message: PER_HOUSEHOLD })
  entriesPerHousehold: number;

  @IsInt({ message: PER_DAY })
  @Min(1, { message: PER_DAY })
  @Max(50, { message: PER_DAY })
  votesPerDay: number;

  @IsIn(CONTEST_MODES, { message: MODE })
  mode: ContestMode;

  @IsBoolean({ message: AUTO })
  autoApprove: boolean;
}

/** PATCH /api/staff/contests/:id */
export class UpdateContestDto implements UpdateContestRequest {
  @Omittable()
  @IsIn(CONTEST_KINDS, { message: KIND })
  kind?: ContestKind;

  @Omittable()
  @Transform(trim)
  @IsString({ message: TITLE })
  @Length(2, 60, { message: TITLE })
  title?: string;

  @Omittable()
  @Transform(trim)
  @IsString({ message: RULES })
  @Length(2, 3000, { message: RULES })
  rules?: string;

  @Omittable()
  @IsMoment(MOMENT)
  entryStartsAt?: string;

  @Omittable()
  @IsMoment(MOMENT)
  entryEndsAt?: string;

  @Omittable()
  @IsMoment(MOMENT)
  voteStartsAt?: string;

  @Omittable()
  @IsMoment(MOMENT)
  voteEndsAt?: string;

  @Omittable()
  @IsInt({ message: PER_HOUSEHOLD })
  @Min(1, { message: PER_HOUSEHOLD })
  @Max(20, { message: PER_HOUSEHOLD })
  entriesPerHousehold?: number;

  @Omittable()
  @IsInt({ message: PER_DAY })
  @Min(1, { message: PER_DAY })
  @Max(50, { message: PER_DAY })
  votesPerDay?: number;

  @Omittable()
  @IsIn(CONTEST_MODES, { message: MODE })
  mode?: ContestMode;

  @Omittable()
  @IsBoolean({ message: AUTO })
  autoApprove?: boolean;
}

const ENTRY_TITLE = '作品名称要 1 到 60 个字';
const CAPTION = '作品说明最多 2000 个字';
const PICTURES = `最多上传 ${MAX_ENTRY_PICTURES} 张图片`;
const VIDEO = '视频链接要以 https:// 开头';

/** POST /api/contests/:id/entries */
export class ContestEntryDto implements ContestEntryRequest {
  @Transform(trim)
  @IsString({ message: ENTRY_TITLE })
  @Length(1, 60, { message: ENTRY_TITLE })
  title: string;

  @Transform(trim)
  @IsString({ message: CAPTION })
  @Length(0, 2000, { message: CAPTION })
  caption: string;

  @Omittable()
  @IsArray({ message: PICTURES })
  @ArrayMaxSize(MAX_ENTRY_PICTURES, { message: PICTURES })
  @IsId('图片不对，请重新上传', { each: true })
  pictureIds?: number[];

  @IsOptional()
  @ValidateIf((o: ContestEntryDto) => o.videoUrl !== null)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: VIDEO })
  @Length(1, 500, { message: VIDEO })
  videoUrl?: string | null;
}

const REASON = '请写明原因（2 到 200 个字），居民会看到';

/** POST /api/staff/contest-entries/:id/reject */
export class RejectEntryDto implements RejectEntryRequest {
  @Transform(trim)
  @IsString({ message: REASON })
  @Length(2, 200, { message: REASON })
  reason: string;
}

const SCORE = '分数要在 0 到 100 之间的整数';

/** PUT /api/staff/contest-entries/:id/score */
export class ScoreEntryDto implements ScoreEntryRequest {
  @IsInt({ message: SCORE })
  @Min(0, { message: SCORE })
  @Max(100, { message: SCORE })
  score: number;
}
