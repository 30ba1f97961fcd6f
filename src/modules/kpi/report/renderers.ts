/**
 * The report's renderers, loaded on first use. pdfkit, ECharts (the Sankey's server-side SVG) and
 * ExcelJS together take seconds to load through the TypeScript loader; a node that never renders a
 * report, every CLI command and every test process that builds the app would pay for them on start.
 */
import type { ReportContent } from './report-data.ts';
import type { RenderedPdf } from './report-pdf.ts';

export async function renderReportPdf(content: ReportContent): Promise<RenderedPdf> {
  return (await import('./report-pdf.ts')).renderReportPdf(content);
}

export async function reportXlsx(content: ReportContent): Promise<Buffer> {
  return (await import('./report-sheets.ts')).reportXlsx(content);
}
