import type { ReportShortRequest, SortingScanRequest } from '@linli/shared-types';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { IsId, NestedObjects } from '../../../common/validators';

export class ShortLineDto {
  @IsId('请选择缺货的东西')
  orderLineId: number;

  @IsInt({ message: '缺的数量要填整数' })
  @Min(1, { message: '缺的数量至少 1 份' })
  @Max(100, { message: '缺的数量最多 100 份' })
  missing: number;
}

/** POST /api/sorting/parcels/:id/short */
export class ReportShortDto implements ReportShortRequest {
  @IsArray({ message: '请选择缺货的东西' })
  @ArrayMinSize(1, { message: '请至少选择一件缺货的东西' })
  @ArrayMaxSize(50, { message: '一次最多 50 种' })
  @NestedObjects(() => ShortLineDto, '每一件都要有东西和缺的数量')
  lines: ShortLineDto[];
}

/** POST /api/sorting/scan */
export class SortingScanDto implements SortingScanRequest {
  @IsString({ message: '没有读到标签，请再扫一次' })
  @Matches(/^[A-Za-z0-9_-]{20,60}$/, { message: '这不是包裹标签的二维码' })
  token: string;
}
