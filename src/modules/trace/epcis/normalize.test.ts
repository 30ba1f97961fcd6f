import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { epcsOf, normalizeDocument } from './normalize.ts';
import { eventHash } from './hash.ts';
import { validateEpcisDocument, type EpcisDocument, type EpcisEvent } from './validate.ts';

const CONFORMANCE =
  process.env.EPCIS_GS1_CONFORMANCE ??
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/conformance/epcis-gs1');
const JSON_DIR = join(CONFORMANCE, 'JSON');
const haveCorpus = existsSync(JSON_DIR);
if (!haveCorpus) console.log(`[epcis] GS1 conformance corpus not found at ${JSON_DIR}: skipping epcsOf tests on GS1 examples`);

const load = (file: string) => JSON.parse(readFileSync(join(JSON_DIR, file), 'utf8')) as EpcisDocument;

describe.skipIf(!haveCorpus)('epcsOf on GS1 examples', () => {
  it('TransformationEvent (Example_9.6.4): inputs, outputs and input quantities', () => {
    const doc = load('Example_9.6.4-TransformationEvent.jsonld');
    const ev = doc.epcisBody.eventList[0];
    const refs = epcsOf(ev);
    const byRole = (role: string) => refs.filter((r) => r.role === role);
    const lists = ev as { inputEPCList?: string[]; outputEPCList?: string[]; inputQuantityList?: { epcClass: string }[] };
    expect(byRole('input').map((r) => r.id)).toEqual(lists.inputEPCList ?? []);
    expect(byRole('output').map((r) => r.id)).toEqual(lists.outputEPCList ?? []);
    expect(byRole('inputQuantity').map((r) => r.id)).toEqual((lists.inputQuantityList ?? []).map((q) => q.epcClass));
    expect(byRole('input').length + byRole('inputQuantity').length).toBeGreaterThan(0);
    expect(byRole('output').length + byRole('outputQuantity').length).toBeGreaterThan(0);
    for (const q of byRole('inputQuantity')) expect(typeof q.quantity).toBe('number');
    expect(refs.some((r) => r.role === 'parent')).toBe(false);
  });

  it('TransformationEvent with all fields: every list appears with its role and quantities', () => {
    const doc = load('WithFullCombinationOfFields/transformation_event_all_possible_fields.jsonld');
    const refs = epcsOf(doc.epcisBody.eventList[0]);
    expect(refs.filter((r) => r.role === 'input')).toHaveLength(2);
    expect(refs.filter((r) => r.role === 'output')).toHaveLength(4);
    expect(refs.filter((r) => r.role === 'outputQuantity')).toHaveLength(3);
    expect(refs).toContainEqual({ role: 'inputQuantity', id: 'urn:epc:class:lgtin:4012345.011111.4444', quantity: 10, uom: 'KGM' });
    expect(refs).toContainEqual({ role: 'inputQuantity', id: 'urn:epc:class:lgtin:0614141.077777.987', quantity: 30 });
  });

  it('AggregationEvent (Example_9.6.3): parent, children and child quantities', () => {
    const doc = load('Example_9.6.3-AggregationEvent.jsonld');
    expect(epcsOf(doc.epcisBody.eventList[0])).toEqual([
      { role: 'parent', id: 'urn:epc:id:sscc:0614141.1234567890' },
      { role: 'child', id: 'urn:epc:id:sgtin:0614141.107346.2017' },
      { role: 'child', id: 'urn:epc:id:sgtin:0614141.107346.2018' },
      { role: 'childQuantity', id: 'urn:epc:idpat:sgtin:4012345.098765.*', quantity: 10 },
      { role: 'childQuantity', id: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 200.5, uom: 'KGM' },
    ]);
  });

  it('Digital Link and URN variants of the aggregation example index shared identifiers to the same canonical ids', () => {
    const urn = normalizeDocument(load('Example_9.6.3-AggregationEvent.jsonld')).events[0];
    const dl = normalizeDocument(load('WithDigitalLinkID/Example_9.6.3-AggregationEventWithDigitalLink.jsonld')).events[0];
    expect(urn.index.parentID).toBe('urn:epc:id:sscc:0614141.1234567890');
    expect(urn.index.canonical).toContain('https://id.gs1.org/00/106141412345678908');
    // the two GS1 files share the parent and the child quantities (their child SGTINs differ in the examples)
    for (const id of [
      'https://id.gs1.org/00/106141412345678908',
      'https://id.gs1.org/01/04012345123456/10/998877',
      'https://id.gs1.org/01/04012345987652',
    ]) {
      expect(urn.index.canonical).toContain(id);
      expect(dl.index.canonical).toContain(id);
    }
  });

  it('normalises every valid GS1 example without throwing and keeps each document context', () => {
    for (const file of ['Example_9.6.1-ObjectEvent.jsonld', 'WithFullCombinationOfFields/object_event_all_possible_fields.jsonld', 'WithSensorData/SensorDataExample12.jsonld']) {
      const doc = load(file);
      const v = validateEpcisDocument(doc);
      expect(v.ok).toBe(true);
      const n = normalizeDocument(doc);
      expect(n.events).toHaveLength(doc.epcisBody.eventList.length);
      for (const e of n.events) expect(e.event['@context']).toEqual(doc['@context']);
    }
  });
});

const ctx = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { ex: 'https://ns.example.com/epcis/' }];
const base: EpcisEvent = {
  type: 'ObjectEvent',
  action: 'ADD',
  eventTime: '2024-05-01T08:00:00.250+08:00',
  eventTimeZoneOffset: '+08:00',
  epcList: ['urn:epc:id:sgtin:4012345.011111.1'],
  quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.L1', quantity: 12.5, uom: 'KGM' }],
  'ex:batch': 'B-7',
};

describe('normalizeDocument', () => {
  const doc: EpcisDocument = {
    '@context': ctx,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-05-01T08:00:00Z',
    epcisBody: { eventList: [base, { ...base, eventID: 'urn:uuid:0b7c3e0e-0000-4000-8000-000000000001' }] },
  };

  it('fills a missing eventID with the hash ID and keeps a given one', () => {
    const n = normalizeDocument(doc);
    expect(n.events[0].eventID).toBe(n.events[0].hashID);
    expect(n.events[0].event.eventID).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(n.events[1].eventID).toBe('urn:uuid:0b7c3e0e-0000-4000-8000-000000000001');
    // the hash ID ignores eventID, so both events share it
    expect(n.events[1].hashID).toBe(n.events[0].hashID);
  });

  it('converts eventTime to epoch ms and keeps the original offset', () => {
    const e = normalizeDocument(doc).events[0];
    expect(e.eventTimeMs).toBe(Date.parse('2024-05-01T00:00:00.250Z'));
    expect(e.eventTimeZoneOffset).toBe('+08:00');
    expect(e.recordTimeMs).toBeNull();
  });

  it('keeps the document context on each event so the hash is reproducible from the stored event alone', () => {
    const e = normalizeDocument(doc).events[0];
    expect(e.event['@context']).toEqual(ctx);
    expect(eventHash(e.event)).toBe(e.hashID);
    // without the context the extension key would not expand, so the hash would differ
    const { '@context': _drop, ...bare } = e.event;
    expect(eventHash(bare as EpcisEvent)).not.toBe(e.hashID);
  });

  it('merges an event-level context after the document context', () => {
    const withOwn = { ...base, '@context': [{ other: 'https://other.example/' }] } as EpcisEvent;
    const n = normalizeDocument({ ...doc, epcisBody: { eventList: [withOwn] } });
    expect(n.events[0].context).toEqual([...ctx, { other: 'https://other.example/' }]);
  });

  it('indexes identifiers by role', () => {
    const e = normalizeDocument(doc).events[0];
    expect(e.refs).toEqual([
      { role: 'epc', id: 'urn:epc:id:sgtin:4012345.011111.1' },
      { role: 'quantity', id: 'urn:epc:class:lgtin:4012345.012345.L1', quantity: 12.5, uom: 'KGM' },
    ]);
    expect(e.index).toMatchObject({
      epcs: ['urn:epc:id:sgtin:4012345.011111.1'],
      parentID: null,
      inputs: [],
      outputs: [],
      epcClasses: ['urn:epc:class:lgtin:4012345.012345.L1'],
    });
    expect(e.index.canonical).toEqual([
      'https://id.gs1.org/01/04012345111118/21/1',
      'https://id.gs1.org/01/04012345123456/10/L1',
    ]);
  });

  it('accepts a bare event list and a single event', () => {
    expect(normalizeDocument([base, base]).events).toHaveLength(2);
    expect(normalizeDocument(base).events[0].eventID).toMatch(/^ni:/);
  });
});
