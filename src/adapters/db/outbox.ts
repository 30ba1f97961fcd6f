/**
 * The transactional outbox. A service records a domain event with `recordEvent(trx, …)` inside the
 * transaction of the change, so the event exists if and only if the change committed. The
 * dispatcher, which runs on every node, publishes unpublished rows to the bus in id order and marks
 * them published; a node that dies between publishing and marking publishes the rows again on
 * its next pass (or another node does): delivery is at least once. Published rows are deleted
 * after `keepMs`.
 *
 * Claiming: on PostgreSQL a pass runs in a transaction holding a transaction-scoped advisory lock
 * (one node publishes at a time, so order holds across nodes) and takes its rows with
 * `FOR UPDATE SKIP LOCKED`; on SQLite the node is the single writer, and passes on one node never
 * overlap.
 */
import type { DomainEvents, EventSubject } from '../../core/events.ts';
import type { Bus, BusLog } from '../bus/port.ts';
import { sql, type DbHandle, type Tx } from './index.ts';

/** pg advisory lock key of the outbox dispatcher ('OUTB'). */
const OUTBOX_LOCK = 0x4f555442;

/** Records a domain event in the caller's transaction; it is published after the commit. */
export async function recordEvent<S extends EventSubject>(trx: Tx, subject: S, payload: DomainEvents[S]): Promise<void> {
  await trx.insertInto('outbox').values({ subject, payload: JSON.stringify(payload), created_at: Date.now(), published_at: null }).execute();
}

export interface OutboxOptions {
  /** How often unpublished rows are looked for when nothing woke the dispatcher. */
  pollMs: number;
  /** Rows per pass. */
  batchSize: number;
  /** How long published rows are kept before they are deleted. */
  keepMs: number;
  /** How often old published rows are deleted. */
  purgeEveryMs: number;
}

export const DEFAULT_OUTBOX: OutboxOptions = { pollMs: 1_000, batchSize: 200, keepMs: 24 * 3_600_000, purgeEveryMs: 600_000 };

interface Row {
  id: number;
  subject: EventSubject;
  payload: string;
}

export class OutboxDispatcher {
  readonly options: OutboxOptions;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  private lastPurge = 0;
  private log: BusLog | undefined;
  /** Test hook: called after a batch was published and before it is marked (a crash there). */
  beforeMark?: (ids: number[]) => void | Promise<void>;

  constructor(
    private readonly handle: DbHandle,
    readonly bus: Bus,
    options: Partial<OutboxOptions> = {},
  ) {
    this.options = { ...DEFAULT_OUTBOX, ...options };
  }

  /** Starts publishing: polls every pollMs, and at once when woken (after a commit on this node). */
  start(opts: { log?: BusLog } = {}): void {
    if (this.timer) return;
    this.log = opts.log;
    this.stopping = false;
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Stops; a pass in progress is let finish. Idempotent. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Publishes what is waiting now (coalesced with a pass already running); call it after a commit that recorded events. */
  wake(): void {
    if (!this.timer || this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          while ((await this.dispatch()) === this.options.batchSize && !this.stopping);
          await this.purge();
        } catch (err) {
          this.log?.error({ err }, 'outbox: publishing domain events failed; retried on the next pass');
        }
      } while (this.again && !this.stopping);
    })().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once no pass is running (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * One pass: publishes up to batchSize unpublished rows in id order and marks them; returns how
   * many were published. A publication that fails ends the pass; the rows before it are marked.
   */
  async dispatch(): Promise<number> {
    let pass: { published: number; failure?: unknown };
    if (this.handle.dialect === 'postgres') {
      pass = await this.handle.db.transaction().execute(async (trx) => {
        const { rows: [lock] } = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${OUTBOX_LOCK}) AS ok`.execute(trx);
        if (!lock?.ok) return { published: 0 }; // another node is publishing (the rows of this one included)
        const { rows } = await sql<Row>`SELECT id, subject, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ${this.options.batchSize} FOR UPDATE SKIP LOCKED`.execute(trx);
        return this.publishAndMark(trx, rows);
      });
    } else {
      const rows = (await this.handle.db.selectFrom('outbox').select(['id', 'subject', 'payload']).where('published_at', 'is', null).orderBy('id').limit(this.options.batchSize).execute()) as Row[];
      pass = await this.publishAndMark(this.handle.db, rows);
    }
    // A failed publication is reported after the rows before it were marked (and committed).
    if (pass.failure) throw pass.failure instanceof Error ? pass.failure : new Error(String(pass.failure));
    return pass.published;
  }

  private async publishAndMark(trx: Tx, rows: Row[]): Promise<{ published: number; failure?: unknown }> {
    const published: number[] = [];
    let failure: unknown;
    for (const r of rows) {
      try {
        await this.bus.publish(r.subject, JSON.parse(r.payload), String(r.id));
        published.push(Number(r.id));
      } catch (err) {
        failure = err;
        break;
      }
    }
    if (published.length) {
      await this.beforeMark?.(published);
      await trx.updateTable('outbox').set({ published_at: Date.now() }).where('id', 'in', published).execute();
    }
    return { published: published.length, failure };
  }

  /** Deletes published rows older than keepMs (at most every purgeEveryMs). */
  async purge(now = Date.now(), force = false): Promise<number> {
    if (!force && now - this.lastPurge < this.options.purgeEveryMs) return 0;
    this.lastPurge = now;
    const r = await this.handle.db.deleteFrom('outbox').where('published_at', 'is not', null).where('published_at', '<', now - this.options.keepMs).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
