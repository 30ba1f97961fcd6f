/**
 * The green-KPI pages in a real browser against the real platform with the demo park (its year of
 * flows, value added and targets): the dashboard shows the park's numbers of the latest month as the
 * API computes them and says which inputs a missing value lacks; a KPI opens its trend (a chart),
 * its inputs and the flows behind it, linked to the ledger; the inputs form saves a row and a CSV
 * file with bad rows imports nothing and lists each; the report preview shows the PDF the API makes;
 * an enterprise user sees its own enterprise only and reads the settings without editing them; every
 * page in both languages with no console errors. Screenshot of the dashboard: /tmp/kpis.png (or
 * SYMBIONT_KPIS_SCREENSHOT).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../demo/park.ts';
import { browserAvailable, chooseOption, finishSession, launchBrowser, openSession } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's KPI browser test");
const TIMEOUT = 180_000;
const SCREENSHOT = process.env.SYMBIONT_KPIS_SCREENSHOT ?? '/tmp/kpis.png';
const ENTERPRISE = 'chloralkali';

type Lang = 'en' | 'zh-CN';
interface KpiText {
  title: Record<'dashboard' | 'inputs' | 'targets' | 'settings' | 'reports', string>;
  missing: { lead: string };
  scope: Record<'park' | 'enterprise' | 'unit', string>;
  key: Record<string, string>;
}
const text = (lang: Lang) => (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../web/src/i18n/kpis.${lang}.json`), 'utf8')) as { kpis: KpiText }).kpis;

interface KpiItem {
  key: string;
  value: number | null;
  missing: string[];
}

const PAGES = [
  ['/kpis', 'kpis-page', 'dashboard'],
  ['/kpis/inputs', 'kpi-inputs-page', 'inputs'],
  ['/kpis/targets', 'kpi-targets-page', 'targets'],
  ['/kpis/settings', 'kpi-settings-page', 'settings'],
  ['/kpis/reports', 'kpi-reports-page', 'reports'],
] as const;

describe.skipIf(!RUN)('console KPIs (browser)', () => {
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

  /** The card's title of a page, in the console's language. */
  const pageTitle = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-card-head-title').first().textContent();

  it('shows the park’s KPIs, drills into one, saves an input, refuses a bad CSV and previews the report', async () => {
    const api = client(server.url, adminToken);
    const answer = (await api.get(`/api/v1/kpis?period=${latest}&scope=park`)).body as { items: KpiItem[] };
    const valued = answer.items.find((i) => i.key === 'energy_tce' && i.value !== null) ?? answer.items.find((i) => i.value !== null);
    expect(valued, 'the demo gives the park some indicator a value').toBeDefined();

    const s = await openSession(browser, server.url, 'admin', server.adminPassword, `/kpis?period=${latest}`, 20_000);
    const { page } = s;
    await page.getByTestId('kpis-page').waitFor();
    expect(await pageTitle(page, 'kpis-page')).toBe(text('zh-CN').title.dashboard);
    await expect.poll(() => page.getByTestId('kpi-answer').getAttribute('data-period')).toBe(latest);
    expect(await page.getByTestId('kpi-card').count()).toBe(answer.items.length);

    // The number shown is the API's.
    const card = page.locator(`[data-testid="kpi-card"][data-key="${valued!.key}"]`);
    expect(Number(await card.getAttribute('data-value'))).toBeCloseTo(valued!.value!, 6);
    expect(await card.getByTestId('kpi-value').textContent()).toMatch(/\d/);
    expect(await card.getByTestId('kpi-name').textContent()).toBe(text('zh-CN').key[valued!.key]);
    // A value that is missing says which inputs, in words and by name.
    const missing = answer.items.find((i) => i.value === null && i.missing.length > 0);
    if (missing) {
      const m = page.locator(`[data-testid="kpi-card"][data-key="${missing.key}"]`).getByTestId('kpi-missing');
      expect(await m.getAttribute('data-missing')).toBe(missing.missing.join('|'));
      expect(await m.textContent()).toContain(text('zh-CN').missing.lead);
      expect(await m.textContent()).toContain(missing.missing[0]);
    }
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Drill-down: the trend chart of the last 12 months, the inputs, the flows behind the value.
    const flows = (await api.get(`/api/v1/kpis/flows?period=${latest}&scope=park&key=${valued!.key}`)).body as { items: { material: string; period: string }[] };
    await card.click();
    const drawer = page.getByTestId('kpi-drawer');
    await drawer.waitFor();
    const chart = drawer.getByTestId('kpi-trend-chart');
    await expect.poll(() => chart.getAttribute('data-series-lengths')).toMatch(/^12(,12)*$/);
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    expect(await drawer.getByTestId('kpi-inputs').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await drawer.getByTestId('kpi-flows').waitFor();
    expect(flows.items.length, 'the flows behind the value').toBeGreaterThan(0);
    await expect.poll(() => drawer.getByTestId('kpi-flow-row').count()).toBe(Math.min(10, flows.items.length));
    const link = await drawer.getByTestId('kpi-flow-ledger-link').first().getAttribute('href');
    expect(link).toBe(`/flows/ledger?${new URLSearchParams({ material: flows.items[0].material, period: flows.items[0].period })}`);
    expect(new URL(page.url()).searchParams.get('key')).toBe(valued!.key);
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-drawer.png') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // An input saved through the form is there in the API.
    const enterprise = ((await api.get(`/api/v1/enterprises?q=${ENTERPRISE}`)).body.items as { id: number; code: string; name: string }[]).find((e) => e.code === ENTERPRISE)!;
    // The dashboard opened the KPI group of the menu.
    await page.getByTestId('menu-kpis-inputs').click();
    await page.getByTestId('kpi-inputs-page').waitFor();
    await page.getByTestId('create-button').click();
    await chooseOption(page, 'field-enterprise', enterprise.name);
    await page.getByTestId('field-period').fill('2019-07');
    await page.getByTestId('field-value-added').fill('4321.5');
    await page.getByTestId('field-production').fill('880');
    await page.getByTestId('form-submit').click();
    await expect.poll(async () => (await api.get(`/api/v1/kpi-inputs?period=2019-07&enterpriseId=${enterprise.id}`)).body.items as unknown[]).toHaveLength(1);
    const saved = (await api.get(`/api/v1/kpi-inputs?period=2019-07&enterpriseId=${enterprise.id}`)).body.items[0] as { valueAdded10kCny: number; productionT: number; nodeId: number | null };
    expect(saved).toMatchObject({ valueAdded10kCny: 4321.5, productionT: 880, nodeId: null });

    // A CSV with bad rows imports nothing and lists every one.
    const csv = ['enterprise,unit,period,value_added_10k_cny,production_t,main_product', `${ENTERPRISE},,2019-08,100,10,`, `no-such-enterprise,,2019-08,100,10,`, `${ENTERPRISE},,2019-13,100,10,`].join('\n');
    await page.getByTestId('kpi-inputs-import').locator('input[type="file"]').setInputFiles({ name: 'bad-inputs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const refused = page.getByTestId('kpi-inputs-refused');
    await expect.poll(() => refused.getAttribute('data-rejected')).toBe('2');
    expect(await refused.locator('[data-testid="rejected-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).toEqual(['2', '3']);
    expect((await api.get('/api/v1/kpi-inputs?period=2019-08')).body.items).toHaveLength(0);
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-inputs.png'), fullPage: true });
    // The refusal is the answer the test asked for, not a fault of the page.
    expect(s.w.failedApi.filter((f) => !/kpi-inputs\/import → 422$/.test(f))).toEqual([]);
    expect(s.w.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    s.w.clear();

    // The report of the month, previewed: a PDF, made by the API.
    await page.goto(`/kpis/reports?period=${latest}`);
    await page.getByTestId('kpi-reports-page').waitFor();
    const pdf = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/kpis/report', { timeout: 60_000 });
    await page.getByTestId('report-preview').click();
    const frame = page.getByTestId('report-preview-frame');
    expect(await frame.getAttribute('src')).toBe(`/api/v1/kpis/report?${new URLSearchParams({ period: latest, scope: 'park', lang: 'zh-CN', format: 'pdf' })}`);
    const report = await pdf;
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(report.request().frame().parentFrame(), 'the PDF is asked for by the preview frame').not.toBeNull();
    expect(Number(report.headers()['x-report-pages'])).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-reports.png'), fullPage: true });

    // Targets and settings load; the park administrator may edit the settings.
    await page.goto('/kpis/targets');
    await page.getByTestId('kpi-targets-table').waitFor();
    await page.goto('/kpis/settings');
    await page.getByTestId('kpi-settings-save').waitFor();
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-settings.png'), fullPage: true });
    await finishSession(s);
  }, TIMEOUT);

  it('shows every KPI page in both languages without errors', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const s = await openSession(browser, server.url, 'admin', server.adminPassword, '/', 20_000);
      await s.context.addInitScript((l) => localStorage.setItem('symbiont.lang', l), lang);
      for (const [url, testId, title] of PAGES) {
        await s.page.goto(url);
        await s.page.getByTestId(testId).waitFor();
        await expect.poll(() => pageTitle(s.page, testId)).toBe(text(lang).title[title]);
      }
      await s.page.goto(`/kpis?period=${latest}`);
      await expect.poll(() => s.page.getByTestId('kpi-card').count()).toBeGreaterThan(0);
      if (lang === 'en') await s.page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-en.png'), fullPage: true });
      await finishSession(s);
    }
  }, TIMEOUT);

  it('gives an enterprise user its own enterprise only, and the settings to read', async () => {
    const s = await openSession(browser, server.url, `${ENTERPRISE}.viewer`, DEMO_PASSWORD, `/kpis?period=${latest}`, 20_000);
    const { page } = s;
    await expect.poll(() => page.getByTestId('kpi-answer').getAttribute('data-code')).toBe(ENTERPRISE);
    expect(await page.getByTestId('kpi-answer').getAttribute('data-scope')).toBe('enterprise');
    // No park among the scopes.
    const levels = await page.getByTestId('kpi-scope-level').locator('.ant-segmented-item').allTextContents();
    expect(levels).toEqual([text('zh-CN').scope.enterprise, text('zh-CN').scope.unit]);
    // One of its units: the first offered, computed by the API as that unit.
    await page.getByTestId('kpi-scope-level').getByText(text('zh-CN').scope.unit, { exact: true }).click();
    await expect.poll(() => page.getByTestId('kpi-answer').getAttribute('data-scope')).toBe('unit');
    const unit = new URL(page.url()).searchParams.get('code')!;
    expect(await page.getByTestId('kpi-answer').getAttribute('data-code')).toBe(unit);
    const nodes = (await client(server.url, adminToken).get('/api/v1/flow-nodes')).body.items as { code: string; kind: string; enterpriseId: number | null }[];
    const own = ((await client(server.url, adminToken).get(`/api/v1/enterprises?q=${ENTERPRISE}`)).body.items as { id: number; code: string }[]).find((e) => e.code === ENTERPRISE)!;
    expect(nodes.find((n) => n.code === unit)).toMatchObject({ kind: 'unit', enterpriseId: own.id });
    await page.goto('/kpis/settings');
    await page.getByTestId('kpi-settings-readonly').waitFor();
    expect(await page.getByTestId('kpi-settings-save').count()).toBe(0);
    await finishSession(s);
  }, TIMEOUT);
});
