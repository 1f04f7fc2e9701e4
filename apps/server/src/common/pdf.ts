import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/** Noto Sans SC (OFL) from @embedpdf/fonts-sc: pdfkit's built-in fonts have no Chinese. */
function cjkFont(weight: 'Regular' | 'Bold'): string {
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', `NotoSansHans-${weight}.otf`);
}

/**
 * A PDF document with the Chinese fonts registered as `body` and `bold`, and a promise of its
 * bytes once `doc.end()` is called.
 */
export function cjkPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  doc.registerFont('body', cjkFont('Regular'));
  doc.registerFont('bold', cjkFont('Bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}
