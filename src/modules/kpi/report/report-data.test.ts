import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerNode } from '../../flows/model.ts';
import { KPI_KEYS } from '../model.ts';
import { assembleReport, reportPeriodKind, subjectNodeIds, TOP_WASTE_STREAMS } from './report-data.ts';
import { FIXTURE_NODES, fixtureSources } from './report-fixture.ts';
import { formatNumber, formatPeriod, inputName, KPI_NAMES, REPORT_LABELS } from './report-labels.ts';

const table = (c: ReturnType<typeof assembleReport>, id: string) => c.tables.find((t) => t.id === id)!;
const column = (c: ReturnType<typeof assembleReport>, id: string, key: string) => {
  const t = table(c, id);
  const i = t.columns.findIndex((col) => col.key === key);
  return t.rows.map((r) => r[i]);
};

describe('the report content', () => {
  it('lists every indicator in KPI_KEYS order with its name in the language, comparisons, target and status', () => {
    const c = assembleReport(fixtureSources('en'));
    expect(column(c, 'kpis', 'key')).toEqual([...KPI_KEYS]);
    expect(column(c, 'kpis', 'indicator')[0]).toBe(KPI_NAMES.en.solid_waste_utilization_rate);
    expect(column(c, 'kpis', 'status')[0]).toBe('Met');
    expect(column(c, 'kpis', 'target')[0]).toBe(1000);
    const zh = assembleReport(fixtureSources('zh-CN'));
    expect(column(zh, 'kpis', 'indicator')[0]).toBe('一般工业固体废物综合利用率');
    expect(column(zh, 'kpis', 'status')[1]).toBe('未设目标');
    expect(table(zh, 'kpis').columns.find((col) => col.key === 'previous')!.label).toBe('上期 (2026-02)');
  });

  it('says a value that could not be computed is missing, naming the inputs in words, never 0', () => {
    const c = assembleReport(fixtureSources('en'));
    const mci = table(c, 'kpis').rows.find((r) => r[0] === 'mci_products')!;
    expect(mci[2]).toBeNull();
    expect(mci[7]).toBe('No value');
    expect(mci[8]).toBe('Missing inputs: PVC.F_R, industrial value added (10,000 CNY)');
  });

  it('names the inputs the KPI service reports missing in words, in each language', () => {
    expect(inputName('valueAdded10kCny > 0', REPORT_LABELS['zh-CN'])).toBe('工业增加值（万元）大于零');
    expect(inputName('circularity.PVC.mci', REPORT_LABELS.en)).toBe('MCI data of product PVC');
    expect(inputName('circularity.SLAG', REPORT_LABELS['zh-CN'])).toBe('物料 SLAG 的循环性数据');
    expect(inputName('energy flows', REPORT_LABELS['zh-CN'])).toBe('能源流');
    expect(inputName('something new', REPORT_LABELS.en)).toBe('something new');
  });

  it('lists solid and hazardous waste streams only, largest first, with where they went', () => {
    const c = assembleReport(fixtureSources('en'));
    // The off gas is waste but neither solid (no SW code) nor hazardous: not listed.
    expect(column(c, 'waste', 'material')).toEqual(['Brine sludge', 'Distillation residue']);
    expect(column(c, 'waste', 'destination')).toEqual(['landfill', 'incineration']);
    expect(column(c, 'waste', 'hazardous')).toEqual(['no', 'yes']);
  });

  it('sums a year of months into one row per stream and keeps the top streams', () => {
    const base = fixtureSources('en');
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const flows = months.flatMap((period, m) =>
      Array.from({ length: 20 }, (_, k) => ({ ...base.ledger.flows[2]!, id: 1000 + m * 20 + k, period, toNodeId: k % 2 ? 2 : 10, materialCode: k < 10 ? 'BRINE_SLUDGE' : 'DISTILLATION_RESIDUE', fromNodeId: 5, quantity: k + 1 })),
    );
    const c = assembleReport({ ...base, ledger: { ...base.ledger, period: '2026', grain: 'year', flows } });
    const quantities = column(c, 'waste', 'quantity') as number[];
    expect(quantities.length).toBeLessThanOrEqual(TOP_WASTE_STREAMS);
    expect(quantities.length).toBe(4);
    expect([...quantities].sort((a, b) => b - a)).toEqual(quantities);
    expect(quantities.reduce((s, q) => s + q, 0)).toBe(12 * (20 * 21) / 2);
  });

  it('shows the exchanges between enterprises with the emissions they avoided where a factor is set', () => {
    const c = assembleReport(fixtureSources('en'));
    const t = table(c, 'exchanges');
    expect(t.rows).toEqual([
      ['chlor Chlor-alkali Co.', 'pvc PVC Co.', 'Hydrochloric acid', 4000, 't', 0.25, 1000],
      ['pvc PVC Co.', 'chlor Chlor-alkali Co.', 'LP steam', 3000, 't', 'not set', null],
    ]);
    expect(t.notes[0]).toContain('CO2 avoided by exchanges between enterprises: 88.2 t');
  });

  it('reports the reconciliation’s suspects with z and the global test with χ²', () => {
    const c = assembleReport(fixtureSources('zh-CN'));
    const t = table(c, 'balances');
    expect(t.rows.map((r) => [r[0], r[1], r[5]])).toEqual([
      ['节点', 'chlor-cell 电解装置', 4.2],
      ['物流', 'chlor-cell → pvc-vcm', 3.6],
    ]);
    expect(t.notes[0]).toContain('χ² = 31.4');
    expect(t.notes[0]).toContain('未通过');
  });

  it('an enterprise’s report keeps to its own nodes, its exchanges and its waste', () => {
    const pvc = assembleReport(fixtureSources('en', { subject: { scope: 'enterprise', enterpriseId: 2 }, answer: { ...fixtureSources('en').answer, scope: 'enterprise', code: 'pvc', name: 'PVC公司', nameEn: 'PVC Co.' } }));
    expect(pvc.subjectName).toBe('PVC Co.');
    expect(pvc.title).toBe(REPORT_LABELS.en.title.enterprise);
    expect(column(pvc, 'waste', 'material')).toEqual(['Distillation residue']);
    expect(column(pvc, 'balances', 'subject')).toEqual(['chlor-cell → pvc-vcm']);
    expect(table(pvc, 'exchanges').rows).toHaveLength(2);
  });

  it('a unit’s subject is the unit node and what rolls up to it', () => {
    expect([...subjectNodeIds(FIXTURE_NODES, { scope: 'unit', nodeId: 6 })].sort()).toEqual([6, 7, 8]);
    expect([...subjectNodeIds(FIXTURE_NODES, { scope: 'unit', nodeId: 7 })]).toEqual([7]);
    expect([...subjectNodeIds(FIXTURE_NODES, { scope: 'park' })].sort((a, b) => a - b)).toEqual([1, 4, 5, 6, 7, 8]);
  });

  it('property: a unit subject holds exactly the non-boundary nodes whose parent chain reaches it', () => {
    const forest = fc.array(fc.nat(30), { minLength: 1, maxLength: 30 }).map((parents) =>
      parents.map((p, i): LedgerNode => ({ id: i + 1, enterpriseId: 1, code: `n${i + 1}`, name: 'n', nameEn: null, kind: i % 7 === 6 ? 'boundary' : 'unit', boundaryKind: null, unitId: null, parentId: p < i ? p + 1 : null })),
    );
    fc.assert(
      fc.property(forest, fc.nat(29), (nodes, pick) => {
        const root = nodes[pick % nodes.length]!;
        const got = subjectNodeIds(nodes, { scope: 'unit', nodeId: root.id });
        const byId = new Map(nodes.map((n) => [n.id, n]));
        for (const n of nodes) {
          let reaches = false;
          for (let at: LedgerNode | undefined = n; at; at = at.parentId === null ? undefined : byId.get(at.parentId)) if (at.id === root.id) reaches = true;
          expect(got.has(n.id)).toBe(reaches && n.kind !== 'boundary');
        }
      }),
    );
  });

  it('reports are monthly or annual', () => {
    expect(reportPeriodKind('2026-03')).toBe('month');
    expect(reportPeriodKind('2026')).toBe('year');
    expect(reportPeriodKind('2026-Q1')).toBeNull();
    expect(reportPeriodKind('2026-13')).toBeNull();
  });
});

describe('numbers and periods as the report prints them', () => {
  it('uses thousands separators and a precision that suits the size', () => {
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,568');
    expect(formatNumber(1234567.891, 'zh-CN')).toBe('1,234,568');
    expect(formatNumber(78.1, 'en')).toBe('78.10');
    expect(formatNumber(0.20655, 'en')).toBe('0.2066');
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatNumber(0, 'en')).toBe('0');
  });

  it('property: the printed number reads back within its rounding', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (v) => {
        const back = Number(formatNumber(v, 'en').replace(/,/g, ''));
        const abs = Math.abs(v);
        const tolerance = abs >= 1000 ? 0.5 : abs >= 100 ? 0.05 : abs >= 1 ? 0.005 : 0.00005;
        expect(Math.abs(back - v)).toBeLessThanOrEqual(tolerance + 1e-9);
      }),
    );
  });

  it('names months and years in each language', () => {
    expect(formatPeriod('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(formatPeriod('2026-03', 'en')).toBe('March 2026');
    expect(formatPeriod('2026', 'zh-CN')).toBe('2026年');
  });
});
