/**
 * The NATS JetStream bus (server shape). Domain events go to one stream (`SYMBIONT_EVENTS`, subjects
 * `symbiont.>`, kept 7 days); a processor is a durable pull consumer shared by every node, acked
 * after its handler succeeded and delivered again (with a growing delay) when it failed or when the
 * node died holding it. Live notifications are core NATS subjects under `symbiont-live.` that
 * every node subscribes to: fan-out, not stored.
 *
 * `--bus nats://host:4222[?prefix=name]`: the prefix (default `symbiont`) names the subjects and
 * the stream, so that several deployments (or test runs) can share one NATS server.
 */
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType, type ConsumerMessages, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { DomainEvents, EventEnvelope, EventPattern, EventSubject, LiveEvents, LiveSubject, MatchingSubject } from '../../core/events.ts';
import type { Bus, BusLog, BusSubscription, ProcessorOptions } from './port.ts';

const NS_PER_MS = 1_000_000;
const KEEP_MS = 7 * 24 * 3_600_000;
const ACK_WAIT_MS = 60_000;
const ID_HEADER = 'Symbiont-Event-Id';
const backoff = (attempt: number) => Math.min(250 * 2 ** Math.min(attempt - 1, 8), 60_000);

export interface NatsTarget {
  servers: string;
  user?: string;
  pass?: string;
  prefix: string;
  stream: string;
}

/** Reads `nats://[user:pass@]host:port[?prefix=name]`; throws a sentence naming what is wrong. */
export function parseNatsUrl(value: string): NatsTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`must be nats://host:port, got "${value}"`);
  }
  if (url.protocol !== 'nats:' || !url.hostname) throw new Error(`must be nats://host:port, got "${value}"`);
  const prefix = url.searchParams.get('prefix') ?? 'symbiont';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(prefix)) throw new Error(`prefix must be letters, digits, _ or - (at most 64), got "${prefix}"`);
  return {
    servers: `${url.hostname.includes(':') ? `[${url.hostname}]` : url.hostname}:${url.port || 4222}`,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    pass: url.password ? decodeURIComponent(url.password) : undefined,
    prefix,
    stream: `${prefix.replace(/-/g, '_').toUpperCase()}_EVENTS`,
  };
}

export class NatsBus implements Bus {
  readonly kind = 'nats' as const;
  readonly distributed = true;
  private readonly js: JetStreamClient;
  private readonly subscriptions = new Set<BusSubscription>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    readonly target: NatsTarget,
    private readonly log?: BusLog,
  ) {
    this.js = jetstream(nc);
  }

  /** Connects and makes sure the stream exists (several nodes starting at once is fine). */
  static async connect(url: string, opts: { name?: string; log?: BusLog } = {}): Promise<NatsBus> {
    const target = parseNatsUrl(url);
    const nc = await connect({ servers: target.servers, user: target.user, pass: target.pass, name: opts.name ?? 'symbiont', timeout: 5_000, maxReconnectAttempts: -1, reconnectTimeWait: 1_000 });
    try {
      const jsm = await jetstreamManager(nc);
      const config = {
        name: target.stream,
        subjects: [`${target.prefix}.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        max_age: KEEP_MS * NS_PER_MS,
      };
      const exists = await jsm.streams.info(target.stream).then(() => true, () => false);
      if (!exists) {
        try {
          await jsm.streams.add(config);
        } catch (err) {
          // Another node created it meanwhile.
          if (!(await jsm.streams.info(target.stream).then(() => true, () => false))) throw err;
        }
      }
      return new NatsBus(nc, jsm, target, opts.log);
    } catch (err) {
      await nc.close().catch(() => {});
      throw err;
    }
  }

  private wire(subject: string): string {
    return `${this.target.prefix}.${subject}`;
  }

  private live(subject: string): string {
    return `${this.target.prefix}-live.${subject}`;
  }

  async publish<S extends EventSubject>(subject: S, data: DomainEvents[S], id: string): Promise<void> {
    const h = headers();
    h.set(ID_HEADER, id);
    await this.js.publish(this.wire(subject), JSON.stringify(data), { headers: h });
  }

  subscribe<P extends EventPattern>(pattern: P, opts: ProcessorOptions, handler: (event: EventEnvelope<MatchingSubject<P>>) => Promise<void> | void): BusSubscription {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(opts.durable)) throw new Error(`a durable consumer name is letters, digits, _ or -, got "${opts.durable}"`);
    const h = handler as (event: EventEnvelope) => Promise<void> | void;
    const stream = this.target.stream;
    const filter = this.wire(pattern);
    let messages: ConsumerMessages | null = null;
    let loop: Promise<void> = Promise.resolve();
    let closed = false;
    const ready = (async () => {
      const config = {
        durable_name: opts.durable,
        ack_policy: AckPolicy.Explicit,
        // A processor added later still gets every event the stream holds.
        deliver_policy: DeliverPolicy.All,
        filter_subject: filter,
        ack_wait: ACK_WAIT_MS * NS_PER_MS,
      };
      try {
        await this.jsm.consumers.add(stream, config);
      } catch {
        // It exists with another configuration (a changed filter): bring it up to date.
        await this.jsm.consumers.update(stream, opts.durable, { filter_subject: filter, ack_wait: config.ack_wait });
      }
      if (closed) return;
      const consumer = await this.js.consumers.get(stream, opts.durable);
      messages = await consumer.consume({ max_messages: 32 });
      const prefixLength = this.target.prefix.length + 1;
      loop = (async () => {
        for await (const m of messages!) {
          let event: EventEnvelope;
          try {
            event = { subject: m.subject.slice(prefixLength), data: m.json(), id: m.headers?.get(ID_HEADER) || String(m.seq), attempt: m.info.deliveryCount } as EventEnvelope;
          } catch (err) {
            this.log?.error({ err, subject: m.subject, seq: m.seq }, 'bus: an event that is not JSON was dropped');
            m.term();
            continue;
          }
          try {
            await h(event);
            m.ack();
          } catch (err) {
            this.log?.warn({ err, subject: event.subject, id: event.id, attempt: event.attempt }, 'bus: a processor failed; the event is delivered again');
            m.nak(backoff(event.attempt));
          }
        }
      })();
    })();
    ready.catch((err) => this.log?.error({ err, durable: opts.durable }, 'bus: a processor could not subscribe'));
    const sub: BusSubscription = {
      ready,
      close: async () => {
        if (closed) return;
        closed = true;
        this.subscriptions.delete(sub);
        await ready.catch(() => {});
        await (messages as ConsumerMessages | null)?.close().catch(() => {});
        await loop.catch(() => {});
      },
      // close() never rejects: everything it awaits is caught.
      unsubscribe: () => void sub.close(),
    };
    this.subscriptions.add(sub);
    return sub;
  }

  notify<S extends LiveSubject>(subject: S, data: LiveEvents[S]): void {
    try {
      this.nc.publish(this.live(subject), JSON.stringify(data));
    } catch (err) {
      this.log?.warn({ err, subject }, 'bus: a live notification was not sent');
    }
  }

  fanout<S extends LiveSubject>(subject: S, handler: (data: LiveEvents[S]) => void): BusSubscription {
    const h = handler as (data: unknown) => void;
    const s: Subscription = this.nc.subscribe(this.live(subject), {
      callback: (err, msg) => {
        if (err) return;
        try {
          h(msg.json());
        } catch (e) {
          this.log?.error({ err: e, subject }, 'bus: a fan-out subscriber failed');
        }
      },
    });
    const sub: BusSubscription = {
      ready: this.nc.flush(),
      close: async () => {
        this.subscriptions.delete(sub);
        s.unsubscribe();
      },
      unsubscribe: () => void sub.close(),
    };
    this.subscriptions.add(sub);
    return sub;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.subscriptions].map((s) => s.close()));
    if (this.nc.isClosed()) return;
    await this.nc.drain().catch(() => this.nc.close());
  }
}
