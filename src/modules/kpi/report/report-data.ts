/**
 * What the KPI report says, assembled from what the services answered: the KPI table against the
 * previous period, the same period last year and the targets; the period's Sankey; the balance
 * exceptions of the reconciliation; the largest solid and hazardous waste streams and where they
 * went; the exchanges between enterprises and the emissions they avoided. Every label is in the
 * report's language; numbers stay numbers (the PDF formats them, the spreadsheets keep them).
 * The PDF, the CSV and the XLSX are drawn from this one content. Pure: no I/O.
 */
import type { BalanceReport } from '../../flows/balance-report.ts';
import type { LedgerNode, LedgerPeriod } from '../../flows/model.ts';
import type { Sankey } from '../../flows/sankey.ts';
import type { KpiItem, KpiScope } from '../model.ts';
import { formatInstant, formatPeriod, inputName, KPI_NAMES, REPORT_LABELS, unitName, type ReportLabels, type ReportLanguage } from './report-labels.ts';

/** The answer of `GET /api/v1/kpis` (the KPI service's KpiAnswer). */
export interface ReportKpiAnswer {
  period: string;
  scope: KpiScope;
  code: string | null;
  name: string;
  nameEn: string | null;
  items: KpiItem[];
}

/** What the report needs of a catalogue material: whether it is solid or hazardous waste. */
export interface ReportMaterial {
  code: string;
  name: string;
  nameEn: string | null;
  category: string;
  hazardous: boolean;
  unit: string;
  swCode: string | null;
  hwCode: string | null;
}

export interface Named {
  code: string;
  name: string;
  nameEn: string | null;
}

/** Which nodes the report is about: the park's, one enterprise's, or a unit node and those under it. */
export type Subject = { scope: 'park' } | { scope: 'enterprise'; enterpriseId: number } | { scope: 'unit'; nodeId: number };

export interface ReportSources {
  language: ReportLanguage;
  generatedAt: number;
  timeZone: string;
  park: { name: string; nameEn: string | null };
  answer: ReportKpiAnswer;
  subject: Subject;
  sankey: Sankey | null;
  balances: BalanceReport | null;
  ledger: LedgerPeriod;
  materials: ReadonlyMap<string, ReportMaterial>;
  enterprises: ReadonlyMap<number, Named>;
  /** t CO2 avoided per unit of a material moved between enterprises (the park's KPI settings). */
  avoidedFactors: Readonly<Record<string, number>>;
}

export type ReportCell = string | number | null;

export interface ReportColumn {
  key: string;
  label: string;
  numeric?: boolean;
  /** Left out of the PDF (kept in the spreadsheets), e.g. the machine key of an indicator. */
  sheetOnly?: boolean;
  /** Relative width in the PDF table. */
  width?: number;
}

export interface ReportTable {
  id: 'kpis' | 'balances' | 'waste' | 'exchanges';
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Sentences printed under the table (the global test, the total avoided, a truncation). */
  notes: string[];
  /** What the PDF says when there are no rows. */
  empty: string;
}

export interface ReportSankey {
  title: string;
  caption: string;
  empty: string;
  unit: string;
  nodes: { key: string; label: string; kind: string; boundaryKind: string | null }[];
  links: { source: string; target: string; value: number }[];
}

export interface ReportContent {
  language: ReportLanguage;
  labels: ReportLabels;
  title: string;
  kindLabel: string;
  period: string;
  periodLabel: string;
  periodKind: 'month' | 'year';
  scope: KpiScope;
  code: string | null;
  subjectName: string;
  parkName: string;
  generatedAt: string;
  timeZone: string;
  /** In the order the report prints them: kpis, then (after the Sankey) balances, waste, exchanges. */
  tables: ReportTable[];
  sankey: ReportSankey;
}

/** How many waste streams the report lists. */
export const TOP_WASTE_STREAMS = 15;
/** How many exceptions and exchanges it lists at most (the rest is said in a note). */
export const MAX_TABLE_ROWS = 40;

export const nameIn = (n: { name: string; nameEn: string | null }, lang: ReportLanguage): string => (lang === 'en' ? (n.nameEn ?? n.name) : n.name);

/** A month 'YYYY-MM' or a year 'YYYY': the periods a report is made for. */
export function reportPeriodKind(period: string): 'month' | 'year' | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}$/.test(period)) return 'year';
  return null;
}

/**
 * The nodes inside the subject: every non-boundary node for the park, an enterprise's own (its
 * node and those it owns, boundary nodes excepted), or a unit node and every node whose parent
 * chain reaches it.
 */
export function subjectNodeIds(nodes: readonly LedgerNode[], subject: Subject): Set<number> {
  const inner = nodes.filter((n) => n.kind !== 'boundary');
  if (subject.scope === 'park') return new Set(inner.map((n) => n.id));
  if (subject.scope === 'enterprise') return new Set(inner.filter((n) => n.enterpriseId === subject.enterpriseId).map((n) => n.id));
  const parent = new Map(nodes.map((n) => [n.id, n.parentId]));
  const under = (id: number): boolean => {
    const seen = new Set<number>();
    for (let at: number | null | undefined = id; at !== null && at !== undefined && !seen.has(at); at = parent.get(at)) {
      if (at === subject.nodeId) return true;
      seen.add(at);
    }
    return false;
  };
  return new Set(inner.filter((n) => under(n.id)).map((n) => n.id));
}

/** Solid waste (general, with an SW category) or hazardous waste: what the waste table lists. */
export const isSolidOrHazardousWaste = (m: ReportMaterial | undefined): boolean => m !== undefined && m.category === 'waste' && (m.hazardous || m.hwCode !== null || m.swCode !== null);

export function assembleReport(src: ReportSources): ReportContent {
  const lang = src.language;
  const L = REPORT_LABELS[lang];
  const kind = reportPeriodKind(src.answer.period) ?? 'month';
  const subjectName = src.answer.scope === 'park' ? nameIn(src.park, lang) : nameIn(src.answer, lang);
  const nodes = new Map(src.ledger.nodes.map((n) => [n.id, n]));
  const inside = subjectNodeIds(src.ledger.nodes, src.subject);
  const tables = [kpiTable(src, L), balanceTable(src, L, inside), wasteTable(src, L, nodes, inside), exchangeTable(src, L, nodes, inside)];
  return {
    language: lang,
    labels: L,
    title: L.title[src.answer.scope],
    kindLabel: L.periodKind[kind],
    period: src.answer.period,
    periodLabel: formatPeriod(src.answer.period, lang),
    periodKind: kind,
    scope: src.answer.scope,
    code: src.answer.code,
    subjectName,
    parkName: nameIn(src.park, lang),
    generatedAt: formatInstant(src.generatedAt, src.timeZone),
    timeZone: src.timeZone,
    tables,
    sankey: sankeyOfReport(src, L),
  };
}

function kpiTable(src: ReportSources, L: ReportLabels): ReportTable {
  const lang = src.language;
  const first = src.answer.items[0];
  const c = L.kpiColumns;
  const missingWords = (names: string[]) => L.missing(names.map((n) => inputName(n, L)));
  return {
    id: 'kpis',
    title: L.sections.kpis,
    columns: [
      { key: 'key', label: c.key, sheetOnly: true },
      { key: 'indicator', label: c.indicator, width: 3.2 },
      { key: 'value', label: c.value, numeric: true, width: 1.2 },
      { key: 'unit', label: c.unit, width: 1.3 },
      { key: 'previous', label: first ? `${c.previous} (${first.previousPeriod})` : c.previous, numeric: true, width: 1.2 },
      { key: 'last_year', label: first ? `${c.lastYear} (${first.lastYearPeriod})` : c.lastYear, numeric: true, width: 1.2 },
      { key: 'target', label: c.target, numeric: true, width: 1.1 },
      { key: 'status', label: c.status, width: 1.1 },
      { key: 'note', label: c.note, width: 2.2 },
    ],
    rows: src.answer.items.map((item) => [
      item.key,
      KPI_NAMES[lang][item.key] ?? item.key,
      item.value,
      unitName(item.unit, lang),
      item.previous,
      item.lastYear,
      item.target,
      L.status[item.status],
      item.value === null && item.missing.length ? missingWords(item.missing) : '',
    ]),
    notes: [],
    empty: L.status.no_value,
  };
}

/** The suspects and exceptions of the subject's own nodes, and of flows with an end at one of them. */
function balanceTable(src: ReportSources, L: ReportLabels, inside: ReadonlySet<number>): ReportTable {
  const lang = src.language;
  const c = L.balanceColumns;
  const b = src.balances;
  const rows: ReportCell[][] = [];
  const notes: string[] = [];
  if (b) {
    const nodesByCode = new Map(b.nodes.map((n) => [n.code, n]));
    const flowsByKey = new Map(b.flows.map((f) => [f.key, f]));
    const materialName = (code: string) => {
      const m = src.materials.get(code);
      return m ? nameIn(m, lang) : code;
    };
    for (const s of b.suspects) {
      if (s.kind === 'node') {
        const n = nodesByCode.get(s.key);
        if (n && !inside.has(n.nodeId)) continue;
        rows.push([L.suspectKind.node, n ? `${n.code} ${nameIn(n, lang)}` : s.key, '—', n ? n.imbalance : null, null, s.z, s.critical, L.meanings[s.meaning]]);
      } else {
        const f = flowsByKey.get(s.key);
        if (f && !inside.has(f.fromNodeId) && !inside.has(f.toNodeId)) continue;
        rows.push([L.suspectKind.flow, f ? `${f.fromCode} → ${f.toCode}` : s.key, f ? materialName(f.materialCode) : '—', f ? f.measured : null, f ? f.reconciled : null, s.z, s.critical, L.meanings[s.meaning]]);
      }
    }
    // A node flagged by its nodal test without a suspect of its own (it always has one today) still shows.
    const listed = new Set(b.suspects.filter((s) => s.kind === 'node').map((s) => s.key));
    for (const n of b.nodes) if (n.exception && inside.has(n.nodeId) && !listed.has(n.code)) rows.push([L.suspectKind.node, `${n.code} ${nameIn(n, lang)}`, '—', n.imbalance, null, n.z, null, '']);
    const r = b.reconciliation;
    notes.push(L.reconciliation({ chiSquare: r.chiSquare, dof: r.dof, pValue: r.pValue, passed: r.passed, problem: r.problem ? r.problem.detail : null }, (v) => (Math.abs(v) >= 0.001 || v === 0 ? String(Math.round(v * 1000) / 1000) : v.toExponential(2))));
  }
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  if (rows.length > shown.length) notes.push(L.truncated(shown.length, rows.length));
  return {
    id: 'balances',
    title: L.sections.balances,
    columns: [
      { key: 'kind', label: c.kind, width: 0.8 },
      { key: 'subject', label: c.subject, width: 2.8 },
      { key: 'material', label: c.material, width: 1.6 },
      { key: 'measured', label: `${c.measured} (${unitName(b?.unit ?? 't', lang)})`, numeric: true, width: 1.4 },
      { key: 'reconciled', label: c.reconciled, numeric: true, width: 1.4 },
      { key: 'z', label: c.z, numeric: true, width: 0.9 },
      { key: 'critical', label: c.critical, numeric: true, width: 0.9 },
      { key: 'meaning', label: c.meaning, width: 2.6 },
    ],
    rows: shown,
    notes,
    empty: L.noExceptions,
  };
}

const nodeLabel = (n: LedgerNode | undefined, lang: ReportLanguage) => (n ? `${n.code} ${nameIn(n, lang)}` : '?');

/** Where a stream went, as the waste table's destination column says it. */
function destinationOf(from: LedgerNode | undefined, to: LedgerNode | undefined): string {
  if (!to) return 'other';
  if (to.kind === 'boundary') return to.boundaryKind ?? 'other';
  if (to.kind === 'park') return 'park';
  return to.enterpriseId !== null && to.enterpriseId !== from?.enterpriseId ? 'enterprise' : 'unit';
}

function wasteTable(src: ReportSources, L: ReportLabels, nodes: ReadonlyMap<number, LedgerNode>, inside: ReadonlySet<number>): ReportTable {
  const lang = src.language;
  const c = L.wasteColumns;
  // A year's report sums the months of each stream: one row per from, to and material.
  const streams = new Map<string, { from: number; to: number; material: string; quantity: number; unit: string }>();
  for (const f of src.ledger.flows) {
    if (!inside.has(f.fromNodeId) || !isSolidOrHazardousWaste(src.materials.get(f.materialCode))) continue;
    const key = `${f.fromNodeId}|${f.toNodeId}|${f.materialCode}`;
    const s = streams.get(key);
    if (s) s.quantity += f.quantity;
    else streams.set(key, { from: f.fromNodeId, to: f.toNodeId, material: f.materialCode, quantity: f.quantity, unit: f.unit });
  }
  const all = [...streams.values()].sort((a, b) => b.quantity - a.quantity);
  const top = all.slice(0, TOP_WASTE_STREAMS);
  return {
    id: 'waste',
    title: L.sections.waste,
    columns: [
      { key: 'from', label: c.from, width: 2.2 },
      { key: 'to', label: c.to, width: 2.2 },
      { key: 'material', label: c.material, width: 2 },
      { key: 'hazardous', label: c.hazardous, width: 1.3 },
      { key: 'quantity', label: c.quantity, numeric: true, width: 1.2 },
      { key: 'unit', label: c.unit, width: 0.7 },
      { key: 'destination', label: c.destination, width: 2.2 },
    ],
    rows: top.map((s) => {
      const m = src.materials.get(s.material)!;
      const from = nodes.get(s.from);
      const to = nodes.get(s.to);
      return [nodeLabel(from, lang), nodeLabel(to, lang), nameIn(m, lang), m.hazardous ? L.yes : L.no, s.quantity, unitName(s.unit, lang), L.destinations[destinationOf(from, to)] ?? destinationOf(from, to)];
    }),
    notes: all.length > top.length ? [L.truncated(top.length, all.length)] : [],
    empty: L.noWaste,
  };
}

function exchangeTable(src: ReportSources, L: ReportLabels, nodes: ReadonlyMap<number, LedgerNode>, inside: ReadonlySet<number>): ReportTable {
  const lang = src.language;
  const c = L.exchangeColumns;
  const exchanges = new Map<string, { from: number; to: number; material: string; quantity: number; unit: string }>();
  for (const f of src.ledger.flows) {
    const from = nodes.get(f.fromNodeId);
    const to = nodes.get(f.toNodeId);
    if (!from || !to || from.kind === 'boundary' || to.kind === 'boundary') continue;
    if (from.enterpriseId === null || to.enterpriseId === null || from.enterpriseId === to.enterpriseId) continue;
    if (!inside.has(from.id) && !inside.has(to.id)) continue;
    const key = `${from.enterpriseId}|${to.enterpriseId}|${f.materialCode}`;
    const e = exchanges.get(key);
    if (e) e.quantity += f.quantity;
    else exchanges.set(key, { from: from.enterpriseId, to: to.enterpriseId, material: f.materialCode, quantity: f.quantity, unit: f.unit });
  }
  const all = [...exchanges.values()].sort((a, b) => b.quantity - a.quantity);
  const shown = all.slice(0, MAX_TABLE_ROWS);
  const enterprise = (id: number) => {
    const e = src.enterprises.get(id);
    return e ? `${e.code} ${nameIn(e, lang)}` : String(id);
  };
  const rows = shown.map((e): ReportCell[] => {
    const m = src.materials.get(e.material);
    const factor = src.avoidedFactors[e.material];
    return [enterprise(e.from), enterprise(e.to), m ? nameIn(m, lang) : e.material, e.quantity, unitName(e.unit, lang), factor ?? L.noAvoidedFactor, factor === undefined ? null : e.quantity * factor];
  });
  const notes: string[] = [];
  const avoided = src.answer.items.find((i) => i.key === 'co2_avoided_by_exchanges_t');
  if (avoided) {
    notes.push(
      avoided.value === null
        ? `${KPI_NAMES[lang].co2_avoided_by_exchanges_t}: ${L.missing(avoided.missing.map((n) => inputName(n, L)))}`
        : L.exchangesTotal(new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(avoided.value)),
    );
  }
  if (all.length > shown.length) notes.push(L.truncated(shown.length, all.length));
  return {
    id: 'exchanges',
    title: L.sections.exchanges,
    columns: [
      { key: 'from', label: c.from, width: 2.4 },
      { key: 'to', label: c.to, width: 2.4 },
      { key: 'material', label: c.material, width: 2 },
      { key: 'quantity', label: c.quantity, numeric: true, width: 1.2 },
      { key: 'unit', label: c.unit, width: 0.8 },
      { key: 'factor', label: c.factor, numeric: true, width: 1.4 },
      { key: 'avoided', label: c.avoided, numeric: true, width: 1.3 },
    ],
    rows,
    notes,
    empty: L.noExchanges,
  };
}

function sankeyOfReport(src: ReportSources, L: ReportLabels): ReportSankey {
  const s = src.sankey;
  const unit = unitName(s?.unit ?? 't', src.language);
  return {
    title: L.sections.sankey,
    caption: L.sankeyCaption(unit, s?.links.length ?? 0),
    empty: L.noSankey,
    unit,
    nodes: (s?.nodes ?? []).map((n) => ({ key: n.key, label: nameIn(n, src.language), kind: n.kind, boundaryKind: n.boundaryKind })),
    links: (s?.links ?? []).map((l) => ({ source: l.source, target: l.target, value: l.value })),
  };
}
