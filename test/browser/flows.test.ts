/**
 * The flow pages in a real browser against the real platform (embedded store, the demo park with
 * its year of monthly flows): the Sankey draws and drills into an enterprise and back; the
 * balances of the latest month fail the global test and name the planted chlorine leak in words;
 * the what-if re-run with the leaking stream unmeasured changes the answer; a CSV file with bad
 * rows imports nothing and lists each rejected row; and the pages in both languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_FLOW_FAULTS } from '../../demo/flows.ts';
import { browserAvailable, chooseOption, launchBrowser, watch, PAGE_TIMEOUT_MS } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's flows browser test");
const TIMEOUT = 120_000;

interface FlowText {
  title: Record<'sankey' | 'balances' | 'ledger', string>;
  balances: Record<'failed' | 'passed', string>;
  ledger: { importState: Record<'done' | 'failed' | 'running', string> };
}
const text = (lang: 'en' | 'zh-CN') =>
  (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../web/src/i18n/flows.${lang}.json`), 'utf8')) as { flows: FlowText }).flows;

interface BalanceAnswer {
  reconciliation: { passed: boolean | null; chiSquare: number | null };
  flows: { key: string; fromCode: string; toCode: string; materialCode: string; measured: number | null }[];
  suspects: { kind: string; key: string; nodeCode: string | null }[];
}

describe.skipIf(!RUN)('console flows (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let adminToken: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    adminToken = await login(server.url, 'admin', server.adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function logIn(page: Page) {
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview-page').waitFor();
  }

  it('draws the Sankey, explains the latest month, re-runs a what-if and lists the rows of a bad CSV, in both languages', async () => {
    const api = client(server.url, adminToken);
    const periods = (await api.get('/api/v1/flows/periods')).body.items as { period: string; grain: string; flows: number }[];
    const months = periods.filter((p) => p.grain === 'month').map((p) => p.period).sort();
    expect(months.length, 'the demo loads a year of monthly flows').toBeGreaterThanOrEqual(12);
    const latest = months.at(-1)!;
    const leakNode = DEMO_FLOW_FAULTS.chlorineLeak.node;
    const nodes = (await api.get('/api/v1/flow-nodes')).body.items as { code: string; name: string; nameEn: string | null; kind: string; enterpriseId: number | null }[];
    const leakName = nodes.find((n) => n.code === leakNode)!.name;
    const chlorine = `/api/v1/flows/balances?period=${latest}&level=unit&layer=element&element=Cl`;
    const balances = (await api.get(chlorine)).body as BalanceAnswer;
    expect(balances.reconciliation.passed, 'the planted leak fails the chlorine balance of the latest month').toBe(false);

    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const w = watch(page);
    await logIn(page);

    // The Sankey, from the menu: the latest period's park map draws on its canvas.
    await page.getByTestId('menu-flows').click();
    await page.getByTestId('menu-flows-sankey').click();
    await page.getByTestId('flows-page').waitFor();
    const chart = page.getByTestId('flow-sankey-chart');
    await expect.poll(() => chart.getAttribute('data-series-lengths')).toMatch(/^[1-9]\d*$/);
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('flow-period').textContent()).toContain(latest);
    const parkNodes = Number(await page.getByTestId('flow-sankey').getAttribute('data-nodes'));

    // Into the chlor-alkali enterprise (its units), and back by the breadcrumb.
    const leakUnit = nodes.find((n) => n.code === leakNode)!;
    const enterprise = nodes.find((n) => n.kind === 'enterprise' && n.enterpriseId === leakUnit.enterpriseId)!;
    const inside = (await api.get(`/api/v1/flows/sankey?period=${latest}&level=enterprise&enterpriseId=${enterprise.enterpriseId}`)).body as { nodes: { code: string }[] };
    expect(inside.nodes.map((n) => n.code)).toContain(leakNode);
    await chooseOption(page, 'flow-drill-enterprise', enterprise.name);
    await expect.poll(() => page.getByTestId('flow-breadcrumb-enterprise').textContent()).toBe(enterprise.name);
    await expect.poll(() => page.getByTestId('flow-sankey').getAttribute('data-nodes')).toBe(String(inside.nodes.length));
    await page.getByTestId('flow-breadcrumb-park').click();
    await page.getByTestId('flow-breadcrumb-enterprise').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('flow-sankey').getAttribute('data-nodes')).toBe(String(parkNodes));

    // The chlorine balance of the latest month: failed, and the leak named in words.
    await page.goto(`/flows/balances?period=${latest}&level=unit&layer=element&element=Cl`);
    const test = page.getByTestId('global-test');
    await expect.poll(() => test.getAttribute('data-passed')).toBe('0');
    expect(await page.getByTestId('global-test-result').textContent()).toBe(text('zh-CN').balances.failed);
    const suspects = page.getByTestId('suspect');
    expect(await suspects.count()).toBe(balances.suspects.length);
    const leak = page.locator(`[data-testid="suspect"][data-node="${leakNode}"], [data-testid="suspect"][data-key*="${leakNode}"]`).first();
    await leak.waitFor();
    const sentence = (await leak.textContent()) ?? '';
    expect(sentence).toContain(leakName);
    expect(sentence).toMatch(/z = \d+\.\d\d/);
    expect(sentence).toContain('氯平衡');
    expect(await page.locator(`[data-testid="balance-node-row"][data-code="${leakNode}"]`).getAttribute('data-exception')).toBe('1');

    // What if the leaking unit's HCl outlet were unmeasured: the balance closes through it, the answer changes.
    const outlet = balances.flows.find((f) => f.fromCode === leakNode && f.measured !== null && f.materialCode === 'HYDROCHLORIC_ACID')
      ?? balances.flows.find((f) => f.fromCode === leakNode && f.measured !== null)!;
    expect(outlet, 'a measured outlet of the leaking unit').toBeDefined();
    await page.getByTestId('whatif-open').click();
    const drawer = page.getByTestId('whatif-drawer');
    await drawer.waitFor();
    await drawer.getByTestId('whatif-search').locator('input').fill(outlet.key);
    await drawer.getByTestId('whatif-search').locator('input').press('Enter');
    const row = drawer.locator(`[data-testid="whatif-row"][data-key="${outlet.key}"]`);
    await row.getByTestId('whatif-unmeasured').check();
    await expect.poll(() => drawer.getByTestId('whatif-changed').getAttribute('data-count')).toBe('1');
    await drawer.getByTestId('whatif-run').click();
    const result = drawer.getByTestId('whatif-result');
    await result.or(drawer.getByTestId('whatif-error')).first().waitFor();
    if (!(await result.isVisible())) throw new Error(`no what-if answer: ${await drawer.getByTestId('whatif-error').textContent()}`);
    const chiNow = Number(await test.getAttribute('data-chi-square'));
    expect(Number(await result.getAttribute('data-chi-square'))).toBeLessThan(chiNow);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The ledger: the demo's flows listed; a CSV with bad rows imports nothing and lists each.
    await page.getByTestId('menu-flows-ledger').click();
    await page.getByTestId('flow-ledger-page').waitFor();
    await expect.poll(() => page.getByTestId('flow-row').count()).toBeGreaterThan(0);
    const flowsOfMonth = async () => ((await api.get(`/api/v1/flows?period=${latest}&limit=1`)).body as { total: number }).total;
    const before = await flowsOfMonth();
    const csv = [
      'period,from,to,material,quantity,unit,sd,basis',
      `${latest},${leakNode},no-such-node,HYDROCHLORIC_ACID,10,t,,measured`,
      `${latest},supplier,${leakNode},NO_SUCH_MATERIAL,10,t,,measured`,
      `${latest},supplier,${leakNode},HYDROCHLORIC_ACID,-5,t,,measured`,
    ].join('\n');
    await page.getByTestId('flow-import').locator('input[type="file"]').setInputFiles({ name: 'bad-flows.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const imported = page.getByTestId('flow-import-result');
    await expect.poll(() => imported.getAttribute('data-state')).toBe('failed');
    expect(await imported.getAttribute('data-rejected')).toBe('3');
    expect(await page.getByTestId('flow-import-errors').locator('[data-testid="rejected-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).toEqual(['1', '2', '3']);
    const importText = await page.getByTestId('flow-import-errors').textContent();
    expect(importText).toContain('no-such-node');
    expect(importText).toContain('NO_SUCH_MATERIAL');
    expect(await imported.textContent()).toContain(text('zh-CN').ledger.importState.failed);
    expect(await flowsOfMonth(), 'nothing of a rejected file is imported').toBe(before);

    // Both languages: the ledger, then the balance page with its suspects in English.
    const ledgerTitle = page.getByTestId('flow-ledger-page').locator('.ant-card-head-title').first();
    expect(await ledgerTitle.textContent()).toBe(text('zh-CN').title.ledger);
    await page.getByTestId('lang-en').click();
    await expect.poll(() => ledgerTitle.textContent()).toBe(text('en').title.ledger);
    expect(await imported.textContent()).toContain(text('en').ledger.importState.failed);
    await page.goto(`/flows/balances?period=${latest}&level=unit&layer=element&element=Cl`);
    await expect.poll(() => page.getByTestId('global-test-result').textContent()).toBe(text('en').balances.failed);
    const leakEn = page.locator(`[data-testid="suspect"][data-node="${leakNode}"], [data-testid="suspect"][data-key*="${leakNode}"]`).first();
    const nameEn = nodes.find((n) => n.code === leakNode)!.nameEn ?? leakName;
    await expect.poll(() => leakEn.textContent()).toContain(nameEn);
    expect(await leakEn.textContent()).toContain('chlorine balance');
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => page.getByTestId('global-test-result').textContent()).toBe(text('zh-CN').balances.failed);

    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);
});
