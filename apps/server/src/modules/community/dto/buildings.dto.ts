import { applyDecorators } from '@nestjs/common';
import {
  withPlaceSuffix,
  type AddDoorsRequest,
  type CreateBuildingRequest,
  type RenameZoneRequest,
  type UnitRename,
  type UpdateBuildingRequest,
} from '@linli/shared-types';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { NestedObjects, Omittable, trim } from '../../../common/validators';

const ROOM_PATTERN = /^[0-9A-Za-z-]{1,10}$/;
/** A name stored in a comma-separated list (units) or compared as a whole: no commas. */
const NO_COMMA = /^[^,，]*$/;

const building = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? withPlaceSuffix(value, '栋') : value);
const unit = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? withPlaceSuffix(value, '单元') : value);
const units = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? withPlaceSuffix(v, '单元') : v)) : value;
const rooms = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
/** An empty zone is no zone. */
const zone = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() || null : value);

/** A building's name as residents say it; a bare number gets 栋. */
function BuildingName(): PropertyDecorator {
  return applyDecorators(
    Transform(building),
    IsString({ message: '请填写楼栋名称，例如 3栋' }),
    Length(1, 40, { message: '楼栋名称请填写 1 到 40 个字' }),
    Matches(NO_COMMA, { message: '楼栋名称里不能有逗号' }),
  );
}

function UnitName(each = false): PropertyDecorator {
  return applyDecorators(
    IsString({ each, message: '请填写单元，例如 1单元' }),
    Length(1, 20, { each, message: '单元名称请填写 1 到 20 个字' }),
    Matches(NO_COMMA, { each, message: '单元名称里不能有逗号' }),
  );
}

/** The whole list of a building's units: at least one (the binding form asks for a unit). */
function UnitList(): PropertyDecorator {
  return applyDecorators(
    Transform(units),
    IsArray({ message: '请至少填写一个单元' }),
    ArrayMinSize(1, { message: '请至少填写一个单元' }),
    ArrayMaxSize(20, { message: '一栋楼最多 20 个单元' }),
    ArrayUnique(undefined, { message: '单元名称重复了' }),
    UnitName(true),
  );
}

/** A zone (封控片区): absent = unchanged, null or empty = none. */
function ZoneName(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(zone),
    IsString({ message: '片区名称不对' }),
    Length(1, 40, { message: '片区名称最多 40 个字' }),
    Matches(NO_COMMA, { message: '片区名称里不能有逗号' }),
  );
}

export class CreateBuildingDto implements CreateBuildingRequest {
  @BuildingName()
  name: string;

  @UnitList()
  units: string[];

  @ZoneName()
  zone?: string | null;
}

export class UnitRenameDto implements UnitRename {
  @Transform(unit)
  @UnitName()
  from: string;

  @Transform(unit)
  @UnitName()
  to: string;
}

export class UpdateBuildingDto implements UpdateBuildingRequest {
  @Omittable()
  @BuildingName()
  name?: string;

  @Omittable()
  @UnitList()
  units?: string[];

  @Omittable()
  @IsArray({ message: '单元改名的格式不对' })
  @ArrayMaxSize(20, { message: '一栋楼最多 20 个单元' })
  @NestedObjects(() => UnitRenameDto)
  renameUnits?: UnitRenameDto[];

  @ZoneName()
  zone?: string | null;
}

export class AddDoorsDto implements AddDoorsRequest {
  @Transform(unit)
  @UnitName()
  unit: string;

  /** Listed doors, or (without them) floors × roomsPerFloor. */
  @ValidateIf((o: AddDoorsDto) => o.rooms !== undefined || (o.floors === undefined && o.roomsPerFloor === undefined))
  @Transform(rooms)
  @IsArray({ message: '请填写房号，或填写楼层数和每层户数' })
  @ArrayMinSize(1, { message: '请至少填写一个房号' })
  @ArrayMaxSize(200, { message: '一次最多填写 200 个房号' })
  @ArrayUnique(undefined, { message: '房号重复了' })
  @IsString({ each: true, message: '房号只能是数字或字母，例如 1203' })
  @Matches(ROOM_PATTERN, { each: true, message: '房号只能是数字或字母，例如 1203' })
  rooms?: string[];

  @ValidateIf((o: AddDoorsDto) => o.rooms === undefined || o.floors !== undefined)
  @Type(() => Number)
  @IsInt({ message: '楼层数要填整数' })
  @Min(1, { message: '至少 1 层' })
  @Max(60, { message: '最多 60 层' })
  floors?: number;

  @ValidateIf((o: AddDoorsDto) => o.rooms === undefined || o.roomsPerFloor !== undefined)
  @Type(() => Number)
  @IsInt({ message: '每层户数要填整数' })
  @Min(1, { message: '每层至少 1 户' })
  @Max(20, { message: '每层最多 20 户' })
  roomsPerFloor?: number;

  @Omittable()
  @Type(() => Number)
  @IsInt({ message: '起始楼层要填整数' })
  @Min(1, { message: '起始楼层至少是 1 楼' })
  @Max(60, { message: '起始楼层最多 60 楼' })
  fromFloor?: number;
}

export class RenameZoneDto implements RenameZoneRequest {
  @Transform(trim)
  @IsString({ message: '请选择要改名的片区' })
  @Length(1, 40, { message: '请选择要改名的片区' })
  from: string;

  @Transform(trim)
  @IsString({ message: '请填写新的片区名称' })
  @Length(1, 40, { message: '片区名称请填写 1 到 40 个字' })
  @Matches(NO_COMMA, { message: '片区名称里不能有逗号' })
  to: string;
}
