import {
  HELP_CATEGORIES,
  HELP_DEADLINE_MINUTES_MAX,
  HELP_DEADLINE_MINUTES_MIN,
  HELP_PHOTOS_MAX,
  HELP_TEXT_MAX,
  HELP_URGENCIES,
  TEAM_ROLES,
  type CancelHelpRequest,
  type ConfirmHelpRequest,
  type CreateHelpRequest,
  type HelpCategory,
  type HelpDeadline,
  type HelpReplyRequest,
  type HelpUrgency,
  type MergeHelpRequest,
  type RateHelpRequest,
  type ReassignHelpRequest,
  type ReopenHelpRequest,
  type ResolveHelpRequest,
  type SetHelpDeadlinesRequest,
  type TeamRole,
} from '@linli/shared-types';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { emptyToUndefined, IsId, NestedObjects, trim } from '../../../common/validators';

const CATEGORY = '请选择求助类别';
const URGENCY = '请选择紧急程度';
const TEXT = `请写清需要什么帮助（2 到 ${HELP_TEXT_MAX} 个字）`;
const PHOTOS = `最多 ${HELP_PHOTOS_MAX} 张图片`;
const PHOTO = '图片没有上传成功，请重新上传';
const RATING = '请打 1 到 5 星';
const COMMENT = '评价最多 200 个字';

/** POST /api/help */
export class CreateHelpDto implements CreateHelpRequest {
  @IsIn(HELP_CATEGORIES, { message: CATEGORY })
  category: HelpCategory;

  @IsIn(HELP_URGENCIES, { message: URGENCY })
  urgency: HelpUrgency;

  @Transform(trim)
  @IsString({ message: TEXT })
  @Length(2, HELP_TEXT_MAX, { message: TEXT })
  text: string;

  @IsOptional()
  @IsArray({ message: PHOTOS })
  @ArrayMaxSize(HELP_PHOTOS_MAX, { message: PHOTOS })
  @IsId(PHOTO, { each: true })
  photoIds?: number[];

  @IsOptional()
  @IsId('没有找到这户人家')
  householdId?: number;
}

/** POST /api/help/:id/messages */
export class HelpReplyDto implements HelpReplyRequest {
  @Transform(trim)
  @IsString({ message: '请写回复内容（1 到 500 个字）' })
  @Length(1, 500, { message: '请写回复内容（1 到 500 个字）' })
  text: string;

  @IsOptional()
  @IsArray({ message: PHOTOS })
  @ArrayMaxSize(HELP_PHOTOS_MAX, { message: PHOTOS })
  @IsId(PHOTO, { each: true })
  photoIds?: number[];
}

/** POST /api/help/:id/resolve */
export class ResolveHelpDto implements ResolveHelpRequest {
  @Transform(trim)
  @IsString({ message: '请写明做了什么（2 到 500 个字）' })
  @Length(2, 500, { message: '请写明做了什么（2 到 500 个字）' })
  summary: string;
}

/** POST /api/help/:id/confirm */
export class ConfirmHelpDto implements ConfirmHelpRequest {
  @IsOptional()
  @IsInt({ message: RATING })
  @Min(1, { message: RATING })
  @Max(5, { message: RATING })
  rating?: number;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: COMMENT })
  @Length(0, 200, { message: COMMENT })
  comment?: string;
}

/** POST /api/help/:id/rate */
export class RateHelpDto implements RateHelpRequest {
  @IsInt({ message: RATING })
  @Min(1, { message: RATING })
  @Max(5, { message: RATING })
  rating: number;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: COMMENT })
  @Length(0, 200, { message: COMMENT })
  comment?: string;
}

/** POST /api/help/:id/reopen */
export class ReopenHelpDto implements ReopenHelpRequest {
  @Transform(trim)
  @IsString({ message: '请写一下还有什么没解决（2 到 500 个字）' })
  @Length(2, 500, { message: '请写一下还有什么没解决（2 到 500 个字）' })
  reason: string;
}

/** POST /api/help/:id/cancel */
export class CancelHelpDto implements CancelHelpRequest {
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '撤销原因最多 200 个字' })
  @Length(0, 200, { message: '撤销原因最多 200 个字' })
  reason?: string;
}

/** POST /api/staff/help/:id/reassign */
export class ReassignHelpDto implements ReassignHelpRequest {
  @IsId('请选择转给谁')
  userId: number;
}

/** POST /api/staff/help/:id/merge */
export class MergeHelpDto implements MergeHelpRequest {
  @IsId('请选择合并到哪条求助')
  intoId: number;
}

const MINUTES = `时限要在 ${HELP_DEADLINE_MINUTES_MIN} 到 ${HELP_DEADLINE_MINUTES_MAX} 分钟之间`;

export class HelpDeadlineDto implements HelpDeadline {
  @IsIn(HELP_CATEGORIES, { message: CATEGORY })
  category: HelpCategory;

  @IsIn(HELP_URGENCIES, { message: URGENCY })
  urgency: HelpUrgency;

  @IsInt({ message: MINUTES })
  @Min(HELP_DEADLINE_MINUTES_MIN, { message: MINUTES })
  @Max(HELP_DEADLINE_MINUTES_MAX, { message: MINUTES })
  firstResponseMinutes: number;

  @IsInt({ message: MINUTES })
  @Min(HELP_DEADLINE_MINUTES_MIN, { message: MINUTES })
  @Max(HELP_DEADLINE_MINUTES_MAX, { message: MINUTES })
  solutionMinutes: number;
}

/** PUT /api/staff/help/deadlines */
export class SetHelpDeadlinesDto implements SetHelpDeadlinesRequest {
  @IsArray({ message: '请填写时限' })
  @ArrayMinSize(1, { message: '请填写时限' })
  @ArrayMaxSize(HELP_CATEGORIES.length * HELP_URGENCIES.length, { message: '时限太多了' })
  @NestedObjects(() => HelpDeadlineDto)
  deadlines: HelpDeadlineDto[];
}

/** PUT /api/staff/help/teams */
export class SetTeamMemberDto {
  @IsIn(TEAM_ROLES, { message: '请选择岗位' })
  role: TeamRole;

  @ValidateIf((o: SetTeamMemberDto) => o.householdId === undefined)
  @IsId('请选择楼栋')
  buildingId?: number;

  @IsOptional()
  @IsId('没有找到这户人家')
  householdId?: number;

  @ValidateIf((o: SetTeamMemberDto) => o.userId !== null)
  @IsId('请选择人员')
  userId: number | null;
}

export class HelpInboxQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['open', 'mine', 'done'], { message: '列表类别不对' })
  state?: 'open' | 'mine' | 'done';
}

export class HelpBoardQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['open', 'overdue', 'done'], { message: '列表类别不对' })
  state?: 'open' | 'overdue' | 'done';

  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsId('请选择楼栋')
  buildingId?: number;
}

export class TeamBuildingQueryDto {
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsId('请选择楼栋')
  buildingId?: number;
}

export class TeamCandidatesQueryDto {
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '请输入姓名或手机号' })
  @Length(0, 20, { message: '请输入姓名或手机号' })
  q?: string;
}
