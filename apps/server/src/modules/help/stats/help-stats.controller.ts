import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { HelpStats } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../../common/actor';
import { HelpStatsQueryDto } from './dto/help-stats.dto';
import { helpStatsXlsx } from './help-stats-xlsx';
import { HelpStatsService } from './help-stats.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('help')
@ApiBearerAuth()
@Controller()
export class HelpStatsController {
  constructor(private readonly stats: HelpStatsService) {}

  /** First-response times, in-time shares, open and overdue, reopens and complaints of my community: in all, per building, responder, category and day. */
  @Get('staff/help/stats')
  @Roles('staff', 'supervisor')
  view(@CurrentActor() actor: Actor, @Query() query: HelpStatsQueryDto): Promise<HelpStats> {
    return this.stats.stats(actor, query.period);
  }

  /** The same statistics as an Excel workbook (sheets 总体, 按楼栋, 按处理人, 按类别, 每日). */
  @Get('staff/help/stats.xlsx')
  @ApiProduces(XLSX)
  @Roles('staff', 'supervisor')
  async xlsx(@CurrentActor() actor: Actor, @Query() query: HelpStatsQueryDto): Promise<StreamableFile> {
    const stats = await this.stats.stats(actor, query.period);
    return new StreamableFile(await helpStatsXlsx(stats), {
      type: XLSX,
      disposition: `attachment; filename="help-stats-${stats.period}.xlsx"; filename*=UTF-8''${encodeURIComponent(`求助统计-${stats.period}.xlsx`)}`,
    });
  }
}
