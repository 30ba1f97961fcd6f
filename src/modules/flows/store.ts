/**
 * The ledger's persistence: node and material look-ups, flows and stocks read through the
 * visibility filter (visibility.ts), batched writes. Reads of a period are a few indexed queries
 * whatever the number of flows (the period is a range on `flows_period_idx`); writes go in batches
 * of rows small enough for SQLite's bound-variable limit, inside the caller's transaction.
 */
import { sql, type Selectable } from 'kysely';
import { tablesOf, type DbHandle, type Tx } from '../../adapters/db/index.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { unscoped } from '../../core/tenancy.ts';
import { effectiveSd, type BoundaryKind, type FlowBasis, type FlowSource, type LedgerNode, type NodeKind, type PeriodGrain } from './model.ts';
import type { Flow, FlowListQuery, Stock } from './schemas.ts';
import type { FlowNodesTable, FlowsTable, FlowStocksTable, FlowTables } from './tables.ts';
import { visibleFlows, visibleStocks } from './visibility.ts';

export type NodeRow = Selectable<FlowNodesTable>;
export type FlowRow = Selectable<FlowsTable>;
export type StockRow = Selectable<FlowStocksTable>;
/** Flows as the KPIs read them (ledgerFlowTotals): one flow, or the sum of `rows` flows of one link, recorder, unit and month. */
export interface FlowTotalRow {
  id: number;
  enterprise_id: number | null;
  grain: string;
  period: string;
  from_node_id: number;
  to_node_id: number;
  material_code: string;
  quantity: number;
  unit: string;
  rows: number;
}
/** Stock rows summed per month, node, material and unit (ledgerStockTotals). */
export interface StockTotalRow {
  period: string;
  node_id: number;
  material_code: string;
  unit: string;
  opening: number;
  closing: number;
}
/** A flow row to write (the id and created_at are the store's). */
export type NewFlowRow = Omit<FlowRow, 'id' | 'created_at'>;

/** Rows per INSERT: 22 columns × 500 rows stays far below SQLite's 32,766 bound variables. */
const INSERT_BATCH = 500;
/** Values per `in (…)` list. */
const IN_BATCH = 900;

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The periods within `period` (itself and finer ones), as a range over canonical spellings: '2026' ≤ p < '2026.' ('.' follows '-'). */
const GRAINS_WITHIN: Readonly<Record<PeriodGrain, readonly PeriodGrain[]>> = { year: ['year', 'month', 'day'], month: ['month', 'day'], day: ['day'] };

/**
 * A source key as stored: the recorder's namespace, then the source's own key. Two enterprises
 * that import the same exchange from their own files each keep their row, and neither can learn
 * or replace the other's keys (the unique index is per source over the stored key).
 */
export function storedKey(recorder: number | null, key: string): string {
  return `${recorder ?? 'park'}|${key}`;
}

/** The source's own key of a stored one. */
export function publicKey(stored: string | null): string | null {
  return stored === null ? null : stored.slice(stored.indexOf('|') + 1);
}

export function nodeOf(r: NodeRow): LedgerNode {
  return { id: r.id, enterpriseId: r.enterprise_id, code: r.code, name: r.name, nameEn: r.name_en, kind: r.kind as NodeKind, boundaryKind: r.boundary_kind as BoundaryKind | null, unitId: r.unit_id, parentId: r.parent_id };
}

export function flowOf(r: FlowRow, codeOf: (nodeId: number) => string): Flow {
  const basis = r.basis as FlowBasis;
  const quantity = Number(r.quantity);
  const sd = r.sd === null ? null : Number(r.sd);
  return {
    id: Number(r.id),
    enterpriseId: r.enterprise_id,
    grain: r.grain as PeriodGrain,
    period: r.period,
    fromNodeId: r.from_node_id,
    fromCode: codeOf(r.from_node_id),
    toNodeId: r.to_node_id,
    toCode: codeOf(r.to_node_id),
    materialCode: r.material_code,
    quantity,
    unit: r.unit,
    sd,
    effectiveSd: effectiveSd(quantity, sd, basis),
    basis,
    source: r.source as FlowSource,
    sourceKey: publicKey(r.source_key),
    note: r.note,
    enteredBy: r.entered_by,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export function stockOf(r: StockRow, codeOf: (nodeId: number) => string): Stock {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    nodeId: r.node_id,
    nodeCode: codeOf(r.node_id),
    materialCode: r.material_code,
    grain: r.grain as PeriodGrain,
    period: r.period,
    opening: Number(r.opening),
    closing: Number(r.closing),
    unit: r.unit,
    sd: r.sd === null ? null : Number(r.sd),
    basis: r.basis as FlowBasis,
  };
}

export class FlowStore {
  constructor(private readonly handle: DbHandle) {}

  private get tables() {
    return tablesOf<FlowTables>(this.handle.db);
  }

  /** The ledger's tables unfiltered, for reads the visibility functions filter (they need the raw builder, as trace's do). */
  private filtered(why: string) {
    return unscoped(this.tables, why);
  }

  // ---- nodes ----------------------------------------------------------------------------------

  /**
   * Nodes by code, whoever owns them: which of them the caller may name is the ledger's rule
   * (ledger-service.ts), applied to what this returns before anything is disclosed.
   */
  async nodesByCode(codes: readonly string[], trx?: Tx): Promise<Map<string, NodeRow>> {
    const db = unscoped(tablesOf<FlowTables>(trx ?? this.handle.db), 'nodes a write names, checked against the caller by the ledger rule');
    const out = new Map<string, NodeRow>();
    for (const part of chunked([...new Set(codes)], IN_BATCH)) for (const r of await db.selectFrom('flow_nodes').selectAll().where('code', 'in', part).execute()) out.set(r.code, r);
    return out;
  }

  async nodesById(ids: readonly number[]): Promise<NodeRow[]> {
    const db = this.filtered('nodes at the ends of flows the caller already sees');
    const out: NodeRow[] = [];
    for (const part of chunked([...new Set(ids)], IN_BATCH)) out.push(...(await db.selectFrom('flow_nodes').selectAll().where('id', 'in', part).execute()));
    return out;
  }

  /** Park-level nodes and every enterprise node to everyone; unit and other nodes to their enterprise and the park. */
  async visibleNodes(ctx: AuthContext, id?: number): Promise<NodeRow[]> {
    let q = this.filtered('the node directory: park-level and enterprise nodes are everyone’s, the rest filtered below').selectFrom('flow_nodes').selectAll();
    if (!isParkRole(ctx.role)) q = q.where((eb) => eb.or([eb('enterprise_id', 'is', null), eb('kind', '=', 'enterprise'), eb('enterprise_id', '=', ctx.enterpriseId ?? -1)]));
    if (id !== undefined) q = q.where('id', '=', id);
    return q.orderBy('id').execute();
  }

  // ---- flows ----------------------------------------------------------------------------------

  /** Visible flows whose own period lies within `period` (one indexed range), optionally with an end at an enterprise. */
  async ledgerFlows(ctx: AuthContext, period: { period: string; grain: PeriodGrain }, enterpriseId?: number): Promise<FlowRow[]> {
    let q = visibleFlows(this.filtered('visibleFlows').selectFrom('flows').selectAll('flows'), ctx);
    q = q.where('flows.grain', 'in', [...GRAINS_WITHIN[period.grain]]).where('flows.period', '>=', period.period).where('flows.period', '<', `${period.period}.`);
    if (enterpriseId !== undefined) q = q.where((eb) => eb.or([eb('flows.from_enterprise_id', '=', enterpriseId), eb('flows.to_enterprise_id', '=', enterpriseId)]));
    return q.orderBy('flows.id').execute();
  }

  /**
   * The KPIs' read (docs/kpis.md, "Reading the ledger"): the visible flows (ledgerFlows' filter) of
   * the periods `from`..`to` of one grain (and finer grains within them), in one query, only the
   * columns the computation needs. `summed`: rows added up per (grain, month, recorder, from, to,
   * material, unit) — a day row under its month, which still nests in a year row as countedOnce
   * needs — with the smallest id and the number of rows; else one row per flow. `materials` limits
   * the read to those material codes.
   */
  async ledgerFlowTotals(ctx: AuthContext, range: { from: string; to: string; grain: PeriodGrain }, opts: { summed: boolean; materials?: readonly string[] }): Promise<FlowTotalRow[]> {
    let q = visibleFlows(this.filtered('visibleFlows').selectFrom('flows'), ctx);
    q = q.where('flows.grain', 'in', [...GRAINS_WITHIN[range.grain]]).where('flows.period', '>=', range.from).where('flows.period', '<', `${range.to}.`);
    if (opts.materials) q = q.where('flows.material_code', 'in', opts.materials.length ? [...opts.materials] : ['']);
    if (!opts.summed) {
      const rows = await q.select(['flows.id', 'flows.enterprise_id', 'flows.grain', 'flows.period', 'flows.from_node_id', 'flows.to_node_id', 'flows.material_code', 'flows.quantity', 'flows.unit']).orderBy('flows.id').execute();
      return rows.map((r) => ({ ...r, id: Number(r.id), quantity: Number(r.quantity), rows: 1 }));
    }
    const month = sql<string>`case when flows.grain = 'day' then substr(flows.period, 1, 7) else flows.period end`;
    const rows = await q
      .select((eb) => [
        eb.fn.min('flows.id').as('id'),
        'flows.enterprise_id',
        'flows.grain',
        month.as('period'),
        'flows.from_node_id',
        'flows.to_node_id',
        'flows.material_code',
        eb.fn.sum<number | string>('flows.quantity').as('quantity'),
        'flows.unit',
        eb.fn.countAll<number | string>().as('rows'),
      ])
      .groupBy(['flows.grain', month, 'flows.enterprise_id', 'flows.from_node_id', 'flows.to_node_id', 'flows.material_code', 'flows.unit'])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id), quantity: Number(r.quantity), rows: Number(r.rows) }));
  }

  /** The visible stock rows (ledgerStocks' filter) of `from`..`to`, summed per (month, node, material, unit): their change is all the KPIs read. */
  async ledgerStockTotals(ctx: AuthContext, range: { from: string; to: string; grain: PeriodGrain }): Promise<StockTotalRow[]> {
    const month = sql<string>`case when flow_stocks.grain = 'day' then substr(flow_stocks.period, 1, 7) else flow_stocks.period end`;
    const rows = await visibleStocks(this.filtered('visibleStocks').selectFrom('flow_stocks'), ctx)
      .where('flow_stocks.grain', 'in', [...GRAINS_WITHIN[range.grain]])
      .where('flow_stocks.period', '>=', range.from)
      .where('flow_stocks.period', '<', `${range.to}.`)
      .select((eb) => [month.as('period'), 'flow_stocks.node_id', 'flow_stocks.material_code', 'flow_stocks.unit', eb.fn.sum<number | string>('flow_stocks.opening').as('opening'), eb.fn.sum<number | string>('flow_stocks.closing').as('closing')])
      .groupBy([month, 'flow_stocks.node_id', 'flow_stocks.material_code', 'flow_stocks.unit'])
      .execute();
    return rows.map((r) => ({ ...r, opening: Number(r.opening), closing: Number(r.closing) }));
  }

  /** One stock row the caller may see, or undefined. */
  async visibleStock(ctx: AuthContext, id: number): Promise<StockRow | undefined> {
    return visibleStocks(this.filtered('visibleStocks').selectFrom('flow_stocks').selectAll('flow_stocks'), ctx).where('flow_stocks.id', '=', id).executeTakeFirst();
  }

  async ledgerStocks(ctx: AuthContext, period: { period: string; grain: PeriodGrain }): Promise<StockRow[]> {
    return visibleStocks(this.filtered('visibleStocks').selectFrom('flow_stocks').selectAll('flow_stocks'), ctx)
      .where('flow_stocks.grain', 'in', [...GRAINS_WITHIN[period.grain]])
      .where('flow_stocks.period', '>=', period.period)
      .where('flow_stocks.period', '<', `${period.period}.`)
      .orderBy('flow_stocks.id')
      .execute();
  }

  async listFlows(ctx: AuthContext, query: FlowListQuery, period: { period: string; grain: PeriodGrain } | null, nodeId: number | null): Promise<{ rows: FlowRow[]; total: number }> {
    let q = visibleFlows(this.filtered('visibleFlows').selectFrom('flows'), ctx);
    if (period) q = q.where('flows.grain', 'in', [...GRAINS_WITHIN[period.grain]]).where('flows.period', '>=', period.period).where('flows.period', '<', `${period.period}.`);
    if (query.enterpriseId !== undefined) {
      const e = query.enterpriseId;
      q = q.where((eb) => eb.or([eb('flows.from_enterprise_id', '=', e), eb('flows.to_enterprise_id', '=', e), eb('flows.enterprise_id', '=', e)]));
    }
    if (query.material !== undefined) q = q.where('flows.material_code', '=', query.material);
    if (nodeId !== null) q = q.where((eb) => eb.or([eb('flows.from_node_id', '=', nodeId), eb('flows.to_node_id', '=', nodeId)]));
    if (query.source !== undefined) q = q.where('flows.source', '=', query.source);
    if (query.basis !== undefined) q = q.where('flows.basis', '=', query.basis);
    const [rows, count] = await Promise.all([
      q.selectAll('flows').orderBy('flows.period', 'desc').orderBy('flows.id').limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  async visibleFlow(ctx: AuthContext, id: number): Promise<FlowRow | undefined> {
    return visibleFlows(this.filtered('visibleFlows').selectFrom('flows').selectAll('flows'), ctx).where('flows.id', '=', id).executeTakeFirst();
  }

  async periods(ctx: AuthContext): Promise<{ period: string; grain: PeriodGrain; flows: number }[]> {
    const rows = await visibleFlows(this.filtered('visibleFlows').selectFrom('flows'), ctx)
      .select(['flows.period', 'flows.grain', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy(['flows.period', 'flows.grain'])
      .orderBy('flows.period', 'desc')
      .execute();
    return rows.map((r) => ({ period: r.period, grain: r.grain as PeriodGrain, flows: Number(r.n) }));
  }

  /**
   * Inserts rows, or for a row whose (source, stored key) exists, replaces its content (its id and
   * created_at stay). Stored keys carry their recorder (storedKey), so the row replaced is always
   * the same recorder's; the conflict update repeats the condition as a second guard.
   */
  async upsertFlows(trx: Tx, rows: readonly NewFlowRow[], now: number): Promise<void> {
    const db = tablesOf<FlowTables>(trx);
    for (const part of chunked(rows, INSERT_BATCH)) {
      await db
        .insertInto('flows')
        .values(part.map((r) => ({ ...r, created_at: now })))
        .onConflict((oc) =>
          oc
            .columns(['source', 'source_key'])
            .doUpdateSet((eb) => ({
              grain: eb.ref('excluded.grain'),
              period: eb.ref('excluded.period'),
              period_start: eb.ref('excluded.period_start'),
              period_end: eb.ref('excluded.period_end'),
              from_node_id: eb.ref('excluded.from_node_id'),
              to_node_id: eb.ref('excluded.to_node_id'),
              from_enterprise_id: eb.ref('excluded.from_enterprise_id'),
              to_enterprise_id: eb.ref('excluded.to_enterprise_id'),
              material_code: eb.ref('excluded.material_code'),
              quantity: eb.ref('excluded.quantity'),
              unit: eb.ref('excluded.unit'),
              sd: eb.ref('excluded.sd'),
              basis: eb.ref('excluded.basis'),
              import_id: eb.ref('excluded.import_id'),
              note: eb.ref('excluded.note'),
              entered_by: eb.ref('excluded.entered_by'),
              updated_at: eb.ref('excluded.updated_at'),
            }))
            .where(sql<boolean>`coalesce(flows.enterprise_id, 0) = coalesce(excluded.enterprise_id, 0)`),
        )
        .execute();
    }
  }

  /** Deletes the recorder's rows of `source` whose key starts with `prefix` and is not in `keep` (stored keys); the periods they were in. */
  async deleteReplaced(trx: Tx, source: FlowSource, prefix: string, recorder: number | null, keep: ReadonlySet<string>): Promise<{ deleted: number; periods: string[]; enterpriseIds: number[] }> {
    const db = tablesOf<FlowTables>(trx);
    const pattern = `${storedKey(recorder, prefix).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const candidates = await db
      .selectFrom('flows')
      .select(['id', 'source_key', 'period', 'from_enterprise_id', 'to_enterprise_id'])
      .where('source', '=', source)
      .where(sql<boolean>`source_key like ${pattern} escape '\\'`)
      .where('enterprise_id', recorder === null ? 'is' : '=', recorder)
      .execute();
    const gone = candidates.filter((c) => c.source_key !== null && !keep.has(c.source_key));
    for (const part of chunked(gone.map((g) => g.id), IN_BATCH)) await db.deleteFrom('flows').where('id', 'in', part).execute();
    const enterpriseIds = new Set<number>();
    for (const g of gone) for (const e of [g.from_enterprise_id, g.to_enterprise_id]) if (e !== null) enterpriseIds.add(e);
    return { deleted: gone.length, periods: [...new Set(gone.map((g) => g.period))], enterpriseIds: [...enterpriseIds] };
  }
}
