/**
 * Deals over HTTP (SQLite): propose → counter → accept by the parties whose turn it is, refusals of
 * the wrong party, a stale or replayed version, a third enterprise told nothing exists, the park
 * reading; deliveries scheduled on accept, recorded into the flow ledger and traceability (once),
 * the impact they add up to, termination, a hazardous offer refused to an unlicensed receiver, a
 * licensed one opening its delivery's manifest (recorded by it, not by hand), and a deal that
 * completes with its last delivery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/roles.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

type Client = ReturnType<typeof client>;

/** A GLN with its GS1 check digit. */
function gln(base12: string): string {
  const sum = [...base12].reduce((s, c, i) => s + Number(c) * (i % 2 === 0 ? 1 : 3), 0);
  return base12 + String((10 - (sum % 10)) % 10);
}

describe('exchange deals', () => {
  let server: TestServer;
  let park: Client;
  let parkViewer: Client;
  let power: Client;
  let cement: Client;
  let third: Client;
  let powerViewer: Client;
  const ent: Record<string, number> = {};
  const site: Record<string, number> = {};
  const listing: Record<string, number> = {};
  const material: Record<string, number> = {};
  const terms = { quantity: 100, recurrence: 'month', priceCnyPerUnit: -20, startDate: '2026-01-31', endDate: '2026-04-30' };

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    park = client(server.url, await login(server.url, 'admin', server.adminPassword));
    const password = 'deals-test-password';
    const user = async (username: string, role: Role, enterpriseId: number | null) => {
      const r = await park.post('/api/v1/users', { username, displayName: username, role, password, ...(enterpriseId === null ? {} : { enterpriseId }) });
      if (r.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(r.body)}`);
      return client(server.url, await login(server.url, username, password));
    };
    for (const [i, code] of ['power', 'cement', 'third'].entries()) {
      const r = await park.post('/api/v1/enterprises', { code, name: `${code} 公司`, nameEn: `${code} Co.`, industry: 'other', gln: gln(`69012345000${i + 1}`) });
      if (r.status !== 201) throw new Error(`enterprise ${code}: ${JSON.stringify(r.body)}`);
      ent[code] = r.body.id;
      site[code] = (await park.post('/api/v1/sites', { enterpriseId: ent[code], code: `${code}-site`, name: code })).body.id;
    }
    parkViewer = await user('regulator', 'park_viewer', null);
    power = await user('power.admin', 'enterprise_admin', ent.power);
    powerViewer = await user('power.viewer', 'enterprise_viewer', ent.power);
    cement = await user('cement.admin', 'enterprise_admin', ent.cement);
    third = await user('third.admin', 'enterprise_admin', ent.third);

    // Listings are H2's resource; the deal tests write the rows they need directly.
    const db = server.services.handle.db;
    for (const code of ['FLY_ASH', 'WASTE_MINERAL_OIL']) material[code] = (await db.selectFrom('materials').select('id').where('code', '=', code).where('enterprise_id', 'is', null).executeTakeFirstOrThrow()).id;
    const now = Date.now();
    const add = async (key: string, enterprise: string, side: string, code: string, over: Record<string, unknown> = {}) => {
      const row = await db
        .insertInto('exchange_listings')
        .values({
          enterprise_id: ent[enterprise], side, state: 'published', title: `${enterprise} ${side} ${code}`, material_id: material[code], accepts: null, quantity: 100, recurrence: 'month',
          available_from: null, available_to: null, site_id: site[enterprise], properties: null, price_cny_per_unit: null, current_route: side === 'offer' ? 'landfill' : null, min_lot: null,
          handling: null, analyses: null, audience: 'park', partner_ids: null, anonymous: 0, source_flow_id: null, note: null, created_by: 'test', created_at: now, updated_at: now, ...over,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      listing[key] = row.id;
    };
    await add('ashOffer', 'power', 'offer', 'FLY_ASH', { anonymous: 1 });
    await add('ashDemand', 'cement', 'demand', 'FLY_ASH');
    await add('oilOffer', 'power', 'offer', 'WASTE_MINERAL_OIL', { current_route: 'incineration' });
    await add('oilDemand', 'cement', 'demand', 'WASTE_MINERAL_OIL');
    await add('thirdDraft', 'third', 'demand', 'FLY_ASH', { state: 'draft' });
  }, 120_000);
  afterAll(() => server?.close());

  let dealId: number;

  it('proposes, counters and accepts by the parties whose turn it is', async () => {
    const proposed = await cement.post('/api/v1/exchange/deals', { offerId: listing.ashOffer, demandId: listing.ashDemand, terms, note: 'we can take it monthly' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    dealId = proposed.body.id;
    expect(proposed.body).toMatchObject({ state: 'proposed', version: 1, turn: 'supplier', role: 'receiver', anonymous: true, supplier: null, receiver: { id: ent.cement } });
    expect(proposed.body.history).toHaveLength(1);
    expect(proposed.body.history[0]).toMatchObject({ action: 'propose', version: 1, actorEnterpriseId: ent.cement });

    // The proposer does not answer its own terms.
    const early = await cement.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'accept', version: 1 });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/not_your_turn/);
    // A viewer of the supplier may read but not answer.
    expect((await powerViewer.get(`/api/v1/exchange/deals/${dealId}`)).status).toBe(200);
    expect((await powerViewer.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'counter', version: 1, terms })).status).toBe(403);

    const seen = await power.get(`/api/v1/exchange/deals/${dealId}`);
    expect(seen.body).toMatchObject({ role: 'supplier', supplier: { id: ent.power }, actions: ['counter', 'accept', 'decline'] });
    const countered = await power.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'counter', version: 1, terms: { ...terms, priceCnyPerUnit: -10 }, note: 'less of a gate fee' });
    expect(countered.status, JSON.stringify(countered.body)).toBe(200);
    expect(countered.body).toMatchObject({ state: 'proposed', version: 2, turn: 'receiver', terms: { priceCnyPerUnit: -10 } });
    // Still anonymous to the receiver while negotiating, its actions included.
    const cementView = await cement.get(`/api/v1/exchange/deals/${dealId}`);
    expect(cementView.body.supplier).toBeNull();
    expect(cementView.body.history[1]).toMatchObject({ action: 'counter', actorEnterpriseId: null, actor: null });

    const stale = await cement.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'accept', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/stale_version/);
    const accepted = await cement.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'accept', version: 2 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', version: 3, turn: null, supplier: { id: ent.power }, deliveriesScheduled: 4 });
    expect(accepted.body.terms.impact).toMatchObject({ basis: 'settings', tonnesPerUnit: 1 });
    expect(accepted.body.deliveries.map((d: { due: string }) => d.due)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(accepted.body.deliveries.every((d: { state: string; plannedQuantity: number }) => d.state === 'scheduled' && d.plannedQuantity === 100)).toBe(true);

    const replay = await cement.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'accept', version: 2 });
    expect(replay.status).toBe(409);
    const afterSettle = await power.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'counter', version: 3, terms });
    expect(afterSettle.status).toBe(409);
    expect(afterSettle.body.detail).toMatch(/wrong_state/);
  });

  it('tells a third enterprise nothing and lets the park read', async () => {
    expect((await third.get(`/api/v1/exchange/deals/${dealId}`)).status).toBe(404);
    expect((await third.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'terminate', version: 3 })).status).toBe(404);
    expect((await third.get('/api/v1/exchange/deals')).body.total).toBe(0);
    // Not a party: it may not propose on two listings of others.
    expect((await third.post('/api/v1/exchange/deals', { offerId: listing.ashOffer, demandId: listing.ashDemand, terms })).status).toBe(403);
    // Another's draft is not there.
    expect((await power.post('/api/v1/exchange/deals', { offerId: listing.ashOffer, demandId: listing.thirdDraft, terms })).status).toBe(404);

    const read = await parkViewer.get(`/api/v1/exchange/deals/${dealId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ role: 'park', actions: [], supplier: { id: ent.power } });
    expect((await parkViewer.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'terminate', version: 3 })).status).toBe(403);
    expect((await park.get('/api/v1/exchange/deals?state=accepted')).body.total).toBe(1);
    expect((await cement.get('/api/v1/exchange/deals?role=supplier')).body.total).toBe(0);
    expect((await cement.get('/api/v1/exchange/deals?role=receiver')).body.total).toBe(1);
  });

  it('refuses bad input with problem+json', async () => {
    expect((await cement.post('/api/v1/exchange/deals', { offerId: listing.ashOffer, demandId: listing.ashDemand, terms: { ...terms, endDate: '2025-01-01' } })).status).toBe(400);
    expect((await cement.post('/api/v1/exchange/deals', { offerId: listing.ashDemand, demandId: listing.ashOffer, terms })).status).toBe(400);
    const incompatible = await cement.post('/api/v1/exchange/deals', { offerId: listing.ashOffer, demandId: listing.oilDemand, terms });
    expect(incompatible.status).toBe(409);
    expect(incompatible.body.detail).toMatch(/FLY_ASH/);
    expect((await cement.get('/api/v1/exchange/deals/999999')).status).toBe(404);
    expect((await cement.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'explode', version: 3 })).status).toBe(400);
    expect((await cement.get('/api/v1/exchange/impact?from=2026-13&to=2026-01')).status).toBe(400);
  });

  it('records a delivery into the ledger and traceability, once', async () => {
    const deal = (await power.get(`/api/v1/exchange/deals/${dealId}`)).body;
    const first = deal.deliveries[0];
    expect((await cement.post(`/api/v1/exchange/deals/${dealId}/deliveries/${first.id}/record`, { quantity: 95 })).status).toBe(403);
    const lot = 'urn:epc:class:lgtin:6901234.000001.FA2026';
    const recorded = await power.post(`/api/v1/exchange/deals/${dealId}/deliveries/${first.id}/record`, { quantity: 95, deliveredAt: '2026-01-31', lot });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const d = recorded.body.deliveries[0];
    expect(d).toMatchObject({ state: 'delivered', quantity: 95, deliveredAt: '2026-01-31', lot, recordedBy: 'power.admin' });
    expect(d.flowId).toEqual(expect.any(Number));
    expect(d.epcisEventId).toMatch(/^urn:uuid:/);
    expect(recorded.body).toMatchObject({ state: 'accepted', deliveriesDelivered: 1 });

    const flows = await power.get('/api/v1/flows?period=2026-01&material=FLY_ASH');
    expect(flows.status).toBe(200);
    const flow = flows.body.items.find((f: { id: number }) => f.id === d.flowId);
    expect(flow).toMatchObject({ quantity: 95, unit: 't', basis: 'measured', fromCode: 'power', toCode: 'cement', enterpriseId: ent.power });

    for (const who of [power, cement]) {
      const events = await who.get(`/epcis/events?MATCH_epcClass=${encodeURIComponent(lot)}`);
      expect(events.status).toBe(200);
      const list = events.body.epcisBody.queryResults.resultsBody.eventList;
      expect(list.map((e: { eventID: string }) => e.eventID)).toEqual([d.epcisEventId]);
      expect(list[0]).toMatchObject({ bizStep: expect.stringMatching(/shipping/), action: 'OBSERVE' });
    }

    const again = await power.post(`/api/v1/exchange/deals/${dealId}/deliveries/${first.id}/record`, { quantity: 95, deliveredAt: '2026-01-31', lot });
    expect(again.status).toBe(409);
  });

  it('sums the impact per month: the parties and the park, not a third enterprise', async () => {
    const impact = (await power.get('/api/v1/exchange/deals/' + dealId)).body.terms.impact;
    const expected = { divertedT: 95, avoidedTCo2: (95 * impact.avoidedKgCo2PerUnit) / 1000, savedCny: 95 * impact.savedCnyPerUnit };
    expect(expected.avoidedTCo2).toBeGreaterThan(0);
    for (const who of [power, cement, park]) {
      const r = await who.get('/api/v1/exchange/impact?from=2026-01&to=2026-03');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
      expect(r.body.months[0].divertedT).toBeCloseTo(expected.divertedT, 6);
      expect(r.body.months[0].avoidedTCo2).toBeCloseTo(expected.avoidedTCo2, 6);
      expect(r.body.months[0].savedCny).toBeCloseTo(expected.savedCny, 2);
      expect(r.body.totals).toMatchObject({ deliveries: 1 });
    }
    expect((await park.get('/api/v1/exchange/impact?from=2026-01&to=2026-03')).body.scope).toBe('park');
    expect((await third.get('/api/v1/exchange/impact?from=2026-01&to=2026-03')).body.totals).toMatchObject({ deliveries: 0, divertedT: 0 });
  });

  it('terminates an accepted deal: its future deliveries are cancelled', async () => {
    const r = await cement.post(`/api/v1/exchange/deals/${dealId}/actions`, { action: 'terminate', version: 3, note: 'kiln down' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.state).toBe('terminated');
    expect(r.body.deliveries.map((d: { state: string }) => d.state)).toEqual(['delivered', 'cancelled', 'cancelled', 'cancelled']);
    const late = await power.post(`/api/v1/exchange/deals/${dealId}/deliveries/${r.body.deliveries[1].id}/record`, { quantity: 1 });
    expect(late.status).toBe(409);
  });

  it('refuses a hazardous offer to an unlicensed receiver on accept, and completes once licensed and delivered', async () => {
    const once = { quantity: 5, recurrence: 'once', priceCnyPerUnit: 300, startDate: '2026-02-10', endDate: '2026-02-28' };
    const proposed = await power.post('/api/v1/exchange/deals', { offerId: listing.oilOffer, demandId: listing.oilDemand, terms: once });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const id = proposed.body.id;
    expect(proposed.body.material).toMatchObject({ code: 'WASTE_MINERAL_OIL', hazardous: true, hwCode: 'HW08/900-249-08' });
    const refused = await cement.post(`/api/v1/exchange/deals/${id}/actions`, { action: 'accept', version: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/licence_missing.*HW08\/900-249-08/);
    expect((await cement.get(`/api/v1/exchange/deals/${id}`)).body).toMatchObject({ state: 'proposed', version: 1, deliveries: [] });

    const today = new Date().toISOString().slice(0, 10);
    const now = Date.now();
    await server.services.handle.db
      .insertInto('waste_licences')
      .values({ enterprise_id: ent.cement, number: 'HW-TEST-1', kind: 'receiver', codes: JSON.stringify(['HW08']), annual_capacity_t: 1000, valid_from: '2020-01-01', valid_to: today > '2099-12-31' ? today : '2099-12-31', site_id: site.cement, vehicle: null, issuer: null, note: null, created_at: now, updated_at: now })
      .execute();
    const accepted = await cement.post(`/api/v1/exchange/deals/${id}/actions`, { action: 'accept', version: 1 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.deliveries).toHaveLength(1);
    const delivery = accepted.body.deliveries[0];
    expect(delivery.due).toBe('2026-02-10');

    // A hazardous delivery travels with a manifest: the accept opened its draft for the supplier, and
    // the delivery is recorded by the manifest's receipt, never by hand (test/manifests-links.test.ts drives it).
    expect(delivery.manifestId).toEqual(expect.any(Number));
    const draft = await power.get(`/api/v1/manifests/${delivery.manifestId}`);
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({ state: 'draft', generator: { id: ent.power }, receiver: { id: ent.cement } });
    const byHand = await power.post(`/api/v1/exchange/deals/${id}/deliveries/${delivery.id}/record`, { quantity: 5, deliveredAt: '2026-02-11' });
    expect(byHand.status).toBe(409);
    expect(byHand.body.detail).toMatch(new RegExp(`recorded by its manifest ${delivery.manifestId}`));
    const again = await power.post(`/api/v1/exchange/deals/${id}/deliveries/${delivery.id}/manifest`, {});
    expect(again.status).toBe(409);
    // A draft holds no licence capacity yet.
    expect(await server.services.exchange.deals.licenceUse(2026)).toEqual([]);
  });
});
