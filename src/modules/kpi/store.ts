/**
 * The KPI module's persistence: the park's settings record, the stated figures and the targets a
 * computation needs, and the CSV import's upsert. The reads here are made for a scope the service
 * has already checked the caller may see (service.ts), so they take the enterprises to read rather
 * than the caller; the collections people browse go through the generic resources (resources.ts).
 */
import type { Selectable } from 'kysely';
import { tablesOf, type DbHandle, type Tx } from '../../adapters/db/index.ts';
import { unscoped } from '../../core/tenancy.ts';
import { DEFAULT_KPI_SETTINGS, type KpiKey, type KpiSettings, type KpiTargetRecord } from './model.ts';
import type { KpiInputsTable, KpiTables, KpiTargetsTable } from './tables.ts';

export type InputRow = Selectable<KpiInputsTable>;
type TargetRow = Selectable<KpiTargetsTable>;

/** A stated figure as the CSV import writes it: one row per (enterprise, unit node or none, period). */
export interface InputUpsert {
  enterpriseId: number;
  nodeId: number | null;
  period: string;
  valueAdded10kCny: number | null;
  productionT: number | null;
  mainProduct: string | null;
}

/** Values per `in (…)` list, well below SQLite's bound-variable limit. */
const IN_BATCH = 500;

export class KpiStore {
  constructor(private readonly handle: DbHandle) {}

  private get db() {
    return tablesOf<KpiTables>(this.handle.db);
  }

  /** The park's settings (DEFAULT_KPI_SETTINGS until the park administrator saves some), with who saved them when. */
  async settings(): Promise<{ settings: KpiSettings; updatedBy: string | null; updatedAt: number | null }> {
    const row = await this.db.selectFrom('kpi_settings').selectAll().orderBy('id').limit(1).executeTakeFirst();
    if (!row) return { settings: DEFAULT_KPI_SETTINGS, updatedBy: null, updatedAt: null };
    // A record saved before a setting existed takes that setting's default.
    return { settings: { ...DEFAULT_KPI_SETTINGS, ...(JSON.parse(row.settings) as Partial<KpiSettings>) }, updatedBy: row.updated_by, updatedAt: Number(row.updated_at) };
  }

  /** Replaces the settings record (one row) inside the caller's transaction. */
  async saveSettings(trx: Tx, settings: KpiSettings, username: string, now: number): Promise<void> {
    const db = tablesOf<KpiTables>(trx);
    const row = await db.selectFrom('kpi_settings').select('id').orderBy('id').limit(1).executeTakeFirst();
    const values = { settings: JSON.stringify(settings), updated_by: username, updated_at: now };
    if (row) await db.updateTable('kpi_settings').set(values).where('id', '=', row.id).execute();
    else await db.insertInto('kpi_settings').values(values).execute();
  }

  /**
   * The stated figures of the enterprises (all of them when `enterpriseIds` is null) for the
   * given periods ('YYYY-MM' months and 'YYYY' years).
   */
  async inputs(enterpriseIds: readonly number[] | null, periods: readonly string[]): Promise<InputRow[]> {
    const db = unscoped(this.db, 'stated figures of scopes the KPI service has checked the caller may see');
    const out: InputRow[] = [];
    for (let i = 0; i < periods.length; i += IN_BATCH) {
      let q = db.selectFrom('kpi_inputs').selectAll().where('period', 'in', periods.slice(i, i + IN_BATCH));
      if (enterpriseIds !== null) {
        if (!enterpriseIds.length) return [];
        q = q.where('enterprise_id', 'in', [...enterpriseIds]);
      }
      out.push(...(await q.orderBy('id').execute()));
    }
    return out;
  }

  /** The targets of one enterprise, or the park's own (null). */
  async targets(enterpriseId: number | null): Promise<KpiTargetRecord[]> {
    const db = unscoped(this.db, 'targets of a scope the KPI service has checked the caller may see');
    const rows = await db.selectFrom('kpi_targets').selectAll().where('enterprise_id', enterpriseId === null ? 'is' : '=', enterpriseId).orderBy('id').execute();
    return rows.map(targetOf);
  }

  /**
   * Inserts or replaces stated figures by (enterprise, node, period) inside the caller's
   * transaction; how many rows were new and how many replaced.
   */
  async upsertInputs(trx: Tx, rows: readonly InputUpsert[], now: number): Promise<{ created: number; updated: number; before: InputRow[] }> {
    const db = tablesOf<KpiTables>(trx);
    let created = 0;
    const before: InputRow[] = [];
    for (const r of rows) {
      let q = db.selectFrom('kpi_inputs').selectAll().where('enterprise_id', '=', r.enterpriseId).where('period', '=', r.period);
      q = r.nodeId === null ? q.where('node_id', 'is', null) : q.where('node_id', '=', r.nodeId);
      const existing = await q.executeTakeFirst();
      const values = { value_added_10k_cny: r.valueAdded10kCny, production_t: r.productionT, main_product: r.mainProduct, updated_at: now };
      if (existing) {
        before.push(existing);
        await db.updateTable('kpi_inputs').set(values).where('id', '=', existing.id).execute();
      } else {
        created++;
        await db.insertInto('kpi_inputs').values({ ...values, enterprise_id: r.enterpriseId, node_id: r.nodeId, period: r.period, note: null, created_at: now }).execute();
      }
    }
    return { created, updated: rows.length - created, before };
  }
}

function targetOf(r: TargetRow): KpiTargetRecord {
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: Number(r.id),
    enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id),
    key: r.kpi_key as KpiKey,
    kind: r.kind as KpiTargetRecord['kind'],
    value: num(r.value),
    percent: num(r.percent),
    baseYear: Number(r.base_year),
    baseValue: num(r.base_value),
    targetYear: Number(r.target_year),
  };
}
