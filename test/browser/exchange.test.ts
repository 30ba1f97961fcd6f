/**
 * The exchange's pages in a real browser against the real platform with the demo park's exchange
 * (demo/exchange.ts): as the park administrator in Chinese, the market lists the offers (an anonymous
 * one marked); the matches page draws the park (site points on a canvas) and the Sankey, lists each
 * candidate the API plans with its explanation in Chinese, shows the unlicensed waste-oil pair as
 * excluded with its reason in words; the what-if (a carbon price) changes the objective shown; the
 * same page in English. Then as the cement plant, a deal proposed from a candidate, accepted by the
 * CHP plant through the API, and seen accepted in the deal's drawer. No console errors, no failed
 * requests. Screenshots: /tmp/exchange-*.png (or SYMBIONT_EXCHANGE_SCREENSHOT).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../demo/park.ts';
import { browserAvailable, finishSession, launchBrowser, openSession } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's exchange browser test");
const TIMEOUT = 240_000;
const SCREENSHOT = process.env.SYMBIONT_EXCHANGE_SCREENSHOT ?? '/tmp/exchange.png';

type Lang = 'en' | 'zh-CN';
interface ExchangeText {
  title: Record<'market' | 'matches' | 'deals' | 'settings', string>;
  exclusion: Record<string, string>;
  mode: Record<string, string>;
}
const text = (lang: Lang) => (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../web/src/i18n/exchange.${lang}.json`), 'utf8')) as { exchange: ExchangeText }).exchange;

interface Listing {
  id: number;
  side: 'offer' | 'demand';
  title: string;
  materialCode: string;
  enterpriseId: number | null;
  anonymous: boolean;
}
interface Plan {
  objective: number;
  candidates: { offer: number; demand: number; quantity: number }[];
  excluded: { offer: number; demand: number; reasons: { code: string }[] }[];
}

describe.skipIf(!RUN)('console exchange (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let adminToken: string;
  let listings: Listing[];
  let plan: Plan;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    adminToken = await login(server.url, 'admin', server.adminPassword);
    const api = client(server.url, adminToken);
    listings = (await api.get('/api/v1/exchange/market?limit=1000')).body.items as Listing[];
    plan = (await api.post('/api/v1/exchange/plans', {})).body as Plan;
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const listing = (side: Listing['side'], material: string) => {
    const l = listings.find((x) => x.side === side && x.materialCode === material);
    expect(l, `the demo's ${side} of ${material}`).toBeDefined();
    return l!;
  };
  const cardTitle = (page: import('playwright-core').Page, testId: string) => page.getByTestId(testId).locator('.ant-card-head-title').first().textContent();

  it('shows the market, the matches on a map and a Sankey with reasons in Chinese, a what-if, and the same page in English', async () => {
    const matched = plan.candidates.filter((c) => c.quantity > 0);
    expect(matched.length, 'the demo makes several matches').toBeGreaterThan(2);
    const oil = listing('offer', 'WASTE_MINERAL_OIL');
    const kiln = listing('demand', 'RAW_COAL');
    const unlicensed = plan.excluded.find((e) => e.offer === oil.id && e.demand === kiln.id);
    expect(unlicensed, 'the waste oil pair is excluded').toBeDefined();
    expect(plan.candidates.some((c) => c.offer === oil.id && c.demand === kiln.id)).toBe(false);

    const s = await openSession(browser, server.url, 'admin', server.adminPassword, '/exchange');
    const { page } = s;
    // The market: the published offers, an anonymous one marked as such.
    expect(await cardTitle(page, 'exchange-market-page')).toBe(text('zh-CN').title.market);
    const offers = listings.filter((l) => l.side === 'offer');
    await expect.poll(() => page.getByTestId('market-offer-table').getByTestId('market-row').count()).toBe(Math.min(20, offers.length));
    if (offers.some((l) => l.anonymous)) expect(await page.getByTestId('market-offer-table').getByTestId('listing-anonymous').count()).toBeGreaterThan(0);

    // The matches: the map's site points and the Sankey are drawn, every candidate listed with its Chinese explanation.
    await page.getByTestId('menu-exchange-matches').click();
    await page.getByTestId('exchange-matches-page').waitFor();
    expect(await cardTitle(page, 'exchange-matches-page')).toBe(text('zh-CN').title.matches);
    const map = page.getByTestId('exchange-map');
    await expect.poll(async () => Number(await map.getAttribute('data-sites'))).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('exchange-map-chart').getAttribute('data-series-lengths')).toMatch(/\d/);
    expect(await page.getByTestId('exchange-map-chart').locator('canvas').count()).toBeGreaterThan(0);
    const sites = Number(await map.getAttribute('data-sites'));
    // The last series holds the site points: one per site.
    expect((await page.getByTestId('exchange-map-chart').getAttribute('data-series-lengths'))!.split(',').at(-1)).toBe(String(sites));
    expect(Number(await page.getByTestId('exchange-sankey').getAttribute('data-links'))).toBe(matched.length);
    await expect.poll(() => page.getByTestId('exchange-sankey-chart').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('candidate-row').count()).toBe(Math.min(20, plan.candidates.length));
    const best = page.getByTestId('candidate-row').first().getByTestId('candidate-explanation');
    await expect.poll(() => best.textContent()).toMatch(/km/);
    expect(await best.textContent()).toMatch(/节省 .* 元/);
    expect(await best.textContent()).toMatch(new RegExp(`${Object.values(text('zh-CN').mode).join('|')}`));
    // The tempting pair is excluded, with its reason in words.
    const excludedRow = page.locator(`[data-testid="excluded-row"][data-offer="${oil.id}"][data-demand="${kiln.id}"]`);
    await excludedRow.waitFor();
    const code = unlicensed!.reasons[0].code;
    expect(await excludedRow.getAttribute('data-codes')).toContain(code);
    expect(await excludedRow.getByTestId('excluded-reason').first().textContent()).toContain(text('zh-CN').exclusion[code]);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-matches.png'), fullPage: true });

    // What if carbon were dear: the objective changes, before → after shown.
    const carbon = page.getByTestId('what-if-carbon');
    await carbon.fill('1000');
    await page.getByTestId('what-if-solve').click();
    const change = page.getByTestId('plan-objective-change');
    await change.waitFor();
    expect(Number(await change.getAttribute('data-before'))).toBeCloseTo(plan.objective, 2);
    expect(Number(await change.getAttribute('data-after'))).not.toBeCloseTo(plan.objective, 2);
    expect(await change.textContent()).toContain('→');

    // The same page in English.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => cardTitle(page, 'exchange-matches-page')).toBe(text('en').title.matches);
    await expect.poll(() => page.getByTestId('candidate-row').first().getByTestId('candidate-explanation').textContent()).toMatch(/saves .* CNY/);
    expect(await excludedRow.getByTestId('excluded-reason').first().textContent()).toContain(text('en').exclusion[code]);
    await finishSession(s);
  }, TIMEOUT);

  it('proposes a deal from a candidate as one party, and shows it accepted once the other accepts', async () => {
    const ash = listing('offer', 'BOTTOM_ASH');
    const ashDemand = listing('demand', 'BOTTOM_ASH');
    expect(plan.candidates.some((c) => c.offer === ash.id && c.demand === ashDemand.id && c.quantity > 0), 'the plan matches bottom ash to the cement plant').toBe(true);

    // The console offers only what the caller's abilities allow (GET /auth/me, from the registered policies).
    const cement = client(server.url, await login(server.url, 'cement.admin', DEMO_PASSWORD));
    expect((await cement.get('/api/v1/auth/me')).body.abilities['exchange_deal.propose'], 'the deal policies are registered (src/policies.ts)').toBe('own');

    const s = await openSession(browser, server.url, 'cement.admin', DEMO_PASSWORD, '/exchange/matches');
    const { page } = s;
    const row = page.locator(`[data-testid="candidate-row"][data-offer="${ash.id}"][data-demand="${ashDemand.id}"]`);
    await row.getByTestId('candidate-propose').click();
    await page.getByTestId('propose-modal').waitFor();
    const proposed = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/exchange/deals');
    await page.getByTestId('propose-modal-ok').click();
    const res = await proposed;
    expect(res.status()).toBe(201);
    const deal = (await res.json()) as { id: number; version: number; state: string };
    expect(deal.state).toBe('proposed');
    await page.getByTestId('exchange-deals-page').waitFor();
    await page.locator(`[data-testid="deal-row"][data-id="${deal.id}"]`).waitFor();

    // The CHP plant accepts (through the API: its side of the console is the same page).
    const chp = client(server.url, await login(server.url, 'chp.admin', DEMO_PASSWORD));
    const accepted = await chp.post(`/api/v1/exchange/deals/${deal.id}/actions`, { action: 'accept', version: deal.version });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    await page.goto(`/exchange/deals?deal=${deal.id}`);
    const drawer = page.getByTestId('deal-drawer');
    await expect.poll(() => drawer.getByTestId('deal-detail').getAttribute('data-state')).toBe('accepted');
    expect(await drawer.locator('[data-testid="deal-event"][data-action="accept"]').count()).toBe(1);
    expect(await drawer.getByTestId('deal-deliveries').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-deal.png') });
    await finishSession(s);
  }, TIMEOUT);
});
