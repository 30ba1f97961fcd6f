import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { epcisXmlToJson, EPCIS_CONTEXT_URL } from './xml.ts';

// ---------------------------------------------------------------------------------------
// GS1 conformance corpus (test input only, never copied into the project)
// ---------------------------------------------------------------------------------------

const here = dirname(fileURLToPath(import.meta.url));
const CORPUS = [
  process.env.EPCIS_GS1_CONFORMANCE_DIR,
  resolve(here, '../../../../../shared/conformance/epcis-gs1'), // <project>/../shared/conformance/epcis-gs1
].find((d): d is string => !!d && existsSync(join(d, 'XML')) && existsSync(join(d, 'JSON')));
const XML_DIR = CORPUS ? join(CORPUS, 'XML') : '';
const JSON_DIR = CORPUS ? join(CORPUS, 'JSON') : '';
const skipReason = 'GS1 EPCIS conformance examples not found (../shared/conformance/epcis-gs1): skipping corpus tests';
if (!CORPUS) console.warn(skipReason);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    })
    .sort();
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Doc = { [k: string]: Json };

function convert(file: string): Doc {
  const r = epcisXmlToJson(readFileSync(join(XML_DIR, file)));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  return r.document as Doc;
}

function eventsOf(doc: Doc): Json[] {
  const body = doc.epcisBody as Doc;
  if (Array.isArray(body.eventList)) return body.eventList;
  return ((body.queryResults as Doc).resultsBody as Doc).eventList as Json[];
}

// ---------------------------------------------------------------------------------------
// Normalisation (written independently of the converter)
// ---------------------------------------------------------------------------------------

const TIME_KEYS = new Set(['eventTime', 'recordTime', 'declarationTime', 'time', 'startTime', 'endTime', 'creationDate']);
const NUMBER_KEYS = new Set(['quantity', 'value', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue']);
const CBV_KEYS = new Set(['bizStep', 'disposition', 'reason', 'set', 'unset', 'component']);
const CBV_PREFIX = /^(urn:epcglobal:cbv:(bizstep|disp|btt|sdt|er):|(https:\/\/ref\.gs1\.org\/cbv\/|cbv:)(bizstep|disp|btt|sdt|er|comp)-)/i;

const bareCbv = (s: string) => s.replace(CBV_PREFIX, '');
const bareGs1 = (s: string) => s.replace(/^(gs1:|https:\/\/gs1\.org\/voc\/)/, '');

/** Sorted keys, instants for time stamps, numbers as numbers, CBV / GS1 vocabulary in bare form,
 *  extension scalars as strings (the JSON examples type them inconsistently: "true" vs true). */
function normalise(v: Json, key = '', parentKey = ''): Json {
  if (Array.isArray(v)) return v.map((x) => normalise(x, key, parentKey));
  if (v !== null && typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v).sort()) {
      if (k === '@context') continue;
      // an empty list (<epcList/>, required by the XML schema) means the same as an absent one
      if (Array.isArray(v[k]) && (v[k] as Json[]).length === 0) continue;
      out[k] = normalise(v[k], k, key);
    }
    return out;
  }
  const isExt = key.includes(':');
  if (isExt) return v === null ? null : String(v);
  if (typeof v === 'string') {
    if (TIME_KEYS.has(key) && !Number.isNaN(Date.parse(v))) return new Date(v).toISOString();
    if (NUMBER_KEYS.has(key) && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
    if (key === 'booleanValue') return v === 'true';
    if (key === 'hexBinaryValue') return v.toUpperCase(); // xsd:hexBinary is case-insensitive
    if (CBV_KEYS.has(key)) return bareCbv(v);
    if (key === 'type' && ['bizTransactionList', 'sourceList', 'destinationList'].includes(parentKey)) return bareCbv(v);
    if ((key === 'type' || key === 'exception') && parentKey === 'sensorReport') return bareGs1(v);
    return v;
  }
  return v;
}

/** Removes a path (segments; `*` matches every key or index) from a normalised value. */
function removePath(v: Json, segs: string[]): void {
  if (v === null || typeof v !== 'object' || segs.length === 0) return;
  const [head, ...rest] = segs;
  const keys = head === '*' ? Object.keys(v) : [head];
  for (const k of keys) {
    const container = v as { [k: string]: Json };
    if (!(k in container)) continue;
    if (rest.length === 0) {
      if (Array.isArray(v)) (v as Json[])[Number(k)] = '<ignored>';
      else delete container[k];
    } else removePath(container[k], rest);
  }
  // an ignored tail element that only one side has: drop it, so the lengths compare
  if (Array.isArray(v)) while (v.length > 0 && v[v.length - 1] === '<ignored>') v.pop();
}

/** Paths where two normalised values differ (for a readable failure message). */
function diff(a: Json, b: Json, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      diff((a as { [k: string]: Json })[k] ?? null, (b as { [k: string]: Json })[k] ?? null, `${path}/${k}`),
    );
  }
  return [`${path}: xml=${JSON.stringify(a)} json=${JSON.stringify(b)}`];
}

/** Flattens an @context array into the prefix entries beyond the standard context URL. */
function contextPrefixes(doc: Doc): Record<string, Json> {
  const ctx = doc['@context'];
  const out: Record<string, Json> = {};
  for (const c of Array.isArray(ctx) ? ctx : ctx ? [ctx] : []) {
    if (c && typeof c === 'object' && !Array.isArray(c)) Object.assign(out, c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Pairs of XML and JSON examples describing the same events
// ---------------------------------------------------------------------------------------

type Exception = { path: string; reason: string };
type Pair = {
  xml: string;
  /** XML event indexes, in the JSON example's event order (default: all, same order). */
  xmlEvents?: number[];
  json: string;
  /** Paths relative to the event list (`<jsonEventIndex|*>/field/...`) or `@context`,
   *  `creationDate`, `schemaVersion` for document-level differences. */
  exceptions: Exception[];
  /** The JSON example nests an extension object inside a key of its own name
   *  (`{"ext2:object": {"ext2:object": {…}}}` for `<ext2:object>…</ext2:object>`): undo that. */
  collapseDoubledNesting?: string;
};

function collapseDoubled(v: Json): Json {
  if (Array.isArray(v)) return v.map(collapseDoubled);
  if (v === null || typeof v !== 'object') return v;
  const out: { [k: string]: Json } = {};
  for (const [k, x] of Object.entries(v)) {
    const inner = x !== null && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 1 ? x[k] : undefined;
    out[k] = collapseDoubled(inner !== undefined ? inner : x);
  }
  return out;
}

const NO_EVENT_ID = {
  path: '*/eventID',
  reason: 'the JSON example carries an ni:/// hash eventID that the XML example does not have',
};

const ASSOC = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

const ex = (path: string, reason: string): Exception => ({ path, reason });
const SEPARATE_DOC = (what: string) =>
  ex('creationDate', `the JSON example is a separate document (${what}) with its own creationDate`);
const ASSOC_CONTEXT = ex('@context', 'the JSON example declares an "example" prefix that none of its events uses');
const SENSOR_CONTEXT = ex(
  '@context',
  'SensorDataExamples.xml declares example…example4 (https://ns.exampleN.com/epcis) for all its cases; each JSON example declares only what it uses (and http://ns.example.com/epcis/)',
);
const FURTHER_SENSOR_DATA_ARRAY = (p: string) =>
  ex(p, 'the JSON example renders <example:furtherSensorData> with two child elements as an array of one-key objects; SensorDataExample12 renders the same element as one object, as the converter does');
const FULL_EXTRA = [
  ex('0/eventID', 'the JSON example adds an eventID the XML example does not have'),
  ex('0/certificationInfo', 'the JSON example adds certificationInfo the XML example does not have'),
  ex('0/errorDeclaration', 'the JSON example adds an errorDeclaration the XML example does not have'),
];
const DOUBLED = 'the JSON examples in WithFullCombinationOfFields were made by a converter that wraps nested extension objects in an extra level of their own name';

/** XML case index in SensorDataExamples.xml → JSON example number and exceptions. */
const SENSOR_PAIRS: { n: string; exceptions: Exception[] }[] = [
  { n: '1', exceptions: [SENSOR_CONTEXT, SEPARATE_DOC('SensorDataExample1')] },
  { n: '2', exceptions: [SENSOR_CONTEXT, SEPARATE_DOC('SensorDataExample2')] },
  { n: '3', exceptions: [SENSOR_CONTEXT, SEPARATE_DOC('SensorDataExample3')] },
  {
    n: '4',
    exceptions: [
      SENSOR_CONTEXT,
      SEPARATE_DOC('SensorDataExample4'),
      ex('0/sensorElementList/0/sensorReport/*/rawData', 'the JSON example uses one rawData URL per device; XML case 4 repeats a single URL'),
    ],
  },
  { n: '5', exceptions: [SENSOR_CONTEXT, SEPARATE_DOC('SensorDataExample5')] },
  {
    n: '6',
    exceptions: [
      SENSOR_CONTEXT,
      SEPARATE_DOC('SensorDataExample6'),
      ex('0/epcList', 'the JSON example adds an EPC to XML case 6, whose epcList is empty'),
      ex('0/quantityList', 'the JSON example adds a quantityList that XML case 6 does not have'),
      FURTHER_SENSOR_DATA_ARRAY('0/sensorElementList/0/example:furtherSensorData'),
    ],
  },
  { n: '7', exceptions: [SENSOR_CONTEXT, SEPARATE_DOC('SensorDataExample7')] },
  {
    n: '8',
    exceptions: [
      SENSOR_CONTEXT,
      SEPARATE_DOC('SensorDataExample8'),
      ex('0/sensorElementList/0/sensorReport/1/type', 'CBV 2.0 renamed gs1:Molar_concentration (XML) to AmountOfSubstancePerUnitVolume (JSON)'),
      ex('0/sensorElementList/0/sensorReport/2/type', 'CBV 2.0 renamed gs1:Molar_concentration (XML) to AmountOfSubstancePerUnitVolume (JSON)'),
      FURTHER_SENSOR_DATA_ARRAY('0/sensorElementList/1/example:furtherSensorData'),
    ],
  },
  {
    n: '9',
    exceptions: [
      SENSOR_CONTEXT,
      ex('0/sensorElementList/0/sensorReport/*/type', 'the JSON example adds measurement types (Temperature, AbsoluteHumidity) to the exception reports; XML case 9 has none'),
    ],
  },
  {
    n: '10',
    exceptions: [
      SENSOR_CONTEXT,
      ex('0/sensorElementList/0/sensorReport/*/component', 'XML case 10 uses user components example:x/y/z, the JSON example the CBV components x/y/z'),
      ex('0/sensorElementList/0/sensorReport/*/ex:feature', 'the JSON example adds an ex:feature extension that XML case 10 does not have'),
    ],
  },
  {
    n: '11',
    exceptions: [
      SENSOR_CONTEXT,
      SEPARATE_DOC('SensorDataExample11'),
      ex('0/sensorElementList/0/sensorReport/0/type', 'CBV 2.0 renamed gs1:EffectiveDoseRate (XML) to DoseEquivalentRate (JSON)'),
    ],
  },
  {
    n: '12',
    exceptions: [
      SENSOR_CONTEXT,
      SEPARATE_DOC('SensorDataExample12'),
      ex('0/readPoint/example:gs1ES', 'the JSON example drops the readPoint extension'),
      ex('0/bizLocation/example:gs1ES', 'the JSON example drops the bizLocation extension'),
      ex('0/errorDeclaration/example:field', 'XML has <example:field example:furtherData="abcd1234"/>, the JSON example an unrelated "foo bar"'),
      ex('0/example2:furtherData', 'the JSON example drops <example2:furtherData> (an extension element with attributes only)'),
    ],
  },
  { n: '14', exceptions: [SENSOR_CONTEXT] },
  { n: '15', exceptions: [SENSOR_CONTEXT] },
];

const PAIRS: Pair[] = [
  { xml: 'Example_9.6.1-ObjectEvent-2020_06_18a.xml', json: 'Example_9.6.1-ObjectEvent.jsonld', exceptions: [NO_EVENT_ID] },
  { xml: 'Mimasu/Example1.xml', json: 'Example_9.6.1-ObjectEvent.jsonld', exceptions: [NO_EVENT_ID] },
  {
    xml: 'Example_9.6.1-ObjectEvent-2020_06_18a.xml',
    json: 'Example_9.6.1-with-comment.jsonld',
    exceptions: [
      NO_EVENT_ID,
      ex('@context', 'the JSON example adds an rdfs prefix for its comment'),
      ex('0/rdfs:comment', 'the JSON example adds an rdfs:comment that the XML (an XML comment at most) does not carry'),
    ],
  },
  { xml: 'Example_9.6.1-ObjectEvent-2020_06_18a.xml', json: 'Example_9.6.1-ObjectEvent-with-pseudo-SBDH-headers.jsonld', exceptions: [NO_EVENT_ID] },
  {
    xml: 'Example_9.6.1-ObjectEvent-2020_06_18a.xml',
    json: 'EPCISQueryDocument.jsonld',
    exceptions: [NO_EVENT_ID, ex('type', 'the JSON example wraps the same events in an EPCISQueryDocument')],
  },
  {
    xml: 'Example_9.6.1-ObjectEvent-2020_06_18a.xml',
    json: 'WithErrorDeclaration/Example_9.6.1-ObjectEvent-with-error-declaration.jsonld',
    exceptions: [NO_EVENT_ID, ex('0/errorDeclaration', 'the JSON example adds an errorDeclaration to the first event')],
  },
  {
    xml: 'Example-TransactionEvent-2020_07_03y.xml',
    json: 'Example-TransactionEvents-2020_07_03y.jsonld',
    exceptions: [
      ex('@context', 'the JSON example adds JSON-LD term definitions (@type xsd:integer/boolean/@id) for rail terms, which XML cannot express'),
      ex('1/rail:vehicle/1/rail:vehicleMasterGIAI', 'the JSON example omits the empty <rail:vehicleMasterGIAI/> (the converter gives "")'),
    ],
  },
  { xml: 'Mimasu/Example2.xml', json: 'Example_9.6.2-ObjectEvent.jsonld', exceptions: [NO_EVENT_ID] },
  { xml: 'Mimasu/Example3.xml', json: 'Example_9.6.3-AggregationEvent.jsonld', exceptions: [NO_EVENT_ID] },
  {
    xml: 'WithExtension/AggregationEvent.xml',
    json: 'Example_9.6.3-AggregationEvent.jsonld',
    exceptions: [NO_EVENT_ID, ex('0/example:extension', 'WithExtension adds an <extension><example:extension> block to example 9.6.3')],
  },
  { xml: 'Mimasu/Example4.xml', json: 'Example_9.6.4-TransformationEvent.jsonld', exceptions: [NO_EVENT_ID] },
  ...ASSOC.map((l, i) => ({
    xml: 'AssociationEvent/AssociationEventExamples.xml',
    xmlEvents: [i],
    json: `AssociationEvent/AssociationEvent-${l}.jsonld`,
    exceptions: [
      NO_EVENT_ID,
      ASSOC_CONTEXT,
      SEPARATE_DOC(`AssociationEvent-${l}`),
      ...(l === 'g'
        ? [ex('0/errorDeclaration/correctiveEventIDs/0', 'the JSON example refers to the corrective event by an ni:/// hash id, the XML by a urn:uuid')]
        : []),
    ],
  })),
  ...ASSOC.map((l, i) => ({
    xml: 'Mimasu/Example-associatonEvent-sensor.xml',
    xmlEvents: [i],
    json: `AssociationEvent/AssociationEvent-${l}.jsonld`,
    exceptions: [
      NO_EVENT_ID,
      ASSOC_CONTEXT,
      SEPARATE_DOC(`AssociationEvent-${l}`),
      ...(l === 'f' ? [ex('0/childQuantityList', 'the Mimasu copy of case (f) has no childQuantityList')] : []),
      ...(l === 'g'
        ? [ex('0/errorDeclaration/correctiveEventIDs/0', 'the JSON example refers to the corrective event by an ni:/// hash id, the XML by a urn:uuid')]
        : []),
    ],
  })),
  {
    xml: 'AssociationEvent/AssociationEventExamples.xml',
    xmlEvents: [5],
    json: 'Example-Type-sourceOrDestination,measurement,bizTransaction.jsonld',
    exceptions: [
      NO_EVENT_ID,
      ASSOC_CONTEXT,
      SEPARATE_DOC('Example-Type-sourceOrDestination'),
      ex('0/bizTransactionList/1', 'the JSON example adds two business transactions to case (f)'),
      ex('0/bizTransactionList/2', 'the JSON example adds two business transactions to case (f)'),
      ex('0/example:myField', 'the JSON example adds an example:myField extension to case (f)'),
    ],
  },
  ...SENSOR_PAIRS.map(({ n, exceptions }, i) => ({
    xml: 'WithSensorData/SensorDataExamples.xml',
    xmlEvents: [i],
    json: `WithSensorData/SensorDataExample${n}.jsonld`,
    exceptions: [NO_EVENT_ID, ...exceptions],
  })),
  {
    xml: 'WithExtension/TransactionEvent.xml',
    json: 'WithSensorData/SensorDataExample11.jsonld',
    exceptions: [
      NO_EVENT_ID,
      SEPARATE_DOC('SensorDataExample11'),
      ex('0/example:extension', 'WithExtension adds an <extension><example:extension> block to sensor case 11'),
      ex('0/example:myField', 'WithExtension adds an example:myField extension to sensor case 11'),
      ex('0/sensorElementList/0/sensorReport/0/type', 'CBV 2.0 renamed gs1:EffectiveDoseRate (XML) to DoseEquivalentRate (JSON)'),
    ],
  },
  {
    xml: 'WithExtension/TransformationEvent.xml',
    json: 'WithSensorData/SensorDataExample12.jsonld',
    exceptions: [
      SEPARATE_DOC('SensorDataExample12'),
      ex('@context', 'WithExtension binds example…example4 to http://ns.example.com/epcis-N, the JSON example to https://ns.exampleN.com/epcis'),
      ex('0/example:extension', 'WithExtension adds an <extension><example:extension> block to sensor case 12'),
      ex('0/readPoint/example:gs1ES', 'the JSON example drops the readPoint extension'),
      ex('0/bizLocation/example:gs1ES', 'the JSON example drops the bizLocation extension'),
      ex('0/errorDeclaration/example:field', 'XML has <example:field example:furtherData="abcd1234"/>, the JSON example an unrelated "foo bar"'),
      ex('0/example2:furtherData', 'the JSON example drops <example2:furtherData> (an extension element with attributes only)'),
    ],
  },
  {
    xml: 'WithFullCombinationOfFields/aggregation_event_all_possible_fields.xml',
    json: 'WithFullCombinationOfFields/aggregation_event_all_possible_fields.jsonld',
    collapseDoubledNesting: DOUBLED,
    exceptions: [
      ...FULL_EXTRA,
      ex('0/sensorElementList/0/sensorReport/0/component', 'XML has component example:x, the JSON example latitude'),
    ],
  },
  ...['association', 'transaction'].map((t) => ({
    xml: `WithFullCombinationOfFields/${t}_event_all_possible_fields.xml`,
    json: `WithFullCombinationOfFields/${t}_event_all_possible_fields.jsonld`,
    collapseDoubledNesting: DOUBLED,
    exceptions: FULL_EXTRA,
  })),
  {
    xml: 'WithFullCombinationOfFields/object_event_all_possible_fields.xml',
    json: 'WithFullCombinationOfFields/object_event_all_possible_fields.jsonld',
    collapseDoubledNesting: DOUBLED,
    exceptions: [
      ...FULL_EXTRA,
      ex('0/action', 'the XML example says OBSERVE, the JSON example ADD'),
      ex('0/ilmd', 'the JSON example adds ilmd that the (shorter) XML example does not have'),
      ...['array', 'boolean', 'default', 'float', 'int', 'object', 'string', 'time'].map((k) =>
        ex(`0/ext1:${k}`, 'the JSON example adds event-level ext1 extensions that the (shorter) XML example does not have'),
      ),
      ...['array', 'float', 'int', 'time', 'object'].map((k) =>
        ex(`0/sensorElementList/0/ext1:${k}`, 'the XML example has a shorter set of sensorElement ext1 extensions than the JSON example'),
      ),
    ],
  },
  {
    xml: 'WithFullCombinationOfFields/transformation_event_all_possible_fields.xml',
    json: 'WithFullCombinationOfFields/transformation_event_all_possible_fields.jsonld',
    collapseDoubledNesting: DOUBLED,
    exceptions: [
      ...FULL_EXTRA,
      ex('@context', 'the JSON example redefines cbvmda as http://example.com/cbvmda/ (a protected term of the EPCIS context)'),
      ...['drainedWeight', 'grossWeight', 'netWeight'].map((k) =>
        ex(`0/ilmd/cbvmda:${k}`, 'the JSON example drops the measurementUnitCode="KGM" attribute (the converter keeps it: {"#text": "3.5", "measurementUnitCode": "KGM"})'),
      ),
    ],
  },
  {
    xml: 'WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.xml',
    json: 'WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.jsonld',
    exceptions: [
      ex('*/inputQuantityList/0/quantity', 'XML has <quantity xsi:nil="true"/> (no quantity), the JSON example 500'),
      ex('*/inputQuantityList/0/uom', 'XML has no uom for the nil quantity, the JSON example KGM'),
      ex('*/readPoint/id', 'the JSON example uses a different readPoint (urn:epc:id:sgln:0614141.07346.1234)'),
    ],
  },
  {
    xml: 'Example-PersistentDisposition.xml',
    json: 'PersistentDisposition-example.jsonld',
    exceptions: [
      NO_EVENT_ID,
      ex('@context', 'the JSON example declares an unused "example" prefix'),
      ex('*/type', 'the XML example reports AggregationEvents, the JSON example ObjectEvents of the same items'),
      ex('*/parentID', 'AggregationEvent (XML) vs ObjectEvent (JSON): parentID only in XML'),
      ex('*/childEPCs', 'AggregationEvent (XML) vs ObjectEvent (JSON): childEPCs in XML are the epcList in JSON'),
      ex('*/epcList', 'AggregationEvent (XML) vs ObjectEvent (JSON): childEPCs in XML are the epcList in JSON'),
      ex('1/action', 'the second XML event is an unpacking (DELETE), the JSON one an inspection (OBSERVE)'),
      ex('1/bizStep', 'the second XML event is an unpacking (DELETE), the JSON one an inspection (OBSERVE)'),
    ],
  },
];

function compareDocs(pair: Pair): string[] {
  const xmlDoc = convert(pair.xml);
  const jsonDoc = JSON.parse(readFileSync(join(JSON_DIR, pair.json), 'utf8')) as Doc;
  const xmlEvents = eventsOf(xmlDoc);
  const picked = (pair.xmlEvents ?? xmlEvents.map((_, i) => i)).map((i) => xmlEvents[i]);
  const a: Doc = {
    type: xmlDoc.type === 'EPCISQueryDocument' ? 'EPCISQueryDocument' : xmlDoc.type,
    schemaVersion: xmlDoc.schemaVersion,
    creationDate: xmlDoc.creationDate,
    '@context': contextPrefixes(xmlDoc),
    events: normalise(picked),
  };
  const b: Doc = {
    type: jsonDoc.type,
    schemaVersion: jsonDoc.schemaVersion,
    creationDate: jsonDoc.creationDate,
    '@context': contextPrefixes(jsonDoc),
    events: normalise(eventsOf(jsonDoc)),
  };
  if (pair.collapseDoubledNesting) b.events = collapseDoubled(b.events);
  a.creationDate = normalise(a.creationDate, 'creationDate');
  b.creationDate = normalise(b.creationDate, 'creationDate');
  for (const ex of pair.exceptions) {
    const segs = ex.path.split('/');
    if (['@context', 'creationDate', 'schemaVersion', 'type'].includes(segs[0])) {
      removePath(a, segs);
      removePath(b, segs);
    } else {
      removePath(a.events, segs);
      removePath(b.events, segs);
    }
  }
  return diff(a, b);
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

/** XML examples that are not EPCIS event documents and so are rejected (with the reason). */
const NOT_EVENT_DOCUMENTS: Record<string, string> = {
  'CaptureJob/Example-CaptureJobRunning.xml': 'EPCISCaptureJob is a REST capture-job status resource, not a document to capture',
  'CaptureJob/Example-CaptureJobSuccess.xml': 'EPCISCaptureJob is a REST capture-job status resource, not a document to capture',
  'CaptureJob/Example-CaptureJobWithErrorFile.xml': 'EPCISCaptureJob is a REST capture-job status resource, not a document to capture',
  'CaptureJob/Example-CaptureJobWithErrors.xml': 'EPCISCaptureJob is a REST capture-job status resource, not a document to capture',
  'CBV/CBV-11.4-2020-06-16a.xml': 'EPCISMasterDataDocument carries master data only, no events',
  'Mimasu/Example-masterData.xml': 'EPCISMasterDataDocument carries master data only, no events',
};

describe.skipIf(!CORPUS)('epcisXmlToJson on the GS1 conformance XML examples', () => {
  const files = CORPUS ? walk(XML_DIR).filter((f) => f.endsWith('.xml')).map((f) => relative(XML_DIR, f)) : [];

  it('finds the examples', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const file of files) {
    const rejected = NOT_EVENT_DOCUMENTS[file];
    if (rejected) {
      it(`${file}: rejected with a root error (${rejected})`, () => {
        const r = epcisXmlToJson(readFileSync(join(XML_DIR, file)));
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.errors[0]).toMatchObject({ eventIndex: null, path: '' });
          expect(r.errors[0].message).toMatch(/not an EPCIS document/);
        }
      });
      continue;
    }
    it(`${file}: converts without errors`, () => {
      const r = epcisXmlToJson(readFileSync(join(XML_DIR, file)));
      expect(r.ok ? [] : r.errors).toEqual([]);
      if (!r.ok) return;
      const doc = r.document as Doc;
      expect((doc['@context'] as Json[])[0]).toBe(EPCIS_CONTEXT_URL);
      expect(['EPCISDocument', 'EPCISQueryDocument']).toContain(doc.type);
      for (const ev of eventsOf(doc)) {
        expect(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']).toContain(
          (ev as Doc).type,
        );
      }
    });
  }

  for (const pair of PAIRS) {
    it(`${pair.xml}${pair.xmlEvents ? ` events ${pair.xmlEvents.join(',')}` : ''} ≡ JSON/${pair.json}`, () => {
      expect(compareDocs(pair)).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------
// Hand-written documents: mapping details and errors
// ---------------------------------------------------------------------------------------

const doc = (events: string, ns = '', root = 'epcis:EPCISDocument') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns:epcis="urn:epcglobal:epcis:xsd:2" ${ns} schemaVersion="2.0" creationDate="2024-01-01T00:00:00Z">
  <EPCISBody><EventList>${events}</EventList></EPCISBody>
</${root}>`;

const objectEvent = (inner = '') => `<ObjectEvent>
  <eventTime>2024-01-01T10:00:00.000+01:00</eventTime>
  <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
  <epcList><epc>urn:epc:id:sgtin:4012345.011111.1</epc></epcList>
  <action>OBSERVE</action>${inner}
</ObjectEvent>`;

function ok(xml: string | Buffer): Doc {
  const r = epcisXmlToJson(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.document as Doc;
}

function errorsOf(xml: string | Buffer) {
  const r = epcisXmlToJson(xml);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('epcisXmlToJson: mapping', () => {
  it('produces the document envelope with @context prefixes for user namespaces', () => {
    const d = ok(doc(objectEvent('<example:myField>x</example:myField>'), 'xmlns:example="http://ns.example.com/epcis" xmlns:cbvmda="urn:epcglobal:cbv:mda" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'));
    expect(d['@context']).toEqual([EPCIS_CONTEXT_URL, { example: 'http://ns.example.com/epcis/' }]);
    expect(d).toMatchObject({ type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2024-01-01T00:00:00Z' });
    expect(eventsOf(d)[0]).toEqual({
      type: 'ObjectEvent',
      eventTime: '2024-01-01T10:00:00.000+01:00',
      eventTimeZoneOffset: '+01:00',
      epcList: ['urn:epc:id:sgtin:4012345.011111.1'],
      action: 'OBSERVE',
      'example:myField': 'x',
    });
  });

  it('converts standard CBV URNs and Web URIs to bare values and keeps other URIs', () => {
    const d = ok(
      doc(
        objectEvent(`
  <bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>
  <disposition>urn:epcglobal:cbv:disp:in_transit</disposition>
  <bizTransactionList>
    <bizTransaction type="https://ref.gs1.org/cbv/BTT-po">urn:epc:id:gdti:0614141.00001.1</bizTransaction>
    <bizTransaction type="urn:example:btt:custom">urn:epc:id:gdti:0614141.00001.2</bizTransaction>
  </bizTransactionList>
  <sourceList><source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:pgln:4012345.00000</source></sourceList>
  <destinationList><destination type="https://ref.gs1.org/cbv/SDT-location">urn:epc:id:sgln:4012345.00001.0</destination></destinationList>
  <persistentDisposition><set>https://ref.gs1.org/cbv/Disp-completeness_verified</set></persistentDisposition>`),
      ),
    );
    expect(eventsOf(d)[0]).toMatchObject({
      bizStep: 'shipping',
      disposition: 'in_transit',
      bizTransactionList: [
        { type: 'po', bizTransaction: 'urn:epc:id:gdti:0614141.00001.1' },
        { type: 'urn:example:btt:custom', bizTransaction: 'urn:epc:id:gdti:0614141.00001.2' },
      ],
      sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:4012345.00000' }],
      destinationList: [{ type: 'location', destination: 'urn:epc:id:sgln:4012345.00001.0' }],
      persistentDisposition: { set: ['completeness_verified'] },
    });
    const custom = ok(doc(objectEvent('<bizStep>urn:epcglobal:cbv:bizstep:not_a_cbv_step</bizStep>')));
    expect((eventsOf(custom)[0] as Doc).bizStep).toBe('urn:epcglobal:cbv:bizstep:not_a_cbv_step');
  });

  it('maps quantities, sensor data, error declarations and ilmd', () => {
    const d = ok(
      doc(
        `<TransformationEvent>
  <eventTime>2024-01-01T10:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
  <errorDeclaration>
    <declarationTime>2024-01-02T10:00:00Z</declarationTime>
    <reason>urn:epcglobal:cbv:er:incorrect_data</reason>
    <correctiveEventIDs><correctiveEventID>urn:uuid:1</correctiveEventID><correctiveEventID>urn:uuid:2</correctiveEventID></correctiveEventIDs>
    <ex:who>me</ex:who>
  </errorDeclaration>
  <inputQuantityList><quantityElement><epcClass>urn:epc:class:lgtin:4012345.012345.L1</epcClass><quantity>12.5</quantity><uom>KGM</uom></quantityElement></inputQuantityList>
  <outputQuantityList><quantityElement><epcClass>urn:epc:class:lgtin:4012345.012345.L2</epcClass><quantity xsi:nil="true"/></quantityElement></outputQuantityList>
  <sensorElementList><sensorElement>
    <sensorMetadata time="2024-01-01T09:00:00Z" deviceID="urn:epc:id:giai:4000001.1" ex:note="n"/>
    <sensorReport type="gs1:Temperature" value="21.5" uom="CEL" booleanValue="false" component="cbv:Comp-x" hexBinaryValue="0a"/>
    <sensorReport exception="gs1:ALARM_CONDITION" type="https://gs1.org/voc/Humidity" minValue="-1" maxValue="1e2"/>
    <ex:extra><ex:a>1</ex:a><ex:a>2</ex:a></ex:extra>
  </sensorElement></sensorElementList>
  <ilmd><cbvmda:lotNumber>LOT1</cbvmda:lotNumber><ex:grade attr="x">A</ex:grade></ilmd>
</TransformationEvent>`,
        'xmlns:ex="urn:example:ext:" xmlns:cbvmda="urn:epcglobal:cbv:mda" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      ),
    );
    expect(d['@context']).toEqual([EPCIS_CONTEXT_URL, { ex: 'urn:example:ext:' }]);
    expect(eventsOf(d)[0]).toEqual({
      type: 'TransformationEvent',
      eventTime: '2024-01-01T10:00:00Z',
      eventTimeZoneOffset: '+00:00',
      errorDeclaration: {
        declarationTime: '2024-01-02T10:00:00Z',
        reason: 'incorrect_data',
        correctiveEventIDs: ['urn:uuid:1', 'urn:uuid:2'],
        'ex:who': 'me',
      },
      inputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.L1', quantity: 12.5, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.L2' }],
      sensorElementList: [
        {
          sensorMetadata: { time: '2024-01-01T09:00:00Z', deviceID: 'urn:epc:id:giai:4000001.1', 'ex:note': 'n' },
          sensorReport: [
            { type: 'Temperature', value: 21.5, uom: 'CEL', booleanValue: false, component: 'x', hexBinaryValue: '0a' },
            { exception: 'ALARM_CONDITION', type: 'gs1:Humidity', minValue: -1, maxValue: 100 }, // Humidity is no term of GS1's JSON Schema list: kept a CURIE
          ],
          'ex:extra': { 'ex:a': ['1', '2'] },
        },
      ],
      ilmd: { 'cbvmda:lotNumber': 'LOT1', 'ex:grade': { attr: 'x', '#text': 'A' } },
    });
  });

  it('unwraps EPCIS 1.x extension / baseExtension wrappers', () => {
    const d = ok(
      `<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" schemaVersion="1.2" creationDate="2024-01-01T00:00:00Z">
  <EPCISBody><EventList>
    <ObjectEvent>
      <eventTime>2024-01-01T10:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
      <baseExtension><eventID>urn:uuid:e1</eventID></baseExtension>
      <epcList/><action>ADD</action>
      <extension>
        <quantityList><quantityElement><epcClass>urn:epc:class:lgtin:4012345.012345.L1</epcClass><quantity>3</quantity></quantityElement></quantityList>
        <ilmd/>
      </extension>
    </ObjectEvent>
    <extension><TransformationEvent>
      <eventTime>2024-01-01T11:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
      <inputEPCList><epc>urn:epc:id:sgtin:4012345.011111.1</epc></inputEPCList>
    </TransformationEvent></extension>
  </EventList></EPCISBody>
</epcis:EPCISDocument>`,
    );
    expect(eventsOf(d)).toEqual([
      {
        type: 'ObjectEvent',
        eventTime: '2024-01-01T10:00:00Z',
        eventTimeZoneOffset: '+00:00',
        eventID: 'urn:uuid:e1',
        epcList: [],
        action: 'ADD',
        quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.L1', quantity: 3 }],
        ilmd: {},
      },
      {
        type: 'TransformationEvent',
        eventTime: '2024-01-01T11:00:00Z',
        eventTimeZoneOffset: '+00:00',
        inputEPCList: ['urn:epc:id:sgtin:4012345.011111.1'],
      },
    ]);
  });

  it('converts an EPCISQueryDocument to queryResults/resultsBody', () => {
    const d = ok(
      `<epcisq:EPCISQueryDocument xmlns:epcisq="urn:epcglobal:epcis-query:xsd:2" schemaVersion="2.0" creationDate="2024-01-01T00:00:00Z">
  <EPCISBody><epcisq:QueryResults>
    <queryName>SimpleEventQuery</queryName><subscriptionID>sub-1</subscriptionID>
    <resultsBody><EventList>${objectEvent()}</EventList></resultsBody>
  </epcisq:QueryResults></EPCISBody>
</epcisq:EPCISQueryDocument>`,
    );
    expect(d.type).toBe('EPCISQueryDocument');
    expect((d.epcisBody as Doc).queryResults).toMatchObject({ queryName: 'SimpleEventQuery', subscriptionID: 'sub-1' });
    expect(eventsOf(d)).toHaveLength(1);
  });

  it('accepts a Buffer with a UTF-8 byte order mark and non-ASCII text', () => {
    const xml = doc(objectEvent('<ex:name>Müll → Wertstoff</ex:name>'), 'xmlns:ex="urn:example:"');
    const d = ok(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]));
    expect((eventsOf(d)[0] as Doc)['ex:name']).toBe('Müll → Wertstoff');
  });

  it('converts the master data in the header', () => {
    const d = ok(
      `<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2024-01-01T00:00:00Z">
  <EPCISHeader><extension><EPCISMasterData><VocabularyList>
    <Vocabulary type="urn:epcglobal:epcis:vtype:BusinessLocation"><VocabularyElementList>
      <VocabularyElement id="urn:epc:id:sgln:4012345.00001.0">
        <attribute id="urn:epcglobal:cbv:mda#name">Plant 1</attribute>
        <children><id>urn:epc:id:sgln:4012345.00001.1</id></children>
      </VocabularyElement>
    </VocabularyElementList></Vocabulary>
  </VocabularyList></EPCISMasterData></extension></EPCISHeader>
  <EPCISBody><EventList/></EPCISBody>
</epcis:EPCISDocument>`,
    );
    expect(d.epcisHeader).toEqual({
      epcisMasterData: {
        vocabularyList: [
          {
            type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
            vocabularyElementList: [
              {
                id: 'urn:epc:id:sgln:4012345.00001.0',
                attributes: [{ id: 'urn:epcglobal:cbv:mda#name', attribute: 'Plant 1' }],
                children: ['urn:epc:id:sgln:4012345.00001.1'],
              },
            ],
          },
        ],
      },
    });
    expect(eventsOf(d)).toEqual([]);
  });
});

describe('epcisXmlToJson: errors', () => {
  it('reports malformed XML with the event index and path', () => {
    const errs = errorsOf(doc(objectEvent() + objectEvent('<bizStep>x</bizStp>')));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ eventIndex: 1, path: '/epcisBody/eventList/1' });
    expect(errs[0].message).toMatch(/malformed XML/);
  });

  it('reports malformed XML outside events without an event index', () => {
    for (const bad of ['', 'not xml', '<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2">', '<a><b></a>', '<x:EPCISDocument/>']) {
      const errs = errorsOf(bad);
      expect(errs.length).toBeGreaterThan(0);
      expect(errs[0].eventIndex).toBeNull();
      expect(typeof errs[0].path).toBe('string');
    }
  });

  it('rejects a non-EPCIS root element', () => {
    for (const root of ['<html><body/></html>', '<EPCISDocument/>', '<epcis:EPCISDocument xmlns:epcis="urn:other"/>']) {
      const errs = errorsOf(root);
      expect(errs[0]).toMatchObject({ eventIndex: null, path: '' });
      expect(errs[0].message).toMatch(/not an EPCIS document/);
    }
  });

  it('reports an unknown event type at its position in the event list', () => {
    const errs = errorsOf(doc(objectEvent() + objectEvent() + '<QuantityEvent><eventTime>2024-01-01T00:00:00Z</eventTime></QuantityEvent>'));
    expect(errs).toEqual([
      { eventIndex: 2, path: '/epcisBody/eventList/2', message: expect.stringMatching(/unknown event type <QuantityEvent>/) },
    ]);
  });

  it('reports non-numeric values with the path of the value', () => {
    const errs = errorsOf(
      doc(
        objectEvent() +
          objectEvent() +
          objectEvent() +
          objectEvent(`<quantityList><quantityElement><epcClass>urn:epc:class:lgtin:4012345.012345.L1</epcClass><quantity>ten</quantity></quantityElement></quantityList>
  <sensorElementList><sensorElement><sensorReport type="gs1:Temperature" value="1" /><sensorReport type="gs1:Temperature" value="warm"/></sensorElement></sensorElementList>`),
      ),
    );
    expect(errs).toEqual([
      { eventIndex: 3, path: '/epcisBody/eventList/3/quantityList/0/quantity', message: expect.stringMatching(/not a number/) },
      { eventIndex: 3, path: '/epcisBody/eventList/3/sensorElementList/0/sensorReport/1/value', message: expect.stringMatching(/not a number/) },
    ]);
  });

  it('reports unexpected standard elements inside an event', () => {
    const errs = errorsOf(doc(objectEvent('<bizStepp>shipping</bizStepp>')));
    expect(errs[0]).toMatchObject({ eventIndex: 0, path: '/epcisBody/eventList/0/bizStepp' });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => doc(objectEvent(s))),
          fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        ),
        (input) => {
          const r = epcisXmlToJson(input);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// Property: a small test-only writer renders ObjectEvents to XML; converting back gives them
// ---------------------------------------------------------------------------------------

const BIZ_STEPS = ['shipping', 'receiving', 'commissioning', 'inspecting', 'packing', 'sensor_reporting'] as const;
type SimpleEvent = {
  type: 'ObjectEvent';
  eventTime: string;
  eventTimeZoneOffset: string;
  epcList: string[];
  action: 'ADD' | 'OBSERVE' | 'DELETE';
  bizStep: (typeof BIZ_STEPS)[number];
};

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function writeXml(events: SimpleEvent[], bizStepForm: 'urn' | 'web'): string {
  const ev = (e: SimpleEvent) => `    <ObjectEvent>
      <eventTime>${escapeXml(e.eventTime)}</eventTime>
      <eventTimeZoneOffset>${escapeXml(e.eventTimeZoneOffset)}</eventTimeZoneOffset>
      <epcList>${e.epcList.map((x) => `<epc>${escapeXml(x)}</epc>`).join('')}</epcList>
      <action>${e.action}</action>
      <bizStep>${bizStepForm === 'urn' ? `urn:epcglobal:cbv:bizstep:${e.bizStep}` : `https://ref.gs1.org/cbv/BizStep-${e.bizStep}`}</bizStep>
    </ObjectEvent>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2024-01-01T00:00:00.000Z">
  <EPCISBody>
    <EventList>
${events.map(ev).join('\n')}
    </EventList>
  </EPCISBody>
</epcis:EPCISDocument>`;
}

const sgtin = fc
  .tuple(fc.integer({ min: 1000000, max: 9999999 }), fc.integer({ min: 100000, max: 999999 }), fc.stringMatching(/^[0-9A-Za-z]{1,20}$/))
  .map(([company, item, serial]) => `urn:epc:id:sgtin:${company}.${item}.${serial}`);

const simpleEvent: fc.Arbitrary<SimpleEvent> = fc.record({
  type: fc.constant('ObjectEvent' as const),
  eventTime: fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  eventTimeZoneOffset: fc.constantFrom('+00:00', '+01:00', '-06:00', '+05:30'),
  epcList: fc.array(sgtin, { maxLength: 5 }),
  action: fc.constantFrom('ADD', 'OBSERVE', 'DELETE'),
  bizStep: fc.constantFrom(...BIZ_STEPS),
});

describe('epcisXmlToJson: round trip property', () => {
  it('writer → XML → epcisXmlToJson gives the same ObjectEvents', () => {
    fc.assert(
      fc.property(fc.array(simpleEvent, { maxLength: 6 }), fc.constantFrom('urn' as const, 'web' as const), (events, form) => {
        const r = epcisXmlToJson(writeXml(events, form));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.document).toEqual({
          '@context': [EPCIS_CONTEXT_URL],
          type: 'EPCISDocument',
          schemaVersion: '2.0',
          creationDate: '2024-01-01T00:00:00.000Z',
          epcisBody: { eventList: events },
        });
      }),
      { numRuns: 200 },
    );
  });

  it('handles a large document (20 000 events) event by event', () => {
    const events: SimpleEvent[] = Array.from({ length: 20000 }, (_, i) => ({
      type: 'ObjectEvent',
      eventTime: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      eventTimeZoneOffset: '+00:00',
      epcList: [`urn:epc:id:sgtin:4012345.011111.${i}`],
      action: 'OBSERVE',
      bizStep: 'shipping',
    }));
    const r = epcisXmlToJson(Buffer.from(writeXml(events, 'urn'), 'utf8'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(eventsOf(r.document as Doc)).toEqual(events);
  });
});
