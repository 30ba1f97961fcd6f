/**
 * The bus port: how modules hear of each other's domain events, on one node (in-memory adapter,
 * the embedded shape) or across nodes (NATS JetStream, the server shape). Subjects and payloads are
 * typed in src/core/events.ts.
 */
import type { DomainEvents, EventEnvelope, EventPattern, EventSubject, LiveEvents, LiveSubject, MatchingSubject } from '../../core/events.ts';

export interface BusSubscription {
  /** Resolves once the subscription receives (its consumer exists on the bus). */
  readonly ready: Promise<void>;
  /** Stops receiving; a handler running is let finish. Idempotent. */
  readonly close: () => Promise<void>;
  /** close() without waiting for it (it never fails). */
  readonly unsubscribe: () => void;
}

export interface ProcessorOptions {
  /**
   * The durable consumer's name. Every subscription with the same name, on any node, is one
   * consumer: each event goes to one of them, and stays with the bus until a handler succeeded.
   */
  durable: string;
}

export interface Bus {
  /** `memory` (this process only) or `nats` (every node on the same stream). */
  readonly kind: 'memory' | 'nats';
  /** Whether other nodes hear what this one publishes. */
  readonly distributed: boolean;
  /**
   * Publishes a domain event; resolves once the bus holds it (the outbox dispatcher marks the row
   * published only then). `id` is the outbox row's id.
   */
  publish<S extends EventSubject>(subject: S, data: DomainEvents[S], id: string): Promise<void>;
  /**
   * A processor: at-least-once. An event is acknowledged when the handler resolves and delivered
   * again (to this or another node's subscription of the same name) when it rejects or the node
   * dies first. Events are handed to one subscription's handler one at a time, in order.
   */
  subscribe<P extends EventPattern>(pattern: P, opts: ProcessorOptions, handler: (event: EventEnvelope<MatchingSubject<P>>) => Promise<void> | void): BusSubscription;
  /** A best-effort notification to every node, this one included; never stored, may be lost. */
  notify<S extends LiveSubject>(subject: S, data: LiveEvents[S]): void;
  /** Receives every notification of `subject` sent by any node while subscribed. */
  fanout<S extends LiveSubject>(subject: S, handler: (data: LiveEvents[S]) => void): BusSubscription;
  close(): Promise<void>;
}

export interface BusLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
