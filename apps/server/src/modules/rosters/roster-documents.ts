import type { HoursEntry, HoursLedgerView, RosterPostView } from '@linli/shared-types';
import ExcelJS from 'exceljs';
import { cjkPdf, drawQr } from '../../common/pdf';

const hours = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;
const shanghai = (iso: string): string =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * The hours ledger as a workbook fit for volunteer-hours certificates: 志愿服务时长 (one row per
 * person: name, squad, first and last day, times, hours) and 明细 (every stretch counted).
 */
export async function hoursXlsx(ledger: HoursLedgerView, details: { userId: number; entry: HoursEntry }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('志愿服务时长');
  summary.addRow(['姓名', '小组', '开始日期', '结束日期', '服务次数', '服务时长(小时)', '缺岗', '迟到']);
  summary.getRow(1).font = { bold: true };
  for (const r of ledger.rows) {
    summary.addRow([r.nickname, r.squadLabel, r.firstDay ?? '', r.lastDay ?? '', r.times, hours(r.minutes), r.missed, r.late]);
  }
  summary.addRow([]);
  summary.addRow(['合计', `${ledger.from} 至 ${ledger.to}`, '', '', ledger.totalTimes, hours(ledger.totalMinutes)]);
  summary.columns.forEach((c, i) => (c.width = i === 0 ? 16 : 14));
  const names = new Map(ledger.rows.map((r) => [r.userId, r]));
  const detail = workbook.addWorksheet('明细');
  detail.addRow(['姓名', '小组', '岗位', '开始', '结束', '时长(小时)', '备注']);
  detail.getRow(1).font = { bold: true };
  for (const d of details) {
    const who = names.get(d.userId);
    if (!who) continue;
    detail.addRow([
      who.nickname,
      who.squadLabel,
      d.entry.what,
      shanghai(d.entry.from),
      shanghai(d.entry.to),
      hours(d.entry.minutes),
      d.entry.noCheckOut ? '未签退，按班次结束时间计' : '',
    ]);
  }
  detail.columns.forEach((c, i) => (c.width = i >= 3 && i <= 4 ? 20 : 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The post's A4 poster: its name, squad, a large QR to scan at the start and the end of a shift. */
export async function posterPdf(post: RosterPostView, community: string, token: string): Promise<Buffer> {
  const { doc, done } = cjkPdf({ size: 'A4', margin: 48 });
  const width = doc.page.width;
  doc
    .font('bold')
    .fontSize(40)
    .text(post.name, 48, 72, { width: width - 96, align: 'center' });
  doc
    .font('body')
    .fontSize(20)
    .text(`${community} · ${post.squadLabel}`, 48, 136, { width: width - 96, align: 'center' });
  const size = 340;
  drawQr(doc, token, (width - size) / 2, 190, size);
  doc
    .font('bold')
    .fontSize(24)
    .text('志愿者到岗、离岗时请扫码', 48, 560, { width: width - 96, align: 'center' })
    .font('body')
    .fontSize(16)
    .text('打开邻里小程序 →「我的」→「我的班次」→「扫码签到」，开始时扫一次签到，结束时再扫一次签退。', 48, 610, {
      width: width - 96,
      align: 'center',
    });
  if (post.note)
    doc
      .fontSize(14)
      .fillColor('#555')
      .text(post.note, 48, 680, { width: width - 96, align: 'center' });
  doc.end();
  return done;
}
