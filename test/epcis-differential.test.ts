/**
 * Differential test: Symbiont's capture validation is at least as strict as GS1's own schemas.
 *
 * GS1's examples (../shared/conformance/epcis-gs1, read in place, never copied: see its SOURCE.md) are mutated
 * systematically (dropped required fields, bare words where CBV values or URIs belong, un-namespaced extensions,
 * missing @context, XML elements out of XSD order, events without EPCs or quantities, wrong types, bad dates and
 * time zones, unknown event types, …) and at random (fast-check). Each mutant is judged by an oracle — for JSON,
 * ajv + ajv-formats compiled from GS1's EPCIS-JSON-Schema.json (draft-07, as the file declares); for XML,
 * `xmllint --noout --schema EPCglobal-epcis-2_0.xsd` — and by Symbiont's capture path (the request-time check
 * and the worker's preparation, as POST /epcis/capture runs them). Every mutant the oracle refuses must be
 * refused by Symbiont too (Symbiont may refuse more). A sample also goes through the API.
 *
 * Without xmllint the XML half is skipped, saying so; with SYMBIONT_REQUIRE_SERVICES=1 (CI) it fails instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCapture, prepareCapture } from '../src/modules/trace/capture-prepare.ts';
import { REQUIRE_SERVICES } from './helpers/services.ts';
import { login, startTestServer, type TestServer } from './helpers/server.ts';

const CORPUS = process.env.EPCIS_GS1_CONFORMANCE ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'conformance', 'epcis-gs1');
const HAVE_CORPUS = fs.existsSync(path.join(CORPUS, 'EPCIS-JSON-Schema.json'));
if (!HAVE_CORPUS) console.warn(`[skip] ${CORPUS} is absent: the EPCIS differential tests are skipped`);

function xmllintAvailable(): boolean {
  const ok = spawnSync('xmllint', ['--version']).status === 0;
  if (!ok) {
    if (REQUIRE_SERVICES) throw new Error('xmllint is required (SYMBIONT_REQUIRE_SERVICES=1) for the XSD oracle: install libxml2-utils');
    console.warn('[skip] xmllint is not installed (Debian: libxml2-utils): the XML half of the EPCIS differential test is skipped');
  }
  return ok;
}
const HAVE_XMLLINT = HAVE_CORPUS && xmllintAvailable();

/** Symbiont's verdict: what POST /epcis/capture does with the document (request check, then the worker's preparation). */
function symbiontAccepts(body: string, contentType: string): boolean {
  if (checkCapture({ body, contentType }).length > 0) return false;
  return prepareCapture({ body, contentType, behaviour: 'rollback' }).errors.length === 0;
}

function walk(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, ext));
    else if (ext.test(e.name)) out.push(p);
  }
  return out.sort();
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
const clone = <T>(x: T): T => structuredClone(x);
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

interface Tally {
  mutants: number;
  /** Mutants GS1's validator threw on instead of judging. */
  oracleCrashed: number;
  oracleRefused: number;
  weRefused: number;
  weStricter: number;
  lenient: string[];
}
const tally = (): Tally => ({ mutants: 0, oracleCrashed: 0, oracleRefused: 0, weRefused: 0, weStricter: 0, lenient: [] });

// ------------------------------------------------------------------------------------------------------
// JSON
// ------------------------------------------------------------------------------------------------------

const BAD_DATES = ['2020-02-30T10:00:00Z', '2021-02-29T10:00:00Z', '2020-01-01T10:00:00', '2020-01-01T25:00:00Z', '2020-01-01T10:61:00Z', '2020-13-01T10:00:00Z', '2020-01-01 10:00:00Z', '2020-01-01T10:00:00+1:00', '2020-01-01T10:00:00+24:00', '2016-12-31T23:59:60Z', '2020-01-01T10:00:00z', '2020-01-01T10:00:00+15:00', '20200101T100000Z', 'yesterday', ''];
const BAD_OFFSETS = ['+8:00', '+15:00', 'Z', '08:00', '+08:60', '-14:01', '+0800', 'UTC', ''];
const BARE_WORDS = ['Receiving', 'shipped', 'not a uri', 'foo', ''];
const NOT_URIS = ['not a uri', 'foo', '', 'urn', ':nothing', '1abc:def', 'http://exa mple.com/x', 'urn:epc:id:sgtin:4012345.011111.1 2', '\\\\server\\share'];
const CBV_KEYS = new Set(['bizStep', 'disposition', 'reason', 'component', 'exception']);
const URI_KEYS = new Set(['eventID', 'parentID', 'transformationID', 'id', 'epcClass', 'bizTransaction', 'source', 'destination', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules', 'microorganism', 'chemicalSubstance', 'uriValue', 'coordinateReferenceSystem', 'certificationInfo']);
const TIME_KEYS = new Set(['eventTime', 'recordTime', 'declarationTime', 'time', 'startTime', 'endTime', 'creationDate']);
const WHAT_KEYS = ['epcList', 'quantityList', 'childEPCs', 'childQuantityList', 'inputEPCList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList'];
const WRONG_TYPES: Json[] = [42, true, null, [], {}, 'x'];

/** Every object inside `v` with its parent key ('' for array items / the root), depth first. */
function objectsIn(v: Json, key = '', out: [Obj, string][] = []): [Obj, string][] {
  if (Array.isArray(v)) v.forEach((x) => objectsIn(x, key, out));
  else if (isObj(v)) {
    out.push([v, key]);
    for (const [k, x] of Object.entries(v)) objectsIn(x, k, out);
  }
  return out;
}

/** Systematic mutants of one GS1 document: [label, mutated document]. */
function jsonMutants(doc: Obj): [string, Json][] {
  const out: [string, Json][] = [];
  const mutate = (label: string, f: (d: Obj) => void) => {
    const d = clone(doc);
    f(d);
    out.push([label, d]);
  };
  // the document
  for (const k of Object.keys(doc)) mutate(`doc: drop ${k}`, (d) => delete d[k]);
  for (const k of Object.keys(doc)) for (const t of WRONG_TYPES) mutate(`doc: ${k} = ${JSON.stringify(t)}`, (d) => (d[k] = t));
  mutate('doc: drop eventList', (d) => delete (d.epcisBody as Obj).eventList);
  mutate('doc: eventList = {}', (d) => ((d.epcisBody as Obj).eventList = {}));
  mutate('doc: schemaVersion = 2.0 (number)', (d) => (d.schemaVersion = 2.0));
  mutate('doc: schemaVersion = "two"', (d) => (d.schemaVersion = 'two'));
  for (const bad of BAD_DATES) mutate(`doc: creationDate = ${bad}`, (d) => (d.creationDate = bad));
  mutate('doc: type = EPCISDoc', (d) => (d.type = 'EPCISDoc'));
  mutate('doc: unprefixed field', (d) => (d.myField = 'x'));
  mutate('doc: @context = "not a uri"', (d) => (d['@context'] = 'not a uri'));
  mutate('doc: @context = ""', (d) => (d['@context'] = ''));
  mutate('doc: @context duplicated entries', (d) => (d['@context'] = Array.isArray(d['@context']) ? [...d['@context'], ...d['@context']] : [d['@context'], d['@context']]));
  for (const bad of NOT_URIS) mutate(`doc: id = ${JSON.stringify(bad)}`, (d) => (d.id = bad));
  mutate('doc: epcisHeader unprefixed field', (d) => (d.epcisHeader = { ...(isObj(d.epcisHeader) ? d.epcisHeader : {}), foo: 1 }));
  mutate('doc: epcisHeader = []', (d) => (d.epcisHeader = []));
  mutate('doc: masterdata vocabulary without type', (d) => (d.epcisHeader = { epcisMasterData: { vocabularyList: [{ vocabularyElementList: [] }] } }));
  mutate('doc: masterdata element id not a URI', (d) => (d.epcisHeader = { epcisMasterData: { vocabularyList: [{ type: 'urn:epcglobal:epcis:vtype:BusinessLocation', vocabularyElementList: [{ id: 'not a uri' }] }] } }));
  mutate('doc: bad extension key', (d) => (d['1bad:key'] = 'x'));

  const events = (doc.epcisBody as Obj).eventList as Obj[];
  events.slice(0, 3).forEach((ev, i) => {
    const at = (d: Obj) => ((d.epcisBody as Obj).eventList as Obj[])[i];
    const m = (label: string, f: (e: Obj) => void) => mutate(`event ${i} (${ev.type}): ${label}`, (d) => f(at(d)));
    // dropped fields, wrong types
    for (const k of Object.keys(ev)) {
      m(`drop ${k}`, (e) => delete e[k]);
      for (const t of WRONG_TYPES) m(`${k} = ${JSON.stringify(t)}`, (e) => (e[k] = t));
    }
    // type
    for (const t of ['MagicEvent', 'objectevent', 'QuantityEvent', 'ex:MagicEvent', 'EPCISDocument', '']) m(`type = ${t}`, (e) => (e.type = t));
    // action
    for (const a of ['add', 'MOVE', '', 'OBSERVE ']) m(`action = ${JSON.stringify(a)}`, (e) => (e.action = a));
    if (ev.type !== 'TransformationEvent') m('action = DELETE', (e) => (e.action = 'DELETE'));
    m('action on a TransformationEvent', (e) => ev.type === 'TransformationEvent' && (e.action = 'ADD'));
    // dates and offsets
    for (const bad of BAD_DATES) m(`eventTime = ${bad}`, (e) => (e.eventTime = bad));
    for (const bad of BAD_DATES.slice(0, 6)) m(`recordTime = ${bad}`, (e) => (e.recordTime = bad));
    for (const bad of BAD_OFFSETS) m(`eventTimeZoneOffset = ${bad}`, (e) => (e.eventTimeZoneOffset = bad));
    // no EPCs or quantities at all; empty lists
    m('no EPC or quantity', (e) => WHAT_KEYS.forEach((k) => delete e[k]));
    m('all EPC/quantity lists empty', (e) => WHAT_KEYS.forEach((k) => k in e && (e[k] = [])));
    for (const k of WHAT_KEYS) if (k in ev) m(`${k} = []`, (e) => (e[k] = []));
    m('no EPC/quantity, sensor data without readPoint', (e) => {
      WHAT_KEYS.forEach((k) => delete e[k]);
      delete e.readPoint;
    });
    m('transformation with outputs only, no transformationID', (e) => {
      delete e.inputEPCList;
      delete e.inputQuantityList;
      delete e.transformationID;
    });
    m('transformation with inputs only, no transformationID', (e) => {
      delete e.outputEPCList;
      delete e.outputQuantityList;
      delete e.transformationID;
    });
    for (const k of WHAT_KEYS) {
      if (!Array.isArray(ev[k]) || (ev[k] as Json[]).length === 0) continue;
      m(`${k}: an entry duplicated`, (e) => (e[k] as Json[]).push(clone((e[k] as Json[])[0])));
      m(`${k}: an entry = 42`, (e) => ((e[k] as Json[])[0] = 42));
      if (typeof (ev[k] as Json[])[0] === 'string') for (const bad of NOT_URIS) m(`${k}: an EPC = ${JSON.stringify(bad)}`, (e) => ((e[k] as Json[])[0] = bad));
    }
    m('ilmd on OBSERVE', (e) => {
      e.ilmd = { 'ex:lot': '1' };
      e.action = 'OBSERVE';
    });
    m('ilmd with a bare key', (e) => (e.ilmd = { lot: '1' }));
    m('ilmd = []', (e) => (e.ilmd = []));
    m('@id on the event', (e) => (e['@id'] = '_:b0'));
    m('@type on the event', (e) => (e['@type'] = 'ObjectEvent'));
    m('unprefixed extension field', (e) => (e.myField = 'x'));
    m('extension key that is no URI', (e) => (e['1ex:myField'] = 'x'));
    m('extension key with a bad character', (e) => (e['ex:my field'] = 'x'));
    m('extension key with a bad character 2', (e) => (e['ex:a<b'] = 'x'));
    m('bizTransactionList empty', (e) => (e.bizTransactionList = []));
    // everywhere inside the event: every object gets a bare key, a namespaced key, JSON-LD keys; every
    // string field a bare word / a non-URI / a CBV URN / a wrong type, every date a bad date
    const inner = objectsIn(ev).slice(1);
    inner.forEach(([, key], j) => {
      const nth = (e: Obj) => objectsIn(e).slice(1)[j][0];
      m(`${key}[${j}]: unprefixed extension`, (e) => (nth(e).myField = 'x'));
      m(`${key}[${j}]: namespaced extension`, (e) => (nth(e)['ex:myField'] = 'x'));
      m(`${key}[${j}]: @context`, (e) => (nth(e)['@context'] = 'https://example.com/ctx'));
      m(`${key}[${j}]: @type`, (e) => (nth(e)['@type'] = 'Thing'));
      m(`${key}[${j}]: emptied`, (e) => Object.keys(nth(e)).forEach((k) => delete nth(e)[k]));
    });
    for (const [o, key] of objectsIn(ev)) {
      const idx = objectsIn(ev).findIndex(([x]) => x === o);
      const nth = (e: Obj) => objectsIn(e)[idx][0];
      for (const [k, v] of Object.entries(o)) {
        const where = `${key || 'event'}.${k}`;
        if (k.includes(':') || k.startsWith('@')) continue;
        m(`${where}: dropped`, (e) => delete nth(e)[k]);
        if (typeof v === 'string') {
          for (const t of WRONG_TYPES.filter((t) => typeof t !== 'string')) m(`${where} = ${JSON.stringify(t)}`, (e) => (nth(e)[k] = t));
          if (CBV_KEYS.has(k) || (k === 'type' && key !== '')) {
            for (const w of [...BARE_WORDS, 'urn:epcglobal:cbv:bizstep:receiving', 'urn:epcglobal:cbv:disp:in_transit', 'http://ns.gs1.org/cbv/BizStep-receiving', 'https://gs1.org/voc/Temperature', 'gs1:Temperature', 'cbv:BizStep-receiving']) {
              m(`${where} = ${JSON.stringify(w)}`, (e) => (nth(e)[k] = w));
            }
          }
          if (URI_KEYS.has(k)) for (const bad of NOT_URIS) m(`${where} = ${JSON.stringify(bad)}`, (e) => (nth(e)[k] = bad));
          if (TIME_KEYS.has(k)) for (const bad of BAD_DATES) m(`${where} = ${bad}`, (e) => (nth(e)[k] = bad));
          if (k === 'uom') for (const u of ['kg', 'KILOGRAM', 'K', '']) m(`${where} = ${u}`, (e) => (nth(e)[k] = u));
          if (k === 'hexBinaryValue') for (const h of ['', 'xyz', 'ABC', '0x1F']) m(`${where} = ${h}`, (e) => (nth(e)[k] = h));
        } else if (typeof v === 'number') {
          for (const t of ['5', null, true, [], {}] as Json[]) m(`${where} = ${JSON.stringify(t)}`, (e) => (nth(e)[k] = t));
        } else if (typeof v === 'boolean') {
          for (const t of ['true', 1, null] as Json[]) m(`${where} = ${JSON.stringify(t)}`, (e) => (nth(e)[k] = t));
        } else if (Array.isArray(v) && v.length > 0) {
          m(`${where} = []`, (e) => (nth(e)[k] = []));
          m(`${where}: first entry = 42`, (e) => ((nth(e)[k] as Json[])[0] = 42));
          m(`${where}: first entry duplicated`, (e) => (nth(e)[k] as Json[]).push(clone((nth(e)[k] as Json[])[0])));
          m(`${where} = {}`, (e) => (nth(e)[k] = {}));
        }
      }
    }
    if (isObj(ev.persistentDisposition)) {
      m('persistentDisposition = {}', (e) => (e.persistentDisposition = {}));
      m('persistentDisposition.set = []', (e) => (e.persistentDisposition = { set: [] }));
      m('persistentDisposition.set repeated', (e) => (e.persistentDisposition = { set: ['completeness_verified', 'completeness_verified'] }));
    }
  });
  return out;
}

/** A random mutation somewhere in the document (fast-check): delete, replace, rename, add. */
function randomJsonMutant(doc: Obj, pick: number, op: number, value: Json, key: string): Json {
  const d = clone(doc);
  const spots: [Obj | Json[], string | number][] = [];
  const visit = (v: Json) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        spots.push([v, i]);
        visit(x);
      });
    } else if (isObj(v)) {
      for (const [k, x] of Object.entries(v)) {
        spots.push([v, k]);
        visit(x);
      }
    }
  };
  visit(d);
  const [parent, k] = spots[pick % spots.length];
  const p = parent as Record<string | number, Json>;
  switch (op % 4) {
    case 0:
      if (Array.isArray(parent)) parent.splice(k as number, 1);
      else delete p[k];
      break;
    case 1:
      p[k] = value;
      break;
    case 2:
      if (!Array.isArray(parent)) {
        p[key] = p[k];
        delete p[k];
      } else p[k] = value;
      break;
    default:
      if (Array.isArray(parent)) parent.push(value);
      else p[key] = value;
  }
  return d;
}

describe.skipIf(!HAVE_CORPUS)('differential: JSON mutants against GS1 EPCIS-JSON-Schema.json (ajv + ajv-formats)', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Ajv: any = (AjvModule as any).default ?? AjvModule;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const addFormats: any = (addFormatsModule as any).default ?? addFormatsModule;
  let oracle: (doc: unknown) => boolean;
  const bases: [string, Obj][] = [];
  const t = tally();
  const judge = (label: string, doc: Json) => {
    t.mutants++;
    const text = JSON.stringify(doc);
    const ours = symbiontAccepts(text, 'application/ld+json');
    let theirs: boolean;
    try {
      theirs = oracle(JSON.parse(text));
    } catch {
      // ajv's deep-equal calls a member named toString as a method, so a document with a
      // "toString" key throws inside GS1's oracle: that mutant has no verdict to compare with.
      // Ours has already answered it without throwing, which is what the product owes.
      t.oracleCrashed++;
      return;
    }
    if (!theirs) {
      t.oracleRefused++;
      if (!ours) t.weRefused++;
      else t.lenient.push(label);
    } else if (!ours) t.weStricter++;
  };

  beforeAll(() => {
    const schema = JSON.parse(fs.readFileSync(path.join(CORPUS, 'EPCIS-JSON-Schema.json'), 'utf8'));
    expect(schema.$schema).toMatch(/draft-07/);
    const ajv = new Ajv({ strict: false, allErrors: false });
    addFormats(ajv);
    oracle = ajv.compile(schema);
    for (const file of walk(path.join(CORPUS, 'JSON'), /\.jsonld?$/)) {
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (doc.type !== 'EPCISDocument') continue;
      if (!oracle(doc)) {
        console.warn(`[differential] ${path.relative(CORPUS, file)} fails GS1's own JSON Schema: not used as a base`);
        continue;
      }
      bases.push([path.relative(CORPUS, file), doc]);
    }
  });

  afterAll(() => {
    console.log(`[differential] JSON: ${t.mutants} mutants of ${bases.length} GS1 documents; GS1's JSON Schema refused ${t.oracleRefused} (and threw on ${t.oracleCrashed}), Symbiont refused ${t.weRefused} of those (and ${t.weStricter} more that GS1 accepts)`);
  });

  it('every GS1 example is accepted by both', () => {
    expect(bases.length).toBeGreaterThan(40);
    for (const [file, doc] of bases) expect(symbiontAccepts(JSON.stringify(doc), 'application/ld+json'), file).toBe(true);
  });

  it('refuses every systematic mutant that GS1 refuses', () => {
    const before = t.mutants;
    for (const [file, doc] of bases) for (const [label, mutant] of jsonMutants(doc)) judge(`${file}: ${label}`, mutant);
    expect(t.lenient.slice(0, 30)).toEqual([]);
    expect(t.mutants - before).toBeGreaterThan(5_000);
  }, 300_000);

  it('refuses every random mutant that GS1 refuses (fast-check)', () => {
    const before = t.lenient.length;
    fc.assert(
      fc.property(
        fc.nat(bases.length - 1),
        fc.nat(),
        fc.nat(),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom<Json>('receiving', 'urn:x:y', 'not a uri', '2020-02-30T10:00:00Z', '', 0, -1, [], {})),
        fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('ex:f', 'type', 'action', 'epcList', '@id', 'a b:c')),
        (b, pick, op, value, key) => {
          const [file, doc] = bases[b];
          judge(`${file}: random #${pick}/${op} ${JSON.stringify(value).slice(0, 40)} ${key}`, randomJsonMutant(doc, pick, op, value as Json, key));
          return true;
        },
      ),
      { numRuns: 3_000 },
    );
    expect(t.lenient.slice(before, before + 30)).toEqual([]);
  }, 300_000);
});

// ------------------------------------------------------------------------------------------------------
// XML
// ------------------------------------------------------------------------------------------------------

/** A minimal element tree that keeps names, prefixes and attributes as written, for mutating and writing back. */
interface XEl {
  name: string;
  attrs: [string, string][];
  children: (XEl | string)[];
}

function parseXml(text: string): { prolog: string; root: XEl } {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XEl[] = [];
  let root: XEl | null = null;
  parser.on('opentag', (t) => {
    const el: XEl = { name: t.name, attrs: Object.entries(t.attributes as Record<string, string>), children: [] };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (s) => stack.length && stack[stack.length - 1].children.push(s));
  parser.on('cdata', (s) => stack.length && stack[stack.length - 1].children.push(s));
  parser.write(text).close();
  return { prolog: '<?xml version="1.0" encoding="UTF-8"?>\n', root: root! };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => esc(s).replace(/"/g, '&quot;');
function writeXml(el: XEl): string {
  const attrs = el.attrs.map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
  if (el.children.length === 0) return `<${el.name}${attrs}/>`;
  return `<${el.name}${attrs}>${el.children.map((c) => (typeof c === 'string' ? esc(c) : writeXml(c))).join('')}</${el.name}>`;
}

const elements = (el: XEl) => el.children.filter((c): c is XEl => typeof c !== 'string');
const child = (el: XEl, name: string) => elements(el).find((c) => c.name === name);
const hasPrefix = (el: XEl) => el.name.includes(':');

function xmlMutants(prolog: string, root: XEl): [string, string][] {
  const out: [string, string][] = [];
  const prefix = root.name.split(':')[0];
  const mutate = (label: string, f: (r: XEl) => void) => {
    const r = clone(root);
    f(r);
    out.push([label, prolog + writeXml(r)]);
  };
  const bodyOf = (r: XEl) => child(r, 'EPCISBody')!;
  const eventsOf = (r: XEl) => elements(child(bodyOf(r), 'EventList') ?? { name: '', attrs: [], children: [] });
  // the document
  for (const a of ['schemaVersion', 'creationDate']) {
    mutate(`root: drop @${a}`, (r) => (r.attrs = r.attrs.filter(([k]) => k !== a)));
  }
  for (const bad of ['2020-02-30T10:00:00Z', 'yesterday', '2020-01-01T10:00:00+15:00']) mutate(`root: creationDate = ${bad}`, (r) => (r.attrs = r.attrs.map(([k, v]) => [k, k === 'creationDate' ? bad : v])));
  mutate('root: schemaVersion = two', (r) => (r.attrs = r.attrs.map(([k, v]) => [k, k === 'schemaVersion' ? 'two' : v])));
  mutate('root: unknown element first', (r) => r.children.unshift({ name: 'foo', attrs: [], children: ['1'] }));
  mutate('root: unknown element last', (r) => r.children.push({ name: 'foo', attrs: [], children: ['1'] }));
  mutate('root: EPCISBody twice', (r) => r.children.push(clone(bodyOf(r))));
  mutate('root: no EPCISBody', (r) => (r.children = r.children.filter((c) => typeof c === 'string' || c.name !== 'EPCISBody')));
  mutate('root: text', (r) => r.children.unshift('stray text'));
  mutate('root: header after body', (r) => {
    const h = child(r, 'EPCISHeader');
    if (!h) return;
    r.children = r.children.filter((c) => c !== h);
    r.children.push(h);
  });
  mutate('root: renamed', (r) => (r.name = `${prefix}:EPCISDoc`));
  mutate('body: unknown element', (r) => bodyOf(r).children.unshift({ name: 'foo', attrs: [], children: [] }));
  mutate('EventList: unknown element', (r) => child(bodyOf(r), 'EventList')!.children.push({ name: 'foo', attrs: [], children: [] }));
  mutate('EventList: text', (r) => child(bodyOf(r), 'EventList')!.children.push('stray'));
  mutate('EventList: an event in the EPCIS namespace', (r) => {
    if (eventsOf(r).length === 0) return;
    const ev = clone(eventsOf(r)[0]);
    ev.name = `${prefix}:${ev.name}`;
    child(bodyOf(r), 'EventList')!.children.push(ev);
  });
  mutate('EventList: no-namespace event inside <extension>', (r) => eventsOf(r).length && child(bodyOf(r), 'EventList')!.children.push({ name: 'extension', attrs: [], children: [clone(eventsOf(r)[0])] }));
  // the header (master data): every element below it dropped, duplicated, given a child, an attribute, text
  const header = child(root, 'EPCISHeader');
  if (header) {
    const all: XEl[] = [];
    const visit = (el: XEl) => elements(el).forEach((c) => (all.push(c), visit(c)));
    visit(header);
    const inHeader = (r: XEl, j: number) => {
      const found: [XEl, XEl][] = [];
      const v = (el: XEl) => elements(el).forEach((c) => (found.push([el, c]), v(c)));
      v(child(r, 'EPCISHeader')!);
      return found[j];
    };
    all.slice(0, 60).forEach((el, j) => {
      const m = (label: string, f: (parent: XEl, el: XEl) => void) => mutate(`header <${el.name}>[${j}]: ${label}`, (r) => f(...inHeader(r, j)));
      m('dropped', (p, e) => (p.children = p.children.filter((c) => c !== e)));
      m('duplicated', (p, e) => p.children.splice(p.children.indexOf(e), 0, clone(e)));
      m('child element', (_p, e) => e.children.push({ name: 'foo', attrs: [], children: [] }));
      m('attribute', (_p, e) => e.attrs.push(['foo', 'bar']));
      m('text', (_p, e) => e.children.push('stray'));
      for (const [a] of el.attrs) m(`@${a} dropped`, (_p, e) => (e.attrs = e.attrs.filter(([x]) => x !== a)));
    });
  }

  const events = eventsOf(root);
  events.slice(0, 3).forEach((ev, i) => {
    const m = (label: string, f: (e: XEl) => void) => mutate(`event ${i} <${ev.name}>: ${label}`, (r) => f(eventsOf(r)[i]));
    const kids = elements(ev);
    m('renamed MagicEvent', (e) => (e.name = 'MagicEvent'));
    m('renamed QuantityEvent', (e) => (e.name = 'QuantityEvent'));
    m('unknown element first', (e) => e.children.unshift({ name: 'foo', attrs: [], children: ['1'] }));
    m('unknown element last', (e) => e.children.push({ name: 'foo', attrs: [], children: ['1'] }));
    m('element in the EPCIS namespace', (e) => e.children.push({ name: `${prefix}:foo`, attrs: [], children: ['1'] }));
    m('text in the event', (e) => e.children.unshift('stray text'));
    m('extension element first', (e) => e.children.unshift({ name: 'ext:x', attrs: [['xmlns:ext', 'http://example.com/ext']], children: ['1'] }));
    m('standard element after an extension', (e) => {
      const first = elements(e)[0];
      e.children = e.children.filter((c) => c !== first);
      e.children.push({ name: 'ext:x', attrs: [['xmlns:ext', 'http://example.com/ext']], children: ['1'] }, first);
    });
    m('no-namespace element in <extension>', (e) => e.children.push({ name: 'extension', attrs: [], children: [{ name: 'foo', attrs: [], children: ['1'] }] }));
    m('no-namespace element in <baseExtension>', (e) => e.children.splice(e.children.indexOf(elements(e)[0]) + 1, 0, { name: 'baseExtension', attrs: [], children: [{ name: 'foo', attrs: [], children: [] }] }));
    kids.forEach((k, j) => {
      const nth = (e: XEl) => elements(e)[j];
      m(`drop <${k.name}>`, (e) => (e.children = e.children.filter((c) => c !== nth(e))));
      m(`duplicate <${k.name}>`, (e) => e.children.splice(e.children.indexOf(nth(e)), 0, clone(nth(e))));
      if (j + 1 < kids.length && kids[j + 1].name !== k.name && !hasPrefix(k)) {
        m(`swap <${k.name}> and <${kids[j + 1].name}>`, (e) => {
          const a = nth(e);
          const b = elements(e)[j + 1];
          const ia = e.children.indexOf(a);
          const ib = e.children.indexOf(b);
          e.children[ia] = b;
          e.children[ib] = a;
        });
      }
      if (hasPrefix(k)) return;
      m(`<${k.name}>: attribute`, (e) => nth(e).attrs.push(['foo', 'bar']));
      m(`<${k.name}>: child element`, (e) => nth(e).children.push({ name: 'foo', attrs: [], children: [] }));
      m(`<${k.name}>: extension child`, (e) => nth(e).children.push({ name: 'ext:x', attrs: [['xmlns:ext', 'http://example.com/ext']], children: ['1'] }));
      m(`<${k.name}>: emptied`, (e) => (nth(e).children = []));
      const inner = elements(k);
      if (inner.length === 0) {
        const vals: Record<string, string[]> = {
          eventTime: ['2020-02-30T10:00:00Z', '2020-01-01T10:00:00', '2016-12-31T23:59:60Z', '2020-01-01T10:00:00z', '2020-01-01T10:00:00+15:00', 'yesterday'],
          recordTime: ['2020-02-30T10:00:00Z', 'yesterday'],
          eventTimeZoneOffset: ['+8:00', '+15:00', 'Z'],
          action: ['add', 'MOVE', ''],
          bizStep: ['Receiving', 'not a uri', 'urn:epcglobal:cbv:bizstep:nonsense'],
          disposition: ['InTransit', 'not a uri'],
          eventID: ['not a uri'],
          parentID: ['not a uri', ''],
          transformationID: ['not a uri'],
          certificationInfo: ['not a uri'],
        };
        for (const v of vals[k.name] ?? ['not a uri']) m(`<${k.name}> = ${JSON.stringify(v)}`, (e) => (nth(e).children = [v]));
      } else {
        // lists and structures: one level down
        inner.forEach((g, gi) => {
          const inn = (e: XEl) => elements(nth(e))[gi];
          m(`<${k.name}>/<${g.name}>[${gi}]: dropped`, (e) => (nth(e).children = nth(e).children.filter((c) => c !== inn(e))));
          m(`<${k.name}>/<${g.name}>[${gi}]: child element`, (e) => inn(e).children.push({ name: 'foo', attrs: [], children: [] }));
          m(`<${k.name}>/<${g.name}>[${gi}]: attribute`, (e) => inn(e).attrs.push(['foo', 'bar']));
          m(`<${k.name}>/<${g.name}>[${gi}]: text "not a uri"`, (e) => elements(inn(e)).length === 0 && (inn(e).children = ['not a uri']));
          if (gi + 1 < inner.length && inner[gi + 1].name !== g.name) {
            m(`<${k.name}>: swap <${g.name}> and <${inner[gi + 1].name}>`, (e) => {
              const list = nth(e);
              const a = inn(e);
              const b = elements(list)[gi + 1];
              const ia = list.children.indexOf(a);
              const ib = list.children.indexOf(b);
              list.children[ia] = b;
              list.children[ib] = a;
            });
          }
          elements(g).forEach((h, hi) => {
            const deep = (e: XEl) => elements(inn(e))[hi];
            m(`<${k.name}>/<${g.name}>/<${h.name}>: dropped`, (e) => (inn(e).children = inn(e).children.filter((c) => c !== deep(e))));
            m(`<${k.name}>/<${g.name}>/<${h.name}>: duplicated`, (e) => inn(e).children.push(clone(deep(e))));
            if (h.name === 'quantity') for (const q of ['1e3', 'abc', '', 'INF']) m(`quantity = ${q}`, (e) => (deep(e).children = [q]));
          });
          for (const [a] of g.attrs) {
            if (a.startsWith('xmlns')) continue;
            m(`<${g.name}> @${a} = "not a uri"`, (e) => (inn(e).attrs = inn(e).attrs.map(([x, v]) => [x, x === a ? 'not a uri' : v])));
            m(`<${g.name}> @${a} dropped`, (e) => (inn(e).attrs = inn(e).attrs.filter(([x]) => x !== a)));
            if (/Value$|^value$/.test(a)) m(`<${g.name}> @${a} = "warm"`, (e) => (inn(e).attrs = inn(e).attrs.map(([x, v]) => [x, x === a ? 'warm' : v])));
            if (/[Tt]ime$/.test(a)) m(`<${g.name}> @${a} = 2020-02-30T10:00:00Z`, (e) => (inn(e).attrs = inn(e).attrs.map(([x, v]) => [x, x === a ? '2020-02-30T10:00:00Z' : v])));
          }
        });
        m(`<${k.name}>: children in reverse order`, (e) => nth(e).children.reverse());
      }
    });
    m('no EPC or quantity lists', (e) => (e.children = e.children.filter((c) => typeof c === 'string' || !/EPCList|EPCs|QuantityList|^epcList$|^quantityList$/.test(c.name))));
  });
  return out;
}

describe.skipIf(!HAVE_XMLLINT)('differential: XML mutants against GS1 EPCglobal-epcis-2_0.xsd (xmllint)', () => {
  const XSD = path.join(CORPUS, 'XSD', 'EPCglobal-epcis-2_0.xsd');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'epcis-differential-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** xmllint over many files at once: the set of files the XSD accepts. */
  function xsdValid(files: string[]): Set<string> {
    const ok = new Set<string>();
    for (let i = 0; i < files.length; i += 400) {
      const batch = files.slice(i, i + 400);
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, ...batch], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      for (const line of r.stderr.split('\n')) {
        const m = /^(.*) validates$/.exec(line);
        if (m) ok.add(m[1]);
      }
    }
    return ok;
  }

  it('refuses every mutant of GS1 XML examples that the XSD refuses', () => {
    expect(execFileSync('xmllint', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) ?? '').toBeDefined();
    const sources = walk(path.join(CORPUS, 'XML'), /\.xml$/).filter((f) => !/CaptureJob|Example-masterData|CBV-11\.4/.test(f));
    const valid = xsdValid(sources);
    const bases = sources.filter((f) => valid.has(f));
    // every GS1 example the XSD accepts, Symbiont accepts too
    expect(bases.filter((f) => !symbiontAccepts(fs.readFileSync(f, 'utf8'), 'application/xml')).map((f) => path.relative(CORPUS, f))).toEqual([]);
    expect(bases.length, 'GS1 XML examples the XSD and Symbiont accept').toBeGreaterThan(25);
    const files: { file: string; label: string; text: string }[] = [];
    for (const src of bases) {
      const { prolog, root } = parseXml(fs.readFileSync(src, 'utf8'));
      for (const [label, text] of xmlMutants(prolog, root)) {
        const file = path.join(dir, `m${files.length}.xml`);
        fs.writeFileSync(file, text);
        files.push({ file, label: `${path.relative(CORPUS, src)}: ${label}`, text });
      }
    }
    // random mutants (fast-check): an element somewhere dropped, duplicated, moved, renamed, given text, an attribute or a child
    const names = ['foo', 'epc', 'action', 'eventTime', 'bizStep', 'quantity', 'id', 'extension', 'ext:x', 'sensorReport', 'set', 'unset'];
    const samples = fc.sample(
      fc.record({ b: fc.nat(bases.length - 1), pick: fc.nat(), to: fc.nat(), op: fc.nat(6), name: fc.constantFrom(...names), value: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('1e3', 'not a uri', '2020-02-30T10:00:00Z', '', 'urn:x:y')) }),
      { numRuns: 2_000, seed: 20261207 },
    );
    const parsed = bases.map((f) => parseXml(fs.readFileSync(f, 'utf8')));
    for (const r of samples) {
      const { prolog, root } = parsed[r.b];
      const doc = clone(root);
      const all: [XEl, XEl][] = [];
      const visit = (el: XEl) => elements(el).forEach((c) => (all.push([el, c]), visit(c)));
      visit(doc);
      const [parent, el] = all[r.pick % all.length];
      const i = parent.children.indexOf(el);
      switch (r.op) {
        case 0: parent.children.splice(i, 1); break;
        case 1: parent.children.splice(i, 0, clone(el)); break;
        case 2: parent.children.splice(i, 1); parent.children.splice(r.to % (parent.children.length + 1), 0, el); break;
        case 3: el.name = r.name; if (r.name.startsWith('ext:')) el.attrs.push(['xmlns:ext', 'http://example.com/ext']); break;
        case 4: el.children = [r.value]; break;
        case 5: el.attrs.push([r.name.replace(':', ''), r.value]); break;
        default: el.children.push({ name: r.name, attrs: r.name.startsWith('ext:') ? [['xmlns:ext', 'http://example.com/ext']] : [], children: [r.value] });
      }
      const file = path.join(dir, `m${files.length}.xml`);
      const text = prolog + writeXml(doc);
      fs.writeFileSync(file, text);
      files.push({ file, label: `random ${JSON.stringify(r)}`, text });
    }
    const accepted = xsdValid(files.map((f) => f.file));
    const t = tally();
    for (const f of files) {
      t.mutants++;
      const ours = symbiontAccepts(f.text, 'application/xml');
      if (!accepted.has(f.file)) {
        t.oracleRefused++;
        if (!ours) t.weRefused++;
        else t.lenient.push(f.label);
      } else if (!ours) t.weStricter++;
    }
    console.log(`[differential] XML: ${t.mutants} mutants of ${bases.length} GS1 documents; the XSD refused ${t.oracleRefused}, Symbiont refused ${t.weRefused} of those (and ${t.weStricter} more that the XSD accepts)`);
    expect(t.lenient.slice(0, 30)).toEqual([]);
    expect(t.mutants).toBeGreaterThan(3_000);
  }, 600_000);
});

// ------------------------------------------------------------------------------------------------------
// A sample through the API: what the pure functions refuse, POST /epcis/capture refuses (400 or a failed job)
// ------------------------------------------------------------------------------------------------------

describe.skipIf(!HAVE_CORPUS)('differential: a sample of mutants through POST /epcis/capture', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    token = await login(server.url, 'chloralkali.operator', 'symbiont-demo');
  });
  afterAll(() => server?.close());

  it('refuses refused mutants at the API too', async () => {
    const file = path.join(CORPUS, 'JSON', 'Example_9.6.1-ObjectEvent.jsonld');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const sample = jsonMutants(doc).filter((_, i) => i % 37 === 0);
    const xmlText = fs.readFileSync(path.join(CORPUS, 'XML', 'Example_9.6.1-ObjectEvent-2020_06_18a.xml'), 'utf8');
    const { prolog, root } = parseXml(xmlText);
    const xmlSample = xmlMutants(prolog, root).filter((_, i) => i % 23 === 0);
    let checked = 0;
    for (const [label, body, type] of [...sample.map(([l, d]) => [l, JSON.stringify(d), 'application/ld+json'] as const), ...xmlSample.map(([l, x]) => [l, x, 'application/xml'] as const)]) {
      if (symbiontAccepts(body, type)) continue;
      checked++;
      const res = await fetch(`${server.url}/epcis/capture`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body });
      if (res.status === 400) continue;
      expect(res.status, label).toBe(202);
      const location = res.headers.get('location')!;
      let job: { running: boolean; success: boolean } = { running: true, success: false };
      for (let n = 0; n < 200 && job.running; n++) {
        job = (await (await fetch(`${server.url}${location}`, { headers: { authorization: `Bearer ${token}` } })).json()) as typeof job;
        if (job.running) await new Promise((r) => setTimeout(r, 20));
      }
      expect(job, label).toMatchObject({ running: false, success: false });
    }
    expect(checked).toBeGreaterThan(20);
  }, 120_000);
});
