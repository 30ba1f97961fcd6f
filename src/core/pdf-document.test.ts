/**
 * The document read back as a reader sees it: its metadata and page size through poppler's pdfinfo,
 * its text through pdftotext (poppler-utils, installed by .ci/run).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf } from './pdf-document.ts';

function poppler(pdf: Buffer): { info: string; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-document-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return { info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }), text: execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('openPdf', () => {
  it('is an A4 page with the margins, the metadata and the Chinese faces asked for', async () => {
    const { doc, finish } = await openPdf({ title: '危险废物转移联单 2026-000017', subject: '炼化 → 溶剂回收', lang: 'zh-CN', margin: 36, footer: 20 });
    expect(doc.page.margins).toEqual({ top: 36, left: 36, right: 36, bottom: 56 });
    doc.font('regular').text('产生单位 常规字体');
    doc.font('bold').text('接受单位 粗体');
    const pdf = await finish();

    const { info, text } = poppler(pdf);
    expect(info).toMatch(/^Title:\s+危险废物转移联单 2026-000017$/m);
    expect(info).toMatch(/^Subject:\s+炼化 → 溶剂回收$/m);
    expect(info).toMatch(/^Author:\s+Symbiont$/m);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(text).toContain('产生单位 常规字体');
    expect(text).toContain('接受单位 粗体');
    expect(pdf.includes(Buffer.from('NotoSansSC'))).toBe(true);
    expect(pdf.includes(Buffer.from('/Lang (zh-CN)'))).toBe(true);
    expect(pdf.includes(Buffer.from('/DisplayDocTitle true'))).toBe(true);
  });

  it('rejects finish() when pdfkit fails while the document is drawn', async () => {
    const { doc, finish } = await openPdf({ title: 't', subject: 's', lang: 'en', margin: 48, footer: 28 });
    // Emitted a turn of the event loop before finish(): were it unhandled meanwhile, vitest would fail the run.
    doc.emit('error', new Error('the stream broke'));
    await new Promise((resolve) => setImmediate(resolve));
    await expect(finish()).rejects.toThrow('the stream broke');
  });
});
