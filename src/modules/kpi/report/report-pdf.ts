/**
 * The report as PDF (pdfkit): a cover, the KPI table, the Sankey as a figure, the balance
 * exceptions, the waste streams and the exchanges, page numbers in every footer. Text is set in
 * Noto Sans SC, embedded (subset) from the package, so a zh-CN report needs no system font.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { openPdf } from '../../../core/pdf-document.ts';
import type { ReportCell, ReportContent, ReportTable } from './report-data.ts';
import { formatNumber, type ReportLanguage } from './report-labels.ts';
import { sankeySvg } from './report-sankey.ts';

const MARGIN = 48;
const FOOTER = 28;
const INK = '#262626';
const MUTED = '#595959';
const RULE = '#d9d9d9';
const HEAD_FILL = '#f0f5ff';
const ACCENT = '#13a8a8';

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
}

export async function renderReportPdf(content: ReportContent): Promise<RenderedPdf> {
  const { doc, finish } = await openPdf({
    title: `${content.title} ${content.periodLabel}`,
    subject: content.subjectName,
    lang: content.language,
    margin: MARGIN,
    footer: FOOTER,
  });

  cover(doc, content);
  const [kpis, ...rest] = content.tables;
  doc.addPage();
  table(doc, kpis!, content.language);
  doc.addPage();
  sankeyPage(doc, content);
  doc.addPage();
  for (const [i, t] of rest.entries()) {
    if (i > 0) doc.moveDown(1.2);
    table(doc, t, content.language);
  }
  footers(doc, content);
  const pages = doc.bufferedPageRange().count;
  return { pdf: await finish(), pages };
}

const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomOf = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

function cover(doc: PDFKit.PDFDocument, c: ReportContent): void {
  const L = c.labels;
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  doc.rect(0, 0, doc.page.width, 12).fill(ACCENT);
  doc.y = 150;
  doc.font('bold').fontSize(26).fillColor(INK).text(c.subjectName, x, doc.y, { width: w });
  doc.moveDown(0.4);
  doc.font('regular').fontSize(18).fillColor(INK).text(c.title, { width: w });
  doc.moveDown(0.3);
  doc.fontSize(14).fillColor(MUTED).text(`${c.kindLabel} · ${c.periodLabel}`, { width: w });
  doc.moveDown(2.5);
  const rows: [string, string][] = [
    [L.cover.subject, c.code ? `${c.subjectName} (${c.code})` : c.subjectName],
    [L.cover.park, c.parkName],
    [L.cover.period, `${c.periodLabel} (${c.period})`],
    [L.cover.generatedAt, `${c.generatedAt} (${c.timeZone})`],
    [L.cover.language, L.cover.languageName],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('bold').fontSize(11).fillColor(MUTED).text(label, x, y, { width: 110 });
    doc.font('regular').fontSize(11).fillColor(INK).text(value, x + 120, y, { width: w - 120 });
    doc.y = Math.max(doc.y, y + 18) + 4;
  }
  doc.moveDown(2);
  doc.font('bold').fontSize(12).fillColor(INK).text(L.cover.contents, x, doc.y, { width: w });
  doc.moveDown(0.4);
  for (const s of [L.sections.kpis, L.sections.sankey, L.sections.balances, L.sections.waste, L.sections.exchanges]) doc.font('regular').fontSize(11).fillColor(INK).text(s, x + 12, doc.y, { width: w - 12 });
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y + 60 > bottomOf(doc)) doc.addPage();
  doc.font('bold').fontSize(14).fillColor(INK).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

function cellText(v: ReportCell, lang: ReportLanguage): string {
  if (typeof v === 'number') return formatNumber(v, lang);
  return v === null ? '—' : v;
}

const FONT_SIZE = 8;
const PAD = 3;

/** A table with a repeated header, rows wrapped in their cells and split across pages. */
function table(doc: PDFKit.PDFDocument, t: ReportTable, lang: ReportLanguage): void {
  heading(doc, t.title);
  const x0 = doc.page.margins.left;
  const w = contentWidth(doc);
  const cols = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.sheetOnly);
  const total = cols.reduce((s, { c }) => s + (c.width ?? 1), 0);
  const widths = cols.map(({ c }) => ((c.width ?? 1) / total) * w);
  const xs = widths.map((_, k) => x0 + widths.slice(0, k).reduce((s, v) => s + v, 0));

  const rowHeight = (texts: string[], font: string) => {
    doc.font(font).fontSize(FONT_SIZE);
    return Math.max(...texts.map((s, k) => doc.heightOfString(s, { width: widths[k]! - 2 * PAD }))) + 2 * PAD;
  };
  const drawRow = (texts: string[], font: string, fill: string | null) => {
    const h = rowHeight(texts, font);
    const y = doc.y;
    if (fill) doc.rect(x0, y, w, h).fill(fill);
    doc.font(font).fontSize(FONT_SIZE).fillColor(INK);
    texts.forEach((s, k) => doc.text(s, xs[k]! + PAD, y + PAD, { width: widths[k]! - 2 * PAD, align: cols[k]!.c.numeric ? 'right' : 'left' }));
    doc.moveTo(x0, y + h).lineTo(x0 + w, y + h).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = x0;
    doc.y = y + h;
  };
  const header = cols.map(({ c }) => c.label);
  drawRow(header, 'bold', HEAD_FILL);
  if (!t.rows.length) {
    doc.font('regular').fontSize(9).fillColor(MUTED).text(t.empty, x0, doc.y + 4, { width: w });
  }
  for (const row of t.rows) {
    const texts = cols.map(({ i }) => cellText(row[i] ?? null, lang));
    if (doc.y + rowHeight(texts, 'regular') > bottomOf(doc)) {
      doc.addPage();
      drawRow(header, 'bold', HEAD_FILL);
    }
    drawRow(texts, 'regular', null);
  }
  if (t.notes.length) doc.moveDown(0.5);
  for (const n of t.notes) doc.font('regular').fontSize(9).fillColor(MUTED).text(n, x0, doc.y, { width: w });
  doc.fillColor(INK);
}

function sankeyPage(doc: PDFKit.PDFDocument, c: ReportContent): void {
  heading(doc, c.sankey.title);
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  // Drawn at twice the points (the labels' 15 px come out at 7.5 pt) and as tall as the page allows:
  // a park's many small enterprises need the height to keep their labels apart.
  const room = bottomOf(doc) - doc.y - 40;
  const svgW = 2 * w;
  const svgH = Math.round((svgW * room) / w);
  const svg = sankeySvg(c.sankey, { width: svgW, height: svgH, returnNode: c.labels.returnNode });
  if (!svg) {
    doc.font('regular').fontSize(10).fillColor(MUTED).text(c.sankey.empty, x, doc.y, { width: w });
    return;
  }
  const h = room;
  // The root's own width and height would win over the viewport: without them the viewBox scales to it.
  const fitted = svg.replace(/^<svg([^>]*?) width="[^"]*" height="[^"]*"/, '<svg$1 width="100%" height="100%"');
  SVGtoPDF(doc, fitted, x, doc.y, { width: w, height: h, fontCallback: (_family, bold) => (bold ? 'bold' : 'regular'), warningCallback: () => {} });
  doc.y += h + 8;
  doc.font('regular').fontSize(9).fillColor(MUTED).text(c.sankey.caption, x, doc.y, { width: w });
}

function footers(doc: PDFKit.PDFDocument, c: ReportContent): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page for the text: the margin is lifted while it is written.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN;
    doc.moveTo(MARGIN, y - 6).lineTo(doc.page.width - MARGIN, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(`${c.subjectName} · ${c.periodLabel}`, MARGIN, y, { width: 300, lineBreak: false });
    doc.text(c.labels.page(i - range.start + 1, range.count), doc.page.width - MARGIN - 150, y, { width: 150, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
