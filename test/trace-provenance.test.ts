/**
 * Forged genealogy (issue 8): every event says who recorded it, and trace and recall follow an
 * enterprise's event about a lot only where that enterprise held the lot (docs/trace.md, "held").
 * The hostile scenario: solvrec (X) captures a shipment naming the recycler (Y) as owning party of a
 * lot neither ever held, and a transformation that claims the recycler's pellets went into a product
 * of its own, naming the recycler. The recycler sees both as solvrec's claims; its trace and recall
 * do not follow them unless asked for unconfirmed links, and then mark them. The demo's legitimate
 * flows still trace confirmed.
 */
import { Migrator, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/adapters/db/index.ts';
import { MIGRATIONS, migrateToLatest } from '../src/adapters/db/migrate.ts';
import { eventHash } from '../src/modules/trace/epcis/hash.ts';
import { freshDatabase, testDialects } from './helpers/db.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
const as = async (user: string) => client(server.url, await login(server.url, user, 'symbiont-demo'));

const RPE = 'urn:epc:class:lgtin:6901234.050002.RPE2611-01';
const BAD = 'urn:epc:class:lgtin:6901234.099991.BAD-1';
const XPROD = 'urn:epc:class:lgtin:6901234.099992.XPROD-1';
const CTX = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const doc = (events: object[], context: unknown[] = [CTX]) => JSON.stringify({ '@context': context, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-25T08:00:00Z', epcisBody: { eventList: events } });
const list = (r: { body: { epcisBody: { queryResults: { resultsBody: { eventList: Record<string, unknown>[] } } } } }) => r.body.epcisBody.queryResults.resultsBody.eventList;

async function capture(token: string, body: string) {
  const res = await fetch(`${server.url}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/ld+json', authorization: `Bearer ${token}` }, body });
  expect(res.status, await res.clone().text()).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = await client(server.url, token).get(res.headers.get('location')!);
    if (!job.body.running) return job.body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('capture job did not finish');
}

let ids: Record<string, number>;
let pgln: Record<string, string>;
let rpeHandle: string;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  const dir = (await (await as('recycler.viewer')).get('/api/v1/park/directory')).body.items as { id: number; code: string; gln: string }[];
  ids = Object.fromEntries(dir.map((e) => [e.code, e.id]));
  pgln = Object.fromEntries(dir.map((e) => [e.code, `https://id.gs1.org/417/${e.gln}`]));
  rpeHandle = (await (await as('recycler.viewer')).get('/api/v1/identifiers?q=RPE2611-01')).body.items[0].handle;
  const x = await login(server.url, 'solvrec.operator', 'symbiont-demo');
  const shipment = {
    type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-11-25T08:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'shipping', disposition: 'in_transit',
    quantityList: [{ epcClass: BAD, quantity: 20, uom: 'TNE' }],
    sourceList: [{ type: 'owning_party', source: pgln.solvrec }], destinationList: [{ type: 'owning_party', destination: pgln.recycler }],
  };
  const transformation = {
    type: 'TransformationEvent', eventTime: '2026-11-25T09:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'commissioning',
    inputQuantityList: [{ epcClass: RPE, quantity: 3, uom: 'TNE' }], outputQuantityList: [{ epcClass: XPROD, quantity: 3, uom: 'TNE' }],
    destinationList: [{ type: 'owning_party', destination: pgln.recycler }],
  };
  const job = await capture(x, doc([shipment, transformation]));
  expect(job, JSON.stringify(job.errors)).toMatchObject({ success: true, captured: 2 });
}, 120_000);
afterAll(() => server?.close());

describe('who recorded an event', () => {
  it('shows the recorder of every event, and the events naming the caller as the recorder’s claims', async () => {
    const y = await as('recycler.viewer');
    const res = await y.get(`/epcis/events?MATCH_anyEPCClass=${encodeURIComponent(BAD)}`);
    expect(res.body['@context']).toContainEqual({ symbiont: 'urn:symbiont:' });
    const [shipment] = list(res);
    expect(shipment['symbiont:recordedBy']).toEqual({ enterprise: { id: ids.solvrec, code: 'solvrec', name: expect.any(String) }, user: 'solvrec.operator', via: 'session' });
    expect(shipment['symbiont:namedParty']).toBe(true);
    expect(shipment['@context']).toContainEqual({ symbiont: 'urn:symbiont:' });
    const [claim] = list(await y.get(`/epcis/events?MATCH_inputEPCClass=${encodeURIComponent(RPE)}`));
    expect(claim).toMatchObject({ type: 'TransformationEvent', 'symbiont:namedParty': true, 'symbiont:recordedBy': { enterprise: { code: 'solvrec' } } });
    // Its own events: recorded by itself, no claim marker.
    const [own] = list(await y.get(`/epcis/events?MATCH_outputEPCClass=${encodeURIComponent(RPE)}`));
    expect(own['symbiont:recordedBy']).toMatchObject({ enterprise: { code: 'recycler' }, user: 'demo-loader@recycler' });
    expect(own['symbiont:namedParty']).toBeUndefined();
    // The same on the event by ID, and the annotation does not change the event's CBV hash.
    const one = await y.get(`/epcis/events/${encodeURIComponent(String(claim.eventID))}`);
    expect(one.status).toBe(200);
    expect(one.body['symbiont:recordedBy']).toMatchObject({ user: 'solvrec.operator' });
    expect(one.body['symbiont:namedParty']).toBe(true);
    expect(eventHash(one.body)).toBe(claim.eventID);
    // Named queries (and so the webhook deliveries built from the same answer) carry it too.
    const admin = await as('recycler.admin');
    expect((await admin.post('/queries', { name: 'claims', query: { MATCH_anyEPCClass: [BAD] } })).status).toBe(201);
    const named = await admin.get('/queries/claims/events');
    expect(list(named)[0]).toMatchObject({ 'symbiont:recordedBy': { enterprise: { code: 'solvrec' } }, 'symbiont:namedParty': true });
    expect(named.body['@context']).toContainEqual({ symbiont: 'urn:symbiont:' });
  });

  it('shows a null user for events recorded before provenance was kept', async () => {
    const db = server.services.handle.db;
    const row = await db.selectFrom('epcis_events').select(['id', 'hash_id']).where('enterprise_id', '=', ids.cement).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('epcis_events').set({ recorded_by: null, recorded_by_user_id: null, recorded_via: null }).where('id', '=', row.id).execute();
    const ev = await (await as('cement.viewer')).get(`/epcis/events/${encodeURIComponent(String(row.hash_id))}`);
    expect(ev.body['symbiont:recordedBy']).toEqual({ enterprise: { id: ids.cement, code: 'cement', name: expect.any(String) }, user: null, via: null });
  });

  it('refuses a capture that supplies symbiont:recordedBy itself, whatever prefix names the namespace', async () => {
    const x = await login(server.url, 'solvrec.operator', 'symbiont-demo');
    const base = { type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-11-25T10:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'inspecting', epcList: ['urn:epc:id:sgtin:6901234.099993.S1'] };
    const forged = await capture(x, doc([{ ...base, 'symbiont:recordedBy': { enterprise: { id: ids.recycler }, user: 'recycler.admin' } }], [CTX, { symbiont: 'urn:symbiont:' }]));
    expect(forged).toMatchObject({ success: false, captured: 0 });
    expect(forged.errors).toEqual([expect.objectContaining({ eventIndex: 0, path: '/symbiont:recordedBy' })]);
    const renamed = await capture(x, doc([{ ...base, 'sym:recordedBy': 'recycler' }], [CTX, { sym: 'urn:symbiont:' }]));
    expect(renamed.errors.map((e: { path: string }) => e.path)).toEqual(['/sym:recordedBy']);
  });
});

describe('trace and recall follow only links whose recorder held the lot', () => {
  type Edge = { from: string; to: string; confirmed: boolean; reason?: string; recordedBy: { enterpriseId: number; user: string | null } };
  type Node = { ref: string; confirmed: boolean; enterpriseIds: number[]; unconfirmedEnterpriseIds?: number[] };
  const lot = (ref: string) => ref.replace(/^.*\/10\//, '');

  it('does not follow the forged transformation from the recycler’s pellets, and shows it marked on request', async () => {
    const y = await as('recycler.admin');
    const strict = await y.get(`/api/v1/trace/${rpeHandle}?direction=forward`);
    expect(strict.status).toBe(200);
    expect(strict.body.nodes.map((n: Node) => lot(n.ref))).not.toContain('XPROD-1');
    expect(strict.body.unconfirmed).toBe(false);
    for (const q of ['unconfirmed=true', 'include=unconfirmed']) {
      const all = await y.get(`/api/v1/trace/${rpeHandle}?direction=forward&${q}`);
      const edge = (all.body.edges as Edge[]).find((e) => lot(e.to) === 'XPROD-1')!;
      expect(edge).toMatchObject({ confirmed: false, recordedBy: { enterpriseId: ids.solvrec, user: 'solvrec.operator' } });
      expect(edge.reason).toMatch(/^recorded by solvrec, which never held .*RPE2611-01/);
      // solvrec made its product (its own record): it holds it, but the product is reached only through the unconfirmed link.
      expect((all.body.nodes as Node[]).find((n) => lot(n.ref) === 'XPROD-1')).toMatchObject({ confirmed: false, enterpriseIds: [ids.solvrec] });
      expect(all.body.enterprises.map((e: { code: string }) => e.code)).toContain('solvrec');
    }
    // solvrec's own trace of its product does not reach the pellets it never received either.
    const x = await as('solvrec.viewer');
    const back = await x.get(`/api/v1/trace?id=${encodeURIComponent(XPROD)}&direction=backward`);
    expect(back.body.edges).toEqual([]);
  });

  it('does not make the recycler a holder of a lot it never held because solvrec named it', async () => {
    const y = await as('recycler.admin');
    const strict = await y.get(`/api/v1/trace?id=${encodeURIComponent(BAD)}`);
    const node = (strict.body.nodes as Node[])[0];
    expect(node.enterpriseIds).not.toContain(ids.recycler);
    expect(node.unconfirmedEnterpriseIds).toBeUndefined();
    const all = await y.get(`/api/v1/trace?id=${encodeURIComponent(BAD)}&unconfirmed=true`);
    expect((all.body.nodes as Node[])[0].unconfirmedEnterpriseIds).toEqual(expect.arrayContaining([ids.recycler]));
  });

  it('keeps the forged product out of the recycler’s recall, and lists it marked with its recorder on request', async () => {
    const y = await as('recycler.admin');
    const strict = await y.get(`/api/v1/recall/${rpeHandle}`);
    expect(strict.status).toBe(200);
    expect(strict.body.lots.map((l: { ref: string }) => lot(l.ref))).not.toContain('XPROD-1');
    const all = await y.get(`/api/v1/recall/${rpeHandle}?unconfirmed=true`);
    const forged = all.body.lots.find((l: { ref: string }) => lot(l.ref) === 'XPROD-1');
    expect(forged).toMatchObject({ confirmed: false, holders: [{ code: 'solvrec' }], recordedBy: [{ enterpriseId: ids.solvrec, code: 'solvrec', user: 'solvrec.operator' }] });
    expect(forged.reasons[0]).toMatch(/never held/);
    // An unconfirmed lot counts in no holder's totals.
    expect(all.body.holders.map((h: { code: string }) => h.code)).not.toContain('solvrec');
    const csv = await (await fetch(`${server.url}/api/v1/recall/${rpeHandle}?format=csv&unconfirmed=true`, { headers: { authorization: `Bearer ${y.token}` } })).text();
    expect(csv.split('\r\n')[0]).toBe('lot,handle,depth,attributed_quantity,uom,endpoint,cut_off,holder_code,holder_name,confirmed,recorded_by,reason') // (text() drops the BOM);
    expect(csv).toMatch(/XPROD-1.*,false,solvrec \(solvrec\.operator\),"recorded by solvrec, which never held .*RPE2611-01"/);
  });

  it('still traces the demo’s legitimate flows confirmed, with their recorders', async () => {
    // The park operator: recycled pellets back across the recycler, the polyolefin plant and the refinery.
    const admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
    const back = await admin.get(`/api/v1/trace/${rpeHandle}?direction=backward&depth=10&unconfirmed=true`);
    expect(back.body.nodes.map((n: Node) => lot(n.ref))).toEqual(expect.arrayContaining(['RPE2611-01', 'OFS2611-07', 'WP2611-03', 'ETH2611-A', 'NAP2611']));
    expect((back.body.edges as Edge[]).every((e) => e.confirmed)).toBe(true);
    expect((back.body.nodes as Node[]).every((n) => n.confirmed)).toBe(true);
    const users = new Set((back.body.edges as Edge[]).map((e) => e.recordedBy.user));
    expect([...users].sort()).toEqual(['demo-loader@polyolefin', 'demo-loader@recycler', 'demo-loader@refinery']);
    // The recycler: its trace reaches the off-spec PE the polyolefin plant shipped it, confirmed.
    const y = await as('recycler.admin');
    const mine = await y.get(`/api/v1/trace/${rpeHandle}?direction=backward&depth=10&unconfirmed=true`);
    const ofs = (mine.body.edges as Edge[]).find((e) => lot(e.from) === 'OFS2611-07')!;
    expect(ofs).toMatchObject({ confirmed: true, recordedBy: { enterpriseId: ids.recycler } });
    const ofsNode = (mine.body.nodes as Node[]).find((n) => lot(n.ref) === 'OFS2611-07')!;
    expect(ofsNode.enterpriseIds).toEqual(expect.arrayContaining([ids.recycler, ids.polyolefin]));
    // The polyolefin plant's recall of the off-spec PE reaches the recycled pellets, confirmed.
    const ofsHandle = (await admin.get('/api/v1/identifiers?q=OFS2611-07')).body.items[0].handle;
    const recall = await admin.get(`/api/v1/recall/${ofsHandle}`);
    expect(recall.body.lots.find((l: { ref: string }) => lot(l.ref) === 'RPE2611-01')).toMatchObject({ confirmed: true, recordedBy: [{ code: 'recycler', user: 'demo-loader@recycler' }] });
  });
});

describe.each(await testDialects())('migration 008 on %s', (dialect) => {
  it('keeps existing events with their enterprise and a null user, and reads the side of each named party from the document', async () => {
    const fresh = await freshDatabase(dialect);
    const h = openDb(fresh.url);
    try {
      // The schema as it was before 008.
      const upTo = MIGRATIONS.findIndex(([name]) => name.startsWith('008'));
      const provider = { getMigrations: async () => Object.fromEntries(MIGRATIONS.slice(0, upTo).map(([name, up]) => [name, { up: (db) => up(db as never, dialect) } as Migration])) };
      const r = await new Migrator({ db: h.db, provider }).migrateToLatest();
      expect(r.error).toBeUndefined();
      const now = Date.now();
      const ent = async (code: string, gln: string) =>
        Number((await h.db.insertInto('enterprises').values({ code, name: code, industry: 'chemicals', gln, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id);
      const [a, b, c] = [await ent('a', '6901234000016'), await ent('b', '6901234000023'), await ent('c', '6901234000030')];
      const event = {
        type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-11-20T08:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'shipping',
        quantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.010001.L1', quantity: 1, uom: 'TNE' }],
        sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:6901234.00003' }],
        destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:6901234.00002' }],
      };
      const pk = Number((await h.db.insertInto('epcis_events').values({ enterprise_id: a, event_id: 'e1', hash_id: 'h1', type: 'ObjectEvent', event_time: now, record_time: now, shipment: 1 }).returning('id').executeTakeFirstOrThrow()).id);
      await h.db.insertInto('epcis_event_docs').values({ event_pk: pk, doc: JSON.stringify(event) }).execute();
      await h.db.insertInto('epcis_event_parties').values([{ enterprise_id: b, event_pk: pk }, { enterprise_id: c, event_pk: pk }]).execute();
      await migrateToLatest(h.db, dialect);
      const row = await h.db.selectFrom('epcis_events').select(['enterprise_id', 'recorded_by', 'recorded_by_user_id', 'recorded_via']).where('id', '=', pk).executeTakeFirstOrThrow();
      expect({ ...row, enterprise_id: Number(row.enterprise_id) }).toEqual({ enterprise_id: a, recorded_by: null, recorded_by_user_id: null, recorded_via: null });
      const sides = await h.db.selectFrom('epcis_event_parties').select(['enterprise_id', 'side']).where('event_pk', '=', pk).orderBy('enterprise_id').execute();
      expect(sides.map((x) => [Number(x.enterprise_id), x.side])).toEqual([[b, 'destination'], [c, 'source']]);
    } finally {
      await h.close();
      await fresh.drop();
    }
  });
});
