/**
 * The flow ledger's administration pages in a real browser against the real platform (embedded
 * store, the demo park), as the chlor-alkali enterprise's administrator: the nodes (those that
 * follow the registry marked and not editable; a boundary node added and deleted), a flow-meter
 * link created and deleted, a flow share rule created and deleted, a stock and a manual flow recorded and deleted on the ledger
 * page; then as the park administrator, the carbon balance naming the nodes whose element balance
 * is not judged (materials without a known composition). Both languages, no console errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, chooseOption, confirmDelete, finishSession, launchBrowser, openSession } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's flow administration browser test");
const TIMEOUT = 120_000;
const PASSWORD = 'symbiont-demo';
const ADMIN = 'chloralkali.admin';

type Lang = 'en' | 'zh-CN';
interface FlowText {
  title: Record<'nodes' | 'meterLinks' | 'shares' | 'ledger', string>;
  nodes: { synced: string; added: string };
  nodeKind: Record<'enterprise' | 'boundary', string>;
  boundary: Record<'storage_yard', string>;
  shares: { scopes: Record<'all' | 'exchanges', string>; intro: string };
  meterLinks: { intro: string };
  stocks: { title: string };
  source: Record<'manual', string>;
  openNodes: { title: string };
}
const text = (lang: Lang) =>
  (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../web/src/i18n/flows.${lang}.json`), 'utf8')) as { flows: FlowText }).flows;

interface Node { id: number; code: string; name: string; nameEn: string | null; kind: string; enterpriseId: number | null; unitId: number | null }
interface OpenNode { nodeId: number; code: string; name: string; nameEn: string | null; materials: string[] }

describe.skipIf(!RUN)('console flow administration (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const logIn = (username: string, password: string, at: string) => openSession(browser, server.url, username, password, at, 15_000);
  const finish = finishSession;

  const cardTitle = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-card-head-title').first();

  it('lets an enterprise administrator keep its nodes, meter links, share rules and stocks, in both languages', async () => {
    const api = client(server.url, await login(server.url, ADMIN, PASSWORD));
    const nodes = (await api.get('/api/v1/flow-nodes')).body.items as Node[];
    const own = nodes.find((n) => n.kind === 'enterprise' && n.code === 'chloralkali')!;
    expect(own, "the administrator's enterprise node").toBeDefined();
    const session = await logIn(ADMIN, PASSWORD, '/flows/ledger');
    const { page } = session;
    const zh = text('zh-CN');

    // Nodes: every visible one listed; the registry's marked and without edit or delete.
    await page.getByTestId('menu-flows-nodes').click();
    await page.getByTestId('flow-nodes-page').waitFor();
    const table = page.getByTestId('flow-nodes-table');
    await expect.poll(() => page.getByTestId('flow-nodes-page').locator('.ant-pagination-total-text').textContent()).toContain(String(nodes.length));
    await chooseOption(page, 'filter-node-kind', zh.nodeKind.enterprise);
    const synced = table.locator(`tr[data-row-key="${own.id}"]`);
    await expect.poll(() => synced.getByTestId('node-synced').textContent()).toBe(zh.nodes.synced);
    expect(await synced.getByTestId('row-edit').count()).toBe(0);
    expect(await synced.getByTestId('row-delete').count()).toBe(0);

    // A boundary node of its own, added (listed with the boundary) and deleted.
    await chooseOption(page, 'filter-node-kind', zh.nodeKind.boundary);
    await page.getByTestId('create-button').click();
    await page.locator('#resource_code').fill('chloralkali-salt-yard');
    await page.locator('#resource_name').fill('盐堆场');
    await chooseOption(page, 'field-boundaryKind', zh.boundary.storage_yard);
    await page.getByTestId('form-submit').click();
    const added = table.locator('tr.ant-table-row').filter({ hasText: 'chloralkali-salt-yard' });
    await expect.poll(() => added.count()).toBe(1);
    expect(await added.getByTestId('node-added').textContent()).toBe(zh.nodes.added);
    const yard = ((await api.get('/api/v1/flow-nodes')).body.items as Node[]).find((n) => n.code === 'chloralkali-salt-yard');
    expect(yard).toMatchObject({ kind: 'boundary', enterpriseId: own.enterpriseId });
    await confirmDelete(page, added.getByTestId('row-delete'));
    await expect.poll(() => added.count()).toBe(0);
    expect(((await api.get('/api/v1/flow-nodes')).body.items as Node[]).some((n) => n.code === 'chloralkali-salt-yard')).toBe(false);

    // A meter link: the caustic soda flow tag totals into the electrolysis → evaporation flow.
    await page.getByTestId('menu-flows-meterLinks').click();
    await page.getByTestId('flow-meter-links-page').waitFor();
    expect(await page.getByTestId('flow-meter-links-intro').textContent()).toContain(zh.meterLinks.intro);
    const linkRows = page.getByTestId('flow-meter-links-table').locator('tr.ant-table-row');
    const linksBefore = ((await api.get('/api/v1/flow-meter-links')).body.items as unknown[]).length;
    await page.getByTestId('create-button').click();
    await chooseOption(page, 'field-tag', 'naoh_flow', 'naoh_flow');
    await chooseOption(page, 'field-from', '(chloralkali-electrolysis)', 'chloralkali-electrolysis');
    await chooseOption(page, 'field-to', '(chloralkali-evaporation)', 'chloralkali-evaporation');
    await chooseOption(page, 'field-material', '(CAUSTIC_SODA)', 'CAUSTIC_SODA');
    await page.locator('#resource_accuracyPercent').fill('0.5');
    await page.getByTestId('form-submit').click();
    const link = linkRows.filter({ hasText: 'naoh_flow' });
    await expect.poll(() => link.count()).toBe(1);
    const links = (await api.get('/api/v1/flow-meter-links')).body.items as { id: number; from: string; to: string; material: string; method: string; unit: string; accuracyPercent: number }[];
    expect(links).toHaveLength(linksBefore + 1);
    expect(links.at(-1)).toMatchObject({ from: 'chloralkali-electrolysis', to: 'chloralkali-evaporation', material: 'CAUSTIC_SODA', method: 'integral', unit: 't', accuracyPercent: 0.5 });
    await confirmDelete(page, link.getByTestId('row-delete'));
    await expect.poll(() => link.count()).toBe(0);
    expect((await api.get('/api/v1/flow-meter-links')).body.items).toHaveLength(linksBefore);

    // A share rule: exchanges (the default) with an enterprise met in the park's directory.
    const directory = (await api.get('/api/v1/park/directory')).body.items as { id: number; code: string; name: string }[];
    const rulesNow = (await api.get('/api/v1/flow-shares')).body.items as { granteeId: number | null }[];
    const grantee = directory.find((e) => e.code !== 'chloralkali' && !rulesNow.some((r) => r.granteeId === e.id))!;
    await page.getByTestId('menu-flows-shares').click();
    await page.getByTestId('flow-shares-page').waitFor();
    expect(await page.getByTestId('flow-shares-intro').textContent()).toContain(zh.shares.intro);
    const shareRows = page.getByTestId('flow-shares-table').locator('tr.ant-table-row');
    await expect.poll(() => shareRows.count()).toBe(rulesNow.length);
    await page.getByTestId('create-button').click();
    await chooseOption(page, 'field-grantee', grantee.name, grantee.code);
    await page.getByTestId('form-submit').click();
    const rule = shareRows.filter({ hasText: grantee.name });
    await expect.poll(() => rule.count()).toBe(1);
    expect(await rule.textContent()).toContain(zh.shares.scopes.exchanges);
    const rules = (await api.get('/api/v1/flow-shares')).body.items as { granteeId: number | null; scope: string }[];
    expect(rules).toContainEqual(expect.objectContaining({ granteeId: grantee.id, scope: 'exchanges' }));
    await confirmDelete(page, rule.getByTestId('row-delete'));
    await expect.poll(() => rule.count()).toBe(0);
    expect((await api.get('/api/v1/flow-shares')).body.items).toHaveLength(rulesNow.length);

    // A stock on the ledger page: the brine unit's salt, for the latest month.
    const months = ((await api.get('/api/v1/flows/periods')).body.items as { period: string; grain: string }[]).filter((p) => p.grain === 'month').map((p) => p.period).sort();
    const latest = months.at(-1)!;
    await page.getByTestId('menu-flows-ledger').click();
    await page.getByTestId('flow-stocks').waitFor();
    await expect.poll(() => page.getByTestId('stock-period').textContent()).toContain(latest);
    await page.getByTestId('stock-add').click();
    await chooseOption(page, 'stock-form-node', '(chloralkali-brine)', 'chloralkali-brine');
    await chooseOption(page, 'stock-form-material', '(SALT)', 'SALT');
    await page.locator('#resource_opening').fill('1200');
    await page.locator('#resource_closing').fill('900');
    await page.getByTestId('form-submit').click();
    const stock = page.locator('[data-testid="stock-row"][data-node="chloralkali-brine"]');
    await expect.poll(() => stock.count()).toBe(1);
    expect(await stock.textContent()).toContain('-300');
    const stocks = (await api.get(`/api/v1/flow-stocks?period=${latest}`)).body.items as { nodeCode: string; materialCode: string; opening: number; closing: number; unit: string }[];
    expect(stocks).toContainEqual(expect.objectContaining({ nodeCode: 'chloralkali-brine', materialCode: 'SALT', opening: 1200, closing: 900, unit: 't' }));
    // …and deleted again.
    await confirmDelete(page, stock.getByTestId('stock-delete'));
    await expect.poll(() => stock.count()).toBe(0);
    expect((await api.get(`/api/v1/flow-stocks?period=${latest}`)).body.items).not.toContainEqual(expect.objectContaining({ nodeCode: 'chloralkali-brine', materialCode: 'SALT' }));

    // A flow by hand: brine sludge from the brine unit to the landfill; the material's unit is filled in.
    await page.getByTestId('flow-add').click();
    await page.getByTestId('flow-form-period').fill(latest);
    await chooseOption(page, 'flow-form-from', '(chloralkali-brine)', 'chloralkali-brine');
    await chooseOption(page, 'flow-form-to', '(landfill)', 'landfill');
    await chooseOption(page, 'flow-form-material', '(BRINE_SLUDGE)', 'BRINE_SLUDGE');
    await page.locator('[data-testid="flow-form-quantity"] input, input[data-testid="flow-form-quantity"]').first().fill('12.5');
    await page.getByTestId('form-submit').click();
    const manualOf = async () => ((await api.get(`/api/v1/flows?period=${latest}&source=manual`)).body.items as { id: number; fromCode: string; toCode: string; materialCode: string; quantity: number; unit: string }[]);
    await expect.poll(async () => (await manualOf()).length).toBe(1);
    const [manual] = await manualOf();
    expect(manual).toMatchObject({ fromCode: 'chloralkali-brine', toCode: 'landfill', materialCode: 'BRINE_SLUDGE', quantity: 12.5, unit: 't' });
    // …found through the source filter, and deleted.
    await chooseOption(page, 'flow-filter-source', zh.source.manual);
    const row = page.locator(`[data-testid="flow-row"][data-flow-id="${manual.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await confirmDelete(page, row.getByTestId('flow-delete'));
    await expect.poll(async () => (await manualOf()).length).toBe(0);

    // In English: each page's title, and the share scopes.
    const en = text('en');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => cardTitle(page, 'flow-stocks-card').textContent()).toBe(en.stocks.title);
    for (const [menu, testId, title] of [['nodes', 'flow-nodes-page', en.title.nodes], ['meterLinks', 'flow-meter-links-page', en.title.meterLinks], ['shares', 'flow-shares-page', en.title.shares]] as const) {
      await page.getByTestId(`menu-flows-${menu}`).click();
      await page.getByTestId(testId).waitFor();
      await expect.poll(() => cardTitle(page, testId).textContent()).toBe(title);
    }
    await page.getByTestId('create-button').click();
    const scopes = page.locator('.ant-drawer-open .ant-radio-group');
    await expect.poll(() => scopes.textContent()).toContain(en.shares.scopes.all);
    expect(await scopes.textContent()).toContain(en.shares.scopes.exchanges);
    await page.getByTestId('form-cancel').click();
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => cardTitle(page, 'flow-shares-page').textContent()).toBe(zh.title.shares);
    await finish(session);
  }, TIMEOUT);

  it("names the nodes whose carbon balance is not judged, in both languages", async () => {
    const api = client(server.url, await login(server.url, 'admin', server.adminPassword));
    const months = ((await api.get('/api/v1/flows/periods')).body.items as { period: string; grain: string }[]).filter((p) => p.grain === 'month').map((p) => p.period).sort();
    const latest = months.at(-1)!;
    const query = `period=${latest}&level=unit&layer=element&element=C`;
    const answer = (await api.get(`/api/v1/flows/balances?${query}`)).body as { flows: unknown[]; openNodes: OpenNode[] };
    expect(answer.flows.length, 'the carbon layer has flows').toBeGreaterThan(0);
    expect(answer.openNodes.length, 'the demo has carbon-bearing materials of unknown composition').toBeGreaterThan(0);

    const session = await logIn('admin', server.adminPassword, `/flows/balances?${query}`);
    const { page } = session;
    const alert = page.getByTestId('open-nodes-alert');
    await alert.waitFor();
    const items = alert.getByTestId('open-node');
    await expect.poll(() => items.evaluateAll((li) => li.map((l) => l.getAttribute('data-code')).sort())).toEqual(answer.openNodes.map((n) => n.code).sort());
    const first = answer.openNodes[0];
    const item = alert.locator(`[data-testid="open-node"][data-code="${first.code}"]`);
    expect(await item.textContent()).toContain(first.name);
    for (const m of first.materials) expect(await item.textContent()).toContain(m);
    const zhTitle = text('zh-CN').openNodes.title.replace('{{count}}', String(answer.openNodes.length));
    expect(await alert.locator('.ant-alert-title').textContent()).toBe(zhTitle);

    await page.getByTestId('lang-en').click();
    const enTitle = text('en').openNodes.title.replace('{{count}}', String(answer.openNodes.length));
    await expect.poll(() => alert.locator('.ant-alert-title').textContent()).toBe(enTitle);
    await expect.poll(() => item.textContent()).toContain(first.nameEn ?? first.name);
    await finish(session);
  }, TIMEOUT);
});
