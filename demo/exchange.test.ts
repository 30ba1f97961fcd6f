import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import type { PlanAnswer } from '../src/modules/exchange/model.ts';
import { licenceProblems, listingProblems, substitutionProblems } from '../src/modules/exchange/resources.ts';
import { settingsProblems } from '../src/modules/exchange/settings.ts';
import { scheduleDeliveries, termsProblems } from '../src/modules/exchange/deals/model.ts';
import { loadCatalogue } from '../src/modules/registry/catalogue/catalogue.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../test/helpers/db.ts';
import { DEMO_DISTANCES, DEMO_LICENCES, DEMO_LISTINGS, DEMO_SUBSTITUTIONS, addMonths, demoDealMonths, demoDeals, demoExchangeSettings } from './exchange.ts';
import { loadDemo } from './load.ts';
import { demoPark } from './park.ts';

const catalogue = new Map(loadCatalogue().materials.map((m) => [m.code, m]));
const sitesOf = new Map(demoPark.enterprises.map((e) => [e.code, new Set(e.sites.map((s) => s.code))]));
const allSites = new Set(demoPark.enterprises.flatMap((e) => e.sites.map((s) => s.code)));
const NOW = new Date('2026-12-07T10:00:00+08:00');

describe('the demo exchange’s data', () => {
  it('names catalogue materials and each enterprise’s own sites, and passes the listing checks', () => {
    const keys = new Set<string>();
    const titles = new Set<string>();
    for (const l of DEMO_LISTINGS) {
      expect(keys.has(l.key), l.key).toBe(false);
      expect(titles.has(l.title), l.title).toBe(false);
      keys.add(l.key);
      titles.add(l.title);
      expect(catalogue.has(l.material), l.material).toBe(true);
      expect(sitesOf.get(l.enterprise)?.has(l.site), `${l.enterprise} ${l.site}`).toBe(true);
      for (const p of l.partners ?? []) expect(sitesOf.has(p)).toBe(true);
      expect(listingProblems({ ...l, enterpriseId: 1, partnerIds: l.partners?.map((_, i) => i + 2) ?? null })).toEqual([]);
      // An offer says where its material goes today, so the plan can count what a match avoids.
      if (l.side === 'offer') expect(l.currentRoute, l.key).toBeDefined();
    }
    expect(DEMO_LISTINGS.filter((l) => l.audience === 'partners')).toHaveLength(1);
    expect(DEMO_LISTINGS.filter((l) => l.anonymous)).toHaveLength(1);
  });

  it('gives licences, substitutions, distances and settings the services accept', () => {
    for (const l of DEMO_LICENCES) {
      expect(sitesOf.get(l.enterprise)?.has(l.site)).toBe(true);
      expect(licenceProblems({ validFrom: '2025-01-01', validTo: '2028-12-31' })).toEqual([]);
    }
    // The tempting pair's receiver holds a licence, but none for HW08.
    const cement = DEMO_LICENCES.filter((l) => l.enterprise === 'cement').flatMap((l) => l.codes);
    expect(cement.some((c) => c.startsWith('HW08'))).toBe(false);
    expect(DEMO_LICENCES.find((l) => l.enterprise === 'solvrec')!.codes).toContain('HW06');
    for (const s of DEMO_SUBSTITUTIONS) {
      expect(catalogue.has(s.offered) && catalogue.has(s.replaces)).toBe(true);
      expect(substitutionProblems({ ...s, offeredMaterialId: s.offered, replacesMaterialId: s.replaces })).toEqual([]);
    }
    expect(DEMO_SUBSTITUTIONS.find((s) => s.offered === 'PHOSPHOGYPSUM')!.source).toContain('GB/T 23456-2018');
    for (const d of DEMO_DISTANCES) expect(allSites.has(d.from) && allSites.has(d.to) && d.km > 0).toBe(true);
    expect(settingsProblems(demoExchangeSettings())).toEqual([]);
  });

  it('dates the deals from the load: the accepted one has last month’s delivery, the other starts next month', () => {
    const { lastMonth, thisMonth } = demoDealMonths(NOW);
    expect([lastMonth, thisMonth]).toEqual(['2026-11', '2026-12']);
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    const [pg, pe] = demoDeals(NOW);
    for (const d of [pg, pe]) for (const step of d.steps) if (step.terms) expect(termsProblems(step.terms)).toEqual([]);
    const schedule = scheduleDeliveries(pg.steps.at(-2)!.terms!);
    expect(schedule).toHaveLength(12);
    expect(schedule[0].due).toBe('2026-11-05');
    expect(pg.deliveries.map((d) => d.month)).toEqual([lastMonth]);
    expect(pe.steps.at(-1)!.terms!.startDate).toBe('2027-01-01');
  });
});

describe('the loaded demo park’s exchange', async () => {
  for (const dialect of await testDialects()) {
    describe(dialect, () => {
      let db: TestDatabase;
      let s: Services;
      let plan: PlanAnswer;
      const ctx = systemContext('test');
      const id = new Map<string, number>();
      const candidate = (offer: string, demand: string) => plan.candidates.find((c) => c.offer === id.get(offer) && c.demand === id.get(demand));

      beforeAll(async () => {
        db = await freshDatabase(dialect);
        s = await openServices({ db: db.url, sessionTtlHours: 1 });
        await bootstrap(s, { adminPassword: 'test-admin-password' });
        const report = await loadDemo(s);
        expect(report.exchangeListings).toBe(DEMO_LISTINGS.length);
        expect(report.exchangeDeals).toBe(2);
        const listings = (await s.exchange.listings.list(ctx, { limit: 100, offset: 0 })).items;
        for (const l of DEMO_LISTINGS) id.set(l.key, listings.find((x) => x.title === l.title)!.id);
        plan = await s.exchange.plan(ctx, {});
      }, 120_000);
      afterAll(async () => {
        await s?.close();
        await db?.drop();
      });

      it('matches several good pairs, each moving something at a positive benefit', () => {
        const good = [
          ['pg-offer', 'gypsum-demand'],
          ['carbide-slag-offer', 'limestone-demand'],
          ['fly-ash-offer', 'fly-ash-demand'],
          ['bottom-ash-offer', 'bottom-ash-demand'],
          ['spent-solvent-offer', 'spent-solvent-demand'],
          ['recovered-solvent-offer', 'recovered-solvent-demand'],
          ['offspec-pe-offer', 'offspec-pe-demand'],
          ['hydrogen-offer', 'hydrogen-demand'],
        ];
        for (const [offer, demand] of good) {
          const c = candidate(offer, demand);
          expect(c, `${offer} → ${demand}`).toBeDefined();
          expect(c!.quantity, `${offer} → ${demand}`).toBeGreaterThan(0);
          expect(c!.unitNetBenefit, `${offer} → ${demand}`).toBeGreaterThan(0);
        }
        expect(plan.candidates.filter((c) => c.quantity > 0 && c.unitNetBenefit > 0).length).toBeGreaterThanOrEqual(good.length);
        const pg = candidate('pg-offer', 'gypsum-demand')!;
        expect(pg.explanation.basis).toBe('substitution');
        expect(pg.explanation.substitutionSource).toContain('GB/T 23456-2018');
        expect(pg.explanation.distanceFrom).toBe('table');
        expect(candidate('carbide-slag-offer', 'limestone-demand')!.explanation.basis).toBe('substitution');
        expect(candidate('spent-solvent-offer', 'spent-solvent-demand')!.explanation.licenceId).not.toBeNull();
      });

      it('matches the waste-heat cascade by temperature, over the heat network within the pipe’s reach', () => {
        const maxKm = demoExchangeSettings().transport.heat_network.maxKm!;
        // The CHP's hotter water goes to the process that needs ≥ 100 °C, the refinery's cooler water to the sludge dryer.
        const upper = candidate('chp-heat-offer', 'pharma-heat-demand')!;
        const lower = candidate('refinery-heat-offer', 'wwtp-heat-demand')!;
        for (const c of [upper, lower]) {
          expect(c.quantity).toBeGreaterThan(0);
          expect(c.explanation.mode).toBe('heat_network');
          expect(c.explanation.distanceKm).toBeLessThanOrEqual(maxKm);
        }
        expect(lower.quantity).toBeCloseTo(DEMO_LISTINGS.find((l) => l.key === 'wwtp-heat-demand')!.quantity, 6);
        // The CHP's heat would be worth more per GJ at the dryer; sending it there would leave pharma cold.
        const tempting = candidate('chp-heat-offer', 'wwtp-heat-demand')!;
        expect(tempting.unitNetBenefit).toBeGreaterThan(upper.unitNetBenefit);
        expect(tempting.quantity).toBe(0);
        expect(tempting.explanation.distanceFrom).toBe('table');
        const cool = plan.excluded.find((e) => e.offer === id.get('refinery-heat-offer') && e.demand === id.get('pharma-heat-demand'))!;
        expect(cool.reasons.map((r) => r.code)).toEqual(['quality_out_of_range']);
      });

      it('never matches the refinery’s waste oil to the unlicensed kiln, and says why', () => {
        const offer = id.get('waste-oil-offer')!;
        const demand = id.get('kiln-fuel-demand')!;
        expect(plan.candidates.some((c) => c.offer === offer && c.demand === demand)).toBe(false);
        const excluded = plan.excluded.find((e) => e.offer === offer && e.demand === demand);
        expect(excluded).toBeDefined();
        expect(excluded!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^licence_(missing|code)$/)]));
        // Licensing is all that stands in its way: material, quality and distance would pass.
        expect(excluded!.reasons.every((r) => r.code.startsWith('licence_'))).toBe(true);
      });

      it('plans better than the greedy matching of the same instance (the heat cascade is where greedy goes wrong)', () => {
        expect(plan.solver.status).toBe('Optimal');
        expect(plan.objective).toBeGreaterThan(0);
        expect(plan.objective).toBeGreaterThanOrEqual(plan.greedyObjective - 1e-6 * Math.max(1, Math.abs(plan.greedyObjective)));
        expect(plan.objective).toBeGreaterThan(plan.greedyObjective * 1.01);
      });

      it('has one deal accepted with last month delivered and one waiting for the supplier', async () => {
        const deals = (await s.exchange.deals.list(ctx, { limit: 100, offset: 0 })).items;
        expect(deals).toHaveLength(2);
        const accepted = deals.find((d) => d.state === 'accepted')!;
        expect(accepted.offer.id).toBe(id.get('pg-offer'));
        expect(accepted.planExplanation?.basis).toBe('substitution');
        const full = await s.exchange.deals.get(ctx, accepted.id);
        expect(full.history.map((h) => h.action)).toEqual(['propose', 'counter', 'accept']);
        expect(full.terms.impact?.basis).toBe('plan');
        expect(full.deliveries).toHaveLength(12);
        const delivered = full.deliveries.filter((d) => d.state === 'delivered');
        expect(delivered).toHaveLength(1);
        expect(delivered[0].flowId).not.toBeNull();
        expect(delivered[0].epcisEventId).not.toBeNull();
        const waiting = deals.find((d) => d.state === 'proposed')!;
        expect(waiting.offer.id).toBe(id.get('offspec-pe-offer'));
        expect(waiting.turn).toBe('supplier');

        const { lastMonth } = demoDealMonths(new Date());
        const impact = await s.exchange.deals.impact(ctx, { from: lastMonth, to: lastMonth });
        expect(impact.scope).toBe('park');
        expect(impact.months[0].deliveries).toBe(1);
        expect(impact.months[0].divertedT).toBeCloseTo(demoDeals(new Date())[0].deliveries[0].quantity, 6);
        expect(impact.months[0].avoidedTCo2).toBeGreaterThan(0);
      });

      it('adds nothing when loaded again', async () => {
        const before = (await s.exchange.listings.list(ctx, { limit: 100, offset: 0 })).total;
        const again = await loadDemo(s);
        expect(again.loaded).toBe(false);
        expect(again.exchangeListings).toBe(0);
        expect(again.exchangeDeals).toBe(0);
        expect((await s.exchange.listings.list(ctx, { limit: 100, offset: 0 })).total).toBe(before);
        expect((await s.exchange.deals.list(ctx, { limit: 100, offset: 0 })).items).toHaveLength(2);
      }, 60_000);
    });
  }
});
