import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateEpcisDocument } from './validate.ts';

// GS1 EPCIS conformance examples: test input only, read in place (never copied into the project, see SOURCE.md).
const CONFORMANCE =
  process.env.EPCIS_GS1_CONFORMANCE ??
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/conformance/epcis-gs1');
const JSON_DIR = join(CONFORMANCE, 'JSON');
const haveCorpus = existsSync(JSON_DIR);
if (!haveCorpus) console.log(`[epcis] GS1 conformance corpus not found at ${JSON_DIR}: skipping conformance tests`);

/** Documents in JSON/ that a capture interface must NOT accept as an EPCISDocument, with the reason. */
const EXPECTED_REJECTIONS: Record<string, string> = {
  'EPCISQueryDocument.jsonld':
    'an EPCISQueryDocument is a query response (epcisBody.queryResults), not capture input; capture rejects it by design',
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.jsonld') || p.endsWith('.json') ? [p] : [];
  });
}

const files = haveCorpus ? walk(JSON_DIR).map((p) => relative(JSON_DIR, p)).sort() : [];

describe.skipIf(!haveCorpus)('GS1 EPCIS 2.0 JSON-LD conformance examples', () => {
  it('finds the examples', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.filter((f) => !(f in EXPECTED_REJECTIONS)))('%s validates', (file) => {
    const doc = JSON.parse(readFileSync(join(JSON_DIR, file), 'utf8'));
    const r = validateEpcisDocument(doc);
    if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors, null, 2)}`);
    expect(r.events.length).toBe(doc.epcisBody.eventList.length);
  });

  it.each(Object.keys(EXPECTED_REJECTIONS))('%s is rejected (named exception)', (file) => {
    const doc = JSON.parse(readFileSync(join(JSON_DIR, file), 'utf8'));
    const r = validateEpcisDocument(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ eventIndex: null, path: '/type' });
  });

  it('the events inside the query document are valid events', () => {
    const doc = JSON.parse(readFileSync(join(JSON_DIR, 'EPCISQueryDocument.jsonld'), 'utf8'));
    const r = validateEpcisDocument(doc.epcisBody.queryResults.resultsBody.eventList);
    expect(r.ok).toBe(true);
  });

  it('reports errors in a broken GS1 example by event index and path', () => {
    const doc = JSON.parse(readFileSync(join(JSON_DIR, 'Example_9.6.1-ObjectEvent.jsonld'), 'utf8'));
    delete doc.epcisBody.eventList[1].action;
    doc.epcisBody.eventList[1].eventTimeZoneOffset = '+8:00';
    const r = validateEpcisDocument(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ eventIndex: 1, path: '/action' }),
        expect.objectContaining({ eventIndex: 1, path: '/eventTimeZoneOffset' }),
      ]),
    );
    expect(r.errors.every((e) => e.eventIndex === 1)).toBe(true);
  });
});

// ---- self-contained cases (no corpus needed) ----

const ctx = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'http://ns.example.com/epcis/' }];

function objectEvent(over: Record<string, unknown> = {}) {
  return {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    eventTime: '2024-03-01T10:00:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    epcList: ['urn:epc:id:sgtin:4012345.011111.1001'],
    bizStep: 'shipping',
    readPoint: { id: 'urn:epc:id:sgln:4012345.00001.0' },
    ...over,
  };
}

function doc(events: unknown[]) {
  return { '@context': ctx, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2024-03-01T10:00:00Z', epcisBody: { eventList: events } };
}

/** A single event sent on its own carries its @context (GS1). */
function one(ev: Record<string, unknown>) {
  return { '@context': ctx, ...ev };
}

function errorsOf(input: unknown) {
  const r = validateEpcisDocument(input);
  if (r.ok) throw new Error('expected validation errors');
  return r.errors;
}

describe('validateEpcisDocument', () => {
  it('accepts a document, a bare event list and a single event', () => {
    expect(validateEpcisDocument(doc([objectEvent()])).ok).toBe(true);
    expect(validateEpcisDocument([objectEvent(), objectEvent({ action: 'ADD' })]).ok).toBe(true);
    const single = validateEpcisDocument(one(objectEvent()));
    expect(single.ok && single.events.length).toBe(1);
    expect(errorsOf(objectEvent())).toEqual([expect.objectContaining({ eventIndex: 0, path: '/@context' })]);
  });

  it('accepts prefixed user extensions but rejects unprefixed unknown fields', () => {
    expect(validateEpcisDocument(doc([objectEvent({ 'example:myField': { 'example:x': 1 } })])).ok).toBe(true);
    expect(errorsOf(doc([objectEvent({ myField: 1 })]))).toEqual([
      expect.objectContaining({ eventIndex: 0, path: '/myField' }),
    ]);
  });

  it('names the event index and path of each error', () => {
    const errs = errorsOf(
      doc([
        objectEvent(),
        objectEvent({ quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: -2, uom: 'kg' }] }),
        objectEvent({ eventTime: '2024-03-01T10:00:00' }),
      ]),
    );
    expect(errs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ eventIndex: 1, path: '/quantityList/0/quantity' }),
        expect.objectContaining({ eventIndex: 1, path: '/quantityList/0/uom' }),
        expect.objectContaining({ eventIndex: 2, path: '/eventTime' }),
      ]),
    );
    expect(errs.some((e) => e.eventIndex === 0)).toBe(false);
  });

  it('bare arrays map errors to the array index', () => {
    const errs = errorsOf([objectEvent(), objectEvent({ action: 'MOVE' })]);
    expect(errs).toEqual([expect.objectContaining({ eventIndex: 1, path: '/action' })]);
  });

  it('checks dates are real RFC 3339 instants with a time zone', () => {
    expect(errorsOf(one(objectEvent({ eventTime: '2023-02-30T10:00:00Z' })))[0]).toMatchObject({ eventIndex: 0, path: '/eventTime' });
    expect(errorsOf(one(objectEvent({ eventTime: '2023-02-01 10:00:00Z' })))[0]).toMatchObject({ path: '/eventTime' });
    // as GS1's XSD DateTimeStamp: no leap second, upper-case Z, zone within ±14:00, year ≥ 1
    for (const bad of ['2016-12-31T23:59:60Z', '2024-03-01T10:00:00z', '2024-03-01T10:00:00+15:00', '0000-01-01T00:00:00Z']) {
      expect(errorsOf(one(objectEvent({ eventTime: bad })))[0], bad).toMatchObject({ path: '/eventTime' });
    }
    expect(validateEpcisDocument(one(objectEvent({ eventTime: '2024-02-29T23:59:59.123456-05:30', eventTimeZoneOffset: '-05:30' }))).ok).toBe(true);
  });

  it('checks eventTimeZoneOffset', () => {
    for (const bad of ['+8:00', '08:00', '+15:00', 'Z', '+08:60']) {
      expect(errorsOf(one(objectEvent({ eventTimeZoneOffset: bad })))).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: '/eventTimeZoneOffset' })]),
      );
    }
  });

  it('AggregationEvent: parentID required unless DELETE; ADD needs children', () => {
    const agg = (over: Record<string, unknown>) => one({
      type: 'AggregationEvent', eventTime: '2024-03-01T10:00:00Z', eventTimeZoneOffset: '+00:00',
      childEPCs: ['urn:epc:id:sgtin:4012345.011111.1'], ...over,
    });
    expect(errorsOf(agg({ action: 'ADD' }))).toEqual([expect.objectContaining({ path: '/parentID' })]);
    expect(errorsOf(agg({ action: 'OBSERVE' }))).toEqual([expect.objectContaining({ path: '/parentID' })]);
    expect(validateEpcisDocument(agg({ action: 'DELETE' })).ok).toBe(true);
    for (const action of ['ADD', 'OBSERVE']) {
      expect(errorsOf(agg({ action, parentID: 'urn:epc:id:sscc:4012345.0000000001', childEPCs: [] }))).toEqual([
        expect.objectContaining({ path: '/childEPCs' }),
      ]);
    }
  });

  it('TransformationEvent needs inputs or outputs, and a transformationID when it has only one side', () => {
    const t = one({ type: 'TransformationEvent', eventTime: '2024-03-01T10:00:00Z', eventTimeZoneOffset: '+00:00' });
    expect(errorsOf(t)).toEqual([expect.objectContaining({ eventIndex: 0, path: '' })]);
    expect(errorsOf({ ...t, outputEPCList: ['urn:epc:id:sgtin:4012345.011111.1'] })).toEqual([expect.objectContaining({ path: '/transformationID' })]);
    expect(validateEpcisDocument({ ...t, outputEPCList: ['urn:epc:id:sgtin:4012345.011111.1'], transformationID: 'urn:uuid:6fdd7d52-8dd4-4c28-8c8e-3d0d1b0a3a11' }).ok).toBe(true);
    expect(validateEpcisDocument({ ...t, inputEPCList: ['urn:epc:id:sgtin:4012345.011111.2'], outputEPCList: ['urn:epc:id:sgtin:4012345.011111.1'] }).ok).toBe(true);
  });

  it('TransactionEvent needs a bizTransactionList; AssociationEvent a parentID', () => {
    const base = { '@context': ctx, eventTime: '2024-03-01T10:00:00Z', eventTimeZoneOffset: '+00:00', action: 'ADD' };
    expect(errorsOf({ ...base, type: 'TransactionEvent', epcList: [] })).toEqual([expect.objectContaining({ path: '/bizTransactionList' })]);
    expect(errorsOf({ ...base, type: 'AssociationEvent', childEPCs: ['urn:epc:id:giai:4000001.1'] })).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/parentID' })]),
    );
  });

  it('rejects unknown event types and action on TransformationEvent', () => {
    expect(errorsOf(one(objectEvent({ type: 'MagicEvent' })))[0]).toMatchObject({ eventIndex: 0, path: '/type', message: expect.stringMatching(/ObjectEvent/) });
    const t = one({ type: 'TransformationEvent', action: 'ADD', eventTime: '2024-03-01T10:00:00Z', eventTimeZoneOffset: '+00:00', inputEPCList: ['urn:x:1'], outputEPCList: ['urn:x:2'] });
    expect(errorsOf(t)).toEqual([expect.objectContaining({ path: '/action' })]);
  });

  it('checks sensor report unit codes and ranges', () => {
    const ev = objectEvent({
      sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: 3, uom: 'celsius' }, { type: 'Temperature', minValue: 5, maxValue: 1, uom: 'CEL' }] }],
    });
    expect(errorsOf(doc([objectEvent(), ev]))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ eventIndex: 1, path: '/sensorElementList/0/sensorReport/0/uom' }),
        expect.objectContaining({ eventIndex: 1, path: '/sensorElementList/0/sensorReport/1/minValue' }),
      ]),
    );
  });

  it('reports document-level errors with eventIndex null', () => {
    const d = { ...doc([objectEvent()]), creationDate: 'yesterday' };
    expect(errorsOf(d)).toEqual([expect.objectContaining({ eventIndex: null, path: '/creationDate' })]);
    expect(errorsOf({ type: 'EPCISDocument' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ eventIndex: null, path: '/epcisBody' })]),
    );
    expect(errorsOf('nope')[0].eventIndex).toBeNull();
  });
});
