/**
 * The exchange API over HTTP on a small hand-made park (SQLite): listings (validation, who may write
 * whose), the market's visibility (drafts, partners-only, anonymous listings), the park's settings,
 * substitutions and distances, and plans — a good pair matched, a hazardous waste offered to a
 * receiver without a licence never matched and said why, what-ifs that take a plant out or price
 * carbon, and the plan's fixed keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/roles.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

type Client = ReturnType<typeof client>;

describe('the exchange API', { timeout: 120_000 }, () => {
  let server: TestServer;
  let park: Client;
  let powerOperator: Client;
  let cementAdmin: Client;
  let recyclerAdmin: Client;
  const ent: Record<string, number> = {};
  const site: Record<string, number> = {};
  const material: Record<string, number> = {};
  const listing: Record<string, number> = {};

  const expectProblem = (r: { status: number; headers: Headers; body: { type?: string } }, status: number) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(typeof r.body.type).toBe('string');
  };
  const offerBody = (over: Record<string, unknown> = {}) => ({ side: 'offer', title: 'Fly ash from boiler 1', materialId: material.FLY_ASH, quantity: 100, siteId: site.power, currentRoute: 'landfill', ...over });
  const market = async (c: Client, query = '') => (await c.get(`/api/v1/exchange/market?limit=100${query}`)).body;
  const marketIds = async (c: Client, query = '') => (await market(c, query)).items.map((i: { id: number }) => i.id);

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    park = client(server.url, await login(server.url, 'admin', server.adminPassword));
    const password = 'exchange-test-password';
    const user = async (username: string, role: Role, enterpriseId: number) => {
      const r = await park.post('/api/v1/users', { username, displayName: username, role, password, enterpriseId });
      if (r.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(r.body)}`);
      return client(server.url, await login(server.url, username, password));
    };
    const coords: Record<string, [number, number]> = { power: [30.0, 120.0], cement: [30.01, 120.01], recycler: [30.02, 120.0] };
    for (const code of ['power', 'cement', 'recycler']) {
      ent[code] = (await park.post('/api/v1/enterprises', { code, name: `${code} 公司`, nameEn: `${code} Co.`, industry: 'other' })).body.id;
      const s = await park.post('/api/v1/sites', { enterpriseId: ent[code], code: `${code}-site`, name: code, lat: coords[code][0], lng: coords[code][1] });
      site[code] = s.body.id;
    }
    await park.post('/api/v1/units', { siteId: site.power, code: 'power-boiler', name: 'boiler', kind: 'utility' });
    for (const code of ['FLY_ASH', 'SPENT_SOLVENT', 'CEMENT']) material[code] = (await park.get(`/api/v1/materials?q=${code}&limit=100`)).body.items.find((m: { code: string }) => m.code === code).id;
    powerOperator = await user('power.operator', 'enterprise_operator', ent.power);
    cementAdmin = await user('cement.admin', 'enterprise_admin', ent.cement);
    recyclerAdmin = await user('recycler.admin', 'enterprise_admin', ent.recycler);
  }, 120_000);
  afterAll(() => server?.close());

  describe('listings', () => {
    it('creates an offer as a draft for the park, with its material and site named', async () => {
      const r = await powerOperator.post('/api/v1/exchange-listings', offerBody());
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ enterpriseId: ent.power, side: 'offer', state: 'draft', audience: 'park', anonymous: false, recurrence: 'month', materialCode: 'FLY_ASH', materialUnit: 't', siteCode: 'power-site' });
      listing.flyAsh = r.body.id;
    });

    it('refuses what a listing cannot say, with problem+json naming the field', async () => {
      const bad: [Record<string, unknown>, string][] = [
        [{ properties: { colour: { max: 1 } } }, '/body/properties'],
        [{ properties: { moisture: { min: 20, max: 10 } } }, '/body/properties/moisture'],
        [{ audience: 'partners' }, '/body/partnerIds'],
        [{ audience: 'partners', partnerIds: [] }, '/body/partnerIds'],
        [{ audience: 'partners', partnerIds: [ent.power] }, '/body/partnerIds'],
        [{ quantity: 0 }, '/body/quantity'],
        [{ quantity: -5 }, '/body/quantity'],
        [{ quantity: 1e300 }, '/body/quantity'],
        [{ minLot: 500 }, '/body/minLot'],
        [{ availableFrom: '2026-06-01', availableTo: '2026-05-01' }, '/body/availableTo'],
        [{ availableFrom: '2026-02-30' }, '/body/availableFrom'],
        [{ siteId: site.cement }, '/body/siteId'],
        [{ side: 'demand', currentRoute: 'landfill' }, '/body/currentRoute'],
        [{ accepts: ['not a code'] }, '/body/accepts/0'],
        [{ analyses: Array.from({ length: 21 }, () => ({ title: 'x' })) }, '/body/analyses'],
      ];
      for (const [over, path] of bad) {
        const r = await powerOperator.post('/api/v1/exchange-listings', offerBody(over));
        expectProblem(r, 400);
        expect(JSON.stringify(r.body.errors), JSON.stringify(over)).toContain(path);
      }
      // A number JSON cannot hold, sent as text.
      const huge = await powerOperator.raw('POST', '/api/v1/exchange-listings', JSON.stringify(offerBody()).replace('"quantity":100', '"quantity":1e999'));
      expectProblem(huge, 400);
      const unknownPartner = await powerOperator.post('/api/v1/exchange-listings', offerBody({ audience: 'partners', partnerIds: [999_999] }));
      expectProblem(unknownPartner, 400);
    });

    it('lets another enterprise neither see, update nor delete a listing (404), and a viewer role not write (403)', async () => {
      expect((await cementAdmin.get(`/api/v1/exchange-listings/${listing.flyAsh}`)).status).toBe(404);
      expectProblem(await cementAdmin.patch(`/api/v1/exchange-listings/${listing.flyAsh}`, { quantity: 1 }), 404);
      expectProblem(await cementAdmin.delete(`/api/v1/exchange-listings/${listing.flyAsh}`), 404);
      expect((await cementAdmin.get('/api/v1/exchange-listings')).body.items).toEqual([]);
      expect((await park.get(`/api/v1/exchange-listings/${listing.flyAsh}`)).status).toBe(200);
    });
  });

  describe('the market', () => {
    beforeAll(async () => {
      // cement needs fly ash; recycler takes spent solvent but holds no licence for it.
      const mk = async (c: Client, body: Record<string, unknown>) => {
        const r = await c.post('/api/v1/exchange-listings', { state: 'published', ...body });
        if (r.status !== 201) throw new Error(JSON.stringify(r.body));
        return r.body.id as number;
      };
      listing.cementDemand = await mk(cementAdmin, { side: 'demand', title: 'Fly ash for the mill', materialId: material.FLY_ASH, quantity: 50, siteId: site.cement });
      listing.solvent = await mk(powerOperator, offerBody({ title: 'Spent solvent', materialId: material.SPENT_SOLVENT, quantity: 10, currentRoute: 'incineration' }));
      listing.recyclerDemand = await mk(recyclerAdmin, { side: 'demand', title: 'Solvents to recover', materialId: material.SPENT_SOLVENT, quantity: 20, siteId: site.recycler, accepts: ['HW06'] });
      listing.partnersOnly = await mk(powerOperator, offerBody({ title: 'Bottom ash for cement only', audience: 'partners', partnerIds: [ent.cement], quantity: 5 }));
      listing.anonymous = await mk(powerOperator, offerBody({ title: 'Anonymous fly ash', anonymous: true, quantity: 7 }));
    });

    it('shows no draft, and a listing once published', async () => {
      expect(await marketIds(cementAdmin)).not.toContain(listing.flyAsh);
      expect(await marketIds(park)).not.toContain(listing.flyAsh);
      expect((await powerOperator.patch(`/api/v1/exchange-listings/${listing.flyAsh}`, { state: 'published' })).status).toBe(200);
      expect(await marketIds(cementAdmin)).toContain(listing.flyAsh);
    });

    it('shows a partners-only listing to the partner named, its owner and the park only', async () => {
      expect(await marketIds(cementAdmin)).toContain(listing.partnersOnly);
      expect(await marketIds(powerOperator)).toContain(listing.partnersOnly);
      expect(await marketIds(park)).toContain(listing.partnersOnly);
      expect(await marketIds(recyclerAdmin)).not.toContain(listing.partnersOnly);
      // The partner does not learn who else it goes to.
      expect((await market(cementAdmin)).items.find((i: { id: number }) => i.id === listing.partnersOnly).partnerIds).toBeNull();
    });

    it('hides who offers an anonymous listing from other enterprises, not from the park', async () => {
      const seen = (await market(cementAdmin)).items.find((i: { id: number }) => i.id === listing.anonymous);
      expect(seen).toMatchObject({ anonymous: true, enterpriseId: null, enterpriseName: null, enterpriseCode: null, siteId: null, siteCode: null, materialCode: 'FLY_ASH' });
      const byPark = (await market(park)).items.find((i: { id: number }) => i.id === listing.anonymous);
      expect(byPark).toMatchObject({ anonymous: true, enterpriseId: ent.power, enterpriseCode: 'power', siteId: site.power });
      // Filtering by the enterprise does not tell whose it is.
      expect(await marketIds(cementAdmin, `&enterpriseId=${ent.power}`)).not.toContain(listing.anonymous);
      expect(await marketIds(park, `&enterpriseId=${ent.power}`)).toContain(listing.anonymous);
    });

    it('filters by side, material, waste code and text, and pages with a total', async () => {
      expect((await market(park, '&side=demand')).items.map((i: { id: number }) => i.id).sort()).toEqual([listing.cementDemand, listing.recyclerDemand].sort());
      expect(await marketIds(park, '&material=SPENT_SOLVENT')).toEqual(expect.arrayContaining([listing.solvent, listing.recyclerDemand]));
      expect(await marketIds(park, '&material=SPENT_SOLVENT')).not.toContain(listing.flyAsh);
      expect((await marketIds(park, '&code=HW06')).sort()).toEqual([listing.solvent, listing.recyclerDemand].sort());
      expect((await marketIds(park, '&code=HW06/900-402-06')).sort()).toEqual([listing.solvent, listing.recyclerDemand].sort());
      expect(await marketIds(park, '&q=mill')).toEqual([listing.cementDemand]);
      const page = (await park.get('/api/v1/exchange/market?limit=2&offset=1')).body;
      expect(page.items).toHaveLength(2);
      expect(page.total).toBe((await market(park)).items.length);
      expectProblem(await park.get('/api/v1/exchange/market?limit=100000'), 400);
      expectProblem(await park.get('/api/v1/exchange/market?code=DROP%20TABLE'), 400);
    });
  });

  describe('the park’s tables and settings', () => {
    it('lets every user read substitutions and distances and only the park administrator write them', async () => {
      const made = await park.post('/api/v1/exchange-distances', { fromSiteId: site.power, toSiteId: site.cement, km: 2.5 });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(made.body).toMatchObject({ fromSiteCode: 'power-site', toSiteCode: 'cement-site' });
      expect((await cementAdmin.get('/api/v1/exchange-distances')).body.items.map((d: { id: number }) => d.id)).toContain(made.body.id);
      expect((await cementAdmin.get(`/api/v1/exchange-distances/${made.body.id}`)).status).toBe(200);
      expectProblem(await cementAdmin.post('/api/v1/exchange-distances', { fromSiteId: site.cement, toSiteId: site.power, km: 1 }), 403);
      expectProblem(await cementAdmin.patch(`/api/v1/exchange-distances/${made.body.id}`, { km: 1 }), 403);
      expectProblem(await cementAdmin.delete(`/api/v1/exchange-distances/${made.body.id}`), 403);
      expectProblem(await park.post('/api/v1/exchange-distances', { fromSiteId: site.power, toSiteId: site.power, km: 1 }), 400);
      expectProblem(await park.post('/api/v1/exchange-distances', { fromSiteId: site.power, toSiteId: site.recycler, km: 0 }), 400);
      const sub = await park.post('/api/v1/exchange-substitutions', { offeredMaterialId: material.FLY_ASH, replacesMaterialId: material.CEMENT, ratio: 0.2, conditions: { moisture: { max: 1 } }, source: 'test' });
      expect(sub.status, JSON.stringify(sub.body)).toBe(201);
      expect((await recyclerAdmin.get('/api/v1/exchange-substitutions')).body.items[0]).toMatchObject({ offeredMaterialCode: 'FLY_ASH', replacesMaterialCode: 'CEMENT' });
      expectProblem(await park.post('/api/v1/exchange-substitutions', { offeredMaterialId: material.FLY_ASH, replacesMaterialId: material.FLY_ASH, ratio: 1 }), 400);
      expectProblem(await recyclerAdmin.post('/api/v1/exchange-substitutions', { offeredMaterialId: material.CEMENT, replacesMaterialId: material.FLY_ASH, ratio: 1 }), 403);
    });

    it('serves the settings to everyone and lets only the park administrator replace them', async () => {
      const got = await cementAdmin.get('/api/v1/exchange/settings');
      expect(got.status).toBe(200);
      expect(Object.keys(got.body).sort()).toEqual(['carbonPriceCnyPerT', 'disposal', 'roadFactor', 'transport', 'virgin']);
      expectProblem(await cementAdmin.raw('PUT', '/api/v1/exchange/settings', got.body), 403);
      expectProblem(await park.raw('PUT', '/api/v1/exchange/settings', { ...got.body, roadFactor: 0.5 }), 400);
      const put = await park.raw('PUT', '/api/v1/exchange/settings', { ...got.body, carbonPriceCnyPerT: 100 });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect((await cementAdmin.get('/api/v1/exchange/settings')).body.carbonPriceCnyPerT).toBe(100);
    });

    it('lets the park administrator alone register licences: an enterprise cannot widen its own', async () => {
      // The recycler holds none yet: its solvent demand is the unlicensed pair of the plans below.
      const body = { number: 'ZJ-HW-0001', kind: 'receiver', codes: ['HW08'], annualCapacityT: 100, validFrom: '2020-01-01', validTo: '2099-12-31', siteId: site.cement };
      expectProblem(await cementAdmin.post('/api/v1/waste-licences', body), 403);
      const own = await park.post('/api/v1/waste-licences', { ...body, enterpriseId: ent.cement });
      expect(own.status, JSON.stringify(own.body)).toBe(201);
      expect((await cementAdmin.get(`/api/v1/waste-licences/${own.body.id}`)).status).toBe(200);
      expectProblem(await cementAdmin.patch(`/api/v1/waste-licences/${own.body.id}`, { codes: ['HW06'] }), 403);
      expectProblem(await cementAdmin.delete(`/api/v1/waste-licences/${own.body.id}`), 403);
      expectProblem(await recyclerAdmin.post('/api/v1/waste-licences', { ...body, enterpriseId: ent.cement }), 400);
      expectProblem(await recyclerAdmin.patch(`/api/v1/waste-licences/${own.body.id}`, { codes: ['HW06'] }), 404);
      expectProblem(await recyclerAdmin.delete(`/api/v1/waste-licences/${own.body.id}`), 404);
      expectProblem(await park.post('/api/v1/waste-licences', { ...body, enterpriseId: ent.cement, number: 'X', codes: ['HW6'] }), 400);
      expectProblem(await park.post('/api/v1/waste-licences', { ...body, enterpriseId: ent.cement, number: 'Y', validFrom: '2030-01-01', validTo: '2029-01-01' }), 400);
      listing.licence = own.body.id;
    });
  });

  describe('drafts', () => {
    it('proposes an offer of what the caller sends to landfill, as a monthly average of twelve months', async () => {
      // Two months back: inside the twelve months whatever the park's time zone.
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - 2);
      const period = d.toISOString().slice(0, 7);
      const flow = await powerOperator.post('/api/v1/flows', { period, from: 'power-boiler', to: 'landfill', material: 'FLY_ASH', quantity: 120, unit: 't', basis: 'measured' });
      expect(flow.status, JSON.stringify(flow.body)).toBe(201);
      const r = await powerOperator.get('/api/v1/exchange/drafts');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.items).toEqual([expect.objectContaining({ enterpriseId: ent.power, materialCode: 'FLY_ASH', quantity: 10, unit: 't', recurrence: 'month', currentRoute: 'landfill', siteId: site.power, sourceFlowIds: [flow.body.id] })]);
      expect((await cementAdmin.get('/api/v1/exchange/drafts')).body.items).toEqual([]);
    });
  });

  describe('plans', () => {
    const plan = (c: Client, body?: unknown) => (body === undefined ? c.raw('POST', '/api/v1/exchange/plans') : c.post('/api/v1/exchange/plans', body));
    const candidate = (answer: { candidates: { offer: number; demand: number }[] }, offer: number, demand: number) => answer.candidates.find((c) => c.offer === offer && c.demand === demand) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

    it('plans the park as it stands from an empty body, with the issue’s keys first and exactly', async () => {
      const r = await plan(park);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(Object.keys(r.body).slice(0, 4)).toEqual(['objective', 'offers', 'demands', 'candidates']);
      expect(Object.keys(r.body).sort()).toEqual(['candidates', 'carbonPriceCnyPerT', 'demands', 'excluded', 'greedyObjective', 'limits', 'objective', 'offers', 'period', 'solver', 'totals'].sort());
      for (const c of r.body.candidates) expect(Object.keys(c).sort()).toEqual(['demand', 'explanation', 'maxQuantity', 'minLot', 'offer', 'quantity', 'unitNetBenefit']);
      for (const o of r.body.offers) expect(Object.keys(o).sort()).toEqual(['allocated', 'id', 'quantity']);
      // The draft is long published; the withdrawn or draft listings of no one are in.
      expect(r.body.offers.map((o: { id: number }) => o.id)).toContain(listing.flyAsh);
    });

    it('matches fly ash to the cement mill with a quantity, and never the unlicensed solvent pair', async () => {
      const r = (await plan(park, {})).body;
      const pair = candidate(r, listing.flyAsh, listing.cementDemand);
      expect(pair).toBeDefined();
      expect(pair.unitNetBenefit).toBeGreaterThan(0);
      expect(r.candidates.filter((c: { demand: number }) => c.demand === listing.cementDemand).reduce((s: number, c: { quantity: number }) => s + c.quantity, 0)).toBeCloseTo(50);
      expect(r.objective).toBeGreaterThan(0);
      expect(candidate(r, listing.solvent, listing.recyclerDemand)).toBeUndefined();
      const excluded = r.excluded.find((e: { offer: number; demand: number }) => e.offer === listing.solvent && e.demand === listing.recyclerDemand);
      expect(excluded?.reasons.map((x: { code: string }) => x.code)).toContain('licence_missing');
      // The explanation names materials, never an enterprise.
      for (const c of r.candidates) expect(c.explanation.text).not.toMatch(/power|cement|recycler/i);
    });

    it('takes a plant out and prices carbon in a what-if', async () => {
      const base = (await plan(park, {})).body;
      const without = await plan(park, { excludeEnterprises: [ent.cement] });
      expect(without.status).toBe(200);
      expect(without.body.demands.map((d: { id: number }) => d.id)).not.toContain(listing.cementDemand);
      expect(without.body.objective).not.toBeCloseTo(base.objective);
      const pricey = (await plan(park, { carbonPriceCnyPerT: 5000 })).body;
      expect(candidate(pricey, listing.flyAsh, listing.cementDemand).unitNetBenefit).not.toBeCloseTo(candidate(base, listing.flyAsh, listing.cementDemand).unitNetBenefit);
      expect(pricey.carbonPriceCnyPerT).toBe(5000);
    });

    it('plans over what the caller sees: the partners-only offer is not in the recycler’s plan', async () => {
      const r = await plan(recyclerAdmin, {});
      expect(r.status).toBe(200);
      expect(r.body.offers.map((o: { id: number }) => o.id)).not.toContain(listing.partnersOnly);
      expectProblem(await plan(recyclerAdmin, { prices: [{ listing: listing.partnersOnly, priceCnyPerUnit: 1 }] }), 400);
    });

    it('matches the solvent once the recycler holds a licence for its class', async () => {
      const licence = await park.post('/api/v1/waste-licences', { enterpriseId: ent.recycler, number: 'ZJ-HW-0002', kind: 'receiver', codes: ['HW06'], annualCapacityT: 100, validFrom: '2020-01-01', validTo: '2099-12-31', siteId: site.recycler });
      expect(licence.status, JSON.stringify(licence.body)).toBe(201);
      const r = (await plan(park, {})).body;
      expect(candidate(r, listing.solvent, listing.recyclerDemand)).toBeDefined();
      expect(candidate(r, listing.solvent, listing.recyclerDemand).explanation.licenceId).toBe(licence.body.id);
    });

    it('refuses a what-if it cannot plan with 400 problem+json', async () => {
      for (const body of [
        { carbonPriceCnyPerT: 1e9 },
        { carbonPriceCnyPerT: -1 },
        { period: '2026-13' },
        { grain: 'month', period: '2026' },
        { prices: [{ listing: 999_999, priceCnyPerUnit: 1 }] },
        { quantities: [{ listing: listing.flyAsh, quantity: -1 }] },
        { excludeEnterprises: [999_999] },
        { quantities: Array.from({ length: 1001 }, () => ({ listing: listing.flyAsh, quantity: 1 })) },
        { unknown: true },
      ]) expectProblem(await plan(park, body), 400);
    });
  });
});
