/**
 * CSV imports of flows (`symbiont import flows FILE.csv`, `POST /api/v1/flows/imports`): a job in
 * `flow_imports`. The file is read first (its rows counted and each checked for its own shape),
 * then checked against the ledger in chunks with the progress written to the job, then written in
 * ONE `writeFlows`: a file with any rejected row imports nothing and lists every rejected row with
 * its reason, so nothing is ever half-imported. A re-import replaces the rows of its keys
 * (csvSourceKey), never adds to them.
 *
 * Progress: while the job runs, `accepted` and `rejected` count the rows checked so far
 * (processedRows is their sum). A failed job keeps the count of rows that passed, of which none
 * was written. A job runs in this process: one left 'running' by a process that stopped stays so.
 */
import type { Selectable } from 'kysely';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import { notFound, validation } from '../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { moduleDb, tenantDb, unscoped, type ModuleDb } from '../../core/tenancy.ts';
import { FlowCsvError, readFlowCsv } from './csv-flows.ts';
import type { FlowInput, RejectedRow } from './model.ts';
import { flowPolicy } from './policy.ts';
import type { FlowLedgerPort } from './sources-ports.ts';
import type { FlowImportsTable, FlowTables } from './tables.ts';

/** Rows checked against the ledger per call (and per progress write). */
export const IMPORT_CHUNK = 1000;
/** Rejected rows kept in the job (the count is always complete; a file this wrong is not worth more). */
export const MAX_LISTED_ERRORS = 10_000;

export type ImportState = 'running' | 'done' | 'failed';

export interface FlowImport {
  id: number;
  enterpriseId: number | null;
  filename: string;
  state: ImportState;
  totalRows: number;
  processedRows: number;
  accepted: number;
  rejected: number;
  errors: RejectedRow[];
  createdBy: string;
  createdAt: number;
  finishedAt: number | null;
}

export interface StartedImport {
  job: FlowImport;
  /** Settles when the job is done or failed (never rejects: a failure is the job's state). */
  finished: Promise<FlowImport>;
}

export class FlowImportService {
  private readonly db: ModuleDb<FlowTables>;

  constructor(
    handle: DbHandle,
    private readonly ledger: FlowLedgerPort,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.db = moduleDb(tablesOf<FlowTables>(handle.db));
  }

  /**
   * Reads the file and starts its job. A file that is not a flows CSV (its header) is refused here
   * with a 400 and no job; `onProgress` hears (checked rows, total) as the ledger checks them.
   */
  async start(ctx: AuthContext, filename: string, chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>, onProgress?: (done: number, total: number) => void): Promise<StartedImport> {
    flowPolicy.assert(ctx, 'create', ctx.enterpriseId);
    const name = filename.trim().slice(0, 200) || 'flows.csv';
    let csv;
    try {
      csv = await readFlowCsv(chunks);
    } catch (err) {
      if (err instanceof FlowCsvError) throw validation(`${name}: ${err.message}`);
      throw err;
    }
    const now = Date.now();
    const row = await this.db
      .insertInto('flow_imports')
      .values({ enterprise_id: ctx.enterpriseId, filename: name, state: 'running', total_rows: csv.total, accepted: 0, rejected: 0, errors: '[]', created_by: ctx.username, created_at: now, finished_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const finished = this.run(ctx, row.id, csv.total, csv.rows, csv.rejected, onProgress).catch(async (err: unknown) => {
      // A failure of the platform (the database went away) ends the job as failed, never silently running.
      this.log(`flow import ${row.id} failed: ${err instanceof Error ? err.message : String(err)}`);
      await this.finish(row.id, 'failed', 0, [{ row: 0, reason: 'the import could not be completed; nothing was written' }]).catch(() => {});
      return this.read(row.id);
    });
    return { job: importOf(row), finished };
  }

  /** An import job, if the caller may see it: its enterprise's, or the park's own for park roles. */
  async get(ctx: AuthContext, id: number): Promise<FlowImport> {
    let q = tenantDb(this.db, ctx).selectFrom('flow_imports').selectAll().where('id', '=', id);
    if (isParkRole(ctx.role)) q = q.where('enterprise_id', 'is', null);
    const row = await q.executeTakeFirst();
    if (!row) throw notFound(`Flow import ${id}`);
    return importOf(row);
  }

  private async run(ctx: AuthContext, id: number, total: number, rows: { row: number; input: FlowInput }[], parsedRejected: RejectedRow[], onProgress?: (done: number, total: number) => void): Promise<FlowImport> {
    const rejected = [...parsedRejected];
    let accepted = 0;
    onProgress?.(rejected.length, total);
    for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
      const chunk = rows.slice(i, i + IMPORT_CHUNK);
      const refused = await this.ledger.validateFlows(ctx, chunk.map((r) => r.input));
      // The ledger numbers rows of its call from 1; the file's numbers are kept beside them.
      for (const r of refused) rejected.push({ row: chunk[r.row - 1]?.row ?? r.row, reason: r.reason });
      accepted += chunk.length - new Set(refused.map((r) => r.row)).size;
      await this.db.updateTable('flow_imports').set({ accepted, rejected: rejected.length }).where('id', '=', id).execute();
      onProgress?.(accepted + rejected.length, total);
    }
    if (rejected.length) return this.finish(id, 'failed', accepted, rejected);
    const result = await this.ledger.writeFlows(ctx, { source: 'csv', rows: rows.map((r) => r.input), importId: id });
    if (result.rejected.length) {
      // Changed between the check and the write (a node deleted meanwhile): the write wrote nothing.
      return this.finish(id, 'failed', rows.length - result.rejected.length, result.rejected.map((r) => ({ row: rows[r.row - 1]?.row ?? r.row, reason: r.reason })));
    }
    return this.finish(id, 'done', result.written, []);
  }

  private async finish(id: number, state: ImportState, accepted: number, rejected: RejectedRow[]): Promise<FlowImport> {
    const sorted = [...rejected].sort((a, b) => a.row - b.row);
    await this.db
      .updateTable('flow_imports')
      .set({ state, accepted, rejected: sorted.length, errors: JSON.stringify(sorted.slice(0, MAX_LISTED_ERRORS)), finished_at: Date.now() })
      .where('id', '=', id)
      .execute();
    return this.read(id);
  }

  private async read(id: number): Promise<FlowImport> {
    return importOf(await unscoped(this.db, 'the job this import runs, for its own caller').selectFrom('flow_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  }
}

function importOf(row: Selectable<FlowImportsTable>): FlowImport {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    filename: row.filename,
    state: row.state as ImportState,
    totalRows: row.total_rows,
    processedRows: row.accepted + row.rejected,
    accepted: row.accepted,
    rejected: row.rejected,
    errors: JSON.parse(row.errors) as RejectedRow[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
