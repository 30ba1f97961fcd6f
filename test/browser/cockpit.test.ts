/**
 * The cockpit (the console's first page, issue 12) in a real browser against the real platform with
 * the demo park: for the park administrator the park's headline KPIs of the last complete month show
 * numbers, the park Sankey draws, devices, alarms and balance exceptions are counted, and every tile
 * links to its page; for an enterprise user the same page shows its own enterprise (its KPIs, its
 * units' Sankey); both languages, no console errors. Screenshot: /tmp/cockpit.png (or
 * SYMBIONT_COCKPIT_SCREENSHOT).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../demo/park.ts';
import { HEADLINE_KPIS } from '../../src/modules/kpi/model.ts';
import { browserAvailable, launchBrowser, watch, PAGE_TIMEOUT_MS } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's cockpit browser test");
const TIMEOUT = 180_000;
const SCREENSHOT = process.env.SYMBIONT_COCKPIT_SCREENSHOT ?? '/tmp/cockpit.png';
const ENTERPRISE = 'chloralkali';

interface CockpitText {
  kpis: { title: string };
  sankey: { titlePark: string; titleEnterprise: string };
  devices: { title: string };
  balances: { title: string };
}
const text = (lang: 'en' | 'zh-CN') =>
  (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../web/src/i18n/${lang === 'en' ? 'en' : 'zh-CN'}.json`), 'utf8')) as { cockpit: CockpitText }).cockpit;
const fill = (template: string, period: string) => template.replace('{{period}}', period);

interface KpiAnswer {
  items: { key: string; value: number | null }[];
}

describe.skipIf(!RUN)('console cockpit (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let adminToken: string;
  let latest: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    adminToken = await login(server.url, 'admin', server.adminPassword);
    const periods = (await client(server.url, adminToken).get('/api/v1/flows/periods')).body.items as { period: string; grain: string }[];
    latest = periods.filter((p) => p.grain === 'month').map((p) => p.period).sort().at(-1)!;
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function logIn(page: Page, username: string, password: string) {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview-page').waitFor();
  }

  /** Every headline tile shows the API's number for it. */
  async function expectKpiTiles(page: Page, answer: KpiAnswer) {
    const tiles = page.getByTestId('cockpit-kpi');
    await expect.poll(() => tiles.count()).toBe(HEADLINE_KPIS.length);
    for (const key of HEADLINE_KPIS) {
      const value = answer.items.find((i) => i.key === key)?.value ?? null;
      expect(value, `${key} has a value in the API`).not.toBeNull();
      const card = page.locator(`[data-testid="cockpit-kpi"][data-key="${key}"] [data-testid="kpi-card"]`);
      expect(Number(await card.getAttribute('data-value'))).toBeCloseTo(value!, 6);
      expect(await card.getByTestId('kpi-value').textContent()).toMatch(/\d/);
    }
  }

  /**
   * The Sankey's data is set and its canvas drawn out to the last column of nodes (ECharts draws a
   * Sankey from left to right: until it has, the right edge of the canvas is empty).
   */
  async function expectSankeyDrawn(page: Page): Promise<number> {
    const chart = page.getByTestId('cockpit-sankey').getByTestId('flow-sankey-chart');
    await expect.poll(() => chart.getAttribute('data-series-lengths')).toMatch(/^[1-9]\d*$/);
    const canvas = chart.locator('canvas').first();
    await expect
      .poll(() =>
        canvas.evaluate((c: HTMLCanvasElement) => {
          const ctx = c.getContext('2d');
          if (!ctx) return 0;
          const x = Math.floor(c.width * 0.85);
          const img = ctx.getImageData(x, 0, c.width - x - 1, c.height).data;
          let painted = 0;
          for (let i = 3; i < img.length; i += 4) if (img[i] > 0) painted++;
          return painted;
        }),
      )
      .toBeGreaterThan(0);
    return Number(await page.getByTestId('cockpit-sankey').getByTestId('flow-sankey').getAttribute('data-nodes'));
  }

  it('shows the park administrator the park: KPIs with numbers, the Sankey, devices, alarms, balances, each linking to its page, in both languages', async () => {
    const api = client(server.url, adminToken);
    const kpis = (await api.get(`/api/v1/kpis?period=${latest}&scope=park`)).body as KpiAnswer;
    const sankey = (await api.get(`/api/v1/flows/sankey?period=${latest}&level=park&layer=mass`)).body as { nodes: unknown[] };
    const devices = (await api.get('/api/v1/devices?limit=1000')).body as { total: number };

    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const w = watch(page);
    await logIn(page, 'admin', server.adminPassword);

    const overview = page.getByTestId('overview-page');
    expect(await overview.getAttribute('data-scope')).toBe('park');
    await expect.poll(() => overview.getAttribute('data-period')).toBe(latest);
    await expectKpiTiles(page, kpis);
    expect(await expectSankeyDrawn(page)).toBe(sankey.nodes.length);

    // Devices: every device counted once, online, offline or out of service.
    const tile = page.getByTestId('cockpit-devices');
    await expect.poll(() => tile.getAttribute('data-online')).not.toBeNull();
    expect(Number(await tile.getAttribute('data-online')) + Number(await tile.getAttribute('data-offline'))).toBeLessThanOrEqual(devices.total);
    // Balances: the demo's planted chlorine leak fails the latest month's chlorine balance.
    const balances = page.getByTestId('cockpit-balances');
    await expect.poll(() => balances.getAttribute('data-failed')).toMatch(/^[1-9]/);
    expect(Number(await balances.getAttribute('data-nodes')) + Number(await balances.getAttribute('data-flows'))).toBeGreaterThan(0);
    await page.getByTestId('overview-alarms').waitFor();
    await page.getByTestId('cockpit-registry').waitFor();

    // Titles in Chinese, then English.
    const zh = text('zh-CN');
    expect(await page.getByTestId('cockpit-kpis').locator('.ant-card-head-title').textContent()).toBe(fill(zh.kpis.title, latest));
    expect(await page.getByTestId('cockpit-sankey').locator('.ant-card-head-title').textContent()).toBe(fill(zh.sankey.titlePark, latest));
    expect(await page.getByTestId('cockpit-devices').locator('.ant-card-head-title').textContent()).toBe(zh.devices.title);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-zh.png'), fullPage: true });
    await page.getByTestId('lang-en').click();
    const en = text('en');
    await expect.poll(() => page.getByTestId('cockpit-kpis').locator('.ant-card-head-title').textContent()).toBe(fill(en.kpis.title, latest));
    expect(await page.getByTestId('cockpit-sankey').locator('.ant-card-head-title').textContent()).toBe(fill(en.sankey.titlePark, latest));
    expect(await page.getByTestId('cockpit-balances').locator('.ant-card-head-title').textContent()).toBe(fill(en.balances.title, latest));
    await expectKpiTiles(page, kpis);
    await expectSankeyDrawn(page);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Every tile links to its page.
    const href = (id: string) => page.getByTestId(id).getAttribute('href');
    expect(await href('cockpit-kpis-link')).toBe(`/kpis?period=${latest}&scope=park`);
    expect(await href('cockpit-sankey-link')).toBe(`/flows?period=${latest}&level=park&layer=mass`);
    expect(await href('cockpit-devices-link')).toBe('/devices');
    expect(await href('cockpit-balances-link')).toBe(`/flows/balances?period=${latest}&level=unit&layer=mass`);
    expect(await href('overview-alarms-link')).toBe('/alarms?state=active');
    await page.getByTestId('cockpit-sankey-link').click();
    await page.getByTestId('flows-page').waitFor();
    await page.goBack();
    await page.getByTestId('cockpit-devices-link').click();
    await page.waitForURL(/\/devices$/);
    await page.goBack();
    await page.getByTestId('cockpit-balances-link').click();
    await page.waitForURL(/\/flows\/balances\?/);
    await page.goBack();
    // A click on an indicator opens the dashboard at it.
    await page.locator('[data-testid="cockpit-kpi"][data-key="energy_intensity_tce_per_10k_cny"] [data-testid="kpi-card"]').click();
    await page.waitForURL((url) => url.pathname === '/kpis' && url.searchParams.get('key') === 'energy_intensity_tce_per_10k_cny');

    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);

  it('shows an enterprise user its own enterprise: its KPIs, its units in the Sankey, its devices, in both languages', async () => {
    const username = `${ENTERPRISE}.viewer`;
    const token = await login(server.url, username, DEMO_PASSWORD);
    const api = client(server.url, token);
    const kpis = (await api.get(`/api/v1/kpis?period=${latest}&scope=enterprise&code=${ENTERPRISE}`)).body as KpiAnswer & { name: string; nameEn: string | null };
    expect((await api.get(`/api/v1/kpis?period=${latest}&scope=park`)).status, 'the park scope is not an enterprise user’s').toBe(403);
    const me = (await api.get('/api/v1/auth/me')).body as { user: { enterpriseId: number } };
    const inside = (await api.get(`/api/v1/flows/sankey?period=${latest}&level=enterprise&layer=mass&enterpriseId=${me.user.enterpriseId}`)).body as { nodes: { code: string }[] };
    const devices = (await api.get('/api/v1/devices?limit=1000')).body as { items: { code: string }[] };
    expect(devices.items.every((d) => d.code.startsWith(`${ENTERPRISE}-`)), 'an enterprise sees its own devices only').toBe(true);

    const context = await browser.newContext({ baseURL: server.url, locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const w = watch(page);
    await logIn(page, username, DEMO_PASSWORD);
    const overview = page.getByTestId('overview-page');
    await expect.poll(() => overview.getAttribute('data-scope')).toBe('enterprise');
    await expect.poll(() => page.getByTestId('overview-title').textContent()).toBeTruthy();

    // The demo users' language is Chinese; the page then in English.
    const zh = text('zh-CN');
    await expect.poll(() => page.getByTestId('cockpit-sankey').locator('.ant-card-head-title').textContent()).toBe(fill(zh.sankey.titleEnterprise, latest));
    expect([kpis.name, kpis.nameEn]).toContain(await page.getByTestId('overview-title').textContent());
    await expectKpiTiles(page, kpis);
    expect(await expectSankeyDrawn(page)).toBe(inside.nodes.length);
    expect(await page.getByTestId('cockpit-kpis-link').getAttribute('href')).toBe(`/kpis?period=${latest}&scope=enterprise&code=${ENTERPRISE}`);
    expect(await page.getByTestId('cockpit-sankey-link').getAttribute('href')).toBe(`/flows?period=${latest}&level=enterprise&layer=mass&enterpriseId=${me.user.enterpriseId}`);
    const tile = page.getByTestId('cockpit-devices');
    await expect.poll(async () => Number(await tile.getAttribute('data-online')) + Number(await tile.getAttribute('data-offline'))).toBeLessThanOrEqual(devices.items.length);

    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('cockpit-sankey').locator('.ant-card-head-title').textContent()).toBe(fill(text('en').sankey.titleEnterprise, latest));
    await expectKpiTiles(page, kpis);
    await expectSankeyDrawn(page);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-enterprise.png'), fullPage: true });

    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);
});

describe.skipIf(!RUN)('console cockpit of an empty park (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demo: false }), launchBrowser()]);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says what to do where there is nothing yet: no flows → the ledger', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const w = watch(page);
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview-page').waitFor();
    const empty = page.getByTestId('cockpit-kpis-empty');
    await empty.waitFor();
    expect(await empty.locator('a').getAttribute('href')).toBe('/flows/ledger');
    expect(await page.getByTestId('cockpit-sankey').getByTestId('flows-empty').locator('a').getAttribute('href')).toBe('/flows/ledger');
    expect(await page.getByTestId('cockpit-balances').getByTestId('flows-empty').count()).toBe(1);
    await empty.locator('a').click();
    await page.waitForURL(/\/flows\/ledger$/);
    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);
});
