/**
 * The KPI service: the park's accounting settings, what enterprises state per period, targets,
 * and the indicators of a scope and period computed from the flow ledger (docs/kpis.md).
 *
 * A computation reads, through the ledger's service (so its visibility applies), the flows of the
 * period the caller may see, the catalogue's materials the caller may use, the settings and the
 * stated figures, and hands them to the pure core (compute.ts). Nothing is cached across requests:
 * a ledger write is seen by the next read. Within one request a period is computed once, whatever
 * compares with it (the previous period, the same period last year, a target's base year).
 *
 * Who sees what: an enterprise user computes its enterprise and its units only (the park → 403,
 * another enterprise → 403: enterprise codes are directory data; another's unit → 404, as an
 * unknown one, since unit nodes are not disclosed); park roles every scope, from the flows they
 * may see (the park's own and what enterprises share with it, docs/flows.md).
 */
import type { DbHandle } from '../../adapters/db/index.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { ResourceService } from '../../core/crud/service.ts';
import type { CreateOf, ItemOf, ListQueryOf, Page, PatchOf } from '../../core/crud/spec.ts';
import { forbidden, notFound, Problem, validation, type FieldError } from '../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import type { FlowLedgerService, LedgerTotals } from '../flows/ledger-service.ts';
import type { LedgerNode } from '../flows/model.ts';
import { materialUnitFactor } from '../flows/quantity.ts';
import type { RegistryService } from '../registry/service.ts';
import { computeKpis, kpiContributions } from './compute.ts';
import { InputCsvError, parseInputCsv } from './inputs-csv.ts';
import { ledgerMaterialOf } from './ledger-terms.ts';
import { decimalYearOf, parseKpiPeriod, periodsBetween, previousPeriod, samePeriodLastYear, type KpiPeriod } from './kpi-period.ts';
import { KPI_KEYS, type KpiComputeInput, type KpiFlow, type KpiItem, type KpiKey, type KpiMaterial, type KpiScope, type KpiSettings, type KpiStock, type KpiTargetRecord, type KpiValue, type ResolvedScope, type ScopeFigures } from './model.ts';
import { kpiInputPolicy, kpiSettingsPolicy } from './policy.ts';
import { kpiInputSpec, kpiTargetSpec } from './resources.ts';
import type { InputImport, KpiAnswer, KpiFlows, KpiSettingsResponse, KpiTrend } from './schemas.ts';
import { enterpriseScopeKey, resolveScopes, type ScopeEnterprise } from './scopes.ts';
import { KpiStore, type InputRow, type InputUpsert } from './store.ts';
import { KPI_DIRECTION, targetStatus, targetValueOf, trajectoryAt, type Target } from './targets.ts';

export type KpiInput = ItemOf<typeof kpiInputSpec>;
export type KpiTarget = ItemOf<typeof kpiTargetSpec>;
/** A create of an input may name its unit by flow-node code instead of id. */
export type CreateKpiInput = CreateOf<typeof kpiInputSpec> & { nodeCode?: string | null };

interface ScopeQuery {
  scope: KpiScope;
  code?: string;
}

/** What one request computes from: read once, used for every period it compares. */
interface Run {
  ctx: AuthContext;
  settings: KpiSettings;
  materials: ReadonlyMap<string, KpiMaterial>;
  enterprises: ReadonlyMap<number, ScopeEnterprise & { id: number }>;
  /** Ledgers read (flows summed per link and month), by period text. */
  ledgers: Map<string, Ledger>;
  /** Ledgers read flow by flow (the drill-down), by period text. */
  flowLedgers: Map<string, Ledger>;
  /** Computed periods, by period text, then scope key. */
  computed: Map<string, { input: KpiComputeInput; values: Map<string, KpiValue[]> }>;
}

export class KpiService {
  readonly store: KpiStore;
  readonly inputs: ResourceService<typeof kpiInputSpec>;
  readonly targets: ResourceService<typeof kpiTargetSpec>;

  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly registry: RegistryService,
    private readonly flows: FlowLedgerService,
  ) {
    this.store = new KpiStore(handle);
    this.inputs = new ResourceService(handle, kpiInputSpec, audit, { decorate: (items) => this.decorateInputs(items) });
    this.targets = new ResourceService(handle, kpiTargetSpec, audit);
  }

  // ---- settings -------------------------------------------------------------------------------

  async settings(_ctx: AuthContext): Promise<KpiSettingsResponse> {
    return this.store.settings();
  }

  /** Replaces the park's settings (park administrator): factors ≥ 0 and fractions 0..1 by schema, codes in the catalogue here. */
  async putSettings(ctx: AuthContext, body: KpiSettings): Promise<KpiSettingsResponse> {
    kpiSettingsPolicy.assert(ctx, 'update', null);
    const errors = settingsProblems(body, new Set((await this.kpiMaterials(ctx)).keys()));
    if (errors.length) throw validation(errors.map((e) => `${e.path.replace('/body/', '')}: ${e.message}`).join('; '), errors);
    const before = await this.store.settings();
    const now = Date.now();
    await this.handle.db.transaction().execute(async (trx) => {
      await this.store.saveSettings(trx, body, ctx.username, now);
      await this.audit.append(trx, ctx, { action: 'update', entity: 'kpi_settings', entityId: null, enterpriseId: null, before: before.updatedAt === null ? null : before.settings, after: body }, now);
    });
    return { settings: body, updatedBy: ctx.username, updatedAt: now };
  }

  // ---- the indicators -------------------------------------------------------------------------

  /** The indicators of one scope and period, each with its comparisons and target (GET /api/v1/kpis). */
  async kpis(ctx: AuthContext, q: ScopeQuery & { period: string }): Promise<KpiAnswer> {
    const period = periodOrThrow(q.period, '/query/period');
    const run = await this.run(ctx);
    const previous = previousPeriod(period.text);
    const lastYear = samePeriodLastYear(period.text);
    // The period and the one before it, adjacent: one read.
    await this.readLedgers(run, previous ? [period, parseKpiPeriod(previous)!] : [period]);
    const scope = await this.scopeOf(run, period, q);
    const [current, before, yearAgo] = [await this.valuesOf(run, period.text, scope), previous ? await this.valuesOf(run, previous, scope) : null, lastYear ? await this.valuesOf(run, lastYear, scope) : null];
    const targets = await this.targetsOf(run, scope);
    const at = decimalYearOf(period);
    const items: KpiItem[] = current.map((v) => {
      const t = targets.get(v.key);
      const judged = judge(v.key, v.value, at, t);
      return {
        ...v,
        previous: valueOf(before, v.key),
        previousPeriod: previous ?? '',
        lastYear: valueOf(yearAgo, v.key),
        lastYearPeriod: lastYear ?? '',
        target: judged.target,
        targetKind: t?.record.kind ?? null,
        targetYear: t?.record.targetYear ?? null,
        baseYear: t?.record.baseYear ?? null,
        baseValue: t?.baseValue ?? null,
        trajectory: judged.trajectory,
        status: judged.status,
      };
    });
    return { period: period.text, scope: scope.scope, code: scope.code, name: scope.name, nameEn: scope.nameEn, items };
  }

  /** Each indicator over a run of periods of one kind, with the target's trajectory (GET /api/v1/kpis/trend). */
  async trend(ctx: AuthContext, q: ScopeQuery & { from: string; to: string }): Promise<KpiTrend> {
    const from = periodOrThrow(q.from, '/query/from');
    const to = periodOrThrow(q.to, '/query/to');
    const periods = periodsBetween(from.text, to.text);
    if (!periods) {
      const why = from.kind !== to.kind ? 'from and to must be periods of the same kind (months, quarters or years)' : 'to must not be before from, and a trend has at most 120 periods';
      throw validation(why, [{ path: '/query/to', message: why }]);
    }
    const run = await this.run(ctx);
    // One read for the whole run of periods, split per period in memory.
    await this.readLedgers(run, periods.map((p) => parseKpiPeriod(p)!));
    const scope = await this.scopeOf(run, to, q);
    const targets = await this.targetsOf(run, scope);
    const series: KpiValue[][] = [];
    for (const p of periods) series.push(await this.valuesOf(run, p, scope));
    const items = KPI_KEYS.map((key, i) => {
      const t = targets.get(key);
      const full = t ? fullTarget(t) : null;
      return {
        key,
        unit: series[0]?.[i]?.unit ?? '',
        values: series.map((values) => values.find((v) => v.key === key)?.value ?? null),
        trajectory: periods.map((p) => (full && t!.baseValue !== null ? trajectoryAt(full, decimalYearOf(parseKpiPeriod(p)!)) : null)),
        target: full ? targetValueOf(full) : null,
      };
    });
    return { scope: scope.scope, code: scope.code, periods, items };
  }

  /** Which flows count in which term of one indicator (the drill-down, GET /api/v1/kpis/flows). */
  async contributions(ctx: AuthContext, q: ScopeQuery & { period: string; key: KpiKey }): Promise<KpiFlows> {
    const period = periodOrThrow(q.period, '/query/period');
    const run = await this.run(ctx);
    const scope = await this.scopeOf(run, period, q);
    // The drill-down names flows: its ledger is read flow by flow (the same figures as the summed read).
    const { input, values: computed } = await this.compute(run, period, [scope], true);
    const values = computed.get(scope.key) ?? [];
    const flows = new Map(input.flows.map((f) => [f.id, f]));
    const codes = new Map(input.nodes.map((n) => [n.id, n.code]));
    const items = kpiContributions(input, scope, q.key).map((c) => {
      const f = flows.get(c.flowId);
      return {
        flowId: c.flowId,
        term: c.term,
        amount: c.amount,
        period: f?.period ?? period.text,
        from: f ? (codes.get(f.fromNodeId) ?? '') : '',
        to: f ? (codes.get(f.toNodeId) ?? '') : '',
        material: f?.materialCode ?? '',
        quantity: f?.quantity ?? 0,
        unit: f?.unit ?? '',
      };
    });
    return { key: q.key, unit: values.find((v) => v.key === q.key)?.unit ?? '', items };
  }

  /** Every scope the caller may see, computed for one period (the report, the bench): by scope key. */
  async allScopes(ctx: AuthContext, periodText: string): Promise<Map<string, KpiValue[]>> {
    const period = periodOrThrow(periodText, '/query/period');
    const run = await this.run(ctx);
    const scopes = resolveScopes((await this.ledger(run, period)).nodes, run.enterprises).filter((s) => mayCompute(ctx, s));
    return (await this.compute(run, period, scopes)).values;
  }

  /** The scopes the caller may ask for in a period (park, enterprises, units), for the console and the report. */
  async scopes(ctx: AuthContext, periodText: string): Promise<ResolvedScope[]> {
    const period = periodOrThrow(periodText, '/query/period');
    const run = await this.run(ctx);
    return resolveScopes((await this.ledger(run, period)).nodes, run.enterprises).filter((s) => mayCompute(ctx, s));
  }

  // ---- inputs: the generic collection, with units named by code -------------------------------

  listInputs(ctx: AuthContext, q: ListQueryOf<typeof kpiInputSpec>): Promise<Page<KpiInput>> {
    return this.inputs.list(ctx, q);
  }

  async createInput(ctx: AuthContext, body: CreateKpiInput): Promise<KpiInput> {
    const { nodeCode, ...rest } = body;
    if (nodeCode !== undefined && nodeCode !== null && rest.nodeId !== undefined && rest.nodeId !== null) {
      throw validation('give nodeId or nodeCode, not both', [{ path: '/body/nodeCode', message: 'give nodeId or nodeCode, not both' }]);
    }
    const owner = rest.enterpriseId ?? ctx.enterpriseId;
    let nodeId = rest.nodeId ?? null;
    if (nodeCode) nodeId = await this.unitNodeId(nodeCode, owner, '/body/nodeCode');
    else if (nodeId !== null) await this.unitNodeById(nodeId, owner, '/body/nodeId');
    return this.inputs.create(ctx, { ...rest, nodeId });
  }

  updateInput(ctx: AuthContext, id: number, patch: PatchOf<typeof kpiInputSpec>): Promise<KpiInput> {
    return this.inputs.update(ctx, id, patch);
  }

  /**
   * Imports stated figures from CSV: every row checked first (shape, enterprise, unit, who may
   * write it); any bad row rejects the file (422, every bad row and why); else all rows upserted by
   * (enterprise, unit, period) in one transaction, one audit record per enterprise.
   */
  async importInputs(ctx: AuthContext, text: string): Promise<InputImport> {
    kpiInputPolicy.assert(ctx, 'create');
    let parsed: ReturnType<typeof parseInputCsv>;
    try {
      parsed = parseInputCsv(text);
    } catch (err) {
      if (err instanceof InputCsvError) throw validation(err.message, [{ path: '/body', message: err.message }]);
      throw err;
    }
    const rejected = [...parsed.rejected];
    const directory = new Map((await this.registry.directory()).map((e) => [e.code, e]));
    const unitCodes = [...new Set(parsed.rows.flatMap((r) => (r.unit === null ? [] : [r.unit])))];
    let nodes = await this.flows.store.nodesByCode(unitCodes);
    if (unitCodes.some((c) => !nodes.has(c))) {
      // A unit added to the registry since the last sync has no node yet.
      await this.flows.syncNodes();
      nodes = await this.flows.store.nodesByCode(unitCodes);
    }
    const upserts: InputUpsert[] = [];
    for (const r of parsed.rows) {
      const reasons: string[] = [];
      const enterprise = directory.get(r.enterprise);
      if (!enterprise) reasons.push(`unknown enterprise ${r.enterprise}`);
      else if (!kpiInputPolicy.can(ctx, 'create', enterprise.id)) reasons.push(`you may import the inputs of your own enterprise only, not of ${r.enterprise}`);
      const node = r.unit === null ? null : nodes.get(r.unit);
      // Another enterprise's unit answers as an unknown one: its existence is not disclosed.
      if (r.unit !== null && enterprise && (!node || node.kind !== 'unit' || node.enterprise_id !== enterprise.id)) reasons.push(`unknown unit ${r.unit} of enterprise ${r.enterprise}`);
      if (reasons.length) rejected.push({ row: r.row, reason: reasons.join('; ') });
      else upserts.push({ enterpriseId: enterprise!.id, nodeId: node ? node.id : null, period: r.period, valueAdded10kCny: r.valueAdded10kCny, productionT: r.productionT, mainProduct: r.mainProduct });
    }
    if (rejected.length) {
      const sorted = rejected.sort((a, b) => a.row - b.row);
      const errors: FieldError[] = sorted.map((r) => ({ path: `/rows/${r.row - 1}`, message: r.reason }));
      throw new Problem('unprocessable', `${sorted.length} row(s) rejected, nothing imported:\n${sorted.map((r) => `row ${r.row}: ${r.reason}`).join('\n')}`, errors);
    }
    const now = Date.now();
    const result = await this.handle.db.transaction().execute(async (trx) => {
      const written = await this.store.upsertInputs(trx, upserts, now);
      for (const enterpriseId of [...new Set(upserts.map((u) => u.enterpriseId))]) {
        const rows = upserts.filter((u) => u.enterpriseId === enterpriseId);
        await this.audit.append(trx, ctx, { action: 'write', entity: 'kpi_inputs', entityId: null, enterpriseId, after: { source: 'csv', rows: rows.length, periods: [...new Set(rows.map((u) => u.period))].sort() } }, now);
      }
      return written;
    });
    return { imported: upserts.length, created: result.created, updated: result.updated };
  }

  // ---- computing ------------------------------------------------------------------------------

  private async run(ctx: AuthContext): Promise<Run> {
    const [settings, materials, directory] = await Promise.all([this.store.settings(), this.kpiMaterials(ctx), this.registry.directory()]);
    return { ctx, settings: settings.settings, materials, enterprises: new Map(directory.map((e) => [e.id, { id: e.id, code: e.code, name: e.name, nameEn: e.nameEn }])), ledgers: new Map(), flowLedgers: new Map(), computed: new Map() };
  }

  /**
   * The scope a query names, resolved against the period's nodes: 400 without a code where one is
   * needed, 403 for the park or another enterprise asked by an enterprise user, 404 for an unknown
   * code (and another enterprise's unit).
   */
  private async scopeOf(run: Run, period: KpiPeriod, q: ScopeQuery): Promise<ResolvedScope> {
    const { ctx } = run;
    if (q.scope !== 'park' && !q.code) throw validation(`scope ${q.scope} needs a code`, [{ path: '/query/code', message: `is required for scope ${q.scope}` }]);
    if (q.scope === 'park') {
      if (!isParkRole(ctx.role)) throw forbidden('The park’s KPIs are for park roles; ask for your enterprise (scope=enterprise)');
    }
    let enterprise: (ScopeEnterprise & { id: number }) | undefined;
    if (q.scope === 'enterprise') {
      enterprise = [...run.enterprises.values()].find((e) => e.code === q.code);
      if (!enterprise) throw notFound(`Enterprise ${q.code}`);
      if (!isParkRole(ctx.role) && enterprise.id !== ctx.enterpriseId) throw forbidden('You may see the KPIs of your own enterprise and its units only');
    }
    const scopes = resolveScopes((await this.ledger(run, period)).nodes, run.enterprises);
    if (q.scope === 'park') return scopes.find((s) => s.scope === 'park')!;
    if (enterprise) {
      // An enterprise whose node is not synced yet has no flows: its scope is empty, not unknown.
      return scopes.find((s) => s.key === enterpriseScopeKey(enterprise.id)) ?? { key: enterpriseScopeKey(enterprise.id), scope: 'enterprise', code: enterprise.code, name: enterprise.name, nameEn: enterprise.nameEn, enterpriseId: enterprise.id, nodeIds: new Set() };
    }
    const unit = scopes.find((s) => s.scope === 'unit' && s.code === q.code && mayCompute(ctx, s));
    if (!unit) throw notFound(`Unit ${q.code}`);
    return unit;
  }

  /** The values of `scope` in a period, computed once per request. */
  private async valuesOf(run: Run, periodText: string, scope: ResolvedScope): Promise<KpiValue[]> {
    const known = run.computed.get(periodText);
    if (known?.values.has(scope.key)) return known.values.get(scope.key)!;
    const period = parseKpiPeriod(periodText)!;
    const computed = await this.compute(run, period, [scope]);
    return computed.values.get(scope.key) ?? [];
  }

  private async compute(run: Run, period: KpiPeriod, scopes: readonly ResolvedScope[], flowByFlow = false): Promise<{ input: KpiComputeInput; values: Map<string, KpiValue[]> }> {
    const ledger = flowByFlow ? await this.flowLedger(run, period) : await this.ledger(run, period);
    const input: KpiComputeInput = {
      period: period.text,
      nodes: ledger.nodes,
      flows: ledger.flows,
      stocks: ledger.stocks,
      materials: run.materials,
      settings: run.settings,
      figures: await this.figures(run, period, scopes),
    };
    const values = computeKpis(input, scopes);
    if (flowByFlow) return { input, values };
    const known = run.computed.get(period.text);
    if (known) for (const [key, v] of values) known.values.set(key, v);
    else run.computed.set(period.text, { input, values });
    return { input, values };
  }

  /** The ledger of a period as the caller sees it, its flows summed per link and month (read once per request). */
  private async ledger(run: Run, period: KpiPeriod): Promise<Ledger> {
    const known = run.ledgers.get(period.text);
    if (known) return known;
    await this.readLedgers(run, [period]);
    return run.ledgers.get(period.text)!;
  }

  /** The ledger of a period flow by flow (the drill-down names each flow). */
  private async flowLedger(run: Run, period: KpiPeriod): Promise<Ledger> {
    const known = run.flowLedgers.get(period.text);
    if (known) return known;
    const read = await this.flows.readLedgerTotals(run.ctx, { ...ledgerRange([period]), summed: false });
    const ledger: Ledger = { nodes: read.nodes, flows: read.flows, stocks: read.stocks };
    run.flowLedgers.set(period.text, ledger);
    return ledger;
  }

  /**
   * Reads the ledgers of periods of one kind in one query (FlowLedgerService.readLedgerTotals:
   * flows summed per link, recorder, unit and month) and splits them per period. A sum of flows
   * whose unit cannot be converted is read again flow by flow, so that `missing` names each flow.
   */
  private async readLedgers(run: Run, periods: readonly KpiPeriod[]): Promise<void> {
    const wanted = periods.filter((p) => !run.ledgers.has(p.text));
    if (!wanted.length) return;
    const range = ledgerRange(wanted);
    const read = await this.flows.readLedgerTotals(run.ctx, { ...range, summed: true });
    let flows: LedgerTotals['flows'] = read.flows;
    const unconvertible = new Set<string>();
    for (const f of flows) if (f.rows > 1 && !convertible(run.materials.get(f.materialCode), f.unit)) unconvertible.add(f.materialCode);
    if (unconvertible.size) {
      const one = await this.flows.readLedgerTotals(run.ctx, { ...range, summed: false, materials: [...unconvertible] });
      flows = [...flows.filter((f) => !unconvertible.has(f.materialCode)), ...one.flows];
    }
    const periodOf = periodOfRow(wanted[0]!.kind);
    const byPeriod = new Map<string, Ledger>(wanted.map((p) => [p.text, { nodes: read.nodes, flows: [], stocks: [] }]));
    for (const f of flows) byPeriod.get(periodOf(f.period))?.flows.push(f);
    for (const st of read.stocks) byPeriod.get(periodOf(st.period))?.stocks.push(st);
    for (const [text, ledger] of byPeriod) run.ledgers.set(text, ledger);
  }

  /** The stated figures of each scope (the park: the sum over every enterprise of the park). */
  private async figures(run: Run, period: KpiPeriod, scopes: readonly ResolvedScope[]): Promise<Map<string, ScopeFigures>> {
    const wantsPark = scopes.some((s) => s.scope === 'park');
    const ids = [...new Set(scopes.flatMap((s) => (s.enterpriseId === null ? [] : [s.enterpriseId])))];
    const rows = await this.store.inputs(wantsPark ? null : ids, inputPeriodsOf(period));
    const out = new Map<string, ScopeFigures>();
    const ofEnterprise = (id: number) => statedFigures(rows.filter((r) => r.enterprise_id === id && r.node_id === null), period);
    for (const s of scopes) {
      if (s.scope === 'park') out.set(s.key, parkFigures([...run.enterprises.values()].map((e) => ({ code: e.code, figures: ofEnterprise(e.id) }))));
      else if (s.scope === 'enterprise') out.set(s.key, ofEnterprise(s.enterpriseId!));
      else out.set(s.key, statedFigures(rows.filter((r) => r.node_id === Number(s.key.slice(2))), period));
    }
    return out;
  }

  /** The targets that apply to a scope (an enterprise's own for it and its units, the park's for the park), with base values. */
  private async targetsOf(run: Run, scope: ResolvedScope): Promise<Map<KpiKey, ScopeTarget>> {
    const records = await this.store.targets(scope.scope === 'park' ? null : scope.enterpriseId);
    const out = new Map<KpiKey, ScopeTarget>();
    for (const record of records) {
      let baseValue = record.baseValue;
      if (baseValue === null) baseValue = valueOf(await this.valuesOf(run, String(record.baseYear), scope), record.key);
      out.set(record.key, { record, baseValue });
    }
    return out;
  }

  /**
   * The materials the caller may use, with what the KPIs read of them, by code: the park
   * catalogue and the caller's own (which wins a shared code); park roles see every enterprise's
   * too, the catalogue's winning (the ledger's rule, FlowLedgerService.materials).
   */
  private async kpiMaterials(ctx: AuthContext): Promise<Map<string, KpiMaterial>> {
    const usable = await this.registry.usableMaterials(ctx);
    return new Map(
      [...usable].map(([code, r]) => [
        code,
        {
          code: r.code,
          name: r.name,
          nameEn: r.nameEn ?? null,
          category: r.category,
          hazardous: r.hazardous,
          unit: r.unit,
          swCode: r.swCode ?? null,
          hwCode: r.hwCode ?? null,
          densityKgM3: r.densityKgM3 ?? null,
          lhvMJPerUnit: r.lhvMJPerUnit ?? null,
          lhvMJPerKg: r.lhvMJPerKg ?? null,
          kgcePerUnit: r.kgcePerUnit ?? null,
          emissionFactorKgCO2ePerUnit: r.emissionFactorKgCO2ePerUnit ?? null,
          carbonContentKgCPerKg: r.carbonContentKgCPerKg ?? null,
        },
      ]),
    );
  }

  // ---- inputs' units --------------------------------------------------------------------------

  private async unitNodeId(code: string, owner: number | null, path: string): Promise<number> {
    let node = (await this.flows.store.nodesByCode([code])).get(code);
    if (!node) {
      await this.flows.syncNodes();
      node = (await this.flows.store.nodesByCode([code])).get(code);
    }
    if (!node || node.kind !== 'unit' || (owner !== null && node.enterprise_id !== owner)) throw validation(`${path.replace('/body/', '')}: no such unit node in this enterprise`, [{ path, message: 'no such unit node in this enterprise' }]);
    return node.id;
  }

  private async unitNodeById(id: number, owner: number | null, path: string): Promise<void> {
    const [node] = await this.flows.store.nodesById([id]);
    if (!node || node.kind !== 'unit' || (owner !== null && node.enterprise_id !== owner)) throw validation(`${path.replace('/body/', '')}: no such unit node in this enterprise`, [{ path, message: 'no such unit node in this enterprise' }]);
  }

  private async decorateInputs(items: KpiInput[]): Promise<void> {
    const ids = items.flatMap((i) => (i.nodeId === null ? [] : [i.nodeId]));
    const codes = new Map(ids.length ? (await this.flows.store.nodesById(ids)).map((n) => [n.id, n.code]) : []);
    for (const item of items) (item as KpiInput & { nodeCode: string | null }).nodeCode = item.nodeId === null ? null : (codes.get(item.nodeId) ?? null);
  }
}

interface Ledger {
  nodes: LedgerNode[];
  flows: KpiFlow[];
  stocks: KpiStock[];
}

/** The ledger periods (one grain) that cover KPI periods of one kind: months for months and quarters, years for years. */
export function ledgerRange(periods: readonly KpiPeriod[]): { from: string; to: string } {
  const sorted = [...periods].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (first.kind === 'year') return { from: first.text, to: last.text };
  return { from: first.months[0]!, to: last.months[last.months.length - 1]! };
}

/** The KPI period of a row of a range read (its period: a year, or a month, a day's being its month's). */
export function periodOfRow(kind: KpiPeriod['kind']): (rowPeriod: string) => string {
  if (kind === 'year') return (p) => p.slice(0, 4);
  if (kind === 'month') return (p) => p.slice(0, 7);
  return (p) => `${p.slice(0, 4)}-Q${Math.floor((Number(p.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Whether a quantity in `unit` converts to the material's own unit (an unknown material: counted apart, not converted). */
function convertible(m: KpiMaterial | undefined, unit: string): boolean {
  if (!m || unit === m.unit) return true;
  return !('error' in materialUnitFactor(unit, ledgerMaterialOf(m)));
}

interface ScopeTarget {
  record: KpiTargetRecord;
  /** Stated, or the ledger's value in the base year; null when neither is known. */
  baseValue: number | null;
}

function periodOrThrow(text: string, path: string): KpiPeriod {
  const p = parseKpiPeriod(text);
  if (!p) throw validation(`${path.split('/').pop()} ${JSON.stringify(text)} is not a month (2026-03), quarter (2026-Q1) or year (2026) between 1900 and 2200`, [{ path, message: 'is not a period' }]);
  return p;
}

/** Whether the caller may compute a scope: park roles any; an enterprise user its enterprise and its own units. */
function mayCompute(ctx: AuthContext, s: ResolvedScope): boolean {
  if (isParkRole(ctx.role)) return true;
  return s.scope !== 'park' && s.enterpriseId !== null && s.enterpriseId === ctx.enterpriseId;
}

function valueOf(values: readonly KpiValue[] | null, key: KpiKey): number | null {
  return values?.find((v) => v.key === key)?.value ?? null;
}

// ---- pure parts (exported for their tests) ------------------------------------------------------

/** The stated periods a KPI period reads: its months, and for a year the year itself. */
export function inputPeriodsOf(p: KpiPeriod): string[] {
  return p.kind === 'year' ? [...p.months, p.text] : [...p.months];
}

/** One stated row as the figures need it. */
export type StatedRow = Pick<InputRow, 'period' | 'value_added_10k_cny' | 'production_t' | 'main_product'>;

/**
 * The figures of one enterprise or unit for a period, from its stated rows: a year row's figure
 * where it states one, else the sum over every month of the period; a month not stated leaves the
 * sum unknown (null), never a partial sum. The main product is the latest one stated.
 */
export function statedFigures(rows: readonly StatedRow[], p: KpiPeriod): ScopeFigures {
  const yearRow = p.kind === 'year' ? rows.find((r) => r.period === p.text) : undefined;
  const monthRows = p.months.map((m) => rows.find((r) => r.period === m));
  const figure = (pick: (r: StatedRow) => number | null): number | null => {
    const stated = yearRow ? pick(yearRow) : null;
    if (stated !== null && stated !== undefined) return Number(stated);
    let sum = 0;
    for (const r of monthRows) {
      const v = r ? pick(r) : null;
      if (v === null || v === undefined) return null;
      sum += Number(v);
    }
    return sum;
  };
  const mainProduct = yearRow?.main_product ?? [...monthRows].reverse().find((r) => r?.main_product)?.main_product ?? null;
  return { valueAdded10kCny: figure((r) => r.value_added_10k_cny), productionT: figure((r) => r.production_t), mainProduct };
}

/**
 * The park's figures: the sum of its enterprises' value added, null with `missingFrom` naming the
 * enterprises that stated none. Production is not summed across enterprises (their main products
 * differ), so the park has none.
 */
export function parkFigures(enterprises: readonly { code: string; figures: ScopeFigures }[]): ScopeFigures {
  const missingFrom = enterprises.filter((e) => e.figures.valueAdded10kCny === null).map((e) => e.code);
  const total = enterprises.reduce((s, e) => s + (e.figures.valueAdded10kCny ?? 0), 0);
  return { valueAdded10kCny: missingFrom.length || !enterprises.length ? null : total, productionT: null, mainProduct: null, ...(missingFrom.length ? { missingFrom } : {}) };
}

/** A stored target with its base value, in the form targets.ts judges; null when the base value is unknown. */
function fullTarget(t: ScopeTarget): Target | null {
  const { record: r, baseValue } = t;
  if (r.kind === 'absolute') return r.value === null ? null : { kind: 'absolute', value: r.value, baseYear: r.baseYear, targetYear: r.targetYear, baseValue: baseValue ?? r.value };
  if (baseValue === null || r.percent === null) return null;
  return { kind: 'reduction', percent: r.percent, baseYear: r.baseYear, targetYear: r.targetYear, baseValue };
}

/**
 * A value against its target: the target's value, the trajectory at the period and the status.
 * An absolute target whose base value is unknown is judged against the target alone (no
 * trajectory); a reduction whose base value is unknown cannot be judged ('no_target', target null).
 */
export function judge(key: KpiKey, value: number | null, at: number, t: ScopeTarget | undefined): { target: number | null; trajectory: number | null; status: KpiItem['status'] } {
  const full = t ? fullTarget(t) : null;
  const direction = KPI_DIRECTION[key];
  const target = full ? targetValueOf(full) : null;
  const trajectory = full && t!.baseValue !== null ? trajectoryAt(full, at) : null;
  if (value === null) return { target, trajectory, status: 'no_value' };
  if (!full || !direction) return { target, trajectory, status: 'no_target' };
  return { target, trajectory, status: targetStatus(value, at, full, direction).status };
}

/** Problems of settings beyond their schema: codes in the catalogue, the equal value when chosen. */
export function settingsProblems(s: KpiSettings, catalogue: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  if (s.electricityBasis === 'equal_value' && s.electricityEqualValueKgcePerKWh === null) errors.push({ path: '/body/electricityEqualValueKgcePerKWh', message: 'is required for the equal-value basis' });
  const known = (path: string, code: string) => {
    if (!catalogue.has(code)) errors.push({ path: `${path}/${code}`, message: `unknown material ${code}` });
  };
  for (const field of ['oxidationFactors', 'avoidedFactors', 'circularity'] as const) for (const code of Object.keys(s[field])) known(`/body/${field}`, code);
  for (const field of ['waterIntakeMaterials', 'waterReusedMaterials'] as const) s[field].forEach((code, i) => {
    if (!catalogue.has(code)) errors.push({ path: `/body/${field}/${i}`, message: `unknown material ${code}` });
  });
  return errors;
}
