/**
 * The PDF read back as a reader would: its text (pdftotext, poppler-utils) and its page count. Each
 * page was also rendered (pdftoppm) and looked at while this was written.
 */
import { describe, expect, it } from 'vitest';
import { KPI_KEYS } from '../model.ts';
import { assembleReport } from './report-data.ts';
import { fixtureSources } from './report-fixture.ts';
import { KPI_NAMES } from './report-labels.ts';
import { readPdf } from './pdf-text.ts';
import { renderReportPdf } from './report-pdf.ts';

/** Text with the layout's spacing removed, so a name wrapped in a table cell is still found. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the report PDF', () => {
  it('in English: every indicator by name, the park, the sections, a Sankey page, page numbers', async () => {
    const { pdf, pages } = await renderReportPdf(assembleReport(fixtureSources('en')));
    const read = readPdf(pdf);
    expect(read.pages).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = squeeze(read.text);
    for (const key of KPI_KEYS) expect(text, key).toContain(squeeze(KPI_NAMES.en[key]));
    expect(text).toContain('DemoCircularPark');
    expect(text).toContain(squeeze('Monthly report · March 2026'));
    expect(text).toContain(squeeze('2026-04-01 08:30 (Asia/Shanghai)'));
    expect(text).toContain('2.MaterialflowSankey');
    expect(text).toContain('Brinesludge');
    expect(text).toContain('4,000');
    expect(text).toContain(squeeze(`Page 1 of ${pages}`));
    expect(text).toContain(squeeze(`Page ${pages} of ${pages}`));
    expect(text).toContain(squeeze('Missing inputs: PVC.F_R'));
  });

  it('in zh-CN: Chinese text set in the embedded font, names and labels in Chinese', async () => {
    const { pdf, pages } = await renderReportPdf(assembleReport(fixtureSources('zh-CN')));
    const text = squeeze(readPdf(pdf).text);
    expect(text).toMatch(/[\u4e00-\u9fff]{10}/);
    for (const key of KPI_KEYS) expect(text, key).toContain(squeeze(KPI_NAMES['zh-CN'][key]));
    expect(text).toContain('示范循环经济产业园');
    expect(text).toContain('月报·2026年3月');
    expect(text).toContain('二、物质流桑基图');
    // The Sankey's labels are text in the PDF too (drawn from the SVG with the same font).
    expect(text).toContain('外部供应商');
    expect(text).toContain(`第1页，共${pages}页`);
    expect(pdf.includes(Buffer.from('NotoSansSC'))).toBe(true);
  });

  it('without a Sankey or exceptions, says so', async () => {
    const { pdf } = await renderReportPdf(assembleReport(fixtureSources('en', { sankey: null, balances: null })));
    const text = squeeze(readPdf(pdf).text);
    expect(text).toContain(squeeze('No material flows to draw this period.'));
    expect(text).toContain(squeeze('No balance exceptions this period.'));
  });
});
