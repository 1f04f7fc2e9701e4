import { PAGE_SIZE_MAX, type PageQuery } from '@linli/shared-types';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { emptyToUndefined } from './validators';

/** The last page a list may be asked for (an offset past this is a mistake, not a need). */
export const MAX_PAGE = 100_000;

/** `?page=&pageSize=` of a paged list (a Page<T>); a list's query DTO extends it. */
export class PageQueryDto implements PageQuery {
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt({ message: '页码不对' })
  @Min(1, { message: '页码不对' })
  @Max(MAX_PAGE, { message: '页码不对' })
  page?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt({ message: '每页条数不对' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(PAGE_SIZE_MAX, { message: `每页最多 ${PAGE_SIZE_MAX} 条` })
  pageSize?: number;
}

/** The rows of `page` (from 1) of `pageSize`: what TypeORM's skip/take want. */
export function pageWindow(query: PageQuery, defaultSize: number): { page: number; pageSize: number; skip: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultSize;
  return { page, pageSize, skip: (page - 1) * pageSize };
}
