import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

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

function font(weight: 'Regular' | 'Bold'): string {
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', `NotoSansHans-${weight}.otf`);
}

/**
 * Draws a QR code as vector squares (runs of dark modules in a row become one rectangle, with a
 * 2-module quiet zone): sharp at any printer resolution, and ~10× faster than embedding a PNG
 * per label.
 */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const unit = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#fff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size;) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(x + (quiet + start) * unit, y + (quiet + row) * unit, (col - start) * unit, unit);
    }
  }
  doc.fill('#000').restore();
}

/**
 * Parcel labels to print and stick on: the door in large type, the contents, the delivery date
 * and the parcel's signed QR (scanned at pick-up). Eight to an A4 page, cut along the lines.
 */
export function labelsPdf(labels: Label[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: `${title} 包裹标签` } });
  doc.registerFont('body', font('Regular'));
  doc.registerFont('bold', font('Bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const { qrSize, padding } = LABEL_LAYOUT;
  for (const [i, label] of labels.entries()) {
    const slot = i % LABELS_PER_PAGE;
    if (slot === 0) doc.addPage();
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
  if (labels.length === 0) doc.addPage().font('body').fontSize(16).text('没有可打印的包裹', 48, 48);
  doc.end();
  return done;
}
