import { describe, expect, it } from 'vitest';
import { MAX_EVENTS, prepareCapture, storedDoc } from './capture-prepare.ts';
import { CapturePool } from './capture-pool.ts';

const ev = (lot: string, extra: object = {}) => ({
  type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-11-20T08:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'shipping',
  quantityList: [{ epcClass: `urn:epc:class:lgtin:6901234.010001.${lot}`, quantity: 2, uom: 'TNE' }, { epcClass: `urn:epc:class:lgtin:6901234.010001.${lot}`, quantity: 3, uom: 'TNE' }],
  destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:6901234.00002' }],
  ...extra,
});
const doc = (events: object[]) => JSON.stringify({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-20T00:00:00Z', epcisBody: { eventList: events } });

describe('preparing a capture', () => {
  it('turns a document into rows: canonical identifiers, repeated classes added, parties, shipment', () => {
    const { events, errors } = prepareCapture({ body: doc([ev('A')]), contentType: 'application/ld+json', behaviour: 'rollback' });
    expect(errors).toEqual([]);
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e.refs).toEqual([['quantity', 'https://id.gs1.org/01/06901234100013/10/A', 5, 'TNE']]);
    expect(e.partyGlns).toEqual(['6901234000023']);
    expect(e.shipment).toBe(true);
    expect(e.hashID).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    const stored = JSON.parse(storedDoc(e, '2026-11-30T00:00:00.000Z'));
    expect(stored).toMatchObject({ type: 'ObjectEvent', recordTime: '2026-11-30T00:00:00.000Z', bizStep: 'shipping' });
  });

  it('refuses everything under rollback and keeps the valid events under proceed, naming the event', () => {
    const bad = ev('B', { eventTime: 'yesterday' });
    const rollback = prepareCapture({ body: doc([ev('A'), bad]), contentType: 'application/json', behaviour: 'rollback' });
    expect(rollback.events).toEqual([]);
    expect(rollback.errors[0]).toMatchObject({ eventIndex: 1, path: '/eventTime' });
    const proceed = prepareCapture({ body: doc([ev('A'), bad]), contentType: 'application/json', behaviour: 'proceed' });
    expect(proceed.events).toHaveLength(1);
    expect(proceed.errors[0].eventIndex).toBe(1);
  });

  it('answers bad input with an error, never a throw', () => {
    expect(prepareCapture({ body: '{"type": ', contentType: 'application/json', behaviour: 'rollback' }).errors[0].message).toMatch(/not JSON/);
    expect(prepareCapture({ body: '<nope/>', contentType: 'application/xml', behaviour: 'rollback' }).errors.length).toBeGreaterThan(0);
    const tooMany = prepareCapture({ body: Array.from({ length: MAX_EVENTS + 1 }, () => ({})), contentType: 'application/json', behaviour: 'proceed' });
    expect(tooMany.errors[0].path).toBe('/epcisBody/eventList');
    expect(prepareCapture({ body: Buffer.from(doc([ev('C')])), contentType: 'application/json', behaviour: 'rollback' }).events).toHaveLength(1);
  });

  it('prepares the same in a worker thread as on the calling thread', async () => {
    const pool = new CapturePool(1);
    try {
      const input = { body: doc([ev('A'), ev('D')]), contentType: 'application/ld+json', behaviour: 'rollback' as const };
      expect(await pool.prepare(input)).toEqual(prepareCapture(input));
      const again = await Promise.all([pool.prepare(input), pool.prepare({ ...input, body: doc([ev('E')]) })]);
      expect(again[1].events[0].refs[0][1]).toMatch(/\/10\/E$/);
    } finally {
      await pool.close();
    }
  });
});

describe('Symbiont annotations in a capture', () => {
  it('refuses an event that supplies symbiont:recordedBy (or any key in its namespace), by index and pointer', () => {
    const ctx = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { symbiont: 'urn:symbiont:', s: 'urn:symbiont:' }];
    const body = JSON.stringify({ '@context': ctx, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-20T00:00:00Z', epcisBody: { eventList: [ev('A'), ev('B', { 'symbiont:recordedBy': { user: 'someone' } }), ev('C', { 's:namedParty': true })] } });
    const rollback = prepareCapture({ body, contentType: 'application/ld+json', behaviour: 'rollback' });
    expect(rollback.events).toEqual([]);
    expect(rollback.errors.map((e) => [e.eventIndex, e.path])).toEqual([[1, '/symbiont:recordedBy'], [2, '/s:namedParty']]);
    const proceed = prepareCapture({ body, contentType: 'application/ld+json', behaviour: 'proceed' });
    expect(proceed.events.map((e) => e.refs[0][1])).toEqual(['https://id.gs1.org/01/06901234100013/10/A']);
  });

  it('records which parties an event names as destination', () => {
    const { events } = prepareCapture({ body: doc([ev('A', { sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:6901234.00001' }] })]), contentType: 'application/ld+json', behaviour: 'rollback' });
    expect(events[0].partyGlns.sort()).toEqual(['6901234000016', '6901234000023']);
    expect(events[0].destinationGlns).toEqual(['6901234000023']);
  });
});
