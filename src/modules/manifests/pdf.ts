/**
 * The printable manifest (GET /api/v1/manifests/:id/pdf): one A4 page laid out like the national
 * 危险废物转移联单 — the header with the number and the QR code of the manifest's identifier, the
 * generator, each leg's transporter, the receiver, the waste lines, every signature with what its
 * signer saw, and the discrepancy, rejection and correction notes. A long manifest flows onto more
 * pages, the tables' headers repeated.
 *
 * pdfkit (through src/core/pdf-document.ts) and qrcode are loaded on the first render, so a process
 * that never prints a manifest does not pay for them; the service can import this module at no cost.
 */
import { openPdf } from '../../core/pdf-document.ts';
import { formatInstant, formatNumber } from '../kpi/report/report-labels.ts';
import type { HazardCharacteristic, ManifestAction, ManifestKind, ManifestParty, ManifestState, Packaging, PhysicalForm } from './model.ts';
import type { ManifestDetail, PartyRef } from './schemas.ts';

export type ManifestPdfLanguage = 'zh-CN' | 'en';

export interface ManifestPdfOptions {
  /** The console's public base URL: an identifier that is a path is printed (and QR-coded) absolute under it. */
  publicUrl?: string;
  /** The park's zone, in which the signatures' times are printed. */
  timeZone?: string;
}

interface Labels {
  title: string;
  subtitle: string;
  number: string;
  revision: string;
  kind: string;
  state: string;
  plannedDate: string;
  route: string;
  createdBy: string;
  generator: string;
  transporters: string;
  receiver: string;
  enterprise: string;
  site: string;
  facility: string;
  leg: string;
  vehicle: string;
  driver: string;
  phone: string;
  tookOver: string;
  lines: string;
  lineCols: { no: string; waste: string; hwCode: string; form: string; hazards: string; packaging: string; declared: string; weighed: string; rejected: string; method: string };
  batches: string;
  hazardLegend: string;
  signatures: string;
  sigCols: { no: string; action: string; party: string; user: string; at: string; place: string; seen: string; hash: string };
  verified: (ok: boolean) => string;
  noSignatures: string;
  notes: string;
  note: string;
  discrepancy: (state: 'open' | 'resolved', tolerancePct: number) => string;
  discrepancyLine: (line: number, declared: string, received: string, pct: string, containers: string) => string;
  resolution: string;
  rejection: string;
  rejectionRoute: { return: string; onward: string };
  spawned: string;
  parent: string;
  children: string;
  correction: string;
  correctedFields: string;
  revisions: string;
  superseded: string;
  cancelledBanner: string;
  identifier: string;
  page: (n: number, of: number) => string;
  printedIn: (zone: string) => string;
  states: Record<ManifestState, string>;
  actions: Record<ManifestAction, string>;
  parties: Record<ManifestParty, string>;
  kinds: Record<ManifestKind, string>;
  forms: Record<PhysicalForm, string>;
  packagings: Record<Packaging, string>;
  hazards: Record<HazardCharacteristic, string>;
}

const ZH: Labels = {
  title: '危险废物转移联单',
  subtitle: '电子联单打印件',
  number: '联单编号',
  revision: '版本',
  kind: '类型',
  state: '状态',
  plannedDate: '计划转移日期',
  route: '运输路线',
  createdBy: '填写人',
  generator: '产生单位（移出人）',
  transporters: '运输单位（承运人）',
  receiver: '接受单位（接受人）',
  enterprise: '单位名称',
  site: '产生地点',
  facility: '利用/处置设施',
  leg: '运段',
  vehicle: '车牌号',
  driver: '驾驶员',
  phone: '联系电话',
  tookOver: '接收时间',
  lines: '危险废物',
  lineCols: { no: '序号', waste: '废物名称', hwCode: '废物代码', form: '形态', hazards: '危险特性', packaging: '包装 × 数量', declared: '申报量', weighed: '接受量', rejected: '拒收量', method: '利用/处置方式' },
  batches: '批次',
  hazardLegend: '危险特性：T 毒性，C 腐蚀性，I 易燃性，R 反应性，In 感染性',
  signatures: '签字记录',
  sigCols: { no: '序', action: '环节', party: '单位', user: '签字人', at: '时间', place: '地点', seen: '核实数量', hash: '签名摘要' },
  verified: (ok) => (ok ? '签名哈希链校验通过' : '签名哈希链校验未通过'),
  noSignatures: '尚无签字',
  notes: '说明',
  note: '备注',
  discrepancy: (state, pct) => `数量差异（容差 ${pct}%）：${state === 'open' ? '待说明' : '已说明'}`,
  discrepancyLine: (line, declared, received, pct, containers) => `第 ${line} 项：申报 ${declared}，接受 ${received}（${pct}）${containers}`,
  resolution: '差异说明',
  rejection: '拒收',
  rejectionRoute: { return: '退回产生单位', onward: '转至其他接受单位' },
  spawned: '拒收部分的联单',
  parent: '原联单',
  children: '派生联单',
  correction: '更正',
  correctedFields: '更正项',
  revisions: '各版本',
  superseded: '本版本已被更正，以最新版本为准',
  cancelledBanner: '本联单已作废',
  identifier: '标识',
  page: (n, of) => `第 ${n} 页，共 ${of} 页`,
  printedIn: (zone) => `时间为 ${zone} 时间`,
  states: {
    draft: '草稿', signed: '已签发', in_transit: '运输中', delivered: '已送达', accepted: '已接受', partially_rejected: '部分拒收',
    rejected: '拒收', processed: '已利用/处置', closed: '已办结', cancelled: '已作废',
  },
  actions: {
    sign: '签发', hand_over: '交付', take_over: '接收', accept: '接受', partially_reject: '部分拒收', reject: '拒收', process: '利用/处置',
    resolve_discrepancy: '差异说明', close: '办结', cancel: '作废', correct: '更正',
  },
  parties: { generator: '产生单位', transporter: '运输单位', receiver: '接受单位' },
  kinds: { original: '原始联单', return: '退回联单', onward: '转移至其他接受单位' },
  forms: { solid: '固态', semi_solid: '半固态', liquid: '液态', gas: '气态', sludge: '污泥' },
  packagings: { drum: '桶', ibc: '吨桶', bag: '袋', ton_bag: '吨袋', box: '箱', tank: '罐', cylinder: '钢瓶', bulk: '散装', other: '其他' },
  hazards: { T: 'T', C: 'C', I: 'I', R: 'R', In: 'In' },
};

const EN: Labels = {
  title: 'Hazardous Waste Transfer Manifest',
  subtitle: 'Printout of the electronic manifest',
  number: 'Manifest number',
  revision: 'Revision',
  kind: 'Kind',
  state: 'State',
  plannedDate: 'Planned shipment',
  route: 'Route',
  createdBy: 'Prepared by',
  generator: 'Generator',
  transporters: 'Transporters',
  receiver: 'Receiving facility',
  enterprise: 'Name',
  site: 'Generating site',
  facility: 'Facility',
  leg: 'Leg',
  vehicle: 'Vehicle',
  driver: 'Driver',
  phone: 'Phone',
  tookOver: 'Taken over',
  lines: 'Waste',
  lineCols: { no: 'No.', waste: 'Waste', hwCode: 'HW code', form: 'Form', hazards: 'Hazards', packaging: 'Packaging × count', declared: 'Declared', weighed: 'Weighed', rejected: 'Rejected', method: 'Method' },
  batches: 'Batches',
  hazardLegend: 'Hazards: T toxic, C corrosive, I ignitable, R reactive, In infectious',
  signatures: 'Signatures',
  sigCols: { no: '#', action: 'Step', party: 'Party', user: 'Signed by', at: 'Time', place: 'Place', seen: 'Quantities seen', hash: 'Hash' },
  verified: (ok) => (ok ? 'Signature hash chain verified' : 'Signature hash chain does NOT verify'),
  noSignatures: 'Not signed yet',
  notes: 'Notes',
  note: 'Note',
  discrepancy: (state, pct) => `Quantity discrepancy (tolerance ${pct} %): ${state === 'open' ? 'open' : 'resolved'}`,
  discrepancyLine: (line, declared, received, pct, containers) => `line ${line}: declared ${declared}, weighed ${received} (${pct})${containers}`,
  resolution: 'Resolution',
  rejection: 'Rejection',
  rejectionRoute: { return: 'returned to the generator', onward: 'sent on to another receiver' },
  spawned: 'Manifest for the rejected part',
  parent: 'Original manifest',
  children: 'Manifests spawned',
  correction: 'Correction',
  correctedFields: 'fields',
  revisions: 'Revisions',
  superseded: 'This revision has been corrected: the newest revision is the manifest of record',
  cancelledBanner: 'This manifest is cancelled',
  identifier: 'Identifier',
  page: (n, of) => `Page ${n} of ${of}`,
  printedIn: (zone) => `Times in ${zone}`,
  states: {
    draft: 'Draft', signed: 'Signed', in_transit: 'In transit', delivered: 'Delivered', accepted: 'Accepted', partially_rejected: 'Partially rejected',
    rejected: 'Rejected', processed: 'Processed', closed: 'Closed', cancelled: 'Cancelled',
  },
  actions: {
    sign: 'Signed', hand_over: 'Handed over', take_over: 'Taken over', accept: 'Accepted', partially_reject: 'Partially rejected', reject: 'Rejected',
    process: 'Processed', resolve_discrepancy: 'Discrepancy resolved', close: 'Closed', cancel: 'Cancelled', correct: 'Corrected',
  },
  parties: { generator: 'Generator', transporter: 'Transporter', receiver: 'Receiver' },
  kinds: { original: 'Original', return: 'Return to generator', onward: 'Onward to another receiver' },
  forms: { solid: 'Solid', semi_solid: 'Semi-solid', liquid: 'Liquid', gas: 'Gas', sludge: 'Sludge' },
  packagings: { drum: 'drum', ibc: 'IBC', bag: 'bag', ton_bag: 'big bag', box: 'box', tank: 'tank', cylinder: 'cylinder', bulk: 'bulk', other: 'other' },
  hazards: { T: 'T', C: 'C', I: 'I', R: 'R', In: 'In' },
};

const LABELS: Readonly<Record<ManifestPdfLanguage, Labels>> = { 'zh-CN': ZH, en: EN };

const MARGIN = 36;
const FOOTER = 20;
const INK = '#1f1f1f';
const MUTED = '#595959';
const RULE = '#bfbfbf';
const HEAD_FILL = '#f0f0f0';
const WARN = '#a8071a';
const QR_SIZE = 78;
/** Where the QR code sits on the first page (pt, from the top right corner): the test reads it back from there. */
export const QR_PLACEMENT = { right: MARGIN, top: MARGIN, size: QR_SIZE } as const;
const FONT = 7;
const PAD = 2.5;
/** Noto Sans SC's line height (1.45 em) is generous for a form: table lines are set closer so a typical manifest keeps to one page. */
const LINE_GAP = -1.6;
/** How much of a signature's hash the page prints: enough to compare against the record by eye. */
const HASH_PREFIX = 12;

type Doc = PDFKit.PDFDocument;

const nameOf = (p: PartyRef, lang: ManifestPdfLanguage): string => (lang === 'en' ? (p.nameEn ?? p.name) : p.name);
const partyText = (p: PartyRef, lang: ManifestPdfLanguage): string => `${nameOf(p, lang)} (${p.code})`;

/** The identifier as a phone's camera should open it: a path is made absolute under the public URL. */
export function printableIdentifier(identifier: string, publicUrl: string | undefined): string {
  if (!identifier.startsWith('/') || !publicUrl) return identifier;
  return `${publicUrl.replace(/\/+$/, '')}${identifier}`;
}

export async function renderManifestPdf(detail: ManifestDetail, lang: ManifestPdfLanguage, opts: ManifestPdfOptions): Promise<Buffer> {
  const L = LABELS[lang];
  const timeZone = opts.timeZone ?? 'Asia/Shanghai';
  const [QRCode, { doc, finish }] = await Promise.all([
    import('qrcode'),
    openPdf({ title: `${L.title} ${detail.number}`, subject: `${nameOf(detail.generator, lang)} → ${nameOf(detail.receiver, lang)}`, lang, margin: MARGIN, footer: FOOTER }),
  ]);

  const identifier = detail.identifier ? printableIdentifier(detail.identifier, opts.publicUrl) : null;
  const qr = identifier ? QRCode.create(identifier, { errorCorrectionLevel: 'M' }) : null;
  const when = (at: number | null) => (at === null ? '—' : formatInstant(at, timeZone));
  const num = (v: number | null, unit?: string) => (v === null ? '—' : unit ? `${formatNumber(v, lang)} ${unit}` : formatNumber(v, lang));

  header(doc, detail, L, identifier, qr?.modules ?? null);
  parties(doc, detail, L, lang, when);
  wasteLines(doc, detail, L, lang, num);
  signatures(doc, detail, L, lang, when, num, timeZone);
  notes(doc, detail, L, lang, when, num);
  footers(doc, detail, L);
  return finish();
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomOf = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function header(doc: Doc, d: ManifestDetail, L: Labels, identifier: string | null, qr: { size: number; get(r: number, c: number): number } | null): void {
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  const top = doc.page.margins.top;
  const textW = w - QR_SIZE - 12;
  doc.font('bold').fontSize(17).fillColor(INK).text(L.title, x, top, { width: textW });
  doc.font('regular').fontSize(8).fillColor(MUTED).text(L.subtitle, x, doc.y + 1, { width: textW });
  doc.moveDown(0.5);
  const facts: [string, string][] = [
    [L.number, d.number],
    [L.revision, String(d.revision)],
    [L.kind, L.kinds[d.kind]],
    [L.state, L.states[d.state]],
    [L.plannedDate, d.plannedDate],
    [L.createdBy, d.createdBy],
  ];
  keyValues(doc, facts, x, textW, [1, 1, 1]);
  const factsBottom = doc.y;
  if (qr) drawQr(doc, qr, x + w - QR_SIZE, top, QR_SIZE);
  if (identifier) {
    doc.font('regular').fontSize(5.5).fillColor(MUTED).text(identifier, x + w - QR_SIZE - 20, top + QR_SIZE + 2, { width: QR_SIZE + 20, align: 'center' });
  }
  doc.x = x;
  doc.y = Math.max(factsBottom, doc.y, top + QR_SIZE + 4);
  const banner = d.state === 'cancelled' ? L.cancelledBanner : !d.latest ? L.superseded : null;
  if (banner) {
    doc.font('bold').fontSize(9).fillColor(WARN).text(banner, x, doc.y + 2, { width: w });
    doc.fillColor(INK);
  }
  doc.moveDown(0.3);
}

/** The QR code drawn as vector modules, so it prints sharp at any size. */
function drawQr(doc: Doc, qr: { size: number; get(r: number, c: number): number }, x: number, y: number, size: number): void {
  const cell = size / qr.size;
  doc.save();
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) {
      // A hair of overlap keeps viewers' anti-aliasing from drawing seams between neighbouring modules.
      if (qr.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill(INK);
  doc.restore();
}

/** Label–value pairs in columns across `width`, as wide as their `weights`. */
function keyValues(doc: Doc, pairs: [string, string][], x: number, width: number, weights: number[]): void {
  const perRow = weights.length;
  const total = weights.reduce((s, v) => s + v, 0);
  const colW = weights.map((v) => (v / total) * width);
  const colX = colW.map((_, k) => x + colW.slice(0, k).reduce((s, v) => s + v, 0));
  for (let i = 0; i < pairs.length; i += perRow) {
    const y = doc.y;
    let bottom = y;
    pairs.slice(i, i + perRow).forEach(([label, value], k) => {
      const cx = colX[k]!;
      doc.font('regular').fontSize(6.5).fillColor(MUTED).text(label, cx, y, { width: colW[k]! - 6 });
      doc.font('bold').fontSize(9).fillColor(INK).text(value, cx, doc.y, { width: colW[k]! - 6, lineGap: LINE_GAP });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = x;
    doc.y = bottom + 3;
  }
}

function sectionTitle(doc: Doc, text: string, room = 40): void {
  if (doc.y + room > bottomOf(doc)) doc.addPage();
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  doc.moveTo(x, doc.y).lineTo(x + w, doc.y).lineWidth(0.8).strokeColor(INK).stroke();
  doc.font('bold').fontSize(9.5).fillColor(INK).text(text, x, doc.y + 3, { width: w });
  doc.y += 2;
}

function parties(doc: Doc, d: ManifestDetail, L: Labels, lang: ManifestPdfLanguage, when: (at: number | null) => string): void {
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  const half = (w - 12) / 2;
  const y0 = doc.y;
  doc.y = y0;
  sectionTitleAt(doc, L.generator, x, half);
  keyValues(doc, [[L.enterprise, partyText(d.generator, lang)], [L.site, d.site ? `${d.site.name} (${d.site.code})` : '—']], x, half, [3, 2]);
  const leftBottom = doc.y;
  doc.y = y0;
  sectionTitleAt(doc, L.receiver, x + half + 12, half);
  keyValues(doc, [[L.enterprise, partyText(d.receiver, lang)], [L.facility, d.receiverSite ? `${d.receiverSite.name} (${d.receiverSite.code})` : '—']], x + half + 12, half, [3, 2]);
  doc.y = Math.max(leftBottom, doc.y) + 2;
  doc.x = x;

  sectionTitle(doc, d.route ? `${L.transporters} · ${L.route}: ${d.route}` : L.transporters);
  table(
    doc,
    [
      { label: L.leg, width: 0.5 },
      { label: L.enterprise, width: 3 },
      { label: L.vehicle, width: 1.2 },
      { label: L.driver, width: 1.2 },
      { label: L.phone, width: 1.3 },
      { label: L.tookOver, width: 1.4 },
    ],
    d.legs.map((leg) => [String(leg.leg), partyText(leg.transporter, lang), leg.vehicle, leg.driver ?? '—', leg.driverPhone ?? '—', when(leg.tookOverAt)]),
    '—',
  );
}

/** A section title over a column of the page (the generator and the receiver side by side). */
function sectionTitleAt(doc: Doc, text: string, x: number, width: number): void {
  const y = doc.y;
  doc.moveTo(x, y).lineTo(x + width, y).lineWidth(0.8).strokeColor(INK).stroke();
  doc.font('bold').fontSize(9.5).fillColor(INK).text(text, x, y + 3, { width });
  doc.y += 2;
}

function wasteLines(doc: Doc, d: ManifestDetail, L: Labels, lang: ManifestPdfLanguage, num: (v: number | null, unit?: string) => string): void {
  sectionTitle(doc, L.lines, 60);
  const c = L.lineCols;
  table(
    doc,
    [
      { label: c.no, width: 0.5 },
      { label: c.waste, width: 3.7 },
      { label: c.hwCode, width: 1.55 },
      { label: c.form, width: 0.8 },
      { label: c.hazards, width: 0.8 },
      { label: c.packaging, width: 1.1 },
      { label: c.declared, width: 1, numeric: true },
      { label: c.weighed, width: 1, numeric: true },
      { label: c.rejected, width: 1, numeric: true },
      { label: c.method, width: 1.1 },
    ],
    d.lines.map((line) => {
      const name = lang === 'en' ? (line.materialNameEn ?? line.materialName) : line.materialName;
      const batches = line.batches.length ? `\n${L.batches}: ${line.batches.join(', ')}` : '';
      const weighed = line.received === null ? '—' : `${num(line.received, line.unit)}${line.receivedContainers !== null && line.receivedContainers !== line.containers ? ` (${line.receivedContainers})` : ''}`;
      return [
        String(line.line),
        `${name} · ${line.materialCode}${batches}`,
        line.hwCode,
        L.forms[line.form],
        line.hazards.map((h) => L.hazards[h]).join(' ') || '—',
        line.packaging === 'bulk' ? L.packagings.bulk : `${L.packagings[line.packaging]} × ${line.containers}`,
        num(line.quantity, line.unit),
        weighed,
        line.rejected === null ? '—' : num(line.rejected, line.unit),
        line.method === null ? '—' : line.processed === null ? line.method : `${line.method} · ${num(line.processed, line.unit)}`,
      ];
    }),
    '—',
  );
  doc.font('regular').fontSize(6.5).fillColor(MUTED).text(L.hazardLegend, doc.page.margins.left, doc.y + 2, { width: contentWidth(doc) });
  doc.fillColor(INK);
  doc.y += 3;
}

function signatures(
  doc: Doc,
  d: ManifestDetail,
  L: Labels,
  lang: ManifestPdfLanguage,
  when: (at: number | null) => string,
  num: (v: number | null, unit?: string) => string,
  timeZone: string,
): void {
  sectionTitle(doc, `${L.signatures} · ${L.printedIn(timeZone)}`, 50);
  const unitOf = new Map(d.lines.map((l) => [l.line, l.unit]));
  const c = L.sigCols;
  table(
    doc,
    [
      { label: c.no, width: 0.35 },
      { label: c.action, width: 1.1 },
      { label: c.party, width: 2.9 },
      { label: c.user, width: 1.5 },
      { label: c.at, width: 1.45 },
      { label: c.place, width: 1.5 },
      { label: c.seen, width: 2.9 },
      { label: c.hash, width: 1.35 },
    ],
    d.signatures.map((s) => {
      const place = s.location ? [s.location.place, s.location.lat !== undefined && s.location.lng !== undefined ? `${s.location.lat.toFixed(5)},${s.location.lng.toFixed(5)}` : undefined].filter(Boolean).join(' ') : '';
      const seen = s.seen.map((q) => `${q.line}: ${num(q.quantity, unitOf.get(q.line))}${q.containers !== undefined ? ` ×${q.containers}` : ''}`).join('; ');
      const party = `${L.parties[s.party]}${s.leg !== null ? ` ${s.leg}` : ''} · ${partyText(s.enterprise, lang)}`;
      // The role's enterprise_ prefix says nothing the party column does not.
      const role = s.role.replace(/^enterprise_/, '');
      return [String(s.seq), L.actions[s.action], party, `${s.user} (${role})`, when(s.at), place || '—', [seen, s.note].filter(Boolean).join('\n') || '—', s.hash.slice(0, HASH_PREFIX)];
    }),
    L.noSignatures,
  );
  if (d.signatures.length) {
    doc.font('bold').fontSize(7).fillColor(d.signaturesVerified ? MUTED : WARN).text(L.verified(d.signaturesVerified), doc.page.margins.left, doc.y + 2, { width: contentWidth(doc) });
    doc.fillColor(INK);
  }
  doc.y += 3;
}

function notes(doc: Doc, d: ManifestDetail, L: Labels, lang: ManifestPdfLanguage, when: (at: number | null) => string, num: (v: number | null, unit?: string) => string): void {
  const paragraphs: { text: string; warn?: boolean }[] = [];
  const unitOf = new Map(d.lines.map((l) => [l.line, l.unit]));
  const ref = (r: { number: string; revision: number; state: ManifestState }) => `${r.number} (${L.revision} ${r.revision}, ${L.states[r.state]})`;
  if (d.discrepancyDetail) {
    const dd = d.discrepancyDetail;
    const lines = dd.lines.map((l) => {
      const unit = unitOf.get(l.line);
      const pct = l.pct === null ? '—' : `${l.pct > 0 ? '+' : ''}${formatNumber(l.pct, lang)} %`;
      const containers = l.receivedContainers !== null && l.receivedContainers !== l.declaredContainers ? `; ${l.declaredContainers} → ${l.receivedContainers}` : '';
      return L.discrepancyLine(l.line, num(l.declared, unit), num(l.received, unit), pct, containers);
    });
    paragraphs.push({ text: `${L.discrepancy(dd.state, dd.tolerancePct)}: ${lines.join('; ')}`, warn: dd.state === 'open' });
    if (dd.resolution) paragraphs.push({ text: `${L.resolution} (${dd.resolution.by}, ${when(dd.resolution.at)}): ${dd.resolution.note}` });
  }
  if (d.rejection) {
    const spawned = d.rejection.manifest ? `; ${L.spawned}: ${ref(d.rejection.manifest)}` : '';
    paragraphs.push({ text: `${L.rejection} — ${L.rejectionRoute[d.rejection.route]}: ${d.rejection.reason}${spawned}` });
  }
  if (d.parent) paragraphs.push({ text: `${L.parent}: ${ref(d.parent)}` });
  if (d.children.length) paragraphs.push({ text: `${L.children}: ${d.children.map(ref).join('; ')}` });
  if (d.correction) {
    const fields = d.correction.fields.length ? ` [${L.correctedFields}: ${d.correction.fields.join(', ')}]` : '';
    paragraphs.push({ text: `${L.correction} (${d.correction.by}, ${when(d.correction.at)}): ${d.correction.reason}${fields}` });
  }
  if (d.revisions.length > 1) paragraphs.push({ text: `${L.revisions}: ${d.revisions.map((r) => `${r.revision} ${L.states[r.state]}`).join(' · ')}` });
  if (d.note) paragraphs.push({ text: `${L.note}: ${d.note}` });
  if (!paragraphs.length) return;
  sectionTitle(doc, L.notes, 30);
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  for (const p of paragraphs) {
    doc.font('regular').fontSize(7.5).fillColor(p.warn ? WARN : INK).text(p.text, x, doc.y + 1, { width: w, lineGap: LINE_GAP });
  }
  doc.fillColor(INK);
}

interface Column {
  label: string;
  width: number;
  numeric?: boolean;
}

/** A ruled table: rows wrap in their cells; a row that does not fit starts a page, the header repeated there. */
function table(doc: Doc, columns: Column[], rows: string[][], empty: string): void {
  const x0 = doc.page.margins.left;
  const w = contentWidth(doc);
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * w);
  const xs = widths.map((_, k) => x0 + widths.slice(0, k).reduce((s, v) => s + v, 0));
  const rowHeight = (texts: string[], font: string) => {
    doc.font(font).fontSize(FONT);
    return Math.max(...texts.map((s, k) => doc.heightOfString(s, { width: widths[k]! - 2 * PAD, lineGap: LINE_GAP }))) + 2 * PAD;
  };
  const drawRow = (texts: string[], font: string, fill: string | null) => {
    const h = rowHeight(texts, font);
    const y = doc.y;
    if (fill) doc.rect(x0, y, w, h).fill(fill);
    doc.font(font).fontSize(FONT).fillColor(INK);
    texts.forEach((s, k) => doc.text(s, xs[k]! + PAD, y + PAD, { width: widths[k]! - 2 * PAD, align: columns[k]!.numeric ? 'right' : 'left', lineGap: LINE_GAP }));
    doc.moveTo(x0, y + h).lineTo(x0 + w, y + h).lineWidth(0.4).strokeColor(RULE).stroke();
    doc.x = x0;
    doc.y = y + h;
  };
  const header = columns.map((c) => c.label);
  drawRow(header, 'bold', HEAD_FILL);
  if (!rows.length) {
    doc.font('regular').fontSize(FONT).fillColor(MUTED).text(empty, x0 + PAD, doc.y + PAD, { width: w });
    doc.fillColor(INK);
    return;
  }
  for (const row of rows) {
    if (doc.y + rowHeight(row, 'regular') > bottomOf(doc)) {
      doc.addPage();
      drawRow(header, 'bold', HEAD_FILL);
    }
    drawRow(row, 'regular', null);
  }
}

function footers(doc: Doc, d: ManifestDetail, L: Labels): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page for the text: the margin is lifted while it is written.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 4;
    doc.moveTo(MARGIN, y - 5).lineTo(doc.page.width - MARGIN, y - 5).lineWidth(0.4).strokeColor(RULE).stroke();
    doc.font('regular').fontSize(7).fillColor(MUTED);
    doc.text(`${L.title} · ${d.number} · ${L.revision} ${d.revision}`, MARGIN, y, { width: 340, lineBreak: false });
    doc.text(L.page(i - range.start + 1, range.count), doc.page.width - MARGIN - 150, y, { width: 150, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
