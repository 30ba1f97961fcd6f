/**
 * Group commit: readings from every connection are queued and written together, in one
 * transaction every few milliseconds, and each submitter is answered only once its readings are
 * committed. That is what lets a PUBACK or an HTTP 2xx mean "stored" at a small cost in throughput.
 */
import type { Point } from './model.ts';
import type { DeviceSeen, PointWriter } from './store.ts';

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
  readonly stats = { batches: 0, points: 0, inserted: 0, overwritten: 0 };
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
    const points: Point[] = [];
    const seen = new Map<number, DeviceSeen>();
    for (const b of batch) {
      for (const p of b.points) points.push(p);
      const s = seen.get(b.seen.deviceId);
      if (!s || b.seen.lastTs > s.lastTs) seen.set(b.seen.deviceId, b.seen);
    }
    try {
      const report = await this.writer.write(points, [...seen.values()]);
      this.stats.batches++;
      this.stats.points += points.length;
      this.stats.inserted += report.inserted;
      this.stats.overwritten += report.overwritten;
      for (const b of batch) b.resolve();
    } catch (err) {
      for (const b of batch) b.reject(err);
      return;
    }
    this.onCommitted?.(points);
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
