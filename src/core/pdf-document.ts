/**
 * The A4 document every printable of the platform starts from (the KPI report, the manifest): pdfkit
 * with the page's margins, buffered pages (so footers can number "page i of n" once the last page is
 * known), the title, subject and language in the document's metadata, and Noto Sans SC registered as
 * the fonts 'regular' and 'bold', so a zh-CN page needs no system font.
 *
 * pdfkit is imported on the first document, not with this module: a process that never prints does
 * not load it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** The Noto Sans SC faces, read once (about 10 MB each; pdfkit embeds only the glyphs used). */
export function fontFaces(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const dir = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    fonts = {
      regular: fs.readFileSync(path.join(dir, '400Regular', 'NotoSansSC_400Regular.ttf')),
      bold: fs.readFileSync(path.join(dir, '700Bold', 'NotoSansSC_700Bold.ttf')),
    };
  }
  return fonts;
}

export interface PdfDocumentOptions {
  title: string;
  subject: string;
  /** The text's language (BCP 47), for screen readers and a reader's hyphenation. */
  lang: string;
  /** Points on every side of the page's content. */
  margin: number;
  /** Points kept below the bottom margin for the footer, which the content never flows into. */
  footer: number;
}

export interface OpenPdf {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes (rejects if pdfkit fails while writing). */
  finish(): Promise<Buffer>;
}

export async function openPdf(opts: PdfDocumentOptions): Promise<OpenPdf> {
  const { default: PDFDocument } = await import('pdfkit');
  const faces = fontFaces();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: opts.margin, left: opts.margin, right: opts.margin, bottom: opts.margin + opts.footer },
    bufferPages: true,
    info: { Title: opts.title, Author: 'Symbiont', Subject: opts.subject },
    lang: opts.lang,
    // A viewer's title bar shows the title rather than the file's name.
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  // Listened to from the start: an error while the caller draws still rejects finish(), and is not an
  // unhandled rejection if the caller throws before calling it.
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  ended.catch(() => undefined);
  doc.registerFont('regular', faces.regular);
  doc.registerFont('bold', faces.bold);
  return {
    doc,
    async finish() {
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}
