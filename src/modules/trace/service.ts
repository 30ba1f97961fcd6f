/**
 * The trace module's facade: EPCIS 2.0 capture (capture.ts, event-store.ts), event queries
 * (event-queries.ts), commit order for subscription cursors (commit-order.ts), genealogy
 * (genealogy-queries.ts) and share rules, behind the one object routes, subscriptions and the
 * composition root hold.
 */
import { MemoryBus } from '../../adapters/bus/memory.ts';
import { tablesOf, type DbHandle, type Tx } from '../../adapters/db/index.ts';
import { OutboxDispatcher } from '../../adapters/db/outbox.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { ResourceService } from '../../core/crud/service.ts';
import type { AuthContext } from '../../core/roles.ts';
import { CaptureJobs, type CaptureJob } from './capture.ts';
import type { CaptureBehaviour } from './capture-prepare.ts';
import { commitHighWater } from './commit-order.ts';
import { EventQueries, type EventPage, type EventQuery, type QueryOptions } from './event-queries.ts';
import { EventStore } from './event-store.ts';
import { GenealogyQueries, type TraceAnswer, type TraceOptions } from './genealogy-queries.ts';
import type { TraceNeighbours } from './neighbours.ts';
import type { TraceTables } from './tables.ts';
import { traceShareSpec } from './visibility.ts';

export type { CaptureBehaviour, CaptureJob, EventPage, EventQuery, QueryOptions, TraceNeighbours, TraceOptions };
export { queryDocument, QUERY_LIST_PARAMS, type RecordedByDoc } from './event-queries.ts';
export type { EnterpriseRef } from './neighbours.ts';

export class TraceService {
  /** Share rules: who, beyond an event's parties, sees an enterprise's events. */
  readonly shares: ResourceService<typeof traceShareSpec>;
  private readonly captures: CaptureJobs;
  private readonly queries: EventQueries;
  private readonly genealogy: GenealogyQueries;

  constructor(
    private readonly handle: DbHandle,
    audit: AuditStore,
    /** The registry's enterprises and the identity module's mints, asked through their services. */
    neighbours: TraceNeighbours,
    captureWorkers?: number,
    /**
     * Where the module's domain events go (a capture records `trace.epcis.captured` in its
     * transaction) and the bus processors of them subscribe to. The composition root passes the
     * node's dispatcher; without one, events stay in the outbox until a node publishes them.
     */
    readonly events: OutboxDispatcher = new OutboxDispatcher(handle, new MemoryBus()),
  ) {
    this.shares = new ResourceService(handle, traceShareSpec, audit);
    this.captures = new CaptureJobs(handle, new EventStore(handle, audit, neighbours.registry), events, captureWorkers);
    this.queries = new EventQueries(handle, neighbours.registry);
    this.genealogy = new GenealogyQueries(handle, neighbours);
  }

  /** This node's name: capture jobs are resumed by the node that accepted them. */
  get nodeId(): string {
    return this.captures.nodeId;
  }

  set nodeId(id: string) {
    this.captures.nodeId = id;
  }

  /** Starts a capture job and returns its id; the work runs after the answer (202). */
  startCapture(ctx: AuthContext, body: unknown, contentType: string, behaviour: CaptureBehaviour, enterpriseId?: number): Promise<{ id: string; done: Promise<void> }> {
    return this.captures.start(ctx, body, contentType, behaviour, enterpriseId);
  }

  /** Runs again the capture jobs this node accepted but had not finished when it stopped. */
  resumeCaptures(): Promise<number> {
    return this.captures.resume();
  }

  job(ctx: AuthContext, id: string): Promise<CaptureJob> {
    return this.captures.job(ctx, id);
  }

  /** SimpleEventQuery, by pages of event time, or after a commit-order cursor (`afterSeq`). */
  query(ctx: AuthContext, q: EventQuery, opts: QueryOptions = {}): Promise<EventPage> {
    return this.queries.query(ctx, q, opts);
  }

  event(ctx: AuthContext, eventID: string): Promise<Record<string, unknown>> {
    return this.queries.event(ctx, eventID);
  }

  /**
   * The commit-order position up to which every event is committed and readable (0 when none):
   * what a subscription cursor may move to. Numbers the events committed since the last call
   * first. Inside a transaction (`db`), it runs there.
   */
  highWater(db: Tx = this.handle.db): Promise<number> {
    return commitHighWater(tablesOf<TraceTables>(db), this.handle.dialect);
  }

  /** The genealogy of an identifier, as far as the caller may see events. */
  trace(ctx: AuthContext, roots: string[], direction: 'backward' | 'forward' | 'both', depth: number, opts: TraceOptions = {}): Promise<TraceAnswer> {
    return this.genealogy.trace(ctx, roots, direction, depth, opts);
  }

  /** Lets running capture jobs finish (shutdown). */
  drain(): Promise<void> {
    return this.captures.drain();
  }

  /** Finishes running capture jobs and stops the capture workers (shutdown). */
  close(): Promise<void> {
    return this.captures.close();
  }
}
