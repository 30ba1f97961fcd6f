import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isSparkplugControlMetric } from './sparkplug-ingest.ts';
import {
  SparkplugSessions,
  decodePayload,
  encodePayload,
  numericValue,
  parseSparkplugTopic,
  type DecodedPayload,
  type SparkplugEvent,
  type SparkplugMetricInput,
  type SparkplugReading,
} from './sparkplug.ts';

const GROUP = 'park-1';
const NODE = 'gw-7';
const T0 = 1_700_000_000_000;
const RECEIVED = T0 + 60_000;

const topic = (type: string, device?: string, node = NODE, group = GROUP): string =>
  `spBv1.0/${group}/${type}/${node}${device !== undefined ? `/${device}` : ''}`;

const nbirth = (seq = 0, bdSeq = 0, metrics: SparkplugMetricInput[] = []): Uint8Array =>
  encodePayload({ timestamp: T0, seq, metrics: [{ name: 'bdSeq', type: 'Int64', value: bdSeq }, ...metrics] });

const ndeath = (bdSeq: number): Uint8Array => encodePayload({ timestamp: T0 - 3_600_000, metrics: [{ name: 'bdSeq', type: 'Int64', value: bdSeq }] });

/** A message inside a session; `timestamp` null sends none. */
const data = (seq: number, metrics: SparkplugMetricInput[], timestamp: number | null = T0 + 1_000): Uint8Array =>
  encodePayload({ ...(timestamp !== null ? { timestamp } : {}), seq, metrics });

const kinds = (events: SparkplugEvent[]): string[] => events.map((e) => e.kind);
const readingsOf = (events: SparkplugEvent[]): SparkplugReading[] => events.flatMap((e) => (e.kind === 'readings' ? e.readings : []));
const rejectedOf = (events: SparkplugEvent[]): string[] => events.flatMap((e) => (e.kind === 'rejected' ? [e.reason] : []));

function decoded(bytes: Uint8Array): DecodedPayload {
  const p = decodePayload(bytes);
  if ('error' in p) throw new Error(p.error);
  return p;
}

describe('parseSparkplugTopic', () => {
  it('parses node, device and STATE topics', () => {
    expect(parseSparkplugTopic('spBv1.0/park-1/NBIRTH/gw-7')).toEqual({ group: 'park-1', type: 'NBIRTH', edgeNode: 'gw-7' });
    expect(parseSparkplugTopic('spBv1.0/park-1/DDATA/gw-7/pump 1')).toEqual({ group: 'park-1', type: 'DDATA', edgeNode: 'gw-7', device: 'pump 1' });
    expect(parseSparkplugTopic('spBv1.0/STATE/scada-1')).toEqual({ group: '', type: 'STATE', edgeNode: 'scada-1', hostId: 'scada-1' });
  });

  it('refuses anything else with a reason', () => {
    for (const bad of [
      'spAv1.0/g/NDATA/n',
      'spBv1.0/g/NDATA',
      'spBv1.0/g/FOO/n',
      'spBv1.0/g/NDATA/n/d',
      'spBv1.0/g/DDATA/n',
      'spBv1.0/g/DDATA/n/d/x',
      'spBv1.0//NDATA/n',
      'spBv1.0/g/NDATA/',
      'spBv1.0/g/DDATA/n/',
      'spBv1.0/g+/NDATA/n',
      'spBv1.0/STATE/',
      'spBv1.0/g/ndata/n',
      '',
    ]) {
      const r = parseSparkplugTopic(bad);
      expect(r, bad).toHaveProperty('error');
    }
    expect(parseSparkplugTopic('spBv1.0/g/FOO/n')).toEqual({ error: expect.stringContaining('unknown message type FOO') });
  });
});

describe('decodePayload / encodePayload', () => {
  it('round-trips the header and scalar metrics', () => {
    const p = decoded(
      encodePayload({
        timestamp: T0,
        seq: 17,
        uuid: 'u-1',
        metrics: [
          { name: 'a', alias: 4, timestamp: T0 + 1, type: 'Int16', value: -300 },
          { name: 'b', type: 'String', value: 'hello' },
          { name: 'c', type: 'Double', value: null },
        ],
      }),
    );
    expect(p).toMatchObject({ timestamp: T0, seq: 17, uuid: 'u-1' });
    expect(p.metrics).toEqual([
      { name: 'a', alias: 4, timestamp: T0 + 1, datatype: 2, type: 'Int16', isNull: false, isHistorical: false, isTransient: false, value: -300 },
      { name: 'b', datatype: 12, type: 'String', isNull: false, isHistorical: false, isTransient: false, value: 'hello' },
      { name: 'c', datatype: 10, type: 'Double', isNull: true, isHistorical: false, isTransient: false, value: null },
    ]);
  });

  it('returns an error for malformed bytes, never throws', () => {
    expect(decodePayload(new Uint8Array([0x12, 0x10]))).toEqual({ error: expect.stringContaining('malformed') });
    expect(decodePayload(new Uint8Array([0xff, 0xff, 0xff]))).toHaveProperty('error');
    expect(decodePayload('nope' as unknown as Uint8Array)).toHaveProperty('error');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const r = decodePayload(bytes);
        expect('error' in r || Array.isArray(r.metrics)).toBe(true);
      }),
    );
  });

  it('reads a metric without datatype from the raw value field', () => {
    const p = decoded(data(1, [{ alias: 3, type: 'UInt8', value: 255, omitDatatype: true }, { alias: 4, type: 'Int64', value: -2n, omitDatatype: true }]));
    expect(p.metrics[0]).toMatchObject({ alias: 3, datatype: 0, type: 'Unknown', value: 255 });
    expect(p.metrics[1]).toMatchObject({ alias: 4, datatype: 0, value: 2n ** 64n - 2n });
  });

  it('keeps a well-formed payload the library cannot map (DataSet with an Int32 column)', () => {
    const p = decoded(
      nbirth(0, 0, [
        { name: 'table', type: 'DataSet', value: { numOfColumns: 1, columns: ['x'], types: ['Int32'], rows: [[1]] } },
        { name: 'level', type: 'Int32', value: -4 },
      ]),
    );
    expect(p.metrics.map((m) => [m.name, m.type])).toEqual([['bdSeq', 'Int64'], ['table', 'DataSet'], ['level', 'Int32']]);
    expect(p.metrics[2].value).toBe(-4);
  });
});

describe('Long / UInt64 conversion', () => {
  it('decodes 64-bit integers exactly as bigint and reads them as numbers', () => {
    const p = decoded(
      data(0, [
        { name: 'u64', type: 'UInt64', value: 2n ** 64n - 1n },
        { name: 'i64', type: 'Int64', value: -5n },
        { name: 'i64n', type: 'Int64', value: -7 },
        { name: 'u32', type: 'UInt32', value: 3_000_000_000 },
        { name: 'big', type: 'UInt64', value: 2n ** 53n + 1n },
      ]),
    );
    expect(p.metrics.map((m) => m.value)).toEqual([2n ** 64n - 1n, -5n, -7n, 3_000_000_000, 2n ** 53n + 1n]);
    expect(p.metrics.map((m) => numericValue(m.datatype, m.value))).toEqual([18446744073709552000, -5, -7, 3_000_000_000, 2 ** 53]);
  });

  it('reads protobufjs Long objects (any copy of the long package) and bigint', () => {
    const long = (low: number, high: number, unsigned: boolean) => ({ low, high, unsigned });
    expect(numericValue('UInt64', long(-1, -1, true))).toBe(18446744073709552000);
    expect(numericValue('Int64', long(-1, -1, true))).toBe(-1);
    expect(numericValue('Int64', long(-5, -1, false))).toBe(-5);
    expect(numericValue('UInt32', long(-1294967296, 0, true))).toBe(3_000_000_000);
    expect(numericValue('Int64', 12n)).toBe(12);
    expect(numericValue('UInt64', 12)).toBe(12);
    expect(numericValue('Int8', 255)).toBe(-1);
    expect(numericValue('Int8', 0xffffffff)).toBe(-1);
    expect(numericValue('Int16', 0xffff8000)).toBe(-32768);
    expect(numericValue('UInt16', 65535)).toBe(65535);
    expect(numericValue('Boolean', false)).toBe(0);
    expect(numericValue('Double', Number.NaN)).toBeUndefined();
    expect(numericValue('Float', Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(numericValue('String', '12')).toBeUndefined();
    expect(numericValue('DateTime', 12n)).toBeUndefined();
  });

  it('converts UInt64/Int64 readings end to end, with and without the datatype on the wire', () => {
    const s = new SparkplugSessions();
    s.handle(topic('NBIRTH'), nbirth(0, 0, [
      { name: 'energy', alias: 1, type: 'UInt64', value: 2n ** 40n },
      { name: 'delta', alias: 2, type: 'Int64', value: -1n },
      { name: 'small', alias: 3, type: 'Int8', value: -1 },
    ]), RECEIVED);
    const ev = s.handle(topic('NDATA'), data(1, [
      { alias: 1, type: 'UInt64', value: 2n ** 63n },
      { alias: 2, type: 'Int64', value: -(2n ** 62n), omitDatatype: true },
      // An Int8 -1 sent as the byte 255 in the uint32 field, without datatype: the birth says Int8.
      { alias: 3, type: 'UInt8', value: 255, omitDatatype: true },
    ]), RECEIVED);
    expect(readingsOf(ev).map((r) => [r.metric, r.value])).toEqual([['energy', 2 ** 63], ['delta', -(2 ** 62)], ['small', -1]]);
  });
});

describe('SparkplugSessions', () => {
  it('follows a full session: NBIRTH with aliases → DBIRTH → DDATA by alias → DDEATH → NDEATH', () => {
    const s = new SparkplugSessions();
    const birth = s.handle(topic('NBIRTH'), nbirth(0, 3, [
      { name: 'Node Control/Rebirth', type: 'Boolean', value: false },
      { name: 'temperature', alias: 1, type: 'Double', value: 21.5 },
      { name: 'pressure', alias: 2, type: 'Float', value: 1.5, timestamp: T0 - 10 },
      { name: 'firmware', alias: 3, type: 'String', value: '1.2.3' },
    ]), RECEIVED);
    expect(birth).toEqual([
      { kind: 'online', edgeNode: NODE, ts: T0 },
      {
        kind: 'readings',
        readings: [
          { edgeNode: NODE, metric: 'bdSeq', ts: T0, value: 3 },
          { edgeNode: NODE, metric: 'Node Control/Rebirth', ts: T0, value: 0 },
          { edgeNode: NODE, metric: 'temperature', ts: T0, value: 21.5 },
          { edgeNode: NODE, metric: 'pressure', ts: T0 - 10, value: 1.5 },
        ],
      },
    ]);
    expect(s.metrics(NODE)).toEqual([
      { name: 'bdSeq', datatype: 'Int64' },
      { name: 'Node Control/Rebirth', datatype: 'Boolean' },
      { name: 'temperature', alias: 1, datatype: 'Double' },
      { name: 'pressure', alias: 2, datatype: 'Float' },
      { name: 'firmware', alias: 3, datatype: 'String' },
    ]);

    const dbirth = s.handle(topic('DBIRTH', 'pump-1'), data(1, [
      { name: 'flow', alias: 10, type: 'Double', value: 3.25 },
      { name: 'running', alias: 11, type: 'Boolean', value: true },
      { name: 'starts', alias: 12, type: 'UInt64', value: 41n },
    ], T0 + 100), RECEIVED);
    expect(dbirth).toEqual([
      { kind: 'online', edgeNode: NODE, device: 'pump-1', ts: T0 + 100 },
      {
        kind: 'readings',
        readings: [
          { edgeNode: NODE, device: 'pump-1', metric: 'flow', ts: T0 + 100, value: 3.25 },
          { edgeNode: NODE, device: 'pump-1', metric: 'running', ts: T0 + 100, value: 1 },
          { edgeNode: NODE, device: 'pump-1', metric: 'starts', ts: T0 + 100, value: 41 },
        ],
      },
    ]);
    expect(s.metrics(NODE, 'pump-1')).toEqual([
      { name: 'flow', alias: 10, datatype: 'Double' },
      { name: 'running', alias: 11, datatype: 'Boolean' },
      { name: 'starts', alias: 12, datatype: 'UInt64' },
    ]);
    expect(kinds(s.handle(topic('DBIRTH', 'pump-2'), data(2, [{ name: 'flow', alias: 10, type: 'Double', value: 0 }]), RECEIVED))).toEqual(['online', 'readings']);

    const ddata = s.handle(topic('DDATA', 'pump-1'), data(3, [
      { alias: 10, type: 'Double', value: 3.5, timestamp: T0 + 2_000 },
      { alias: 11, type: 'Boolean', value: false, omitDatatype: true },
      { alias: 12, type: 'UInt64', value: 42n },
    ], T0 + 2_500), RECEIVED);
    expect(ddata).toEqual([
      {
        kind: 'readings',
        readings: [
          { edgeNode: NODE, device: 'pump-1', metric: 'flow', ts: T0 + 2_000, value: 3.5 },
          { edgeNode: NODE, device: 'pump-1', metric: 'running', ts: T0 + 2_500, value: 0 },
          { edgeNode: NODE, device: 'pump-1', metric: 'starts', ts: T0 + 2_500, value: 42 },
        ],
      },
    ]);

    expect(s.handle(topic('DDEATH', 'pump-1'), data(4, [], T0 + 3_000), RECEIVED)).toEqual([
      { kind: 'offline', edgeNode: NODE, device: 'pump-1', ts: T0 + 3_000, reason: 'death' },
    ]);
    expect(s.metrics(NODE, 'pump-1')).toEqual([]);
    const late = s.handle(topic('DDATA', 'pump-1'), data(5, [{ alias: 10, type: 'Double', value: 1 }]), RECEIVED);
    expect(kinds(late)).toEqual(['rejected']);
    expect(rejectedOf(late)[0]).toContain('no DBIRTH for device pump-1');

    // NDEATH is the will, stamped at connect time: the offline time is when it arrived.
    expect(s.handle(topic('NDEATH'), ndeath(3), RECEIVED + 5)).toEqual([
      { kind: 'offline', edgeNode: NODE, ts: RECEIVED + 5, reason: 'death' },
      { kind: 'offline', edgeNode: NODE, device: 'pump-2', ts: RECEIVED + 5, reason: 'node-death' },
    ]);
    expect(s.metrics(NODE)).toEqual([]);
    expect(s.isOnline(NODE)).toBe(false);
    expect(rejectedOf(s.handle(topic('NDATA'), data(6, [{ alias: 1, type: 'Double', value: 1 }]), RECEIVED))[0]).toContain(`no NBIRTH for node ${NODE}`);
  });

  it('wraps seq from 255 to 0 without a gap, across NDATA, DBIRTH, DDATA and DDEATH', () => {
    const s = new SparkplugSessions();
    s.handle(topic('NBIRTH'), nbirth(0, 0, [{ name: 'v', alias: 1, type: 'Int32', value: 0 }]), RECEIVED);
    const all: SparkplugEvent[] = [];
    for (let i = 1; i <= 600; i++) {
      const seq = i % 256;
      if (i === 100) all.push(...s.handle(topic('DBIRTH', 'd'), data(seq, [{ name: 'x', alias: 1, type: 'Int32', value: 1 }]), RECEIVED));
      else if (i === 400) all.push(...s.handle(topic('DDEATH', 'd'), data(seq, []), RECEIVED));
      else if (i > 100 && i < 400 && i % 2 === 0) all.push(...s.handle(topic('DDATA', 'd'), data(seq, [{ alias: 1, type: 'Int32', value: i }]), RECEIVED));
      else all.push(...s.handle(topic('NDATA'), data(seq, [{ alias: 1, type: 'Int32', value: i }]), RECEIVED));
    }
    expect(all.filter((e) => e.kind === 'sequence-gap' || e.kind === 'rejected')).toEqual([]);
    expect(readingsOf(all)).toHaveLength(599); // every message but the DDEATH carries one reading
  });

  it('reports a seq gap and still processes the message', () => {
    const s = new SparkplugSessions();
    s.handle(topic('NBIRTH'), nbirth(0, 0, [{ name: 'v', alias: 1, type: 'Int32', value: 0 }]), RECEIVED);
    expect(kinds(s.handle(topic('NDATA'), data(1, [{ alias: 1, type: 'Int32', value: 1 }]), RECEIVED))).toEqual(['readings']);
    const gap = s.handle(topic('NDATA'), data(5, [{ alias: 1, type: 'Int32', value: 5 }]), RECEIVED);
    expect(gap).toEqual([
      { kind: 'sequence-gap', edgeNode: NODE, expected: 2, received: 5, ts: T0 + 1_000 },
      { kind: 'readings', readings: [{ edgeNode: NODE, metric: 'v', ts: T0 + 1_000, value: 5 }] },
    ]);
    // Resynchronised on the message received.
    expect(kinds(s.handle(topic('NDATA'), data(6, [{ alias: 1, type: 'Int32', value: 6 }]), RECEIVED))).toEqual(['readings']);
    // A repeated seq is a gap too.
    expect(kinds(s.handle(topic('NDATA'), data(6, [{ alias: 1, type: 'Int32', value: 6 }]), RECEIVED))).toEqual(['sequence-gap', 'readings']);
    // A malformed message counts as lost: the next one shows the gap.
    expect(kinds(s.handle(topic('NDATA'), new Uint8Array([0x12, 0x10]), RECEIVED))).toEqual(['rejected']);
    expect(s.handle(topic('NDATA'), data(8, []), RECEIVED)).toEqual([{ kind: 'sequence-gap', edgeNode: NODE, expected: 7, received: 8, ts: T0 + 1_000 }]);
  });

  it('expects seq 0 in an NBIRTH', () => {
    const s = new SparkplugSessions();
    const ev = s.handle(topic('NBIRTH'), nbirth(9, 0), RECEIVED);
    expect(ev[0]).toEqual({ kind: 'sequence-gap', edgeNode: NODE, expected: 0, received: 9, ts: T0 });
    expect(kinds(ev)).toContain('online');
    expect(kinds(s.handle(topic('NDATA'), data(10, []), RECEIVED))).toEqual([]);
  });

  it('rejects data before birth', () => {
    const s = new SparkplugSessions();
    const nd = s.handle(topic('NDATA'), data(1, [{ name: 'v', type: 'Double', value: 1 }]), RECEIVED);
    expect(nd).toEqual([{ kind: 'rejected', edgeNode: NODE, reason: expect.stringContaining(`no NBIRTH for node ${NODE}`), ts: RECEIVED }]);
    const db = s.handle(topic('DBIRTH', 'd1'), data(1, [{ name: 'v', type: 'Double', value: 1 }]), RECEIVED);
    expect(db).toEqual([{ kind: 'rejected', edgeNode: NODE, device: 'd1', reason: expect.stringContaining('no NBIRTH'), ts: RECEIVED }]);

    s.handle(topic('NBIRTH'), nbirth(0, 0), RECEIVED);
    const dd = s.handle(topic('DDATA', 'd1'), data(1, [{ name: 'v', type: 'Double', value: 1 }]), RECEIVED);
    expect(dd).toEqual([{ kind: 'rejected', edgeNode: NODE, device: 'd1', reason: expect.stringContaining('no DBIRTH for device d1'), ts: RECEIVED }]);
    expect(kinds(s.handle(topic('DDEATH', 'd1'), data(2, []), RECEIVED))).toEqual(['rejected']);
  });

  it('ignores an NDEATH with a stale bdSeq', () => {
    const s = new SparkplugSessions();
    s.handle(topic('NBIRTH'), nbirth(0, 5, [{ name: 'v', alias: 1, type: 'Double', value: 1 }]), RECEIVED);
    s.handle(topic('DBIRTH', 'd1'), data(1, [{ name: 'x', type: 'Double', value: 1 }]), RECEIVED);
    expect(s.handle(topic('NDEATH'), ndeath(4), RECEIVED)).toEqual([]);
    expect(s.handle(topic('NDEATH'), encodePayload({ metrics: [] }), RECEIVED)).toEqual([]);
    expect(s.isOnline(NODE, 'd1')).toBe(true);
    expect(kinds(s.handle(topic('NDATA'), data(2, [{ alias: 1, type: 'Double', value: 2 }]), RECEIVED))).toEqual(['readings']);
    expect(kinds(s.handle(topic('NDEATH'), ndeath(5), RECEIVED))).toEqual(['offline', 'offline']);
    // A second NDEATH for a node already offline does nothing.
    expect(s.handle(topic('NDEATH'), ndeath(5), RECEIVED)).toEqual([]);
  });

  it('reports an NBIRTH without bdSeq (the spec requires it to match the NDEATH) and keeps the session', () => {
    const s = new SparkplugSessions();
    const birth = s.handle(topic('NBIRTH'), encodePayload({ timestamp: T0, seq: 0, metrics: [{ name: 'v', type: 'Double', value: 1 }] }), RECEIVED);
    expect(kinds(birth)).toEqual(['online', 'readings', 'rejected']);
    expect(birth[2]).toMatchObject({ kind: 'rejected', edgeNode: NODE, reason: expect.stringMatching(/^NBIRTH: no bdSeq metric/) });
    expect(s.isOnline(NODE)).toBe(true);
    // With bdSeq, nothing is reported.
    expect(kinds(s.handle(topic('NBIRTH'), nbirth(0, 1), RECEIVED))).toEqual(['online', 'readings']);
  });

  it("tells Sparkplug's own metrics from measurements", () => {
    for (const name of ['bdSeq', 'Node Control/Rebirth', 'Node Control/Reboot', 'Node Control/Next Server', 'Device Control/Rebirth', 'Node Info/Hardware Version', 'Properties/Hardware Make']) {
      expect(isSparkplugControlMetric(name), name).toBe(true);
    }
    for (const name of ['temperature', 'bdseq', 'node_control_rebirth', 'Node Controller']) expect(isSparkplugControlMetric(name), name).toBe(false);
  });

  it('rejects malformed payloads, bad topics and unknown message types without throwing', () => {
    const s = new SparkplugSessions();
    s.handle(topic('NBIRTH'), nbirth(0, 0), RECEIVED);
    expect(s.handle(topic('NDATA'), new Uint8Array([0x12, 0x10]), RECEIVED)).toEqual([
      { kind: 'rejected', edgeNode: NODE, reason: expect.stringContaining('malformed'), ts: RECEIVED },
    ]);
    expect(s.handle(topic('NBIRTH', undefined, 'other'), new Uint8Array([0xff, 0xff]), RECEIVED)).toEqual([
      { kind: 'rejected', edgeNode: 'other', reason: expect.stringContaining('malformed'), ts: RECEIVED },
    ]);
    expect(s.handle('spBv1.0/g/NOPE/n', data(1, []), RECEIVED)).toEqual([{ kind: 'rejected', reason: expect.stringContaining('unknown message type NOPE'), ts: RECEIVED }]);
    expect(kinds(s.handle('spBv1.0/g/NDATA', data(1, []), RECEIVED))).toEqual(['rejected']);
    expect(kinds(s.handle('other/topic', data(1, []), RECEIVED))).toEqual(['rejected']);
    expect(kinds(s.handle(topic('NDATA'), null as unknown as Uint8Array, RECEIVED))).toEqual(['rejected']);
    fc.assert(
      fc.property(fc.constantFrom('NBIRTH', 'NDATA', 'NDEATH'), fc.uint8Array({ maxLength: 80 }), (type, bytes) => {
        expect(() => s.handle(topic(type, undefined, 'fuzz'), bytes, RECEIVED)).not.toThrow();
      }),
    );
  });

  it('does nothing with NCMD, DCMD and STATE', () => {
    const s = new SparkplugSessions();
    s.handle(topic('NBIRTH'), nbirth(0, 0), RECEIVED);
    expect(s.handle(topic('NCMD'), encodePayload({ metrics: [{ name: 'Node Control/Rebirth', type: 'Boolean', value: true }] }), RECEIVED)).toEqual([]);
    expect(s.handle(topic('DCMD', 'd1'), encodePayload({ metrics: [] }), RECEIVED)).toEqual([]);
    expect(s.handle('spBv1.0/STATE/scada', new TextEncoder().encode('{"online":true,"timestamp":1}'), RECEIVED)).toEqual([]);
    // Commands do not count in the node's seq.
    expect(kinds(s.handle(topic('NDATA'), data(1, []), RECEIVED))).toEqual([]);
  });

  it('skips strings, datasets, templates, NaN, Infinity and nulls without errors', () => {
    const s = new SparkplugSessions();
    const birth = s.handle(topic('NBIRTH'), nbirth(0, 0, [
      { name: 'label', type: 'String', value: 'x' },
      { name: 'table', type: 'DataSet', value: { numOfColumns: 1, columns: ['x'], types: ['Int32'], rows: [[1]] } },
      { name: 'at', type: 'DateTime', value: T0 },
      { name: 'nan', alias: 7, type: 'Double', value: Number.NaN },
      { name: 'inf', type: 'Float', value: Number.NEGATIVE_INFINITY },
      { name: 'unset', type: 'Int32', value: null },
      { name: 'ok', type: 'Int32', value: 1 },
    ]), RECEIVED);
    expect(kinds(birth)).toEqual(['online', 'readings']);
    expect(readingsOf(birth).map((r) => r.metric)).toEqual(['bdSeq', 'ok']);
    const dbirth = s.handle(topic('DBIRTH', 'd'), data(1, [
      { name: 'tpl', type: 'Template', value: { isDefinition: false, templateRef: 'Motor', metrics: [{ name: 'rpm', type: 'Int32', value: 1 }], parameters: [] } },
      { name: 'rpm', type: 'Int32', value: 2 },
    ]), RECEIVED);
    expect(readingsOf(dbirth).map((r) => [r.metric, r.value])).toEqual([['rpm', 2]]);
    expect(rejectedOf(dbirth)).toEqual([]);
    const nd = s.handle(topic('NDATA'), data(2, [{ alias: 7, type: 'Double', value: Number.POSITIVE_INFINITY }, { name: 'ok', type: 'Int32', value: null }]), RECEIVED);
    expect(nd).toEqual([]);
  });

  it('takes the metric timestamp, else the payload timestamp, else the receive time', () => {
    const s = new SparkplugSessions();
    s.handle(topic('NBIRTH'), nbirth(0, 0, [{ name: 'v', alias: 1, type: 'Double', value: 0 }]), RECEIVED);
    const ev = s.handle(topic('NDATA'), data(1, [{ alias: 1, type: 'Double', value: 1, timestamp: T0 + 7 }, { alias: 1, type: 'Double', value: 2 }], T0 + 8), RECEIVED);
    expect(readingsOf(ev).map((r) => r.ts)).toEqual([T0 + 7, T0 + 8]);
    const noTs = s.handle(topic('NDATA'), data(2, [{ alias: 1, type: 'Double', value: 3 }], null), RECEIVED);
    expect(readingsOf(noTs).map((r) => r.ts)).toEqual([RECEIVED]);
  });

  it('resolves by alias or by name, and reports metrics the birth did not define', () => {
    const s = new SparkplugSessions();
    s.handle(topic('NBIRTH'), nbirth(0, 0, [{ name: 'a', alias: 1, type: 'Double', value: 0 }, { name: 'b', type: 'Int32', value: 0 }]), RECEIVED);
    const ev = s.handle(topic('NDATA'), data(1, [
      { alias: 1, type: 'Double', value: 1 },
      { name: 'b', type: 'Int32', value: 2 },
      { alias: 99, type: 'Double', value: 3 },
      { name: 'c', type: 'Double', value: 4 },
    ]), RECEIVED);
    expect(readingsOf(ev).map((r) => [r.metric, r.value])).toEqual([['a', 1], ['b', 2]]);
    expect(rejectedOf(ev)).toEqual([expect.stringMatching(/not defined by the NBIRTH.*alias 99, "c"/)]);
  });

  it('reports duplicate aliases in a birth and leaves them unresolvable', () => {
    const s = new SparkplugSessions();
    const ev = s.handle(topic('NBIRTH'), nbirth(0, 0, [{ name: 'a', alias: 1, type: 'Double', value: 0 }, { name: 'b', alias: 1, type: 'Double', value: 0 }]), RECEIVED);
    expect(rejectedOf(ev)).toEqual([expect.stringContaining('alias 1 used by "a" and "b"')]);
    const nd = s.handle(topic('NDATA'), data(1, [{ alias: 1, type: 'Double', value: 1 }, { name: 'b', type: 'Double', value: 2 }]), RECEIVED);
    expect(readingsOf(nd).map((r) => r.metric)).toEqual(['b']);
  });

  it('on a new NBIRTH, drops the devices of the previous session until they are born again', () => {
    const s = new SparkplugSessions();
    s.handle(topic('NBIRTH'), nbirth(0, 1), RECEIVED);
    s.handle(topic('DBIRTH', 'd1'), data(1, [{ name: 'x', alias: 1, type: 'Double', value: 1 }]), RECEIVED);
    const rebirth = s.handle(topic('NBIRTH'), nbirth(0, 2), RECEIVED);
    expect(rebirth.slice(0, 2)).toEqual([
      { kind: 'offline', edgeNode: NODE, device: 'd1', ts: T0, reason: 'node-death' },
      { kind: 'online', edgeNode: NODE, ts: T0 },
    ]);
    expect(rejectedOf(s.handle(topic('DDATA', 'd1'), data(1, [{ alias: 1, type: 'Double', value: 1 }]), RECEIVED))[0]).toContain('no DBIRTH');
    // The old session's will (bdSeq 1) no longer applies.
    expect(s.handle(topic('NDEATH'), ndeath(1), RECEIVED)).toEqual([]);
  });

  it('keeps sessions of the same edge node id in different groups apart', () => {
    const s = new SparkplugSessions();
    s.handle(topic('NBIRTH', undefined, NODE, 'g1'), nbirth(0, 0, [{ name: 'a', alias: 1, type: 'Double', value: 0 }]), RECEIVED);
    s.handle(topic('NBIRTH', undefined, NODE, 'g2'), nbirth(0, 0, [{ name: 'b', alias: 1, type: 'Double', value: 0 }]), RECEIVED);
    const e1 = s.handle(topic('NDATA', undefined, NODE, 'g1'), data(1, [{ alias: 1, type: 'Double', value: 1 }]), RECEIVED);
    const e2 = s.handle(topic('NDATA', undefined, NODE, 'g2'), data(1, [{ alias: 1, type: 'Double', value: 2 }]), RECEIVED);
    expect([...e1, ...e2]).toEqual([
      { kind: 'readings', readings: [{ edgeNode: NODE, metric: 'a', ts: T0 + 1_000, value: 1 }] },
      { kind: 'readings', readings: [{ edgeNode: NODE, metric: 'b', ts: T0 + 1_000, value: 2 }] },
    ]);
    expect(s.metrics(NODE, undefined, 'g1').map((m) => m.name)).toEqual(['bdSeq', 'a']);
    expect(s.metrics(NODE).map((m) => m.name)).toEqual(['bdSeq', 'b']); // without a group: the newest session
  });
});

// ---------------------------------------------------------------------------------------------
// Property: DDATA readings are exactly the numeric metrics sent, in order.

const NUMERIC = ['Int8', 'Int16', 'Int32', 'Int64', 'UInt8', 'UInt16', 'UInt32', 'UInt64', 'Float', 'Double', 'Boolean'] as const;
type DefType = (typeof NUMERIC)[number] | 'String';

function valueArb(type: DefType): fc.Arbitrary<number | bigint | boolean | string> {
  switch (type) {
    case 'Int8': return fc.integer({ min: -128, max: 127 });
    case 'Int16': return fc.integer({ min: -32768, max: 32767 });
    case 'Int32': return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case 'UInt8': return fc.integer({ min: 0, max: 255 });
    case 'UInt16': return fc.integer({ min: 0, max: 65535 });
    case 'UInt32': return fc.integer({ min: 0, max: 2 ** 32 - 1 });
    case 'Int64': return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case 'UInt64': return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    case 'Float': return fc.float();
    case 'Double': return fc.double();
    case 'Boolean': return fc.boolean();
    case 'String': return fc.string({ maxLength: 5 });
  }
}

function expectedValue(type: DefType, v: number | bigint | boolean | string): number | undefined {
  if (type === 'String') return undefined;
  const n = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

interface Def { name: string; type: DefType; alias?: number }
interface Sent { metric: SparkplugMetricInput; def?: Def }

const defsArb: fc.Arbitrary<Def[]> = fc
  .uniqueArray(fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), type: fc.constantFrom<DefType>(...NUMERIC, 'String'), aliased: fc.boolean() }), {
    selector: (d) => d.name,
    minLength: 1,
    maxLength: 8,
  })
  .map((ds) => ds.map((d, i) => ({ name: d.name, type: d.type, ...(d.aliased ? { alias: 100 + i } : {}) })));

function sentArb(defs: Def[]): fc.Arbitrary<Sent> {
  const defined = fc.integer({ min: 0, max: defs.length - 1 }).chain((i) => {
    const def = defs[i];
    return fc
      .record({
        value: valueArb(def.type),
        byName: fc.boolean(),
        isNull: fc.nat(9).map((n) => n === 0),
        omitDatatype: fc.boolean(),
        timestamp: fc.option(fc.integer({ min: 0, max: 2 ** 42 }), { nil: undefined }),
      })
      .map(({ value, byName, isNull, omitDatatype, timestamp }): Sent => ({
        def,
        metric: {
          ...(byName || def.alias === undefined ? { name: def.name } : { alias: def.alias }),
          type: def.type,
          value: isNull ? null : value,
          omitDatatype,
          ...(timestamp !== undefined ? { timestamp } : {}),
        },
      }));
  });
  const undefinedAlias = fc.record({ alias: fc.integer({ min: 1_000, max: 5_000 }), value: fc.double() }).map(({ alias, value }): Sent => ({ metric: { alias, type: 'Double', value } }));
  return fc.oneof({ arbitrary: defined, weight: 5 }, { arbitrary: undefinedAlias, weight: 1 });
}

describe('property: DDATA after a birth', () => {
  it('yields exactly the numeric metrics sent, in order, and nothing for undefined aliases', () => {
    const scenario = defsArb.chain((defs) =>
      fc.record({
        defs: fc.constant(defs),
        messages: fc.array(fc.record({ metrics: fc.array(sentArb(defs), { maxLength: 8 }), timestamp: fc.option(fc.integer({ min: 0, max: 2 ** 42 }), { nil: undefined }) }), { maxLength: 12 }),
        startSeq: fc.integer({ min: 0, max: 255 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ defs, messages, startSeq }) => {
        const s = new SparkplugSessions();
        // Filler NDATA so the DBIRTH and DDATA land anywhere in the 0..255 cycle.
        s.handle(topic('NBIRTH'), nbirth(0, 0), RECEIVED);
        for (let seq = 1; seq <= startSeq; seq++) s.handle(topic('NDATA'), data(seq, []), RECEIVED);
        const birthMetrics: SparkplugMetricInput[] = defs.map((d) => ({ name: d.name, type: d.type, value: d.type === 'String' ? '' : d.type === 'Boolean' ? false : d.type.endsWith('64') ? 0n : 0, ...(d.alias !== undefined ? { alias: d.alias } : {}) }));
        const birth = s.handle(topic('DBIRTH', 'dev'), data((startSeq + 1) % 256, birthMetrics), RECEIVED);
        expect(kinds(birth).filter((k) => k !== 'readings')).toEqual(['online']);

        messages.forEach((msg, i) => {
          const seq = (startSeq + 2 + i) % 256;
          const events = s.handle(topic('DDATA', 'dev'), data(seq, msg.metrics.map((m) => m.metric), msg.timestamp ?? null), RECEIVED);
          const expected: SparkplugReading[] = [];
          for (const { metric, def } of msg.metrics) {
            if (!def || metric.value === null) continue;
            const value = expectedValue(def.type, metric.value as number | bigint | boolean | string);
            if (value === undefined) continue;
            expected.push({ edgeNode: NODE, device: 'dev', metric: def.name, ts: Number(metric.timestamp ?? msg.timestamp ?? RECEIVED), value });
          }
          expect(readingsOf(events)).toEqual(expected);
          expect(events.filter((e) => e.kind === 'sequence-gap')).toEqual([]);
          const undefinedAliases = msg.metrics.filter((m) => !m.def).map((m) => m.metric.alias);
          const rejected = rejectedOf(events);
          if (undefinedAliases.length === 0) expect(rejected).toEqual([]);
          else for (const alias of undefinedAliases.slice(0, 10)) expect(rejected.join(' ')).toContain(`alias ${alias}`);
        });
      }),
      { numRuns: 200 },
    );
  });
});
