/**
 * Group commit: readings from every connection are queued and written together, in one
 * transaction every few milliseconds, and each submitter is answered only once its readings are
 * committed. That is what lets a PUBACK or an HTTP 2xx mean "stored" at a small cost in throughput.
 *
 * One submitter's readings must not take the others down: when a group's transaction fails, each
 * submitter's readings are written again on their own. A submitter whose readings the database
 * refuses as data (a value out of range, a constraint) gets a ReadingRefused (its device is told
 * why; sending again cannot help); the others are committed and answered. A failure that is not
 * about the data (the database is unreachable, the disk is full) rejects as before, so devices
 * send again.
 */
import type { Point } from './model.ts';
import type { DeviceSeen, PointWriter } from './store.ts';

/** The database refused these readings themselves: storing them again would fail again. */
export class ReadingRefused extends Error {
  override name = 'ReadingRefused';
  readonly reason = 'not_storable';
  constructor(readonly detail: string, options?: { cause?: unknown }) {
    super(`the store refused the readings: ${detail}`, options);
  }
}

/**
 * Whether a write failed because of the data written rather than the store: PostgreSQL SQLSTATE
 * classes 22 (data exception: numeric overflow, out of range) and 23 (integrity constraint);
 * SQLite constraint, type mismatch and too-big errors; a value the driver cannot bind.
 */
export function isDataError(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^2[23][0-9A-Z]{3}$/.test(code)) return true;
  if (/^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code)) return true;
  return err instanceof TypeError || err instanceof RangeError;
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 300);

interface Pending {
  points: readonly Point[];
  seen: DeviceSeen;
  resolve(): void;
  reject(err: unknown): void;
}

export interface GroupCommitOptions {
  /** How long the first reading of a batch may wait for company. */
  maxDelayMs?: number;
  /** A batch is written at once when it reaches this many readings. */
  maxPoints?: number;
  /** Told of every committed batch (live views). */
  onCommitted?: (points: readonly Point[]) => void;
}

export class GroupCommitter {
  private queue: Pending[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private closed = false;
  readonly stats = { batches: 0, points: 0, inserted: 0, overwritten: 0, refused: 0, retried: 0 };
  private readonly maxDelayMs: number;
  private readonly maxPoints: number;
  private readonly onCommitted?: (points: readonly Point[]) => void;

  constructor(
    private readonly writer: PointWriter,
    opts: GroupCommitOptions = {},
  ) {
    this.maxDelayMs = opts.maxDelayMs ?? 2;
    this.maxPoints = opts.maxPoints ?? 20_000;
    this.onCommitted = opts.onCommitted;
  }

  /** Resolves once the points are committed; rejects if the transaction fails (nothing stored). */
  submit(points: readonly Point[], seen: DeviceSeen): Promise<void> {
    if (this.closed) return Promise.reject(new Error('telemetry ingestion is shutting down'));
    return new Promise((resolve, reject) => {
      this.queue.push({ points, seen, resolve, reject });
      this.queued += points.length;
      if (this.queued >= this.maxPoints) this.kick();
      else this.timer ??= setTimeout(() => this.kick(), this.maxDelayMs);
    });
  }

  private kick(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // One batch at a time; whatever arrives meanwhile forms the next one.
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.queue.length) this.kick();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.queued = 0;
    if (batch.length === 0) return;
    try {
      await this.commit(batch);
      for (const b of batch) b.resolve();
      this.onCommitted?.(batch.flatMap((b) => b.points));
      return;
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(isDataError(err) ? new ReadingRefused(firstLine(err), { cause: err }) : err);
        if (isDataError(err)) this.stats.refused++;
        return;
      }
    }
    // The group failed: find the culprit by writing each submitter's readings on their own.
    this.stats.retried++;
    const committed: Point[] = [];
    for (const b of batch) {
      try {
        await this.commit([b]);
        b.resolve();
        for (const p of b.points) committed.push(p);
      } catch (err) {
        if (isDataError(err)) {
          this.stats.refused++;
          b.reject(new ReadingRefused(firstLine(err), { cause: err }));
        } else b.reject(err);
      }
    }
    if (committed.length) this.onCommitted?.(committed);
  }

  /** One transaction for these submitters' readings. */
  private async commit(batch: readonly Pending[]): Promise<void> {
    const points: Point[] = [];
    const seen = new Map<number, DeviceSeen>();
    for (const b of batch) {
      for (const p of b.points) points.push(p);
      const s = seen.get(b.seen.deviceId);
      if (!s || b.seen.lastTs > s.lastTs) seen.set(b.seen.deviceId, b.seen);
    }
    const report = await this.writer.write(points, [...seen.values()]);
    this.stats.batches++;
    this.stats.points += points.length;
    this.stats.inserted += report.inserted;
    this.stats.overwritten += report.overwritten;
  }

  /** Writes what is queued and refuses new readings. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.queue.length || this.flushing) {
      this.kick();
      await this.flushing;
    }
  }
}
