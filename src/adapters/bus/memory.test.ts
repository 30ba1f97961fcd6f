import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../core/events.ts';
import { subjectMatches } from '../../core/events.ts';
import { until } from '../../../test/helpers/poll.ts';
import { MemoryBus } from './memory.ts';

const captured = (n: number) => ({ enterpriseId: 1, captured: n, jobId: `job-${n}` });

describe('in-memory bus', () => {
  it('matches subjects and prefix patterns', () => {
    expect(subjectMatches('trace.epcis.captured', 'trace.epcis.captured')).toBe(true);
    expect(subjectMatches('trace.>', 'trace.epcis.captured')).toBe(true);
    expect(subjectMatches('trace.epcis.>', 'trace.epcis.captured')).toBe(true);
    expect(subjectMatches('trace.>', 'tracex.epcis')).toBe(false);
    expect(subjectMatches('trace.>', 'trace.')).toBe(false);
    expect(subjectMatches('telemetry.>', 'trace.epcis.captured')).toBe(false);
  });

  it('hands each event of a durable consumer to one subscription, in order, and a copy to every consumer', async () => {
    const bus = new MemoryBus();
    const a: number[] = [];
    const b: number[] = [];
    const other: number[] = [];
    bus.subscribe('trace.epcis.captured', { durable: 'p' }, (e) => void a.push(e.data.captured));
    bus.subscribe('trace.epcis.captured', { durable: 'p' }, (e) => void b.push(e.data.captured));
    bus.subscribe('trace.>', { durable: 'q' }, (e) => void other.push(e.data.captured));
    for (let i = 1; i <= 10; i++) await bus.publish('trace.epcis.captured', captured(i), String(i));
    await until(() => a.length + b.length, (n) => n === 10, 'ten deliveries to p');
    await until(() => other.length, (n) => n === 10, 'ten deliveries to q');
    expect([...a, ...b].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(other).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await bus.close();
  });

  it('delivers a failed event again before the ones after it (at least once, order kept)', async () => {
    const bus = new MemoryBus();
    const seen: EventEnvelope<'trace.epcis.captured'>[] = [];
    let failures = 2;
    bus.subscribe('trace.epcis.captured', { durable: 'flaky' }, (e) => {
      seen.push(e);
      if (e.data.captured === 2 && failures-- > 0) throw new Error('not now');
    });
    for (let i = 1; i <= 3; i++) await bus.publish('trace.epcis.captured', captured(i), String(i));
    await until(() => seen.length, (n) => n === 5, 'five handler calls');
    expect(seen.map((e) => [e.data.captured, e.attempt])).toEqual([[1, 1], [2, 1], [2, 2], [2, 3], [3, 1]]);
    expect(seen.map((e) => e.id)).toEqual(['1', '2', '2', '2', '3']);
    await bus.close();
  });

  it('keeps a durable consumer’s events while no subscription is attached', async () => {
    const bus = new MemoryBus();
    const first = bus.subscribe('trace.epcis.captured', { durable: 'd' }, () => {});
    await first.close();
    await bus.publish('trace.epcis.captured', captured(7), '7');
    expect(bus.pending('d')).toBe(1);
    const got: number[] = [];
    bus.subscribe('trace.epcis.captured', { durable: 'd' }, (e) => void got.push(e.data.captured));
    await until(() => got, (g) => g.length === 1, 'the held event');
    expect(got).toEqual([7]);
    await bus.close();
  });

  it('fans live notifications out to every subscriber and stops after close', async () => {
    const bus = new MemoryBus();
    const x: number[][] = [];
    const y: number[][] = [];
    const sx = bus.fanout('telemetry.live.watching', (m) => void x.push(m.tagIds));
    bus.fanout('telemetry.live.watching', (m) => void y.push(m.tagIds));
    bus.notify('telemetry.live.watching', { node: 'n', tagIds: [1, 2], ttlMs: 1000 });
    await sx.close();
    bus.notify('telemetry.live.watching', { node: 'n', tagIds: [3], ttlMs: 1000 });
    expect(x).toEqual([[1, 2]]);
    expect(y).toEqual([[1, 2], [3]]);
    await bus.close();
  });

  it('type-checks subjects and payloads', () => {
    const bus = new MemoryBus();
    // @ts-expect-error: not a domain event subject
    void bus.publish('trace.epcis.capturd', captured(1), '1').catch(() => {});
    // @ts-expect-error: the payload of trace.epcis.captured has no `count`
    void bus.publish('trace.epcis.captured', { enterpriseId: 1, count: 1, jobId: 'j' }, '1').catch(() => {});
    bus.subscribe('trace.>', { durable: 't' }, (e) => {
      // The envelope is discriminated by subject.
      if (e.subject === 'trace.epcis.captured') expect(typeof e.data.captured).toBe('number');
    });
    void bus.close();
  });
});
