/**
 * The printable manifest read back as its reader would (pdftotext and pdfinfo, poppler-utils): the
 * number, the parties, the codes and the title in the chosen language are text on the page, a
 * typical manifest fits one page and a long one flows onto several. The pages were also rendered
 * (pdftoppm) and looked at while this was written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../kpi/report/pdf-text.ts';
import { printableIdentifier, QR_PLACEMENT, renderManifestPdf } from './pdf.ts';
import type { ManifestDetail } from './schemas.ts';

const REQUIRED = process.env.SYMBIONT_REQUIRE_SERVICES === '1';

function popplerAvailable(): boolean {
  const ok = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('pdfinfo', ['-v']).status === 0;
  if (!ok) {
    if (REQUIRED) throw new Error('pdftotext and pdfinfo are required (SYMBIONT_REQUIRE_SERVICES=1) to read the manifest PDF back: install poppler-utils');
    console.warn('[skip] pdftotext is not installed (Debian: poppler-utils): the manifest PDF tests are skipped');
  }
  return ok;
}
const HAVE_POPPLER = popplerAvailable();

/** Text with the layout's spacing removed, so a name wrapped in a table cell is still found. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

const GEN = { id: 3, code: 'PHARMA', name: '华东制药有限公司', nameEn: 'East China Pharma Co.' };
const CARRIER_1 = { id: 7, code: 'HAUL', name: '安达危险品运输公司', nameEn: 'Anda Hazmat Haulage' };
const CARRIER_2 = { id: 8, code: 'RAIL', name: '江海物流', nameEn: 'Jianghai Logistics' };
const RECV = { id: 5, code: 'SOLVREC', name: '绿源溶剂回收公司', nameEn: 'Greensource Solvent Recovery' };

const T0 = Date.UTC(2026, 2, 2, 1, 30);
const HOUR = 3_600_000;

function signature(seq: number, over: Partial<ManifestDetail['signatures'][number]>): ManifestDetail['signatures'][number] {
  return {
    seq,
    version: seq,
    action: 'sign',
    party: 'generator',
    leg: null,
    enterprise: GEN,
    user: 'zhang.wei',
    role: 'enterprise_operator',
    via: 'session',
    at: T0 + seq * HOUR,
    location: null,
    seen: [],
    detail: null,
    note: null,
    prevHash: seq === 1 ? '0'.repeat(64) : `${String(seq - 1).repeat(64)}`.slice(0, 64),
    hash: `${seq.toString(16)}f3a9c0d1e2b4`.padEnd(64, '7'),
    ...over,
  };
}

function line(n: number, over: Partial<ManifestDetail['lines'][number]> = {}): ManifestDetail['lines'][number] {
  return {
    line: n,
    materialId: 10 + n,
    materialCode: `W-${n}`,
    materialName: `废有机溶剂 ${n}`,
    materialNameEn: `Spent organic solvent ${n}`,
    hwCode: 'HW06/900-402-06',
    form: 'liquid',
    packaging: 'drum',
    containers: 20,
    quantity: 4,
    unit: 't',
    hazards: ['T', 'I'],
    batches: [`/id/01/09506000134352/10/SOLV-${n}`],
    received: null,
    receivedContainers: null,
    rejected: null,
    method: null,
    processed: null,
    ...over,
  };
}

/** A closed manifest over two legs, one line partly rejected and returned, with a resolved discrepancy. */
function richDetail(over: Partial<ManifestDetail> = {}): ManifestDetail {
  const seen = [{ line: 1, quantity: 4, containers: 20 }, { line: 2, quantity: 1.2, containers: 6 }, { line: 3, quantity: 850 }];
  return {
    id: 41,
    number: 'SYM-320500-2026-000041',
    revision: 1,
    latest: true,
    kind: 'original',
    state: 'closed',
    version: 11,
    generator: GEN,
    receiver: RECV,
    transporters: [CARRIER_1, CARRIER_2],
    roles: [],
    plannedDate: '2026-03-02',
    hwCodes: ['HW06/900-402-06', 'HW34/900-300-34', 'HW18/772-002-18'],
    declaredT: 6.05,
    receivedT: 5.7,
    acceptedT: 5.2,
    turn: null,
    discrepancy: 'resolved',
    overdue: null,
    dealId: 12,
    pickedUpAt: T0 + 2 * HOUR,
    deliveredAt: T0 + 6 * HOUR,
    receivedAt: T0 + 7 * HOUR,
    closedAt: T0 + 11 * HOUR,
    updatedAt: T0 + 11 * HOUR,
    identifier: '/id/manifest/SYM-320500-2026-000041',
    site: { id: 2, code: 'PH-A', name: '一车间' },
    receiverSite: { id: 9, code: 'SR-1', name: '精馏装置' },
    route: 'G15 沈海高速',
    note: '桶装，防火运输',
    lines: [
      line(1, { received: 3.5, receivedContainers: 18, rejected: 0.5, method: 'R2', processed: 3 }),
      line(2, { materialName: '废酸', materialNameEn: 'Waste acid', hwCode: 'HW34/900-300-34', packaging: 'ibc', containers: 6, quantity: 1.2, hazards: ['C'], received: 1.2, receivedContainers: 6, rejected: 0, method: 'D9', processed: 1.2 }),
      line(3, { materialName: '飞灰', materialNameEn: 'Fly ash', hwCode: 'HW18/772-002-18', form: 'solid', packaging: 'bulk', containers: 0, quantity: 850, unit: 'kg', hazards: ['T'], received: 1000, rejected: 0, method: 'D1', processed: 1000 }),
    ],
    legs: [
      { leg: 1, transporter: CARRIER_1, vehicle: '苏E·A1234', driver: '李师傅', driverPhone: '13800000001', tookOverAt: T0 + 2 * HOUR },
      { leg: 2, transporter: CARRIER_2, vehicle: '苏E·B5678', driver: 'Wang Lei', driverPhone: null, tookOverAt: T0 + 4 * HOUR },
    ],
    signatures: [
      signature(1, { action: 'sign', location: { place: '一车间危废库' } }),
      signature(2, { action: 'hand_over', seen }),
      signature(3, { action: 'take_over', party: 'transporter', leg: 1, enterprise: CARRIER_1, user: 'li.driver', seen, location: { place: '园区北门', lat: 31.29861, lng: 120.58532, accuracyM: 8 } }),
      signature(4, { action: 'hand_over', party: 'transporter', leg: 1, enterprise: CARRIER_1, user: 'li.driver', seen }),
      signature(5, { action: 'take_over', party: 'transporter', leg: 2, enterprise: CARRIER_2, user: 'wang.lei', seen }),
      signature(6, { action: 'hand_over', party: 'transporter', leg: 2, enterprise: CARRIER_2, user: 'wang.lei', seen }),
      signature(7, { action: 'take_over', party: 'receiver', enterprise: RECV, user: 'chen.gate', seen }),
      signature(8, { action: 'partially_reject', party: 'receiver', enterprise: RECV, user: 'chen.gate', seen: [{ line: 1, quantity: 3.5, containers: 18 }, { line: 2, quantity: 1.2 }, { line: 3, quantity: 1000 }], note: '两桶含水过高' }),
      signature(9, { action: 'resolve_discrepancy', note: '装车前称量有误' }),
      signature(10, { action: 'process', party: 'receiver', enterprise: RECV, user: 'chen.plant' }),
      signature(11, { action: 'close' }),
    ],
    signaturesVerified: true,
    actions: [],
    licenceProblems: [],
    discrepancyDetail: {
      state: 'resolved',
      tolerancePct: 5,
      lines: [
        { line: 1, declared: 4, received: 3.5, pct: -12.5, declaredContainers: 20, receivedContainers: 18, reasons: ['weight', 'containers'] },
        { line: 3, declared: 850, received: 1000, pct: 17.65, declaredContainers: 0, receivedContainers: null, reasons: ['weight'] },
      ],
      resolution: { note: '装车前称量有误', by: 'zhang.wei', at: T0 + 9 * HOUR },
    },
    rejection: { route: 'return', receiverId: null, reason: '两桶含水过高，不符合接收标准', manifest: { id: 42, number: 'SYM-320500-2026-000042', revision: 1, kind: 'return', state: 'draft' } },
    parent: null,
    children: [{ id: 42, number: 'SYM-320500-2026-000042', revision: 1, kind: 'return', state: 'draft' }],
    revisions: [{ id: 41, number: 'SYM-320500-2026-000041', revision: 1, kind: 'original', state: 'closed' }],
    correction: null,
    links: { epcisEventIds: [], flowIds: [], alarmKeys: [] },
    signedAt: T0 + HOUR,
    processedAt: T0 + 10 * HOUR,
    cancelledAt: null,
    createdBy: 'zhang.wei',
    createdAt: T0,
    ...over,
  };
}

/**
 * The QR code as printed: page 1 rasterised (pdftoppm, grey), each module's centre sampled, dark or
 * light. Compared against the symbol qrcode makes of the text, this says what the printed code encodes.
 */
function printedQrModules(pdf: Buffer, modules: number): boolean[][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'm.pdf'), pdf);
    const dpi = 288;
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', '1', '-l', '1', path.join(dir, 'm.pdf'), path.join(dir, 'page')]);
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.pgm'))!;
    const pgm = fs.readFileSync(path.join(dir, file));
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const width = Number(header[1]);
    const pixels = pgm.subarray(header[0].length);
    const scale = dpi / 72;
    const left = width / scale - QR_PLACEMENT.right - QR_PLACEMENT.size;
    const cell = QR_PLACEMENT.size / modules;
    return Array.from({ length: modules }, (_, r) =>
      Array.from({ length: modules }, (_, c) => {
        const px = Math.round((left + (c + 0.5) * cell) * scale);
        const py = Math.round((QR_PLACEMENT.top + (r + 0.5) * cell) * scale);
        return pixels[py * width + px]! < 128;
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function symbolOf(text: string): boolean[][] {
  const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  return Array.from({ length: m.size }, (_, r) => Array.from({ length: m.size }, (_, c) => m.get(r, c) === 1));
}

describe('printableIdentifier', () => {
  it('makes a path absolute under the public URL and leaves a full identifier alone', () => {
    expect(printableIdentifier('/id/manifest/X-1', 'https://park.example/')).toBe('https://park.example/id/manifest/X-1');
    expect(printableIdentifier('/id/manifest/X-1', undefined)).toBe('/id/manifest/X-1');
    expect(printableIdentifier('https://id.gs1.org/01/09506000134352', 'https://park.example')).toBe('https://id.gs1.org/01/09506000134352');
  });
});

describe.skipIf(!HAVE_POPPLER)('the printed manifest', () => {
  it('in zh-CN: the Chinese title, the number, every party, the codes and the signatures, on one page', async () => {
    const pdf = await renderManifestPdf(richDetail(), 'zh-CN', { publicUrl: 'https://park.example' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const read = readPdf(pdf);
    expect(read.pages).toBe(1);
    const text = squeeze(read.text);
    expect(text).toContain('危险废物转移联单');
    expect(text).not.toContain('HazardousWasteTransferManifest');
    expect(text).toContain('SYM-320500-2026-000041');
    for (const party of [GEN, CARRIER_1, CARRIER_2, RECV]) expect(text, party.code).toContain(squeeze(party.name));
    for (const code of ['HW06/900-402-06', 'HW34/900-300-34', 'HW18/772-002-18']) expect(text).toContain(code);
    expect(text).toContain('苏E·A1234');
    expect(text).toContain('李师傅');
    // The time in the park's zone (01:30 UTC + 1 h = 10:30 in Shanghai), the hash prefix, the chain's verdict.
    expect(text).toContain('2026-03-0210:30');
    expect(text).toContain('1f3a9c0d1e2b');
    expect(text).toContain('签名哈希链校验通过');
    // The notes: the rejection's reason, the return manifest, the discrepancy's resolution.
    expect(text).toContain('两桶含水过高，不符合接收标准');
    expect(text).toContain('SYM-320500-2026-000042');
    expect(text).toContain('装车前称量有误');
    expect(text).toContain('-12.50%');
  });

  it('in English: the English title and names, the times in the zone asked for', async () => {
    const pdf = await renderManifestPdf(richDetail(), 'en', { timeZone: 'UTC' });
    const read = readPdf(pdf);
    expect(read.pages).toBe(1);
    const text = squeeze(read.text);
    expect(text).toContain('HazardousWasteTransferManifest');
    expect(text).not.toContain('危险废物转移联单');
    expect(text).toContain('SYM-320500-2026-000041');
    for (const party of [GEN, CARRIER_1, CARRIER_2, RECV]) expect(text, party.code).toContain(squeeze(party.nameEn));
    expect(text).toContain('HW06/900-402-06');
    expect(text).toContain('Spentorganicsolvent1');
    expect(text).toContain('2026-03-0202:30');
    expect(text).toContain(squeeze('Page 1 of 1'));
  });

  it('says so when the signatures do not verify, the revision is superseded or the manifest is cancelled', async () => {
    const broken = squeeze(readPdf(await renderManifestPdf(richDetail({ signaturesVerified: false, latest: false }), 'en', {})).text);
    expect(broken).toContain(squeeze('Signature hash chain does NOT verify'));
    expect(broken).toContain(squeeze('This revision has been corrected'));
    const cancelled = squeeze(readPdf(await renderManifestPdf(richDetail({ state: 'cancelled', signatures: [] }), 'zh-CN', {})).text);
    expect(cancelled).toContain('本联单已作废');
    expect(cancelled).toContain('尚无签字');
  });

  it("the QR code encodes the manifest's identifier, made absolute under the public URL", async () => {
    const pdf = await renderManifestPdf(richDetail(), 'en', { publicUrl: 'https://park.example/' });
    const absolute = symbolOf('https://park.example/id/manifest/SYM-320500-2026-000041');
    expect(printedQrModules(pdf, absolute.length)).toEqual(absolute);
    // Without a public URL the path is all there is to encode.
    const relative = symbolOf('/id/manifest/SYM-320500-2026-000041');
    expect(printedQrModules(await renderManifestPdf(richDetail(), 'en', {}), relative.length)).toEqual(relative);
  });

  it('a 60-line manifest flows onto several pages, every line and the page count in the footers', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => line(i + 1));
    const pdf = await renderManifestPdf(richDetail({ lines, discrepancyDetail: null }), 'en', {});
    const read = readPdf(pdf);
    expect(read.pages).toBeGreaterThanOrEqual(3);
    const text = squeeze(read.text);
    for (const l of lines) expect(text, `line ${l.line}`).toContain(`SOLV-${l.line}`);
    expect(text).toContain(squeeze(`Page ${read.pages} of ${read.pages}`));
  });
});
