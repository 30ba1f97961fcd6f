/**
 * Capture jobs and their lifecycle. A capture is accepted (202) as a job that keeps its document;
 * a worker thread parses, validates and normalises it (capture-pool.ts), the event store writes
 * its events in one transaction — all or nothing under GS1-Capture-Error-Behaviour `rollback`, the
 * valid events under `proceed` — and the job records the outcome. Jobs a crash interrupted are run
 * again by the node that accepted them.
 */
import { randomUUID } from 'node:crypto';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import type { OutboxDispatcher } from '../../adapters/db/outbox.ts';
import { notFound, validation } from '../../core/errors.ts';
import type { AuthContext } from '../../core/roles.ts';
import { moduleDb, tenantDb, unscoped } from '../../core/tenancy.ts';
import { CapturePool } from './capture-pool.ts';
import type { CaptureBehaviour } from './capture-prepare.ts';
import { sequenceCommitted } from './commit-order.ts';
import type { EpcisValidationError } from './epcis/validate.ts';
import type { EventStore } from './event-store.ts';
import { eventPolicy } from './policy.ts';
import type { CaptureJobStatus, TraceTables } from './tables.ts';

export interface CaptureJob {
  captureID: string;
  running: boolean;
  success: boolean;
  captureErrorBehaviour: CaptureBehaviour;
  createdAt: string;
  finishedAt: string | null;
  captured: number;
  duplicates: number;
  errors: EpcisValidationError[];
}

export class CaptureJobs {
  private readonly running = new Set<Promise<void>>();
  /** Worker threads that parse, validate and normalise capture documents. */
  private readonly pool: CapturePool;
  /** This node's name: capture jobs are resumed by the node that accepted them. */
  nodeId = 'local';

  constructor(
    private readonly handle: DbHandle,
    private readonly store: EventStore,
    /** Woken after a capture commits, so its domain event is published at once rather than at the next poll. */
    private readonly events: OutboxDispatcher,
    captureWorkers?: number,
  ) {
    this.pool = new CapturePool(captureWorkers);
  }

  /** Capture jobs are their enterprise's: read through `tenantDb(this.db, ctx)`, or `unscoped` with the reason. */
  private get db() {
    return moduleDb(tablesOf<TraceTables>(this.handle.db));
  }

  /** Starts a capture job and returns its id; the work runs after the answer (202). */
  async start(ctx: AuthContext, body: unknown, contentType: string, behaviour: CaptureBehaviour, enterpriseId?: number): Promise<{ id: string; done: Promise<void> }> {
    eventPolicy.assert(ctx, 'capture');
    const owner = ctx.enterpriseId ?? enterpriseId;
    if (owner === undefined || owner === null) throw validation('A park administrator names the capturing enterprise with ?enterpriseId=', [{ path: '/query/enterpriseId', message: 'is required for a park role' }]);
    const id = randomUUID();
    const xml = /xml/.test(contentType);
    // The document is kept with the job until it is done: a job a crash interrupts runs again on start.
    const kept = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    await this.db
      .insertInto('epcis_capture_jobs')
      .values({ id, enterprise_id: owner, status: 'running', behaviour, created_at: Date.now(), finished_at: null, captured: 0, duplicates: 0, errors: null, body: kept, content_type: xml ? 'application/xml' : 'application/ld+json', auth: JSON.stringify(ctx), node_id: this.nodeId })
      .execute();
    return { id, done: this.schedule(ctx, id, owner, body, contentType, behaviour) };
  }

  private schedule(ctx: AuthContext, id: string, owner: number, body: unknown, contentType: string, behaviour: CaptureBehaviour): Promise<void> {
    const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.run(ctx, id, owner, body, contentType, behaviour));
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
    return done;
  }

  /**
   * Runs again the capture jobs this node had accepted but not finished when it stopped (a crash):
   * a job stores in one transaction, so nothing of it was stored, and its document was kept.
   */
  async resume(): Promise<number> {
    const rows = await unscoped(this.db, "start-up: this node resumes the jobs it accepted, whoever's they are")
      .selectFrom('epcis_capture_jobs').selectAll().where('status', '=', 'running').where('node_id', '=', this.nodeId).execute();
    for (const r of rows) {
      if (r.body === null || r.auth === null || r.content_type === null) {
        await this.finish(r.id, 'failed', 0, 0, [{ eventIndex: null, path: '', message: 'the capture was interrupted by a restart and its document was not kept; capture it again' }]);
        continue;
      }
      const text = Buffer.from(r.body).toString('utf8');
      const xml = /xml/.test(r.content_type);
      void this.schedule(JSON.parse(r.auth) as AuthContext, r.id, r.enterprise_id, xml ? text : JSON.parse(text), r.content_type, r.behaviour);
    }
    return rows.length;
  }

  private async finish(id: string, status: Exclude<CaptureJobStatus, 'running'>, captured: number, duplicates: number, errors: EpcisValidationError[]): Promise<void> {
    await this.db
      .updateTable('epcis_capture_jobs')
      .set({ status, finished_at: Date.now(), captured, duplicates, errors: errors.length ? JSON.stringify(errors.slice(0, 1000)) : null, body: null })
      .where('id', '=', id)
      .execute();
  }

  private async run(ctx: AuthContext, jobId: string, owner: number, body: unknown, contentType: string, behaviour: CaptureBehaviour): Promise<void> {
    let errors: EpcisValidationError[];
    let captured = 0;
    let duplicates = 0;
    try {
      const prepared = await this.pool.prepare({ body, contentType, behaviour });
      errors = prepared.errors;
      if (errors.length === 0 || behaviour === 'proceed') {
        const r = await this.store.store(ctx, owner, prepared.events, jobId);
        captured = r.captured;
        duplicates = r.duplicates;
        if (captured > 0) {
          // Numbered now, so that delivery woken by this capture finds its events; should this fail,
          // the events stay stored and the next delivery pass numbers them.
          await sequenceCommitted(unscoped(this.db, 'commit order numbers every enterprise’s events in one sequence'), this.handle.dialect).catch(() => 0);
          // The domain event was recorded in the capture's transaction: publish it now rather than at the next poll.
          this.events.wake();
        }
      }
    } catch (err) {
      errors = [{ eventIndex: null, path: '', message: `capture failed: ${(err as Error).message}` }];
    }
    await this.finish(jobId, errors.length && (behaviour === 'rollback' || captured === 0) ? 'failed' : 'succeeded', captured, duplicates, errors);
  }

  async job(ctx: AuthContext, id: string): Promise<CaptureJob> {
    const row = await tenantDb(this.db, ctx).selectFrom('epcis_capture_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Capture job ${id}`);
    return {
      captureID: row.id,
      running: row.status === 'running',
      success: row.status === 'succeeded',
      captureErrorBehaviour: row.behaviour,
      createdAt: new Date(row.created_at).toISOString(),
      finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
      captured: row.captured,
      duplicates: row.duplicates,
      errors: row.errors ? (JSON.parse(row.errors) as EpcisValidationError[]) : [],
    };
  }

  /** Lets running capture jobs finish (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** Finishes running capture jobs and stops the capture workers (shutdown). */
  async close(): Promise<void> {
    await this.drain();
    await this.pool.close();
  }
}
