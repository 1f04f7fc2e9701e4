import { CARE_CONTENTS_MAX, CARE_TITLE_MAX, HOUSEHOLD_TAGS, type HouseholdTag, type SaveCareCampaignRequest } from '@linli/shared-types';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { IsId, trim } from '../../../../common/validators';

const TITLE = `活动名称要 2 到 ${CARE_TITLE_MAX} 个字，例如：爱心蔬菜包`;
const CONTENTS = `关爱包里有什么，最多 ${CARE_CONTENTS_MAX} 个字`;
const TAGS = '请从列表中选择住户标签';
const BUILDINGS = '楼栋不对，请重新选择';
const HOUSEHOLDS = '住户不对，请重新选择（一次最多 2000 户）';

/** POST /api/staff/care-campaigns, PUT /api/staff/care-campaigns/:id */
export class SaveCareCampaignDto implements SaveCareCampaignRequest {
  @Transform(trim)
  @IsString({ message: TITLE })
  @Length(2, CARE_TITLE_MAX, { message: TITLE })
  title: string;

  @IsOptional()
  @ValidateIf((o: SaveCareCampaignDto) => o.itemId !== null)
  @IsId('没有找到这个物资套餐，请重新选择')
  itemId?: number | null;

  @IsOptional()
  @Transform(trim)
  @ValidateIf((o: SaveCareCampaignDto) => o.contents !== null)
  @IsString({ message: CONTENTS })
  @MaxLength(CARE_CONTENTS_MAX, { message: CONTENTS })
  contents?: string | null;

  @IsArray({ message: TAGS })
  @ArrayMaxSize(HOUSEHOLD_TAGS.length, { message: TAGS })
  @IsIn(HOUSEHOLD_TAGS, { each: true, message: TAGS })
  tags: HouseholdTag[];

  @IsBoolean({ message: '请选择「有其中一个标签」或「同时有这些标签」' })
  allTags: boolean;

  @IsArray({ message: BUILDINGS })
  @ArrayMaxSize(300, { message: BUILDINGS })
  @IsId(BUILDINGS, { each: true })
  buildingIds: number[];

  @IsArray({ message: HOUSEHOLDS })
  @ArrayMaxSize(2000, { message: HOUSEHOLDS })
  @IsId(HOUSEHOLDS, { each: true })
  householdIds: number[];
}
