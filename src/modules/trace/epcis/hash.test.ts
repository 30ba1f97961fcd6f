import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalNumber, canonicalTime, eventHash, preHashString, toCanonicalDigitalLink } from './hash.ts';

const CONFORMANCE =
  process.env.EPCIS_GS1_CONFORMANCE ??
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/conformance/epcis-gs1');
const FULL = join(CONFORMANCE, 'JSON', 'WithFullCombinationOfFields');
const haveCorpus = existsSync(FULL);
if (!haveCorpus) console.log(`[epcis] GS1 conformance corpus not found at ${FULL}: skipping hash vectors on GS1 examples`);

function firstEvent(file: string) {
  const doc = JSON.parse(readFileSync(join(FULL, file), 'utf8'));
  return { event: doc.epcisBody.eventList[0], context: doc['@context'] };
}

/**
 * Expected CBV2.0 hash IDs published by the reference implementation of the EPCIS event hash algorithm,
 * github.com/RalphTro/epcis-event-hash-generator, files tests/examples/expected/CBV2.0/<Name>.hashes,
 * computed on its tests/examples/documents/<Name>.json. Those input documents carry the same event data as
 * GS1's WithFullCombinationOfFields examples (checked field by field), except where noted.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- patches reach into parsed EPCIS JSON
const REFERENCE_VECTORS: Array<{ file: string; expected: string; patch?: (ev: any) => void; note: string }> = [
  {
    file: 'object_event_all_possible_fields.jsonld',
    expected: 'ni:///sha-256;9811bfb2672e9c3a0f6151be339d22b60db375c8b23d2740f6137cc6539f0639?ver=CBV2.0',
    note: 'ObjectEvent_all_possible_fields',
  },
  {
    file: 'transformation_event_all_possible_fields.jsonld',
    expected: 'ni:///sha-256;529cc54b8cf9d8664208cc6c77473274d8c2dd473469920a7d09a814623f52cc?ver=CBV2.0',
    note: 'TransformationEvent_all_possible_fields',
  },
  {
    file: 'transaction_event_all_possible_fields.jsonld',
    expected: 'ni:///sha-256;4a85d64a96409f0c57baed258666b26d83e6690d204a8aaed4c7e2624d8b0c81?ver=CBV2.0',
    note: 'TransactionEvent_all_possible_fields',
  },
  {
    file: 'aggregation_event_all_possible_fields.jsonld',
    expected: 'ni:///sha-256;41cf5d2be6b6926acc531597e43932eb4b9b23926ccb6ce08c882bda7a74d1a8?ver=CBV2.0',
    // the reference's input uses component "example:x" where GS1's example has "latitude"
    patch: (ev) => {
      ev.sensorElementList[0].sensorReport[0].component = 'example:x';
    },
    note: 'AggregationEvent_all_possible_fields (component patched, see comment)',
  },
];

describe.skipIf(!haveCorpus)('event hash: reference vectors on GS1 examples', () => {
  it.each(REFERENCE_VECTORS)('$note', ({ file, expected, patch }) => {
    const { event, context } = firstEvent(file);
    patch?.(event);
    expect(eventHash(event, { context })).toBe(expected);
  });

  it('the pre-hash of the aggregation example has the published layout', () => {
    const { event, context } = firstEvent('aggregation_event_all_possible_fields.jsonld');
    const pre = preHashString(event, { context });
    // prefix of tests/examples/expected/CBV2.0/AggregationEvent_all_possible_fields.prehashes (reference implementation)
    expect(pre.startsWith(
      'eventType=AggregationEventeventTime=2013-06-08T14:58:56.591ZeventTimeZoneOffset=+02:00' +
        'parentID=https://id.gs1.org/00/106141412345678908' +
        'childEPCsepc=https://id.gs1.org/01/10614141073464/21/2017epc=https://id.gs1.org/01/10614141073464/21/2018' +
        'childQuantityListquantityElementepcClass=https://id.gs1.org/01/04012345123456/10/998877quantity=200.5uom=KGM' +
        'quantityElementepcClass=https://id.gs1.org/01/04012345987652quantity=10action=OBSERVE',
    )).toBe(true);
  });
});

// A small self-contained vector: reference implementation, tests/examples/epcisDocWithSingleEvent.jsonld
// with expected hash from tests/examples/expected/CBV2.0/epcisDocWithSingleEvent.hashes.
const singleEvent = {
  type: 'ObjectEvent',
  action: 'OBSERVE',
  bizStep: 'shipping',
  disposition: 'in_transit',
  epcList: ['urn:epc:id:sgtin:0614141.107346.2017', 'urn:epc:id:sgtin:0614141.107346.2018'],
  eventTime: '2022-02-16T20:33:31.116000-06:00',
  eventTimeZoneOffset: '-06:00',
  readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
  bizTransactionList: [{ type: 'po', bizTransaction: 'http://transaction.acme.com/po/12345678' }],
};

describe('event hash', () => {
  it('matches the reference implementation on a single ObjectEvent', () => {
    expect(eventHash(singleEvent)).toBe(
      'ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b?ver=CBV2.0',
    );
  });

  it('has the ni URI form', () => {
    expect(eventHash(singleEvent)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it('normalises values as the algorithm prescribes', () => {
    expect(canonicalTime('2005-04-03T20:33:31.116000-06:00')).toBe('2005-04-04T02:33:31.116Z');
    expect(canonicalTime('2020-01-01T00:00:00+01:00')).toBe('2019-12-31T23:00:00.000Z');
    expect(canonicalTime('2020-01-01T00:00:00.1415Z')).toBe('2020-01-01T00:00:00.142Z');
    expect(canonicalTime('2020-01-01T00:00:59.9999Z')).toBe('2020-01-01T00:01:00.000Z');
    expect(canonicalNumber('26.0')).toBe('26');
    expect(canonicalNumber('0.34340')).toBe('0.3434');
    expect(canonicalNumber('1e-7')).toBe('0.0000001');
    expect(canonicalNumber('abc')).toBe('abc');
    expect(toCanonicalDigitalLink('urn:epc:id:sscc:0614141.1234567890')).toBe('https://id.gs1.org/00/106141412345678908');
    expect(toCanonicalDigitalLink('urn:epc:id:sgln:0614141.07346.0')).toBe('https://id.gs1.org/414/0614141073467');
    expect(toCanonicalDigitalLink('urn:epc:class:lgtin:4012345.012345.998877')).toBe('https://id.gs1.org/01/04012345123456/10/998877');
    expect(toCanonicalDigitalLink('https://example.com/01/4012345123456/10/ABC/21/77?17=250101')).toBe('https://id.gs1.org/01/04012345123456/21/77');
    expect(toCanonicalDigitalLink('https://example.com/gtin/04012345123456/ser/1')).toBe('https://id.gs1.org/01/04012345123456/21/1');
    expect(toCanonicalDigitalLink('https://www.ncbi.nlm.nih.gov/taxonomy/1126011')).toBeNull();
  });

  it('EPC URN and GS1 Digital Link forms of the same event hash alike', () => {
    const dl = {
      ...singleEvent,
      epcList: ['https://id.gs1.org/01/10614141073464/21/2018', 'https://example.org/01/10614141073464/21/2017'],
      readPoint: { id: 'https://id.gs1.org/414/0614141073467/254/1234' },
      bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
      disposition: 'cbv:Disp-in_transit',
    };
    expect(eventHash(dl)).toBe(eventHash(singleEvent));
  });

  it('eventID, recordTime, errorDeclaration, certificationInfo and comments do not take part', () => {
    const h = eventHash(singleEvent);
    expect(eventHash({ ...singleEvent, eventID: 'urn:uuid:1', recordTime: '2030-01-01T00:00:00Z' })).toBe(h);
    expect(eventHash({ ...singleEvent, certificationInfo: 'https://cert.example/1', 'rdfs:comment': 'hi' })).toBe(h);
    expect(eventHash({ ...singleEvent, errorDeclaration: { declarationTime: '2030-01-01T00:00:00Z', reason: 'incorrect_data' } })).toBe(h);
  });

  it('extension keys are expanded through the context: the prefix name does not matter', () => {
    const a = { ...singleEvent, 'ex:temp': '5', '@context': [{ ex: 'https://ns.example.com/epcis/' }] };
    const b = { ...singleEvent, 'other:temp': '5.0', '@context': [{ other: 'https://ns.example.com/epcis/' }] };
    expect(eventHash(a)).toBe(eventHash(b));
    expect(preHashString(a)).toContain('{https://ns.example.com/epcis/}temp=5');
    const c = { ...singleEvent, 'ex:temp': '5', '@context': [{ ex: 'https://ns.example.org/other/' }] };
    expect(eventHash(c)).not.toBe(eventHash(a));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------

/** Reorder object keys (deep) with a seeded permutation, leaving array order and values alone. */
function shuffleKeys(x: unknown, seed: number): unknown {
  if (Array.isArray(x)) return x.map((v, i) => shuffleKeys(v, seed + i + 1));
  if (x && typeof x === 'object') {
    const keys = Object.keys(x as object);
    const order = keys.map((k, i) => [k, Math.sin(seed * 9301 + i * 49297) * 233280] as const).sort((a, b) => a[1] - b[1]);
    return Object.fromEntries(order.map(([k]) => [k, shuffleKeys((x as Record<string, unknown>)[k], seed + 7)]));
  }
  return x;
}

const serial = fc.stringMatching(/^[0-9A-Za-z]{1,10}$/);
const epc = serial.map((s) => `urn:epc:id:sgtin:4012345.011111.${s}`);
const iso = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const arbEvent = fc.record({
  type: fc.constant('ObjectEvent'),
  action: fc.constantFrom('ADD', 'OBSERVE', 'DELETE'),
  eventTime: iso,
  eventTimeZoneOffset: fc.constantFrom('+00:00', '+08:00', '-05:00'),
  epcList: fc.uniqueArray(epc, { minLength: 1, maxLength: 5 }),
  bizStep: fc.constantFrom('shipping', 'receiving', 'commissioning'),
  quantityList: fc.array(
    fc.record({
      epcClass: serial.map((s) => `urn:epc:class:lgtin:4012345.012345.${s}`),
      quantity: fc.integer({ min: 1, max: 10_000 }),
      uom: fc.constantFrom('KGM', 'LTR', 'MTQ'),
    }),
    { maxLength: 3 },
  ),
  readPoint: fc.record({ id: fc.constantFrom('urn:epc:id:sgln:4012345.00001.0', 'urn:epc:id:sgln:4012345.00002.7') }),
  'ex:note': fc.string({ maxLength: 10 }).map((s) => s.trim() + 'x'),
});

describe('event hash properties', () => {
  it('is independent of key order, list order and surrounding whitespace', () => {
    fc.assert(
      fc.property(arbEvent, fc.integer({ min: 1, max: 1000 }), (ev, seed) => {
        const ctx = { context: [{ ex: 'https://ns.example.com/' }] };
        const variant = shuffleKeys(
          {
            ...ev,
            epcList: [...ev.epcList].reverse().map((e) => ` ${e}\n`),
            quantityList: [...ev.quantityList].reverse(),
            bizStep: `  ${ev.bizStep} `,
          },
          seed,
        ) as Record<string, unknown>;
        expect(eventHash(variant, ctx)).toBe(eventHash(ev, ctx));
        // a JSON round trip with indentation is the same event too
        expect(eventHash(JSON.parse(JSON.stringify(variant, null, 2)), ctx)).toBe(eventHash(ev, ctx));
      }),
      { numRuns: 200 },
    );
  });

  it('changes when any field changes', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations reach into generated EPCIS JSON
    const mutations: Array<(ev: any) => void> = [
      (ev) => { ev.action = ev.action === 'ADD' ? 'DELETE' : 'ADD'; },
      (ev) => { ev.eventTime = new Date(Date.parse(ev.eventTime) + 1).toISOString(); },
      (ev) => { ev.eventTimeZoneOffset = ev.eventTimeZoneOffset === '+01:00' ? '+02:00' : '+01:00'; },
      (ev) => { ev.epcList = [...ev.epcList, 'urn:epc:id:sgtin:4012345.011111.NEW-ONE']; },
      (ev) => { ev.epcList = ev.epcList.slice(1); },
      (ev) => { ev.bizStep = 'urn:example:step'; },
      (ev) => { ev.disposition = 'in_transit'; },
      (ev) => { ev.quantityList = [...ev.quantityList, { epcClass: 'urn:epc:class:lgtin:4012345.012345.Q', quantity: 1 }]; },
      (ev) => { if (ev.quantityList.length) ev.quantityList[0].quantity += 1; else ev.quantityList = [{ epcClass: 'urn:x:y', quantity: 2 }]; },
      (ev) => { ev.readPoint = { id: 'urn:epc:id:sgln:4012345.00009.0' }; },
      (ev) => { ev['ex:note'] = ev['ex:note'] + 'y'; },
      (ev) => { delete ev['ex:note']; },
      (ev) => { ev.type = 'TransactionEvent'; },
      (ev) => { ev.sensorElementList = [{ sensorReport: [{ type: 'Temperature', value: 1, uom: 'CEL' }] }]; },
      (ev) => { ev.ilmd = { 'ex:lot': 'L1' }; },
    ];
    fc.assert(
      fc.property(arbEvent, fc.integer({ min: 0, max: mutations.length - 1 }), (ev, m) => {
        const ctx = { context: [{ ex: 'https://ns.example.com/' }] };
        const changed = structuredClone(ev);
        mutations[m](changed);
        expect(eventHash(changed, ctx)).not.toBe(eventHash(ev, ctx));
      }),
      { numRuns: 300 },
    );
  });

  it('ignores eventID and recordTime', () => {
    fc.assert(
      fc.property(arbEvent, fc.uuid(), iso, (ev, id, rt) => {
        expect(eventHash({ ...ev, eventID: `urn:uuid:${id}`, recordTime: rt })).toBe(eventHash(ev));
      }),
      { numRuns: 100 },
    );
  });

  it('the same instant written with different offsets hashes alike', () => {
    fc.assert(
      fc.property(arbEvent, fc.integer({ min: -12, max: 14 }), (ev, h) => {
        const ms = Date.parse(ev.eventTime);
        const local = new Date(ms + h * 3_600_000).toISOString().slice(0, 23);
        const off = `${h < 0 ? '-' : '+'}${String(Math.abs(h)).padStart(2, '0')}:00`;
        expect(eventHash({ ...ev, eventTime: local + off })).toBe(eventHash(ev));
      }),
      { numRuns: 100 },
    );
  });
});

describe('event hash: Symbiont annotations', () => {
  it('skips event-level keys in the urn:symbiont: namespace, whatever prefix names it', () => {
    const event = { type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-11-20T08:00:00+08:00', eventTimeZoneOffset: '+08:00', epcList: ['urn:epc:id:sgtin:6901234.010001.1'], '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'] };
    const plain = eventHash(event);
    const annotated = { ...event, '@context': [...event['@context'], { symbiont: 'urn:symbiont:' }], 'symbiont:recordedBy': { enterprise: { id: 1, code: 'a', name: 'A' }, user: 'a.operator', via: 'session' }, 'symbiont:namedParty': true };
    expect(eventHash(annotated)).toBe(plain);
    expect(eventHash({ ...event, '@context': [...event['@context'], { s: 'urn:symbiont:' }], 's:recordedBy': 'x' })).toBe(plain);
    // Another namespace's extension still counts.
    expect(eventHash({ ...event, '@context': [...event['@context'], { ex: 'https://example.com/' }], 'ex:recordedBy': 'x' })).not.toBe(plain);
  });
});
