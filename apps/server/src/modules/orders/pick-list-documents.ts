import { formatFen, ORDER_STATE_LABELS, PAYMENT_MODE_LABELS, type OrderView } from '@linli/shared-types';
import ExcelJS from 'exceljs';
import { cjkPdf } from '../../common/pdf';
import type { PickLists } from './pick-lists';

export interface WindowHeading {
  community: string;
  title: string;
  deliveryDate: string;
}

const joinItems = (items: { name: string; quantity: number }[]): string => items.map((i) => `${i.name}×${i.quantity}`).join('、');

/** Pick lists as a printable A4 PDF: suppliers first, then one page per building. */
export function pickListsPdf(lists: PickLists, heading: WindowHeading): Promise<Buffer> {
  const { doc, done } = cjkPdf({ size: 'A4', margin: 48, info: { Title: `${heading.title} 拣货单` } });

  const title = (text: string): void => {
    doc.font('bold').fontSize(18).text(text);
    doc
      .font('body')
      .fontSize(11)
      .fillColor('#444')
      .text(`${heading.community} · ${heading.title} · 配送日期 ${heading.deliveryDate} · 共 ${lists.orders} 单`);
    doc.fillColor('#000').moveDown(0.8);
  };

  title('供应商拣货汇总');
  for (const s of lists.bySupplier) {
    doc
      .font('bold')
      .fontSize(14)
      .text(s.supplier || '（未指定供应商）');
    doc.font('body').fontSize(12);
    for (const item of s.items) doc.text(`${item.name}    ${item.quantity} 份`, { indent: 16 });
    doc.moveDown(0.6);
  }
  for (const b of lists.byBuilding) {
    doc.addPage();
    title(`${b.building} 分户清单`);
    doc
      .font('body')
      .fontSize(12)
      .text(`本楼合计：${joinItems(b.items)}`);
    doc.moveDown(0.5);
    for (const h of b.households) {
      doc.font('bold').fontSize(13).text(`□ ${h.door}`, { continued: true });
      doc
        .font('body')
        .fontSize(12)
        .text(`    ${joinItems(h.items)}`);
      if (h.notes.length > 0)
        doc
          .fillColor('#a00')
          .text(`备注：${h.notes.join('；')}`, { indent: 20 })
          .fillColor('#000');
    }
  }
  doc.end();
  return done;
}

/** Pick lists as Excel: a sheet of supplier totals and a sheet of households by building. */
export async function pickListsXlsx(lists: PickLists, heading: WindowHeading): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const suppliers = workbook.addWorksheet('供应商汇总');
  suppliers.addRow([`${heading.community} ${heading.title} 配送日期 ${heading.deliveryDate}`]);
  suppliers.addRow(['供应商', '商品', '数量']);
  for (const s of lists.bySupplier) for (const i of s.items) suppliers.addRow([s.supplier, i.name, i.quantity]);
  const households = workbook.addWorksheet('分楼分户');
  households.addRow(['楼栋', '单元', '房号', '物资', '备注', '订单号']);
  for (const b of lists.byBuilding) {
    for (const h of b.households)
      households.addRow([b.building, h.unit, h.room, joinItems(h.items), h.notes.join('；'), h.orders.join(',')]);
  }
  for (const sheet of [suppliers, households]) sheet.getRow(sheet === suppliers ? 2 : 1).font = { bold: true };
  suppliers.columns.forEach((c, i) => (c.width = [16, 24, 8][i] ?? 12));
  households.columns.forEach((c, i) => (c.width = [8, 8, 8, 40, 24, 16][i] ?? 12));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A window's orders as Excel, one row per order. */
export async function ordersXlsx(orders: OrderView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('订单');
  sheet.addRow(['订单号', '住址', '状态', '物资', '金额', '付款方式', '下单人', '代下单', '备注', '下单时间']);
  sheet.getRow(1).font = { bold: true };
  for (const o of orders) {
    sheet.addRow([
      o.id,
      o.address,
      ORDER_STATE_LABELS[o.state],
      o.lines.map((l) => `${l.name}×${l.quantity}`).join('、'),
      formatFen(o.totalFen),
      PAYMENT_MODE_LABELS[o.paymentMode],
      o.placedBy.nickname,
      o.placedBy.proxy ? '是' : '',
      o.note ?? '',
      new Date(o.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
    ]);
  }
  sheet.columns.forEach((c, i) => (c.width = [8, 24, 8, 36, 10, 10, 14, 8, 20, 20][i] ?? 12));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
