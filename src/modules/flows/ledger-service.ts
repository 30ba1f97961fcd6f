/**
 * The flow ledger's service: what every source writes through and every reader reads through.
 *
 * Writes are all-or-nothing: every row is checked first (period, nodes the caller may name,
 * material, unit convertible to the material's, quantities) and one bad row rejects the write
 * with every bad row listed. A good write is one transaction: rows upserted by (source, key),
 * the rows a source's re-run no longer produces deleted, one audit record and one
 * `flows.ledger.changed` event; the outbox is woken after the commit.
 *
 * Which nodes a caller may name: the park any; an enterprise its own nodes, park-level nodes and
 * other enterprises' enterprise nodes (another's unit nodes are hidden from it, so they answer
 * "unknown node" like a missing code). An enterprise's flow needs an end at one of its own nodes.
 */
import { recordEvent, type OutboxDispatcher } from '../../adapters/db/outbox.ts';
import type { DbHandle } from '../../adapters/db/index.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { ResourceService } from '../../core/crud/service.ts';
import type { CreateOf, ListQueryOf, PatchOf } from '../../core/crud/spec.ts';
import { conflict, notFound, validation, type FieldError } from '../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import type { RegistryService } from '../registry/service.ts';
import { effectiveSd, FLOW_BASES, type FlowBasis, type FlowInput, type FlowSource, type LedgerFlow, type LedgerMaterial, type LedgerNode, type LedgerPeriod, type LedgerStock, type PeriodGrain, type RejectedRow, type WriteFlowsInput, type WriteFlowsResult } from './model.ts';
import { NodeSync } from './nodes.ts';
import { parsePeriod, type Period } from './period.ts';
import { flowPolicy } from './policy.ts';
import { materialUnitFactor } from './quantity.ts';
import { flowNodeSpec } from './resources.ts';
import type { CreateFlow, Flow, FlowListQuery, FlowPage, PatchFlow, PutStock, Stock } from './schemas.ts';
import { FlowStore, flowOf, nodeOf, stockOf, storedKey, type NewFlowRow, type NodeRow } from './store.ts';

/** The ledger as the KPIs read it (readLedgerTotals): flows summed per link, recorder, unit and month (`rows` of them), stock rows per month. */
export interface LedgerTotals {
  nodes: LedgerNode[];
  flows: Array<Pick<LedgerFlow, 'id' | 'enterpriseId' | 'grain' | 'period' | 'fromNodeId' | 'toNodeId' | 'materialCode' | 'quantity' | 'unit'> & { rows: number }>;
  stocks: Array<Pick<LedgerStock, 'nodeId' | 'materialCode' | 'opening' | 'closing' | 'unit'> & { period: string }>;
}
import { flowShareSpec } from './visibility.ts';

const SOURCE_KEY_MAX = 300;
const NOTE_MAX = 2000;

/** A row that passed every check, resolved to what is stored. */
type Prepared = Omit<NewFlowRow, 'source' | 'import_id' | 'entered_by' | 'updated_at' | 'enterprise_id'>;

export class FlowLedgerService {
  readonly store: FlowStore;
  private readonly nodeSync: NodeSync;
  /** Nodes people add (resources.ts); the list is the ledger's own (`listNodes`). */
  readonly nodes: ResourceService<typeof flowNodeSpec>;
  /** Share rules of kind `flows.flows`, served at /api/v1/flow-shares. */
  readonly shares: ResourceService<typeof flowShareSpec>;

  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly registry: RegistryService,
    private readonly events?: OutboxDispatcher,
  ) {
    this.store = new FlowStore(handle);
    this.nodeSync = new NodeSync(handle, registry, audit);
    this.nodes = new ResourceService(handle, flowNodeSpec, audit);
    this.shares = new ResourceService(handle, flowShareSpec, audit);
  }

  /** The park, boundary, enterprise and unit nodes in step with the registry (nodes.ts). Idempotent. */
  syncNodes(): Promise<void> {
    return this.nodeSync.sync();
  }

  /**
   * The materials the caller may use, by code, read through the registry's material resource (so
   * its tenancy applies): the park catalogue and, for an enterprise, its own (which wins over a
   * catalogue entry of the same code); park roles see every enterprise's too, the catalogue's
   * winning a shared code.
   */
  async materials(ctx: AuthContext): Promise<Map<string, LedgerMaterial>> {
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
          densityKgM3: r.densityKgM3 ?? null,
          lhvMJPerUnit: r.lhvMJPerUnit ?? null,
          lhvMJPerKg: r.lhvMJPerKg ?? null,
          composition: r.composition ?? null,
        },
      ]),
    );
  }

  async periods(ctx: AuthContext): Promise<Array<{ period: string; grain: PeriodGrain; flows: number }>> {
    return this.store.periods(ctx);
  }

  // ---- writing --------------------------------------------------------------------------------

  async validateFlows(ctx: AuthContext, rows: FlowInput[]): Promise<RejectedRow[]> {
    return (await this.prepare(ctx, rows, recorderOf(ctx))).rejected;
  }

  async writeFlows(ctx: AuthContext, input: WriteFlowsInput): Promise<WriteFlowsResult> {
    const recorder = recorderOf(ctx);
    flowPolicy.assert(ctx, 'create', recorder);
    const { prepared, rejected } = await this.prepare(ctx, input.rows, recorder);
    const keys = input.rows.map((r) => r.sourceKey);
    keys.forEach((k, i) => {
      if (k === undefined) return;
      if (input.replace && !k.startsWith(input.replace.keyPrefix)) rejected.push({ row: i + 1, reason: `sourceKey ${k} does not start with the re-run's prefix ${input.replace.keyPrefix}` });
      const first = keys.indexOf(k);
      if (first !== i) rejected.push({ row: i + 1, reason: `sourceKey ${k} repeats row ${first + 1}` });
    });
    const named = keys.filter((k): k is string => k !== undefined);
    if (rejected.length) return { written: 0, rejected: sortedRejections(rejected) };
    const now = Date.now();
    await this.handle.db.transaction().execute(async (trx) => {
      const rows: NewFlowRow[] = prepared.map((p, i) => ({
        ...p,
        enterprise_id: recorder,
        source: input.source,
        source_key: keys[i] === undefined ? null : storedKey(recorder, keys[i]),
        import_id: input.importId ?? null,
        entered_by: ctx.username,
        updated_at: now,
      }));
      await this.store.upsertFlows(trx, rows, now);
      const replaced = input.replace ? await this.store.deleteReplaced(trx, input.source, input.replace.keyPrefix, recorder, new Set(named.map((k) => storedKey(recorder, k)))) : { deleted: 0, periods: [], enterpriseIds: [] };
      const periods = [...new Set([...rows.map((r) => r.period), ...replaced.periods])].sort();
      await this.audit.append(trx, ctx, { action: 'write', entity: 'flows', entityId: input.importId ?? null, enterpriseId: recorder, after: { source: input.source, written: rows.length, replaced: replaced.deleted, periods } }, now);
      await recordEvent(trx, 'flows.ledger.changed', { what: `${input.source}:write`, periods, enterpriseIds: enterprisesOf(recorder, rows, replaced.enterpriseIds) });
    });
    this.events?.wake();
    return { written: prepared.length, rejected: [] };
  }

  /** Checks every row; the resolved rows when all pass, else every rejection (rows numbered from 1). */
  private async prepare(ctx: AuthContext, rows: readonly FlowInput[], recorder: number | null): Promise<{ prepared: Prepared[]; rejected: RejectedRow[] }> {
    const nodes = await this.namedNodes(ctx, rows.flatMap((r) => [r.from, r.to]));
    const materials = await this.materials(ctx);
    const timeZone = await this.timeZone();
    const rejected: RejectedRow[] = [];
    const prepared: Prepared[] = [];
    rows.forEach((r, i) => {
      const reasons: string[] = [];
      const period = typeof r.period === 'string' ? parsePeriod(r.period, timeZone) : null;
      if (!period) reasons.push(`period ${JSON.stringify(r.period)} is not a year (2026), month (2026-03) or day (2026-03-15)`);
      const from = nodes.get(r.from);
      const to = nodes.get(r.to);
      if (!from) reasons.push(`unknown node ${r.from}`);
      if (!to) reasons.push(`unknown node ${r.to}`);
      if (from && to && from.id === to.id) reasons.push(`from and to are the same node ${r.from}`);
      if (from && to && recorder !== null && from.enterprise_id !== recorder && to.enterprise_id !== recorder) reasons.push(`neither ${r.from} nor ${r.to} is a node of your enterprise`);
      const material = materials.get(r.material);
      if (!material) reasons.push(`unknown material ${r.material}`);
      if (!isBasis(r.basis)) reasons.push(`basis ${JSON.stringify(r.basis)} is not one of ${FLOW_BASES.join(', ')}`);
      if (typeof r.quantity !== 'number' || !Number.isFinite(r.quantity) || r.quantity < 0) reasons.push(`quantity ${String(r.quantity)} is not a finite number ≥ 0`);
      if (r.sd !== null && (typeof r.sd !== 'number' || !Number.isFinite(r.sd) || r.sd < 0)) reasons.push(`sd ${String(r.sd)} is not a finite number ≥ 0`);
      if (material) {
        const f = materialUnitFactor(r.unit, material);
        if ('error' in f) reasons.push(f.error);
      }
      if (r.sourceKey !== undefined && (r.sourceKey.length === 0 || r.sourceKey.length > SOURCE_KEY_MAX)) reasons.push(`sourceKey must have 1 to ${SOURCE_KEY_MAX} characters`);
      if (r.note && r.note.length > NOTE_MAX) reasons.push(`note is longer than ${NOTE_MAX} characters`);
      if (reasons.length) {
        rejected.push({ row: i + 1, reason: reasons.join('; ') });
        return;
      }
      const p = period as Period;
      prepared.push({
        grain: p.grain,
        period: p.period,
        period_start: p.start,
        period_end: p.end,
        from_node_id: from!.id,
        to_node_id: to!.id,
        from_enterprise_id: from!.enterprise_id,
        to_enterprise_id: to!.enterprise_id,
        material_code: material!.code,
        quantity: r.quantity,
        unit: r.unit,
        sd: r.basis === 'exact' ? null : r.sd,
        basis: r.basis,
        source_key: r.sourceKey ?? null,
        note: r.note ?? null,
      });
    });
    return { prepared, rejected };
  }

  /** The nodes among `codes` the caller may name; an unknown code first brings the nodes in step with the registry. */
  private async namedNodes(ctx: AuthContext, codes: readonly string[]): Promise<Map<string, NodeRow>> {
    const wanted = [...new Set(codes.filter((c) => typeof c === 'string'))];
    let found = await this.store.nodesByCode(wanted);
    if (wanted.some((c) => !found.has(c))) {
      // A unit or enterprise added to the registry since the last sync is named before its node exists.
      await this.syncNodes();
      found = await this.store.nodesByCode(wanted);
    }
    for (const [code, node] of found) if (!mayName(ctx, node)) found.delete(code);
    return found;
  }

  private async timeZone(): Promise<string> {
    return (await this.registry.getPark().catch(() => null))?.timezone ?? 'Asia/Shanghai';
  }

  // ---- manual flows (the routes) --------------------------------------------------------------

  async listFlows(ctx: AuthContext, query: FlowListQuery): Promise<FlowPage> {
    const period = query.period === undefined ? null : this.periodOrThrow(query.period, '/querystring/period');
    let nodeId: number | null = null;
    if (query.node !== undefined) {
      const node = (await this.store.nodesByCode([query.node])).get(query.node);
      // A node the caller may not name filters to nothing rather than saying it exists.
      nodeId = node && mayName(ctx, node) ? node.id : -1;
    }
    const { rows, total } = await this.store.listFlows(ctx, query, period, nodeId);
    const codes = await this.codesOf(rows.flatMap((r) => [r.from_node_id, r.to_node_id]));
    return { items: rows.map((r) => flowOf(r, (id) => codes.get(id) ?? '')), total, limit: query.limit, offset: query.offset };
  }

  async getFlow(ctx: AuthContext, id: number): Promise<Flow> {
    const row = await this.store.visibleFlow(ctx, id);
    if (!row) throw notFound(`Flow ${id}`);
    const codes = await this.codesOf([row.from_node_id, row.to_node_id]);
    return flowOf(row, (n) => codes.get(n) ?? '');
  }

  async createFlow(ctx: AuthContext, body: CreateFlow): Promise<Flow> {
    const recorder = recorderOf(ctx);
    flowPolicy.assert(ctx, 'create', recorder);
    const { prepared, rejected } = await this.prepare(ctx, [inputOf(body)], recorder);
    if (rejected.length) throw rejection(rejected);
    const now = Date.now();
    const id = await this.handle.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('flows')
        .values({ ...prepared[0], enterprise_id: recorder, source: 'manual', source_key: null, import_id: null, entered_by: ctx.username, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const flowId = Number(row.id);
      await this.audit.append(trx, ctx, { action: 'create', entity: 'flow', entityId: flowId, enterpriseId: recorder, after: { ...body } }, now);
      await recordEvent(trx, 'flows.ledger.changed', { what: 'manual:create', periods: [prepared[0].period], enterpriseIds: enterprisesOf(recorder, prepared, []) });
      return flowId;
    });
    this.events?.wake();
    return this.getFlow(ctx, id);
  }

  async patchFlow(ctx: AuthContext, id: number, patch: PatchFlow): Promise<Flow> {
    const current = await this.editable(ctx, id, 'update');
    const codes = await this.codesOf([current.from_node_id, current.to_node_id]);
    const merged: CreateFlow = {
      period: current.period,
      from: codes.get(current.from_node_id)!,
      to: codes.get(current.to_node_id)!,
      material: current.material_code,
      quantity: Number(current.quantity),
      unit: current.unit,
      sd: current.sd === null ? null : Number(current.sd),
      basis: current.basis as FlowBasis,
      note: current.note,
      ...patch,
    };
    const { prepared, rejected } = await this.prepare(ctx, [inputOf(merged)], current.enterprise_id);
    if (rejected.length) throw rejection(rejected);
    const now = Date.now();
    await this.handle.db.transaction().execute(async (trx) => {
      const { source_key: _key, ...content } = prepared[0];
      await trx.updateTable('flows').set({ ...content, entered_by: ctx.username, updated_at: now }).where('id', '=', id).execute();
      await this.audit.append(trx, ctx, { action: 'update', entity: 'flow', entityId: id, enterpriseId: current.enterprise_id, before: flowOf(current, (n) => codes.get(n) ?? ''), after: { ...merged } }, now);
      await recordEvent(trx, 'flows.ledger.changed', { what: 'manual:update', periods: [...new Set([current.period, prepared[0].period])], enterpriseIds: enterprisesOf(current.enterprise_id, [current, ...prepared], []) });
    });
    this.events?.wake();
    return this.getFlow(ctx, id);
  }

  async deleteFlow(ctx: AuthContext, id: number): Promise<void> {
    const current = await this.editable(ctx, id, 'delete');
    const now = Date.now();
    // Read before the transaction: on SQLite a read outside it would wait for the one connection it holds.
    const codes = await this.codesOf([current.from_node_id, current.to_node_id]);
    await this.handle.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('flows').where('id', '=', id).execute();
      await this.audit.append(trx, ctx, { action: 'delete', entity: 'flow', entityId: id, enterpriseId: current.enterprise_id, before: flowOf(current, (n) => codes.get(n) ?? '') }, now);
      await recordEvent(trx, 'flows.ledger.changed', { what: 'manual:delete', periods: [current.period], enterpriseIds: enterprisesOf(current.enterprise_id, [current], []) });
    });
    this.events?.wake();
  }

  /** A flow the caller sees (else 404), may change (else 403) and that was entered by hand (else 409). */
  private async editable(ctx: AuthContext, id: number, action: 'update' | 'delete') {
    const current = await this.store.visibleFlow(ctx, id);
    if (!current) throw notFound(`Flow ${id}`);
    flowPolicy.assert(ctx, action, current.enterprise_id);
    if (current.source !== 'manual') throw conflict(`Flow ${id} comes from the ${current.source} source: re-running that source replaces it, so it is not edited by hand`);
    return current;
  }

  // ---- stocks ---------------------------------------------------------------------------------

  async listStocks(ctx: AuthContext, periodText: string): Promise<{ items: Stock[] }> {
    const period = this.periodOrThrow(periodText, '/querystring/period');
    const rows = await this.store.ledgerStocks(ctx, period);
    const codes = await this.codesOf(rows.map((r) => r.node_id));
    return { items: rows.map((r) => stockOf(r, (n) => codes.get(n) ?? '')) };
  }

  /** Deletes a recorded stock: the caller must see it (else 404) and may write its enterprise's ledger (else 403). */
  async deleteStock(ctx: AuthContext, id: number): Promise<void> {
    const current = await this.store.visibleStock(ctx, id);
    if (!current) throw notFound(`Stock ${id}`);
    flowPolicy.assert(ctx, 'delete', current.enterprise_id);
    const now = Date.now();
    await this.handle.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('flow_stocks').where('id', '=', id).execute();
      await this.audit.append(trx, ctx, { action: 'delete', entity: 'flow_stock', entityId: id, enterpriseId: current.enterprise_id, before: current }, now);
      await recordEvent(trx, 'flows.ledger.changed', { what: 'stock:delete', periods: [current.period], enterpriseIds: current.enterprise_id === null ? [] : [current.enterprise_id] });
    });
    this.events?.wake();
  }

  /** Records a node's opening and closing stock of a material for a period (replacing what was recorded). */
  async putStock(ctx: AuthContext, body: PutStock): Promise<Stock> {
    const recorder = recorderOf(ctx);
    flowPolicy.assert(ctx, 'create', recorder);
    const errors: FieldError[] = [];
    const period = parsePeriod(body.period, await this.timeZone());
    if (!period) errors.push({ path: '/body/period', message: 'is not a year, month or day' });
    const node = (await this.namedNodes(ctx, [body.node])).get(body.node);
    if (!node) errors.push({ path: '/body/node', message: `unknown node ${body.node}` });
    else if (recorder !== null && node.enterprise_id !== recorder) errors.push({ path: '/body/node', message: 'a stock is recorded by the enterprise whose node holds it' });
    const material = (await this.materials(ctx)).get(body.material);
    if (!material) errors.push({ path: '/body/material', message: `unknown material ${body.material}` });
    else {
      const f = materialUnitFactor(body.unit, material);
      if ('error' in f) errors.push({ path: '/body/unit', message: f.error });
    }
    if (errors.length) throw validation(errors.map((e) => `${e.path.replace('/body/', '')}: ${e.message}`).join('; '), errors);
    const p = period!;
    const owner = node!.enterprise_id ?? recorder;
    const now = Date.now();
    const id = await this.handle.db.transaction().execute(async (trx) => {
      const values = { enterprise_id: owner, opening: body.opening, closing: body.closing, unit: body.unit, sd: body.basis === 'exact' ? null : (body.sd ?? null), basis: body.basis, source: 'manual', entered_by: ctx.username, updated_at: now };
      const existing = await trx.selectFrom('flow_stocks').selectAll().where('node_id', '=', node!.id).where('material_code', '=', material!.code).where('grain', '=', p.grain).where('period', '=', p.period).executeTakeFirst();
      let stockId: number;
      if (existing) {
        await trx.updateTable('flow_stocks').set(values).where('id', '=', existing.id).execute();
        stockId = Number(existing.id);
      } else {
        const row = await trx.insertInto('flow_stocks').values({ ...values, node_id: node!.id, material_code: material!.code, grain: p.grain, period: p.period, created_at: now }).returning('id').executeTakeFirstOrThrow();
        stockId = Number(row.id);
      }
      await this.audit.append(trx, ctx, { action: existing ? 'update' : 'create', entity: 'flow_stock', entityId: stockId, enterpriseId: owner, before: existing ?? null, after: { ...body } }, now);
      await recordEvent(trx, 'flows.ledger.changed', { what: 'stock:put', periods: [p.period], enterpriseIds: owner === null ? [] : [owner] });
      return stockId;
    });
    this.events?.wake();
    return { id, enterpriseId: owner, nodeId: node!.id, nodeCode: node!.code, materialCode: material!.code, grain: p.grain, period: p.period, opening: body.opening, closing: body.closing, unit: body.unit, sd: body.basis === 'exact' ? null : (body.sd ?? null), basis: body.basis };
  }

  // ---- the ledger as the balances read it -----------------------------------------------------

  async readLedger(ctx: AuthContext, q: { period: string; enterpriseId?: number }): Promise<LedgerPeriod> {
    const period = this.periodOrThrow(q.period, '/querystring/period');
    const [flows, stocks, visible] = await Promise.all([this.store.ledgerFlows(ctx, period, q.enterpriseId), this.store.ledgerStocks(ctx, period), this.store.visibleNodes(ctx)]);
    // The ends of every visible flow are part of it, even another enterprise's unit (seeing the flow shows where it came from).
    const have = new Set(visible.map((n) => n.id));
    const missing = [...flows.flatMap((f) => [f.from_node_id, f.to_node_id]), ...stocks.map((s) => s.node_id)].filter((id) => !have.has(id));
    const nodes = [...visible, ...(missing.length ? await this.store.nodesById(missing) : [])];
    return {
      grain: period.grain,
      period: period.period,
      nodes: nodes.map(nodeOf),
      flows: flows.map((r) => {
        const basis = r.basis as FlowBasis;
        const quantity = Number(r.quantity);
        return {
          id: Number(r.id),
          enterpriseId: r.enterprise_id,
          grain: r.grain as PeriodGrain,
          period: r.period,
          fromNodeId: r.from_node_id,
          toNodeId: r.to_node_id,
          materialCode: r.material_code,
          quantity,
          unit: r.unit,
          sd: effectiveSd(quantity, r.sd === null ? null : Number(r.sd), basis),
          basis,
          source: r.source as FlowSource,
        };
      }),
      stocks: stocks.map((s) => {
        const basis = s.basis as FlowBasis;
        const change = Number(s.closing) - Number(s.opening);
        return { nodeId: s.node_id, materialCode: s.material_code, opening: Number(s.opening), closing: Number(s.closing), unit: s.unit, sd: effectiveSd(change, s.sd === null ? null : Number(s.sd), basis), basis };
      }),
    };
  }

  /**
   * The ledger of the periods `from`..`to` (one grain) for the KPIs, in one read: the nodes as
   * readLedger gives them, the flows it would give (same visibility), summed per link, recorder,
   * unit and month unless `summed` is false (FlowStore.ledgerFlowTotals), and the stock rows summed
   * per node, material, unit and month.
   */
  async readLedgerTotals(ctx: AuthContext, q: { from: string; to: string; summed: boolean; materials?: readonly string[] }): Promise<LedgerTotals> {
    const from = this.periodOrThrow(q.from, '/querystring/from');
    const to = this.periodOrThrow(q.to, '/querystring/to');
    if (from.grain !== to.grain) throw validation('from and to must be periods of one grain', [{ path: '/querystring/to', message: 'must be of the grain of from' }]);
    const range = { from: from.period, to: to.period, grain: from.grain };
    const [flows, stocks, visible] = await Promise.all([this.store.ledgerFlowTotals(ctx, range, { summed: q.summed, materials: q.materials }), q.materials ? Promise.resolve([]) : this.store.ledgerStockTotals(ctx, range), this.store.visibleNodes(ctx)]);
    const have = new Set(visible.map((n) => n.id));
    const missing = new Set<number>();
    for (const f of flows) for (const id of [f.from_node_id, f.to_node_id]) if (!have.has(id)) missing.add(id);
    for (const s of stocks) if (!have.has(s.node_id)) missing.add(s.node_id);
    const nodes = [...visible, ...(missing.size ? await this.store.nodesById([...missing]) : [])];
    return {
      nodes: nodes.map(nodeOf),
      flows: flows.map((r) => ({ id: r.id, enterpriseId: r.enterprise_id, grain: r.grain as PeriodGrain, period: r.period, fromNodeId: r.from_node_id, toNodeId: r.to_node_id, materialCode: r.material_code, quantity: r.quantity, unit: r.unit, rows: r.rows })),
      stocks: stocks.map((s) => ({ period: s.period, nodeId: s.node_id, materialCode: s.material_code, opening: s.opening, closing: s.closing, unit: s.unit })),
    };
  }

  // ---- nodes ----------------------------------------------------------------------------------

  async listNodes(ctx: AuthContext, q: { kind?: string; enterpriseId?: number } = {}) {
    const rows = await this.store.visibleNodes(ctx);
    return { items: rows.filter((r) => (q.kind === undefined || r.kind === q.kind) && (q.enterpriseId === undefined || r.enterprise_id === q.enterpriseId)).map(nodeItemOf) };
  }

  async getNode(ctx: AuthContext, id: number) {
    const [row] = await this.store.visibleNodes(ctx, id);
    if (!row) throw notFound(`Flow node ${id}`);
    return nodeItemOf(row);
  }

  async createNode(ctx: AuthContext, body: CreateOf<typeof flowNodeSpec>) {
    let parentId = body.parentId ?? null;
    if (parentId === null) {
      // Rolls up to its enterprise's node, or for a park-level node to the park.
      const owner = body.enterpriseId === undefined ? recorderOf(ctx) : body.enterpriseId;
      const parent = (await this.store.visibleNodes(ctx)).find((n) => (owner === null ? n.kind === 'park' : n.kind === 'enterprise' && n.enterprise_id === owner));
      parentId = parent?.id ?? null;
    }
    return this.nodes.create(ctx, { ...body, parentId });
  }

  async updateNode(ctx: AuthContext, id: number, patch: PatchOf<typeof flowNodeSpec>) {
    await this.assertAddedByPeople(ctx, id);
    return this.nodes.update(ctx, id, patch);
  }

  async removeNode(ctx: AuthContext, id: number): Promise<void> {
    await this.assertAddedByPeople(ctx, id);
    const used = await this.handle.db.selectFrom('flows').select('id').where((eb) => eb.or([eb('from_node_id', '=', id), eb('to_node_id', '=', id)])).limit(1).executeTakeFirst();
    if (used) throw conflict(`Flow node ${id} is an end of recorded flows; delete or move them first`);
    return this.nodes.remove(ctx, id);
  }

  listShares(ctx: AuthContext, q: ListQueryOf<typeof flowShareSpec>) {
    return this.shares.list(ctx, q);
  }

  /** Synced nodes follow the registry: a change by hand would be undone by the next sync. */
  private async assertAddedByPeople(ctx: AuthContext, id: number): Promise<void> {
    const [row] = await this.store.visibleNodes(ctx, id);
    if (!row) return; // the generic service answers 404 itself
    if (row.kind === 'park' || row.kind === 'enterprise' || row.unit_id !== null || (row.kind === 'boundary' && row.enterprise_id === null && row.code in BOUNDARY_CODES)) {
      throw conflict(`Flow node ${row.code} is kept in step with the registry; change the registry instead`);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private periodOrThrow(text: string, path: string): Period {
    const p = parsePeriod(text);
    if (!p) throw validation(`period ${text} is not a year (2026), month (2026-03) or day (2026-03-15)`, [{ path, message: 'is not a period' }]);
    return p;
  }

  private async codesOf(ids: readonly number[]): Promise<Map<number, string>> {
    return new Map((await this.store.nodesById(ids)).map((n) => [n.id, n.code]));
  }
}

const BOUNDARY_CODES: Readonly<Record<string, true>> = { supplier: true, customer: true, air: true, 'water-body': true, landfill: true, incineration: true, treatment: true, 'storage-yard': true };

/** Who records a write: the caller's enterprise, or the park (null) for park roles. */
function recorderOf(ctx: AuthContext): number | null {
  return isParkRole(ctx.role) ? null : ctx.enterpriseId;
}

/** Whether the caller may name a node in a flow: see the file's comment. */
function mayName(ctx: AuthContext, node: NodeRow): boolean {
  if (isParkRole(ctx.role)) return true;
  return node.enterprise_id === null || node.enterprise_id === ctx.enterpriseId || node.kind === 'enterprise';
}

const isBasis = (v: unknown): v is FlowBasis => (FLOW_BASES as readonly unknown[]).includes(v);

function inputOf(body: CreateFlow): FlowInput {
  return { period: body.period, from: body.from, to: body.to, material: body.material, quantity: body.quantity, unit: body.unit, sd: body.sd ?? null, basis: body.basis, note: body.note ?? null };
}

function enterprisesOf(recorder: number | null, rows: readonly { from_enterprise_id: number | null; to_enterprise_id: number | null }[], more: readonly number[]): number[] {
  const ids = new Set<number>(more);
  if (recorder !== null) ids.add(recorder);
  for (const r of rows) for (const e of [r.from_enterprise_id, r.to_enterprise_id]) if (e !== null) ids.add(e);
  return [...ids].sort((a, b) => a - b);
}

function sortedRejections(rows: RejectedRow[]): RejectedRow[] {
  // One entry per row, its reasons together, in row order.
  const byRow = new Map<number, string[]>();
  for (const r of rows) byRow.set(r.row, [...(byRow.get(r.row) ?? []), r.reason]);
  return [...byRow].sort(([a], [b]) => a - b).map(([row, reasons]) => ({ row, reason: reasons.join('; ') }));
}

/** A rejected write as a problem: every row and its reason, as field errors under /rows/<index>. */
function rejection(rows: RejectedRow[]) {
  const sorted = sortedRejections(rows);
  return validation(sorted.map((r) => `row ${r.row}: ${r.reason}`).join('\n'), sorted.map((r) => ({ path: `/rows/${r.row - 1}`, message: r.reason })));
}

function nodeItemOf(r: NodeRow) {
  return { ...nodeOf(r), createdAt: Number(r.created_at), updatedAt: Number(r.updated_at) };
}

