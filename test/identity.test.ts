/** Identifiers end to end: minting, Handle resolution with public and restricted values, GS1 Digital Link, labels, and federation between two nodes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

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
