import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/** Noto Sans SC (OFL) from @embedpdf/fonts-sc: pdfkit's built-in fonts have no Chinese. */
function cjkFont(weight: 'Regular' | 'Bold'): string {
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', `NotoSansHans-${weight}.otf`);
}

/** A PDF document with the Chinese fonts registered as `body` and `bold`; it streams as it is drawn. */
export function cjkDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument(options);
  doc.registerFont('body', cjkFont('Regular'));
  doc.registerFont('bold', cjkFont('Bold'));
  return doc;
}

/**
 * A PDF document with the Chinese fonts registered as `body` and `bold`, and a promise of its
 * bytes once `doc.end()` is called.
 */
export function cjkPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = cjkDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}

/** Output a drawing may run ahead of its reader before it waits (pdfkit itself never waits). */
const AHEAD_BYTES = 4 * 1024 * 1024;

/**
 * Waits while the document holds more unread output than AHEAD_BYTES (a slow download), so a
 * long document drawn in chunks keeps memory flat. Returns false once nobody will read it.
 */
export async function readerCaughtUp(doc: PDFKit.PDFDocument): Promise<boolean> {
  while (!doc.destroyed && doc.readableLength > AHEAD_BYTES) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        doc.off('data', done).off('close', done);
        resolve();
      };
      doc.on('data', done).on('close', done);
    });
  }
  return !doc.destroyed;
}
