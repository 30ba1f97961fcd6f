/**
 * The EPCIS 2.0 REST binding against GS1's conformance corpus: every JSON-LD and XML example is
 * accepted through /epcis/capture, and its events come back from the query interface equal in
 * meaning; queries by the standard parameters; capture errors by event index; tenancy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash } from '../src/modules/trace/epcis/hash.ts';
import { normalizeEvent } from '../src/modules/trace/epcis/normalize.ts';
import { validateEpcisDocument } from '../src/modules/trace/epcis/validate.ts';
import { epcisXmlToJson } from '../src/modules/trace/epcis/xml.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

const CORPUS = path.resolve(import.meta.dirname, '..', '..', 'shared', 'conformance', 'epcis-gs1');
const HAVE_CORPUS = fs.existsSync(CORPUS);
if (!HAVE_CORPUS) console.warn(`[skip] ${CORPUS} is absent: the EPCIS conformance captures are skipped`);

/** Documents of the corpus that are not capture input, and why. */
const NOT_CAPTURE_INPUT: Record<string, string> = {
  'JSON/EPCISQueryDocument.jsonld': 'a query response',
  'XML/CBV/CBV-11.4-2020-06-16a.xml': 'an EPCISMasterDataDocument, no events',
  'XML/Mimasu/Example-masterData.xml': 'an EPCISMasterDataDocument, no events',
  // A hash-ID vector, not a JSON binding example: it writes CBV URNs where the JSON binding has bare terms, and
  // GS1's own EPCIS-JSON-Schema.json refuses it; capture is at least as strict (test/epcis-differential.test.ts).
  'XML/WithEventHashID/event_with_identical_hash_id_7.json': "refused by GS1's own JSON Schema (CBV URNs in JSON)",
};

function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(CORPUS, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (/\.(jsonld|json|xml)$/.test(e.name)) out.push(rel);
    }
  };
  for (const d of ['JSON', 'XML']) if (fs.existsSync(path.join(CORPUS, d))) walk(d);
  return out.filter((f) => !(f in NOT_CAPTURE_INPUT) && !/CaptureJob/.test(f));
}

let server: TestServer;
let operator: ReturnType<typeof client>;
let token: string;

async function capture(body: string, contentType: string, behaviour = 'rollback', as = token) {
  const res = await fetch(`${server.url}/epcis/capture`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${as}`, 'GS1-Capture-Error-Behaviour': behaviour }, body });
  expect(res.status, await res.clone().text()).toBe(202);
  const location = res.headers.get('location')!;
  for (let i = 0; i < 200; i++) {
    const job = await client(server.url, as).get(location);
    if (!job.body.running) return job.body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('capture job did not finish');
}

/**
 * An event without what the repository adds when it answers: its record time and Symbiont's
 * provenance annotations (`symbiont:recordedBy`, `symbiont:namedParty` and the prefix declared in
 * its @context). Applied to both sides of a comparison.
 */
const strip = (e: Record<string, unknown>) => {
  const { recordTime: _r, 'symbiont:recordedBy': _b, 'symbiont:namedParty': _n, ...rest } = e;
  const c = rest['@context'];
  const kept = (c === undefined ? [] : Array.isArray(c) ? c : [c]).filter((x) => !(x && typeof x === 'object' && 'symbiont' in x));
  if (kept.length) rest['@context'] = kept;
  else delete rest['@context'];
  return rest;
};

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  token = await login(server.url, 'chloralkali.operator', 'symbiont-demo');
  operator = client(server.url, token);
});
afterAll(() => server?.close());

describe.skipIf(!HAVE_CORPUS)('EPCIS conformance corpus', () => {
  it('accepts every JSON-LD and XML example and returns its events equal in meaning', async () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const xml = file.endsWith('.xml');
      const job = await capture(text, xml ? 'application/xml' : 'application/ld+json');
      expect(job.success, `${file}: ${JSON.stringify(job.errors)}`).toBe(true);
      const doc = xml ? (epcisXmlToJson(text) as { ok: true; document: object }).document : JSON.parse(text);
      const v = validateEpcisDocument(doc, { binding: xml ? 'xml' : 'json' });
      expect(v.ok, file).toBe(true);
      if (!v.ok) continue;
      for (const e of v.events) {
        const n = normalizeEvent(e, (doc as { '@context'?: never })['@context']);
        // Equal in meaning is what the CBV event hash defines: the event that comes back hashes the
        // same as the one sent (the same event may have arrived first from its twin in the other
        // syntax, so its written form can differ).
        const back = await operator.get(`/epcis/events/${encodeURIComponent(n.hashID)}`);
        expect(back.status, `${file}: ${n.hashID}`).toBe(200);
        expect(eventHash(back.body), file).toBe(n.hashID);
        if (back.body.eventID === n.eventID && !xml) expect(strip(back.body), file).toEqual(strip(n.event as unknown as Record<string, unknown>));
      }
    }
  }, 120_000);
});

describe('capture and query', () => {
  let phosphate: ReturnType<typeof client>;
  let phosphateToken: string;
  beforeAll(async () => {
    phosphateToken = await login(server.url, 'phosphate.operator', 'symbiont-demo');
    phosphate = client(server.url, phosphateToken);
  });
  const doc = (events: object[]) =>
    JSON.stringify({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-23T08:00:00Z', epcisBody: { eventList: events } });
  const shipping = {
    type: 'ObjectEvent', eventTime: '2026-11-20T09:00:00+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit',
    epcList: [], quantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.056789.CA2611-01', quantity: 25, uom: 'TNE' }],
    readPoint: { id: 'urn:epc:id:sgln:6901234.00001.0' },
  };
  const transform = {
    type: 'TransformationEvent', eventTime: '2026-11-19T09:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'commissioning', transformationID: 'urn:uuid:6fdd7d52-8dd4-4c28-8c8e-3d0d1b0a3a11',
    inputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.011111.BR2611', quantity: 40, uom: 'TNE' }],
    outputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.056789.CA2611-01', quantity: 25, uom: 'TNE' }],
  };

  it('stores events, deduplicates them by hash, and answers the standard query parameters', async () => {
    const first = await capture(doc([shipping, transform]), 'application/json', 'rollback', phosphateToken);
    expect(first).toMatchObject({ success: true, captured: 2, duplicates: 0 });
    const again = await capture(doc([shipping]), 'application/ld+json', 'rollback', phosphateToken);
    expect(again).toMatchObject({ success: true, captured: 0, duplicates: 1 });
    const q = async (params: string) => (await phosphate.get(`/epcis/events?${params}`)).body.epcisBody.queryResults.resultsBody.eventList as { type: string }[];
    const window = 'GE_eventTime=2026-11-20T00:00:00Z&LT_eventTime=2026-11-21T00:00:00Z';
    expect((await q(`EQ_bizStep=shipping&${window}`)).map((e) => e.type)).toEqual(['ObjectEvent']);
    expect((await q(`EQ_bizStep=urn:epcglobal:cbv:bizstep:shipping&${window}`)).length).toBe(1);
    expect((await q('MATCH_epcClass=urn:epc:class:lgtin:6901234.056789.CA2611-01')).length).toBe(1);
    expect((await q('MATCH_outputEPC=urn:epc:class:lgtin:6901234.056789.CA2611-01,urn:x')).length).toBe(0);
    expect((await q('EQ_transformationID=urn:uuid:6fdd7d52-8dd4-4c28-8c8e-3d0d1b0a3a11')).map((e) => e.type)).toEqual(['TransformationEvent']);
    expect((await q('GE_eventTime=2026-11-20T00:00:00Z&LT_eventTime=2026-11-21T00:00:00Z')).length).toBe(1);
    expect((await q('EQ_readPoint=urn:epc:id:sgln:6901234.00001.0')).length).toBe(1);
    const page1 = await phosphate.get('/epcis/events?perPage=1&GE_eventTime=2026-11-19T00:00:00Z&LT_eventTime=2026-11-21T00:00:00Z');
    expect(page1.body.epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);
    const next = page1.headers.get('link')!.match(/<([^>]+)>/)![1];
    const page2 = await phosphate.get(next);
    expect(page2.body.epcisBody.queryResults.resultsBody.eventList[0].type).toBe('ObjectEvent');
    expect(page2.headers.get('link')).toBeNull();
    const bad = await phosphate.get('/epcis/events?GE_eventTime=yesterday');
    expect(bad.status).toBe(400);
  });

  it('names the event and field of a refused document; rollback stores nothing, proceed the valid ones', async () => {
    const broken = { ...shipping, eventTime: 'not a time', quantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.056789.X', quantity: -1, uom: 'TNE' }] };
    const good = { ...shipping, eventTime: '2026-11-22T09:00:00+08:00' };
    const rollback = await capture(doc([good, broken]), 'application/json', 'rollback', phosphateToken);
    expect(rollback.success).toBe(false);
    expect(rollback.captured).toBe(0);
    expect(rollback.errors.every((e: { eventIndex: number }) => e.eventIndex === 1)).toBe(true);
    expect(rollback.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/eventTime']));
    const proceed = await capture(doc([good, broken]), 'application/json', 'proceed', phosphateToken);
    expect(proceed).toMatchObject({ success: true, captured: 1 });
    // not an EPCIS document at all: refused on the request, no job (test/epcis-capture-refusal.test.ts)
    const xml = await fetch(`${server.url}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` }, body: '<not-epcis/>' });
    expect(xml.status).toBe(400);
  });

  it('keeps an enterprise’s events its own', async () => {
    const mine = (await phosphate.get('/epcis/events?EQ_bizStep=shipping')).body.epcisBody.queryResults.resultsBody.eventList;
    expect(mine.length).toBeGreaterThan(0);
    const other = client(server.url, await login(server.url, 'pvc.admin', 'symbiont-demo'));
    // pvc is party to chloralkali's shipments, not to phosphate's.
    const theirs = (await other.get('/epcis/events?EQ_bizStep=shipping')).body.epcisBody.queryResults.resultsBody.eventList as { eventID: string }[];
    expect(theirs.map((e) => e.eventID)).not.toContain(mine[0].eventID);
    expect((await other.get(`/epcis/events/${encodeURIComponent(mine[0].eventID)}`)).status).toBe(404);
    const viewerToken = await login(server.url, 'pvc.viewer', 'symbiont-demo');
    const res = await fetch(`${server.url}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${viewerToken}` }, body: doc([shipping]) });
    expect(res.status).toBe(403);
    expect((await client(server.url).get('/epcis/events')).status).toBe(401);
  });

  it('names the EPCIS and CBV versions on every answer of the EPCIS interface, errors included, and only there', async () => {
    for (const [url, status] of [['/epcis/events', 200], ['/epcis/events/urn:uuid:nothing-here', 404], ['/queries', 200], ['/queries/no-such-query', 404]] as const) {
      const res = await phosphate.get(url);
      expect(res.status, url).toBe(status);
      expect(res.headers.get('gs1-epcis-version'), url).toBe('2.0.0');
      expect(res.headers.get('gs1-cbv-version'), url).toBe('2.0.0');
    }
    expect((await client(server.url).get('/epcis/events')).headers.get('gs1-epcis-version')).toBe('2.0.0');
    expect((await phosphate.get('/api/v1/devices')).headers.get('gs1-epcis-version')).toBeNull();
  });
});

describe('genealogy', () => {
  it('traces a lot backward to its inputs and forward to what it became, with attributed quantities', async () => {
    const pvcToken = await login(server.url, 'pvc.operator', 'symbiont-demo');
    const pvc = client(server.url, pvcToken);
    const lot = (await pvc.post('/api/v1/identifiers', { kind: 'lot', gtin: '06901234567892', lot: 'PVC2611' })).body;
    const ev = (type: string, inputs: [string, number][], outputs: [string, number][], time: string) => ({
      type, eventTime: time, eventTimeZoneOffset: '+08:00', bizStep: 'commissioning',
      inputQuantityList: inputs.map(([c, q]) => ({ epcClass: c, quantity: q, uom: 'TNE' })),
      outputQuantityList: outputs.map(([c, q]) => ({ epcClass: c, quantity: q, uom: 'TNE' })),
    });
    const body = JSON.stringify({
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-23T08:00:00Z',
      epcisBody: {
        eventList: [
          ev('TransformationEvent', [['urn:epc:class:lgtin:6901234.011111.VCM2611', 30], ['urn:epc:class:lgtin:6901234.022222.ADD1', 0.5]], [['urn:epc:class:lgtin:6901234.056789.PVC2611', 29]], '2026-11-21T08:00:00+08:00'),
          ev('TransformationEvent', [['urn:epc:class:lgtin:6901234.056789.PVC2611', 29], ['urn:epc:class:lgtin:6901234.033333.PLS1', 1]], [['urn:epc:class:lgtin:6901234.044444.CMP1', 30]], '2026-11-22T08:00:00+08:00'),
        ],
      },
    });
    const job = await capture(body, 'application/ld+json', 'rollback', pvcToken);
    expect(job).toMatchObject({ success: true, captured: 2 });

    const back = await pvc.get(`/api/v1/trace/${lot.handle}?direction=backward&depth=5`);
    expect(back.status).toBe(200);
    const q = (t: { nodes: { ref: string; quantity: number }[] }, frag: string) => t.nodes.find((n) => n.ref.includes(frag))?.quantity;
    expect(back.body.root).toBe('https://id.gs1.org/01/06901234567892/10/PVC2611');
    expect(q(back.body, '/10/VCM2611')).toBeCloseTo(30, 6);
    expect(q(back.body, '/10/ADD1')).toBeCloseTo(0.5, 6);
    expect(back.body.edges.every((e: { type: string }) => e.type === 'TransformationEvent')).toBe(true);

    const fwd = await pvc.get(`/api/v1/trace/${lot.handle}?direction=forward`);
    // 29 t of PVC in 30 t of inputs make 30 t of compound: 29 t of it is this lot's.
    expect(q(fwd.body, '/10/CMP1')).toBeCloseTo(29, 6);
    const both = await pvc.get(`/api/v1/trace/${lot.handle}`);
    expect(both.body.nodes.length).toBe(4);

    // Another enterprise sees neither the identifier nor the events.
    const other = client(server.url, await login(server.url, 'cement.admin', 'symbiont-demo'));
    expect((await other.get(`/api/v1/trace/${lot.handle}`)).status).toBe(404);
  });
});

describe('the demo park’s lots', () => {
  it('trace across plants for the park operator: recycled pellets back to naphtha', async () => {
    const admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
    const lot = (await admin.get('/api/v1/identifiers?q=RPE2611-01')).body.items[0];
    expect(lot.handle).toMatch(/^88\.118\.2\/recycler\.LOT\./);
    const back = await admin.get(`/api/v1/trace/${lot.handle}?direction=backward&depth=10`);
    const refs = back.body.nodes.map((n: { ref: string }) => n.ref.replace(/^.*\/10\//, ''));
    expect(refs).toEqual(expect.arrayContaining(['RPE2611-01', 'OFS2611-07', 'WP2611-03', 'ETH2611-A', 'NAP2611']));
    // 6 t of recycled pellets hold 2.5 t of off-spec PE, which came from ethylene made from naphtha.
    const q = (frag: string) => back.body.nodes.find((n: { ref: string }) => n.ref.endsWith(frag)).quantity;
    expect(q('/10/OFS2611-07')).toBeCloseTo(2.5, 6);
    expect(q('/10/ETH2611-A')).toBeCloseTo((38 * 2.5) / 37.5, 6);
    expect(new Set(back.body.nodes.flatMap((n: { enterpriseIds: number[] }) => n.enterpriseIds)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('visibility across enterprises', () => {
  const events = (c: ReturnType<typeof client>, q: string) => c.get(`/epcis/events?${q}`).then((r) => r.body.epcisBody.queryResults.resultsBody.eventList as Record<string, unknown>[]);
  const as = async (user: string) => client(server.url, await login(server.url, user, 'symbiont-demo'));
  const RECYCLED = 'urn:epc:class:lgtin:6901234.050002.RPE2611-01';

  it('shows a shipment to both parties and to no one else', async () => {
    const cement = await as('cement.viewer');
    const received = await events(cement, 'EQ_bizStep=shipping&MATCH_epcClass=urn:epc:class:lgtin:6901234.060001.PG2611-02');
    expect(received.length).toBe(1); // phosphate's shipping event names cement as the owning party it goes to
    const pharma = await as('pharma.viewer');
    expect(await events(pharma, 'MATCH_epcClass=urn:epc:class:lgtin:6901234.060001.PG2611-02')).toEqual([]);
  });

  it('lets a trace cross into a supplier only through what the supplier shares', async () => {
    const recycler = await as('recycler.admin');
    const before = await recycler.get(`/api/v1/trace?id=${encodeURIComponent(RECYCLED)}&direction=backward&depth=10`);
    const refs = (t: { body: { nodes: { ref: string }[] } }) => t.body.nodes.map((n) => n.ref.replace(/^.*\/10\//, ''));
    expect(refs(before)).toEqual(expect.arrayContaining(['RPE2611-01', 'OFS2611-07', 'WP2611-03']));
    expect(refs(before)).not.toContain('ETH2611-A'); // polyolefin's own transformation is not the recycler's to see
    expect(before.body.enterprises.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['recycler', 'polyolefin']));

    const polyolefin = await as('polyolefin.admin');
    const recyclerId = before.body.enterprises.find((e: { code: string }) => e.code === 'recycler').id;
    const share = await polyolefin.post('/api/v1/trace-shares', { granteeId: recyclerId, scope: 'all' });
    expect(share.status).toBe(201);
    const after = await recycler.get(`/api/v1/trace?id=${encodeURIComponent(RECYCLED)}&direction=backward&depth=10`);
    expect(refs(after)).toEqual(expect.arrayContaining(['ETH2611-A']));
    expect(refs(after)).not.toContain('NAP2611'); // the refinery shares nothing with the recycler
    expect((await polyolefin.delete(`/api/v1/trace-shares/${share.body.id}`)).status).toBe(204);
    expect(refs(await recycler.get(`/api/v1/trace?id=${encodeURIComponent(RECYCLED)}&direction=backward&depth=10`))).not.toContain('ETH2611-A');
  });

  it('checks share rules like any other record', async () => {
    const polyolefin = await as('polyolefin.admin');
    const self = (await polyolefin.get('/api/v1/enterprises')).body.items[0].id;
    const bad = await polyolefin.post('/api/v1/trace-shares', { granteeId: self, scope: 'all' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('/body/granteeId');
    expect((await polyolefin.post('/api/v1/trace-shares', { granteeId: 999999, scope: 'all' })).body.errors[0].path).toBe('/body/granteeId');
    expect((await polyolefin.post('/api/v1/trace-shares', { granteeId: null, scope: 'everything' })).status).toBe(400);
    expect((await (await as('polyolefin.viewer')).post('/api/v1/trace-shares', { granteeId: null, scope: 'all' })).status).toBe(403);
    // The park directory names every enterprise (to choose a grantee), with nothing more than names and GLNs.
    const directory = (await (await as('polyolefin.viewer')).get('/api/v1/park/directory')).body.items as Record<string, unknown>[];
    expect(directory.length).toBe(11);
    expect(Object.keys(directory[0]).sort()).toEqual(['code', 'gln', 'id', 'name', 'nameEn']);
    expect(directory.find((e) => e.code === 'recycler')!.gln).toMatch(/^\d{13}$/);
    // An enterprise lists its own rules only.
    const mine = (await polyolefin.get('/api/v1/trace-shares')).body.items as { enterpriseId: number }[];
    expect(mine.every((r) => r.enterpriseId === self)).toBe(true);
  });

  it('shows the park only what an enterprise shares with it', async () => {
    const pharma = await as('pharma.operator');
    const made = { type: 'TransformationEvent', eventTime: '2026-11-24T08:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'commissioning', inputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.080001.API-1', quantity: 20, uom: 'KGM' }], outputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.080002.TAB-1', quantity: 19, uom: 'KGM' }] };
    const shipped = { type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-11-24T12:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'shipping', quantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.080002.TAB-1', quantity: 19, uom: 'KGM' }] };
    const job = await capture(JSON.stringify({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-24T12:00:00Z', epcisBody: { eventList: [made, shipped] } }), 'application/ld+json', 'rollback', pharma.token);
    expect(job.success).toBe(true);
    const park = client(server.url, await login(server.url, 'regulator', 'symbiont-demo'));
    const seen = await events(park, 'MATCH_epcClass=urn:epc:class:lgtin:6901234.080002.TAB-1');
    expect(seen.map((e) => e.type)).toEqual(['ObjectEvent']); // pharma shares its shipments with the park, not its processes
    expect((await events(pharma, 'MATCH_epcClass=urn:epc:class:lgtin:6901234.080002.TAB-1')).length).toBe(1);
    expect((await events(pharma, 'MATCH_outputEPCClass=urn:epc:class:lgtin:6901234.080002.TAB-1')).length).toBe(1);
    expect((await events(park, 'MATCH_anyEPCClass=urn:epc:class:lgtin:6901234.080002.TAB-1')).length).toBe(1);
    const own = await pharma.get(`/api/v1/trace?id=${encodeURIComponent('urn:epc:class:lgtin:6901234.080002.TAB-1')}&direction=backward`);
    expect(own.body.nodes.length).toBe(2);
    const parkTrace = await park.get(`/api/v1/trace?id=${encodeURIComponent('urn:epc:class:lgtin:6901234.080002.TAB-1')}&direction=backward`);
    expect(parkTrace.body.nodes.length).toBe(1);
  });
});

describe('recall impact', () => {
  it('reports every downstream lot with its share of the recalled lot and its holders, as JSON and CSV', async () => {
    const admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
    const lot = (await admin.get('/api/v1/identifiers?q=OFS2611-07')).body.items[0];
    const r = await admin.get(`/api/v1/recall/${lot.handle}`);
    expect(r.status).toBe(200);
    const recycled = r.body.lots.find((l: { ref: string }) => l.ref.endsWith('/10/RPE2611-01'));
    expect(recycled).toMatchObject({ depth: 1, endpoint: true });
    expect(recycled.quantity).toBeCloseTo(6 * (2.5 / 6.5), 6);
    expect(recycled.handle).toMatch(/^88\.118\.2\/recycler\./);
    expect(r.body.holders.map((h: { code: string }) => h.code)).toContain('recycler');
    const csv = await fetch(`${server.url}/api/v1/recall/${lot.handle}?format=csv`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain('RPE2611-01');
    expect((await admin.get('/api/v1/recall?depth=3')).status).toBe(400);
  });
});

describe('capture jobs and restarts', () => {
  it('shows a capture job to its enterprise only', async () => {
    const res = await fetch(`${server.url}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify([]) });
    const location = res.headers.get('location')!;
    expect((await client(server.url, token).get(location)).status).toBe(200);
    const other = client(server.url, await login(server.url, 'pvc.admin', 'symbiont-demo'));
    expect((await other.get(location)).status).toBe(404);
  });

  it('runs again a job that a crash interrupted, from the document it kept', async () => {
    const trace = server.services.trace;
    const db = server.services.handle.db;
    const owner = (await db.selectFrom('enterprises').select('id').where('code', '=', 'solvrec').executeTakeFirstOrThrow()).id as number;
    const ctx = { userId: null, username: 'solvrec.operator', role: 'enterprise_operator', enterpriseId: owner, via: 'session' };
    const event = { type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-11-25T08:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'inspecting', epcList: ['urn:epc:id:sgtin:6901234.090001.CRASH1'] };
    // What a node leaves behind when it dies between the 202 and the commit.
    await db.insertInto('epcis_capture_jobs').values({
      id: 'crashed-job', enterprise_id: owner, status: 'running', behaviour: 'rollback', created_at: Date.now(), finished_at: null, captured: 0, duplicates: 0, errors: null,
      body: Buffer.from(JSON.stringify([event])), content_type: 'application/ld+json', auth: JSON.stringify(ctx), node_id: trace.nodeId,
    }).execute();
    expect(await trace.resumeCaptures()).toBe(1);
    await trace.drain();
    const token = await login(server.url, 'solvrec.operator', 'symbiont-demo');
    const job = (await client(server.url, token).get('/epcis/capture/crashed-job')).body;
    expect(job).toMatchObject({ running: false, success: true, captured: 1 });
    const found = (await client(server.url, token).get('/epcis/events?MATCH_epc=urn:epc:id:sgtin:6901234.090001.CRASH1')).body.epcisBody.queryResults.resultsBody.eventList;
    expect(found.length).toBe(1);
    const kept = await db.selectFrom('epcis_capture_jobs').select('body').where('id', '=', 'crashed-job').executeTakeFirstOrThrow();
    expect(kept.body).toBeNull(); // the document is dropped once its events are stored
  });
});
