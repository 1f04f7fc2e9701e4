import { HELP_STATS_PERIOD_LABELS, type HelpFigures, type HelpStats } from '@linli/shared-types';
import ExcelJS from 'exceljs';

/** The figures' columns, in the order of the sheets (after each sheet's own first columns). */
const FIGURE_HEADERS = ['求助数', '首次响应中位数(分钟)', '首次响应90%(分钟)', '按时响应率', '当前未结', '当前超时', '重开率', '日均投诉'];

const percent = (share: number | null): string => (share === null ? '' : `${Math.round(share * 1000) / 10}%`);

function figureCells(f: HelpFigures): (string | number)[] {
  return [
    f.requests,
    f.medianFirstResponseMinutes ?? '',
    f.p90FirstResponseMinutes ?? '',
    percent(f.withinDeadlineShare),
    f.openNow,
    f.overdueNow,
    percent(f.reopenRate),
    f.complaintsPerDay,
  ];
}

const shanghai = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function sheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: (string | number)[][]): void {
  const s = workbook.addWorksheet(name);
  s.addRow(headers);
  s.getRow(1).font = { bold: true };
  for (const r of rows) s.addRow(r);
  s.columns.forEach((c, i) => (c.width = i === 0 ? 16 : 14));
}

/** The statistics as a workbook: 总体, 按楼栋, 按处理人, 按类别, 每日 (Chinese headers). */
export async function helpStatsXlsx(stats: HelpStats): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  sheet(
    workbook,
    '总体',
    ['时段', '开始', '截至', '天数', ...FIGURE_HEADERS],
    [[HELP_STATS_PERIOD_LABELS[stats.period], shanghai(stats.from), shanghai(stats.to), stats.days, ...figureCells(stats.total)]],
  );
  sheet(
    workbook,
    '按楼栋',
    ['楼栋', ...FIGURE_HEADERS],
    stats.byBuilding.map((b) => [b.buildingName, ...figureCells(b)]),
  );
  sheet(
    workbook,
    '按处理人',
    ['处理人', ...FIGURE_HEADERS],
    stats.byResponder.map((r) => [r.name, ...figureCells(r)]),
  );
  sheet(
    workbook,
    '按类别',
    ['类别', ...FIGURE_HEADERS],
    stats.byCategory.map((c) => [c.label, ...figureCells(c)]),
  );
  sheet(
    workbook,
    '每日',
    ['日期', '求助数', '已响应', '按时响应'],
    stats.daily.map((d) => [d.date, d.requests, d.answered, d.withinDeadline]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
