/**
 * Identifiers end to end: minting, Handle resolution with public and restricted values, GS1 Digital
 * Link, labels, federation between two nodes, who owns a GS1 key (first minter, or the holder of the
 * company prefix), and the list search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../src/modules/identity/model.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

/** A GTIN-14 with its check digit from 13 digits. */
const gtinOf = (body13: string) => body13 + gs1CheckDigit(body13);

/** Captures one EPCIS event as the token's enterprise and waits for the job. */
async function captureAs(token: string, event: Record<string, unknown>) {
  const body = JSON.stringify({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-23T08:00:00Z', epcisBody: { eventList: [event] } });
  const res = await fetch(`${a.url}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/ld+json', authorization: `Bearer ${token}` }, body });
  expect(res.status, await res.clone().text()).toBe(202);
  for (let i = 0; i < 500; i++) {
    const job = await client(a.url, token).get(res.headers.get('location')!);
    if (!job.body.running) {
      expect(job.body.success, JSON.stringify(job.body.errors)).toBe(true);
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('capture job did not finish');
}

let a: TestServer;
let b: TestServer;
let pvc: ReturnType<typeof client>;
const GTIN = '06901234567892';

beforeAll(async () => {
  // Node B is authoritative for 88.118.3; node A (the demo park, 88.118.2) resolves it through B.
  b = await startTestServer({ demo: false });
  const bAdmin = client(b.url, await login(b.url, 'admin', b.adminPassword));
  await bAdmin.patch('/api/v1/park', { identifierPrefix: '88.118.3' });
  const ent = await bAdmin.post('/api/v1/enterprises', { code: 'remote', name: '外园区企业', industry: 'chemicals' });
  await bAdmin.post('/api/v1/identifiers', { kind: 'lot', enterpriseId: ent.body.id, suffix: 'remote.LOT.1', values: [{ type: 'DESC', value: '外园区批次', ttl: 60 }, { type: 'PRICE', value: '3200', publicRead: false }] });
  a = await startTestServer({ demo: true, resolverPeers: `88.118.3=${b.url}` });
  pvc = client(a.url, await login(a.url, 'pvc.operator', 'symbiont-demo'));
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('identifiers', () => {
  it('mints readable suffixes per enterprise, kind and day', async () => {
    const first = await pvc.post('/api/v1/identifiers', { kind: 'lot', gtin: GTIN, lot: 'L2611-01', values: [{ type: 'DESC', value: 'PVC SG-5 树脂 25 t' }, { type: 'PRICE', value: '5600', publicRead: false }] });
    expect(first.status).toBe(201);
    // The demo park has minted pvc lots today already; the sequence goes on from them.
    expect(first.body.handle).toMatch(/^88\.118\.2\/pvc\.LOT\.\d{8}\.\d{4}$/);
    expect(first.body.digitalLink).toMatch(new RegExp(`/01/${GTIN}/10/L2611-01$`));
    const second = await pvc.post('/api/v1/identifiers', { kind: 'lot' });
    const seq = (suffix: string) => Number(suffix.slice(-4));
    expect(seq(second.body.suffix)).toBe(seq(first.body.suffix) + 1);
    const waste = await pvc.post('/api/v1/identifiers', { kind: 'waste_batch' });
    expect(waste.body.suffix).toMatch(/^pvc\.WST\.\d{8}\.0001$/);
    expect((await pvc.post('/api/v1/identifiers', { kind: 'lot', suffix: first.body.suffix })).status).toBe(409);
  });

  it('refuses bad GS1 keys with the field named', async () => {
    const r = await pvc.post('/api/v1/identifiers', { kind: 'lot', gtin: '06901234567890', lot: 'has space' });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/body/gtin', '/body/lot']);
    const viewer = client(a.url, await login(a.url, 'pvc.viewer', 'symbiont-demo'));
    expect((await viewer.post('/api/v1/identifiers', { kind: 'lot' })).status).toBe(403);
  });

  it('resolves in the Handle REST form: public values to anyone, restricted ones to the owner', async () => {
    const item = (await pvc.get('/api/v1/identifiers?q=L2611-01')).body.items[0];
    const anon = await client(a.url).get(`/api/handles/${item.handle}`);
    expect(anon.status).toBe(200);
    expect(anon.body.responseCode).toBe(1);
    expect(anon.body.handle).toBe(item.handle);
    const types = anon.body.values.map((v: { type: string }) => v.type);
    expect(types).toEqual(expect.arrayContaining(['URL', 'SYMBIONT.KIND', 'SYMBIONT.OWNER', 'GS1.GTIN', 'GS1.LOT', 'DESC']));
    expect(types).not.toContain('PRICE');
    expect(anon.body.values[0]).toMatchObject({ index: 1, type: 'URL', data: { format: 'string' }, ttl: 86400 });
    expect(anon.body.values[0].timestamp).toMatch(/Z$/);
    expect((await pvc.get(`/api/handles/${item.handle}`)).body.values.map((v: { type: string }) => v.type)).toContain('PRICE');
    const other = client(a.url, await login(a.url, 'cement.admin', 'symbiont-demo'));
    expect((await other.get(`/api/handles/${item.handle}`)).body.values.map((v: { type: string }) => v.type)).not.toContain('PRICE');
    expect((await other.get(`/api/v1/identifiers/${item.id}`)).status).toBe(404);
    const onlyUrl = await client(a.url).get(`/api/handles/${item.handle}?type=URL`);
    expect(onlyUrl.body.values).toHaveLength(1);
    const missing = await client(a.url).get('/api/handles/88.118.2/nothing.here');
    expect(missing.status).toBe(404);
    expect(missing.body.responseCode).toBe(100);
  });

  it('resolves GS1 Digital Link paths and answers the resolver description', async () => {
    const redirect = await fetch(`${a.url}/01/${GTIN}/10/L2611-01`, { redirect: 'manual' });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toMatch(/\/id\/88\.118\.2\/pvc\.LOT\./);
    const linkset = await client(a.url).get(`/01/${GTIN}/10/L2611-01?linkType=all`);
    expect(linkset.body.linkset[0]['https://gs1.org/voc/traceability'][0].href).toMatch(/\/api\/v1\/trace\/88\.118\.2\//);
    expect((await fetch(`${a.url}/01/${GTIN}/10/NOPE`)).status).toBe(404);
    // A lot longer than Fastify's default parameter length still reaches the resolver, which says it is unknown.
    const long = await fetch(`${a.url}/01/${GTIN}/10/${'L'.repeat(150)}`);
    expect(long.status).toBe(404);
    expect(long.headers.get('content-type')).toMatch(/problem\+json/);
    // The identifier's URL value: a console page for people, the Handle record for programs.
    const item = (await pvc.get('/api/v1/identifiers?q=L2611-01')).body.items[0];
    const page = await fetch(item.url, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/identifiers/${item.id}`);
    const record = await fetch(item.url, { redirect: 'manual', headers: { accept: 'application/json' } });
    expect(record.headers.get('location')).toBe(`/api/handles/${item.handle}`);
    expect((await fetch(`${a.url}/id/88.118.2/none`, { redirect: 'manual' })).status).toBe(404);
    expect((await client(a.url).get('/.well-known/gs1resolver')).body.supportedPrimaryKeys).toEqual(['01']);
  });

  it('prints QR labels as SVG and PNG', async () => {
    const token = await login(a.url, 'pvc.operator', 'symbiont-demo');
    const item = (await pvc.get('/api/v1/identifiers?q=L2611-01')).body.items[0];
    const svg = await fetch(`${a.url}/api/v1/identifiers/${item.id}/label.svg`, { headers: { authorization: `Bearer ${token}` } });
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg/);
    const png = await fetch(`${a.url}/api/v1/identifiers/${item.id}/label.png`, { headers: { authorization: `Bearer ${token}` } });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('resolves another prefix through its peer, public values only, and says when no resolver knows a prefix', async () => {
    const r = await client(a.url).get('/api/handles/88.118.3/remote.LOT.1');
    expect(r.status).toBe(200);
    expect(r.body.handle).toBe('88.118.3/remote.LOT.1');
    const types = r.body.values.map((v: { type: string }) => v.type);
    expect(types).toContain('DESC');
    expect(types).not.toContain('PRICE');
    const unknown = await client(a.url).get('/api/handles/99.1/x');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/No resolver is configured for the prefix 99\.1/);
  });
});

describe('who owns a GS1 key', () => {
  let chlor: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  let ids: Record<string, number>;
  beforeAll(async () => {
    chlor = client(a.url, await login(a.url, 'chloralkali.operator', 'symbiont-demo'));
    admin = client(a.url, await login(a.url, 'admin', a.adminPassword));
    const ents = (await admin.get('/api/v1/enterprises?limit=100')).body.items as { id: number; code: string }[];
    ids = Object.fromEntries(ents.map((e) => [e.code, e.id]));
  });

  it("refuses another enterprise's mint of the same GTIN+lot; resolution, trace and recall stay on the first one's handle", async () => {
    const gtin = gtinOf('0690555000001');
    const first = await pvc.post('/api/v1/identifiers', { kind: 'lot', gtin, lot: 'HIJ-1' });
    expect(first.status).toBe(201);
    expect(first.body.gs1Key).toBe(`01/${gtin}/10/HIJ-1`);
    const hijack = await chlor.post('/api/v1/identifiers', { kind: 'lot', gtin, lot: 'HIJ-1' });
    expect(hijack.status).toBe(409);
    expect(hijack.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(hijack.body.detail).toContain(`01/${gtin}/10/HIJ-1`);
    expect(hijack.body.detail).toMatch(/another enterprise/);
    expect(JSON.stringify(hijack.body)).not.toMatch(/pvc|PVC|聚氯乙烯/);
    // The GTIN-only key and GTIN+serial keys are owned the same way.
    expect((await pvc.post('/api/v1/identifiers', { kind: 'product', gtin })).status).toBe(201);
    expect((await chlor.post('/api/v1/identifiers', { kind: 'product', gtin })).status).toBe(409);
    expect((await pvc.post('/api/v1/identifiers', { kind: 'package', gtin, serial: 'S-1' })).status).toBe(201);
    expect((await chlor.post('/api/v1/identifiers', { kind: 'package', gtin, serial: 'S-1' })).status).toBe(409);
    // A different lot of the same GTIN is another key (no company prefix recorded for it).
    expect((await chlor.post('/api/v1/identifiers', { kind: 'lot', gtin, lot: 'HIJ-2' })).status).toBe(201);
    // The same enterprise minting its key twice is told which identifier holds it.
    const again = await pvc.post('/api/v1/identifiers', { kind: 'lot', gtin, lot: 'HIJ-1' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain(first.body.handle);

    const redirect = await fetch(`${a.url}/01/${gtin}/10/HIJ-1`, { redirect: 'manual' });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toBe(`${first.body.url}`);
    // pvc made the lot from another of its lots: the genealogy and the recall name pvc's handle for it.
    const ref = `https://id.gs1.org/01/${gtin}/10/HIJ-1`;
    const input = `https://id.gs1.org/01/${gtin}/10/HIJ-0`;
    await captureAs(pvc.token!, {
      type: 'TransformationEvent', eventTime: '2026-11-20T08:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'commissioning',
      inputQuantityList: [{ epcClass: input, quantity: 10, uom: 'TNE' }], outputQuantityList: [{ epcClass: ref, quantity: 10, uom: 'TNE' }],
    });
    const traced = await pvc.get(`/api/v1/trace/${first.body.handle}?direction=both`);
    expect(traced.status).toBe(200);
    const byUri = await pvc.get(`/api/v1/trace?id=${encodeURIComponent(ref)}&direction=both`);
    for (const t of [traced.body, byUri.body]) {
      expect(t.nodes.map((n: { ref: string }) => n.ref)).toContain(ref);
      expect(t.handles[ref]).toBe(first.body.handle);
    }
    const recall = await pvc.get(`/api/v1/recall?id=${encodeURIComponent(input)}`);
    expect(recall.status).toBe(200);
    expect(JSON.stringify(recall.body)).toContain(first.body.handle);
    expect(JSON.stringify(recall.body)).not.toMatch(/chloralkali\.LOT/);
  });

  it('lets only the holder of a recorded GS1 company prefix mint GTINs under it', async () => {
    const prefix = '6907770';
    const gtin = gtinOf(`0${prefix}00001`);
    // Only park administrators record prefixes; 4–12 digits, none overlapping another enterprise's.
    const chlorAdmin = client(a.url, await login(a.url, 'chloralkali.admin', 'symbiont-demo'));
    expect((await chlorAdmin.patch(`/api/v1/enterprises/${ids.chloralkali}`, { gs1CompanyPrefixes: [prefix] })).status).toBe(403);
    expect((await admin.patch(`/api/v1/enterprises/${ids.chloralkali}`, { gs1CompanyPrefixes: ['123'] })).status).toBe(400);
    expect((await admin.patch(`/api/v1/enterprises/${ids.chloralkali}`, { gs1CompanyPrefixes: ['6907770', '69077701'] })).status).toBe(400);

    // A key pvc minted under the prefix before it was recorded loses its mapping when the park records it for chloralkali.
    const early = await pvc.post('/api/v1/identifiers', { kind: 'lot', gtin, lot: 'EARLY' });
    expect(early.status).toBe(201);
    const set = await admin.patch(`/api/v1/enterprises/${ids.chloralkali}`, { gs1CompanyPrefixes: [prefix] });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.gs1CompanyPrefixes).toEqual([prefix]);
    // The same value sent back by the enterprise's own form is not a change.
    expect((await chlorAdmin.patch(`/api/v1/enterprises/${ids.chloralkali}`, { gs1CompanyPrefixes: [prefix], contactName: '李工' })).status).toBe(200);
    const overlap = await admin.patch(`/api/v1/enterprises/${ids.pvc}`, { gs1CompanyPrefixes: ['690777'] });
    expect(overlap.status).toBe(400);
    expect(overlap.body.errors[0].path).toBe('/body/gs1CompanyPrefixes/0');
    expect((await admin.patch(`/api/v1/enterprises/${ids.pvc}`, { gs1CompanyPrefixes: [prefix] })).status).toBe(400);

    const released = (await pvc.get(`/api/v1/identifiers/${early.body.id}`)).body;
    expect(released).toMatchObject({ handle: early.body.handle, gtin, lot: 'EARLY', gs1Key: null, digitalLink: null });
    expect((await fetch(`${a.url}/01/${gtin}/10/EARLY`, { redirect: 'manual' })).status).toBe(404);

    const refused = await pvc.post('/api/v1/identifiers', { kind: 'lot', gtin, lot: 'L-9' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(new RegExp(`GTIN ${gtin} is under the GS1 company prefix ${prefix}.*another enterprise`));
    expect(JSON.stringify(refused.body)).not.toMatch(/chloralkali|氯碱/);
    const mine = await chlor.post('/api/v1/identifiers', { kind: 'lot', gtin, lot: 'EARLY' });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect((await fetch(`${a.url}/01/${gtin}/10/EARLY`, { redirect: 'manual' })).headers.get('location')).toBe(mine.body.url);
    // A GTIN-12/13 written short is under the prefix too.
    expect((await pvc.post('/api/v1/identifiers', { kind: 'product', gtin: gtin.slice(1) })).status).toBe(409);
  });

  it('gives a key to exactly one of many concurrent mints', async () => {
    const gtin = gtinOf('0690888000002');
    const tries = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? pvc : chlor).post('/api/v1/identifiers', { kind: 'lot', gtin, lot: 'RACE' })),
    );
    const won = tries.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    expect(tries.filter((r) => r.status === 409)).toHaveLength(7);
    const owners = await admin.get(`/api/v1/identifiers?q=RACE&limit=100`);
    expect(owners.body.items.filter((i: { gs1Key: string | null }) => i.gs1Key === `01/${gtin}/10/RACE`)).toHaveLength(1);
    expect(owners.body.total).toBe(1);
    expect((await fetch(`${a.url}/01/${gtin}/10/RACE`, { redirect: 'manual' })).headers.get('location')).toBe(won[0].body.url);
  });
});

describe('the identifier search', () => {
  it('matches a substring or prefix of the suffix, lot, serial, GTIN or name, case-insensitively, with wildcards literal, in the caller\'s scope', async () => {
    const gtin = gtinOf('0690999000003');
    const lot = await pvc.post('/api/v1/identifiers', { kind: 'lot', gtin, lot: 'Mix%_Lot-42', values: [{ type: 'DESC', value: 'PVC 专用料 Special Grade' }] });
    expect(lot.status).toBe(201);
    const serial = await pvc.post('/api/v1/identifiers', { kind: 'product', gtin, serial: 'SN-ABC-7' });
    const find = async (q: string, c = pvc) => ((await c.get(`/api/v1/identifiers?limit=1000&q=${encodeURIComponent(q)}`)).body.items as { id: number }[]).map((i) => i.id);
    expect(await find('Mix%_Lot-42')).toEqual([lot.body.id]); // exact lot
    expect(await find('mix%_lot')).toEqual([lot.body.id]); // prefix, any case
    expect(await find('lot-4')).toEqual([lot.body.id]); // substring
    expect(await find('sn-abc')).toEqual([serial.body.id]);
    expect(await find(gtin.slice(1, 9)).then((r) => r.includes(lot.body.id) && r.includes(serial.body.id))).toBe(true); // GTIN written short
    expect(await find('special grade')).toEqual([lot.body.id]); // name (DESC)
    expect(await find('专用料')).toEqual([lot.body.id]);
    expect(await find(lot.body.suffix.slice(0, -2))).toContain(lot.body.id); // suffix prefix
    // % and _ are literal: "%" alone finds only what contains a "%".
    expect(await find('%')).toEqual([lot.body.id]);
    expect(await find('Mix__Lot')).toEqual([]);
    // Another enterprise finds none of it.
    const cement = client(a.url, await login(a.url, 'cement.admin', 'symbiont-demo'));
    expect(await find('Mix%_Lot-42', cement)).toEqual([]);
    expect(await find('special grade', cement)).toEqual([]);
  });
});
