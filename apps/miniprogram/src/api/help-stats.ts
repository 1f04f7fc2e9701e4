import type { HelpStats, HelpStatsPeriod } from '@linli/shared-types';
import { request } from './client';
import { downloadFile } from './transfer';

/** The supervisors' statistics of help requests over a period (staff and supervisors). */
export function getHelpStats(period: HelpStatsPeriod): Promise<HelpStats> {
  return request({ path: '/staff/help/stats', query: { period } });
}

/** The same statistics as an Excel workbook (总体, 按楼栋, 按处理人, 按类别, 每日). */
export function downloadHelpStatsXlsx(period: HelpStatsPeriod): Promise<void> {
  return downloadFile('/staff/help/stats.xlsx', { period }, `求助统计-${period}.xlsx`);
}
