import { cjkPdf, drawQr } from '../../common/pdf';

export interface Label {
  parcelId: number;
  token: string;
  building: string;
  unit: string;
  room: string;
  contents: string;
  deliveryDate: string;
}

/** Label sheet geometry, in PDF points (A4): 2 columns × 4 rows, the QR at each cell's top left. */
export const LABEL_LAYOUT = { pageWidth: 595.28, pageHeight: 841.89, margin: 24, columns: 2, rows: 4, qrSize: 128, padding: 12 } as const;
export const LABELS_PER_PAGE = LABEL_LAYOUT.columns * LABEL_LAYOUT.rows;

/** Where label `index` (0-based, on its page) sits: its cell and its QR square, in points. */
export function labelCell(index: number): { x: number; y: number; width: number; height: number; qrX: number; qrY: number } {
  const { pageWidth, pageHeight, margin, columns, rows, padding } = LABEL_LAYOUT;
  const width = (pageWidth - 2 * margin) / columns;
  const height = (pageHeight - 2 * margin) / rows;
  const x = margin + (index % columns) * width;
  const y = margin + Math.floor(index / columns) * height;
  return { x, y, width, height, qrX: x + padding, qrY: y + padding };
}

/** Draws one label in cell `slot` of the current page. */
function drawLabel(doc: PDFKit.PDFDocument, label: Label, slot: number): void {
  const { qrSize, padding } = LABEL_LAYOUT;
  const cell = labelCell(slot);
  doc.lineWidth(0.5).dash(4, { space: 3 }).rect(cell.x, cell.y, cell.width, cell.height).stroke('#999').undash();
  drawQr(doc, label.token, cell.qrX, cell.qrY, qrSize);
  const textX = cell.qrX + qrSize + padding;
  const textWidth = cell.x + cell.width - textX - padding;
  doc
    .fillColor('#000')
    .font('bold')
    .fontSize(26)
    .text(label.building, textX, cell.y + padding, { width: textWidth });
  doc.fontSize(20).text(`${label.unit} ${label.room}`, textX, doc.y, { width: textWidth });
  doc
    .font('body')
    .fontSize(11)
    .fillColor('#333')
    .text(`配送 ${label.deliveryDate}`, textX, doc.y + 4, { width: textWidth });
  doc.text(`包裹 #${label.parcelId}`, textX, doc.y, { width: textWidth });
  doc
    .fillColor('#000')
    .fontSize(12)
    .text(label.contents, cell.x + padding, cell.qrY + qrSize + 8, {
      width: cell.width - 2 * padding,
      height: cell.height - qrSize - 2 * padding - 8,
      ellipsis: true,
    });
}

/**
 * Parcel labels to print and stick on: the door in large type, the contents, the delivery date
 * and the parcel's signed QR (scanned at pick-up). Eight to an A4 page, cut along the lines.
 * Each chunk of labels is drawn as it arrives, so only the PDF's bytes (about 1.2 kB a label)
 * are held whole: they are sent with their length, which the app's progress bar needs.
 */
export async function labelsPdf(chunks: AsyncIterable<Label[]>, title: string): Promise<Buffer> {
  const { doc, done } = cjkPdf({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: `${title} 包裹标签` } });
  let drawn = 0;
  for await (const chunk of chunks) {
    for (const label of chunk) {
      const slot = drawn++ % LABELS_PER_PAGE;
      if (slot === 0) doc.addPage();
      drawLabel(doc, label, slot);
    }
  }
  if (drawn === 0) doc.addPage().font('body').fontSize(16).text('没有可打印的包裹', 48, 48);
  doc.end();
  return done;
}

/** One volunteer's round: their parcels in door order. */
export interface VolunteerSheet {
  volunteer: string;
  parcels: { parcelId: number; building: string; unit: string; room: string; phone: string | null; contents: string }[];
}

/**
 * Pick lists per volunteer: a page (or more) each, parcels in building and door order with a box
 * to tick at pick-up and at the door.
 */
export function volunteerSheetsPdf(sheets: VolunteerSheet[], title: string): Promise<Buffer> {
  const { doc, done } = cjkPdf({ size: 'A4', margin: 48, autoFirstPage: false, info: { Title: `${title} 志愿者配送单` } });
  for (const sheet of sheets) {
    doc.addPage();
    doc.font('bold').fontSize(18).text(`${sheet.volunteer} 的配送单`);
    doc.font('body').fontSize(11).fillColor('#444').text(`${title} · 共 ${sheet.parcels.length} 件 · 取件打勾「取」，送到打勾「送」`);
    doc.fillColor('#000').moveDown(0.6);
    let building = '';
    for (const p of sheet.parcels) {
      if (p.building !== building) {
        building = p.building;
        doc.moveDown(0.3).font('bold').fontSize(14).text(building);
      }
      doc
        .font('bold')
        .fontSize(13)
        .text(`□取 □送  ${p.unit} ${p.room}`, { continued: true })
        .font('body')
        .fontSize(11)
        .text(`   #${p.parcelId}  ${p.phone ?? ''}  ${p.contents}`);
    }
  }
  if (sheets.length === 0) doc.addPage().font('body').fontSize(16).text('还没有派给志愿者的包裹');
  doc.end();
  return done;
}
