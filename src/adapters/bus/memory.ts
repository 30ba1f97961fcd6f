/**
 * The in-memory bus (embedded shape): processors and fan-out subscribers in this process. A durable
 * consumer's queue lives as long as the process; an event published but not yet processed when the
 * process dies is lost with it (the outbox row is already marked published). The processors of this
 * code base are wake-ups that a poll also covers, so they need no more.
 */
import { subjectMatches, type DomainEvents, type EventEnvelope, type EventPattern, type EventSubject, type LiveEvents, type LiveSubject, type MatchingSubject } from '../../core/events.ts';
import type { Bus, BusLog, BusSubscription, ProcessorOptions } from './port.ts';

type Handler = (event: EventEnvelope) => Promise<void> | void;

interface Group {
  pattern: string;
  handlers: Handler[];
  queue: EventEnvelope[];
  running: Promise<void> | null;
  next: number;
}

const backoff = (attempt: number) => Math.min(25 * 2 ** Math.min(attempt, 10), 5_000);

export class MemoryBus implements Bus {
  readonly kind = 'memory' as const;
  readonly distributed = false;
  private readonly groups = new Map<string, Group>();
  private readonly fans = new Map<string, Set<(data: never) => void>>();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private closed = false;

  constructor(private readonly log?: BusLog) {}

  async publish<S extends EventSubject>(subject: S, data: DomainEvents[S], id: string): Promise<void> {
    if (this.closed) throw new Error('the bus is closed');
    for (const g of this.groups.values()) {
      if (!subjectMatches(g.pattern, subject)) continue;
      // Each consumer gets its own copy: a handler cannot change what another one sees.
      g.queue.push({ subject, data: structuredClone(data), id, attempt: 0 } as EventEnvelope);
      this.kick(g);
    }
  }

  subscribe<P extends EventPattern>(pattern: P, opts: ProcessorOptions, handler: (event: EventEnvelope<MatchingSubject<P>>) => Promise<void> | void): BusSubscription {
    let g = this.groups.get(opts.durable);
    if (g && g.pattern !== pattern) throw new Error(`durable consumer ${opts.durable} already subscribes to ${g.pattern}, not ${pattern}`);
    if (!g) {
      g = { pattern, handlers: [], queue: [], running: null, next: 0 };
      this.groups.set(opts.durable, g);
    }
    const group = g;
    const h = handler as Handler;
    group.handlers.push(h);
    this.kick(group);
    const close = async () => {
      const i = group.handlers.indexOf(h);
      if (i >= 0) group.handlers.splice(i, 1);
      await group.running;
    };
    return { ready: Promise.resolve(), close, unsubscribe: () => void close() };
  }

  notify<S extends LiveSubject>(subject: S, data: LiveEvents[S]): void {
    for (const h of this.fans.get(subject) ?? []) {
      try {
        (h as (d: unknown) => void)(data);
      } catch (err) {
        this.log?.error({ err, subject }, 'bus: a fan-out subscriber failed');
      }
    }
  }

  fanout<S extends LiveSubject>(subject: S, handler: (data: LiveEvents[S]) => void): BusSubscription {
    let set = this.fans.get(subject);
    if (!set) this.fans.set(subject, (set = new Set()));
    set.add(handler);
    return { ready: Promise.resolve(), close: async () => void set.delete(handler), unsubscribe: () => void set.delete(handler) };
  }

  /** Events waiting in a durable consumer (for tests and diagnostics). */
  pending(durable: string): number {
    return this.groups.get(durable)?.queue.length ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const g of this.groups.values()) g.handlers.length = 0;
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.resolve();
    }
    await Promise.allSettled([...this.groups.values()].flatMap((g) => (g.running ? [g.running] : [])));
  }

  private kick(g: Group): void {
    if (g.running || !g.queue.length || !g.handlers.length) return;
    g.running = this.drain(g).finally(() => {
      g.running = null;
      if (!this.closed) this.kick(g);
    });
  }

  /** Hands the queue's events to the handlers in order; the head stays until a handler succeeded. */
  private async drain(g: Group): Promise<void> {
    while (g.queue.length && g.handlers.length && !this.closed) {
      const event = g.queue[0];
      event.attempt++;
      const handler = g.handlers[g.next++ % g.handlers.length];
      try {
        await handler({ ...event });
        g.queue.shift();
      } catch (err) {
        this.log?.warn({ err, subject: event.subject, id: event.id, attempt: event.attempt }, 'bus: a processor failed; the event is delivered again');
        await new Promise<void>((resolve) => {
          const t = { timer: setTimeout(() => (this.timers.delete(t), resolve()), backoff(event.attempt)), resolve };
          t.timer.unref();
          this.timers.add(t);
        });
      }
    }
  }
}
