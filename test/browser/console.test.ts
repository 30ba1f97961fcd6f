/**
 * The console in a real browser against the real platform (embedded store, demo park): log-in,
 * every page of the menu, the language switch, a create-edit-delete round trip with a validation
 * error from the API on its field, what an enterprise viewer may see, log-out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, chooseOption, confirmDelete, launchBrowser, watch, type Watch, PAGE_TIMEOUT_MS } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's browser tests");

const DEMO_PASSWORD = 'symbiont-demo';
/** Per test: a browser page is slower than an API call, more so while other suites run beside it. */
// Generous: every page of the menu in a real browser, on a 2-core machine that may be busy.
const TIMEOUT = 120_000;

/** Waits until no API call has been under way for a moment. */
async function settled(page: Page, w: Watch, quietMs = 250): Promise<void> {
  const deadline = Date.now() + 10_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (w.inFlight > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(50);
  }
}

/**
 * Picks the first option of an antd Select (the options' text depends on the language): its text is
 * read, then chosen as chooseOption chooses (again, if a busy machine's re-render kept the click),
 * and the list waited closed (Escape, if it stays open), so that a click meant for the form cannot
 * land on it.
 */
async function pickFirst(page: Page, testId: string, search?: string): Promise<void> {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  const option = page.locator('.ant-select-dropdown .ant-select-item-option:visible').first();
  const text = ((await option.textContent()) ?? '').trim();
  await chooseOption(page, testId, text, search);
  const list = page.locator('.ant-select-dropdown:visible').first();
  if (!(await list.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false))) {
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
  }
}

describe.skipIf(!RUN)('console (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let adminState: Awaited<ReturnType<BrowserContext['storageState']>>;
  let adminToken: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ demo: true }),
      launchBrowser(),
    ]);
    adminToken = await login(server.url, 'admin', server.adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const newPage = async (opts: { state?: typeof adminState; locale?: string } = {}) => {
    const context = await browser.newContext({ baseURL: server.url, locale: opts.locale ?? 'zh-CN', storageState: opts.state, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    return { context, page, w: watch(page) };
  };

  it('logs in as admin, showing the reason of a refused log-in first', async () => {
    const { context, page, w } = await newPage();
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/\S/);
    expect(w.failedApi.some((f) => f.includes('/auth/login') && f.endsWith('401'))).toBe(true);

    await page.getByTestId('login-password').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview-page').waitFor();
    await expect.poll(() => page.getByTestId('park-name').textContent()).toMatch(/\S/);
    await expect.poll(async () => Number((await page.getByTestId('stat-enterprises').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    await page.getByTestId('cockpit-sankey').getByTestId('flow-sankey-chart').locator('canvas').waitFor();
    adminState = await context.storageState();
    await context.close();
  }, TIMEOUT);

  it('renders every page of the menu without console errors or failed API calls', async () => {
    const { context, page, w } = await newPage({ state: adminState });
    await page.goto('/');
    await page.getByTestId('overview-page').waitFor();
    const pages: [string, string, string?][] = [
      ['menu-park', 'park-page'],
      ['menu-enterprises', 'enterprises-page', 'enterprises-table'],
      ['menu-sites', 'sites-page', 'sites-table'],
      ['menu-units', 'units-page', 'units-table'],
      ['menu-devices', 'devices-page', 'devices-table'],
      ['menu-tags', 'tags-page', 'tags-table'],
      ['menu-materials', 'materials-page', 'materials-table'],
      ['menu-users', 'users-page', 'users-table'],
      ['menu-audit', 'audit-page', 'audit-table'],
      ['menu-account', 'account-page'],
      ['menu-overview', 'overview-page'],
    ];
    for (const [menu, testId, table] of pages) {
      await page.getByTestId(menu).click();
      await page.getByTestId(testId).waitFor();
      if (table) await page.getByTestId(table).locator('tr.ant-table-row').first().waitFor();
      await settled(page, w);
      expect(await page.getByTestId('list-error').count(), `${menu} shows an error`).toBe(0);
    }
    // The detail pages, reached from their tables.
    // (A menu click renders the next page in a transition: wait for it before using the page.)
    await page.getByTestId('menu-enterprises').click();
    await page.getByTestId('enterprises-page').waitFor();
    await page.getByTestId('enterprises-table').locator('tr.ant-table-row').first().click();
    await page.getByTestId('enterprise-detail').waitFor();
    await page.getByTestId('sites-table').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('menu-devices').click();
    await page.getByTestId('devices-page').waitFor();
    await page.getByTestId('devices-table').locator('tr.ant-table-row').first().click();
    await page.getByTestId('device-detail').waitFor();
    await page.getByTestId('tags-table').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('menu-materials').click();
    await page.getByTestId('materials-page').waitFor();
    await page.getByTestId('materials-table').locator('tr.ant-table-row').first().click();
    await page.getByTestId('material-properties').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('material-detail').waitFor({ state: 'hidden' });
    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-page').waitFor();
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').getAttribute('data-ok')).toBe('1');
    await settled(page, w);
    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);

  it('switches the language of the menu and keeps it after a reload', async () => {
    const { context, page, w } = await newPage({ state: adminState, locale: 'zh-CN' });
    await page.goto('/enterprises');
    const menu = page.getByTestId('menu-enterprises');
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => menu.textContent()).toBe('企业');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => menu.textContent()).toBe('Enterprises');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await settled(page, w);
    await page.reload();
    await expect.poll(() => page.getByTestId('menu-enterprises').textContent()).toBe('Enterprises');
    // antd's own texts follow (the pagination's "/ page").
    await page.getByTestId('enterprises-table').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => page.getByTestId('menu-enterprises').textContent()).toBe('企业');
    await settled(page, w);
    await page.reload();
    await expect.poll(() => page.getByTestId('menu-enterprises').textContent()).toBe('企业');
    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);

  it('creates, edits and deletes an enterprise, with the API validation error on its field', async () => {
    const { context, page } = await newPage({ state: adminState });
    await page.goto('/enterprises');
    await page.getByTestId('create-button').click();
    await page.locator('#resource_code').fill('browser-test-co');
    await page.locator('#resource_name').fill('浏览器测试企业');
    await page.locator('#resource_nameEn').fill('Browser Test Co');
    await pickFirst(page, 'field-industry');
    // Passes the form's pattern; the API refuses the check character (GB 32100-2015).
    await page.locator('#resource_uscc').fill('91500000MA5U7K3X10');
    await page.getByTestId('form-submit').click();
    const usccItem = page.locator('.ant-form-item').filter({ has: page.locator('#resource_uscc') });
    // The refusal comes from the API (a round trip on a machine busy with the rest of the suite).
    await expect.poll(() => usccItem.locator('.ant-form-item-explain-error').textContent({ timeout: 1_000 }).catch(() => null), { timeout: 30_000 }).toMatch(/check character/);
    await page.locator('#resource_uscc').fill('91500000MA5U7K3X1E');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-drawer').waitFor({ state: 'hidden' });

    const search = page.getByTestId('search').locator('input');
    await search.fill('browser-test-co');
    await search.press('Enter');
    const row = page.getByTestId('enterprises-table').locator('tr.ant-table-row', { hasText: 'browser-test-co' });
    await expect.poll(() => row.textContent()).toContain('浏览器测试企业');

    await row.getByTestId('row-edit').click();
    await expect.poll(() => page.locator('#resource_code').isDisabled()).toBe(true);
    await page.locator('#resource_name').fill('浏览器测试企业（已改名）');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-drawer').waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('已改名');

    await confirmDelete(page, row.getByTestId('row-delete'));
    await expect.poll(() => row.count()).toBe(0);
    const api = client(server.url, adminToken);
    const left = await api.get('/api/v1/enterprises?q=browser-test-co');
    expect(left.body.total).toBe(0);
    await context.close();
  }, TIMEOUT);

  it('shows an enterprise viewer no write actions and only its own enterprise', async () => {
    const { context, page, w } = await newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('chloralkali.viewer');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview-page').waitFor();
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);

    for (const name of ['enterprises', 'sites', 'devices', 'tags', 'materials']) {
      const menu = `menu-${name}`;
      await page.getByTestId(menu).click();
      await page.getByTestId(`${name}-table`).locator('tr.ant-table-row').first().waitFor();
      await settled(page, w);
      expect(await page.getByTestId('create-button').count(), `${menu} offers create`).toBe(0);
      expect(await page.getByTestId('row-edit').count(), `${menu} offers edit`).toBe(0);
      expect(await page.getByTestId('row-delete').count(), `${menu} offers delete`).toBe(0);
    }

    // The devices page lists chloralkali's devices and nobody else's.
    const api = client(server.url, adminToken);
    const ents = (await api.get('/api/v1/enterprises?limit=1000')).body.items as { id: number; code: string }[];
    const own = ents.find((e) => e.code === 'chloralkali')!;
    const all = (await api.get('/api/v1/devices?limit=1000')).body.items as { id: number; code: string; enterpriseId: number }[];
    const ownCodes = all.filter((d) => d.enterpriseId === own.id).map((d) => d.code).sort();
    const other = all.find((d) => d.enterpriseId !== own.id)!;
    // One page of the table (20 rows) holds them all.
    expect(ownCodes.length).toBeGreaterThan(0);
    expect(ownCodes.length).toBeLessThanOrEqual(20);
    await page.getByTestId('menu-devices').click();
    await page.getByTestId('devices-table').locator('tr.ant-table-row').first().waitFor();
    await settled(page, w);
    const shown = (await page.getByTestId('devices-table').locator('tr.ant-table-row td:first-child').allTextContents()).sort();
    expect(shown).toEqual(ownCodes);
    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);

    // Another enterprise's device is not there at all.
    await page.goto(`/devices/${other.id}`);
    await page.locator('.ant-result-404').waitFor();
    await context.close();
  }, TIMEOUT);

  it('shows the audit log actions and entity types translated in both languages, the logged code on hover and in the record', async () => {
    // A device's new secret is logged as `rotate_credentials`: the latest record.
    const api = client(server.url, adminToken);
    const device = ((await api.get('/api/v1/devices?limit=1')).body.items as { id: number }[])[0];
    expect((await api.post(`/api/v1/devices/${device.id}/credentials`)).status).toBe(201);
    const { context, page, w } = await newPage({ state: adminState, locale: 'zh-CN' });
    await page.goto('/audit');
    await page.getByTestId('lang-zh').click();
    const table = page.getByTestId('audit-table');
    const first = table.locator('tr.ant-table-row').first();
    const action = first.getByTestId('audit-action');
    await expect.poll(() => action.getAttribute('data-action')).toBe('rotate_credentials');
    await settled(page, w);
    /** Every action and entity type on the page: shown translated, never as the code, the code in the tooltip. */
    const labels = async () => {
      const tags = await table.locator('[data-testid="audit-action"], [data-testid="audit-entity-type"]').evaluateAll((els) =>
        els.map((e) => ({ code: e.getAttribute('data-action') ?? e.getAttribute('data-entity'), text: e.textContent?.trim(), title: e.getAttribute('title') })));
      expect(tags.length).toBeGreaterThan(10);
      for (const t of tags) {
        expect(t.text, `${t.code} shown raw`).not.toBe(t.code);
        expect(t.title).toBe(t.code);
      }
      return tags;
    };
    const zh = await labels();
    expect(zh.some((t) => t.code === 'login' && t.text === '登录')).toBe(true);
    expect(await action.textContent()).toBe('更换设备密钥');
    expect(await first.getByTestId('audit-entity-type').textContent()).toBe('设备');
    expect(await table.textContent()).not.toMatch(/rotate_credentials|\blogin\b/);

    await page.getByTestId('lang-en').click();
    await expect.poll(() => action.textContent()).toBe('New device secret');
    const en = await labels();
    expect(en.some((t) => t.code === 'login' && t.text === 'Log in')).toBe(true);
    expect(await first.getByTestId('audit-entity-type').textContent()).toBe('Device');

    // The record, expanded, names the codes as logged.
    await first.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => table.getByTestId('audit-raw-action').first().textContent()).toBe('rotate_credentials');
    expect(await table.getByTestId('audit-raw-entity').first().textContent()).toBe(`device ${device.id}`);
    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);

  it('fits the lists beside the fixed Actions column at 1440 and 1920 px, with enterprise names readable whole', async () => {
    const LISTS = ['devices', 'enterprises', 'sites', 'units', 'tags', 'materials', 'users'];
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1920, height: 1080 }]) {
      for (const lang of ['zh-CN', 'en'] as const) {
        // The language chosen in this browser (as the switch does), without saving it to the profile.
        const { context, page, w } = await newPage({ state: adminState, locale: lang });
        await context.addInitScript((l) => localStorage.setItem('symbiont.lang', l), lang);
        await page.setViewportSize(viewport);
        for (const list of viewport.width === 1440 ? LISTS : ['devices', 'enterprises']) {
          const where = `${list} at ${viewport.width} px (${lang})`;
          await page.goto(`/${list}`);
          const table = page.getByTestId(`${list}-table`);
          await table.locator('tr.ant-table-row').first().waitFor({ timeout: 30_000 }).catch((err: Error) => {
            throw new Error(`${where}: ${err.message} ${JSON.stringify({ url: page.url(), errors: w.errors, failed: w.failedApi })}`);
          });
          await settled(page, w);
          // The last data column's header ends where the fixed Actions column begins, not under it.
          const heads = table.locator('thead th');
          const actions = heads.last();
          expect(await actions.textContent(), where).toBe(lang === 'zh-CN' ? '操作' : 'Actions');
          const last = heads.nth((await heads.count()) - 2);
          const [a, l] = [await actions.boundingBox(), await last.boundingBox()];
          expect(l!.x + l!.width, `${where}: "${await last.textContent()}" under Actions`).toBeLessThanOrEqual(a!.x + 1);
          // No column hidden: nothing to scroll to.
          const scroll = await table.locator('.ant-table-content, .ant-table-body').first().evaluate((e) => e.scrollWidth - e.clientWidth);
          expect(scroll, `${where} scrolls sideways`).toBeLessThanOrEqual(1);
          // Names of enterprises (and other records) are shown whole: not clipped, within their cell, with a tooltip.
          const clipped = await table.locator('[data-testid="name-cell"], [data-testid="linked-name"]').evaluateAll((els) =>
            els.filter((e) => {
              const cell = e.closest('td')!.getBoundingClientRect();
              const box = e.getBoundingClientRect();
              return e.scrollWidth > e.clientWidth + 1 || box.right > cell.right + 1 || !e.getAttribute('title');
            }).map((e) => e.textContent));
          expect(clipped, `${where}: names cut`).toEqual([]);
        }
        if (viewport.width === 1920 && lang === 'en') {
          // Every industry in the enterprises list in a colour of its own.
          await page.goto('/enterprises');
          await page.getByTestId('enterprises-table').getByTestId('industry-tag').first().waitFor();
          const tags = await page.getByTestId('enterprises-table').getByTestId('industry-tag').evaluateAll((els) =>
            els.map((e) => [e.getAttribute('data-industry'), e.getAttribute('data-color')] as const));
          const colours = new Map(tags);
          expect(colours.size).toBeGreaterThan(5);
          expect(new Set(colours.values()).size).toBe(colours.size);
        }
        expect(w.errors).toEqual([]);
        expect(w.failedApi).toEqual([]);
        await context.close();
      }
    }
  }, 240_000);

  it('logs out', async () => {
    const { context, page } = await newPage({ state: adminState });
    await page.goto('/');
    await page.getByTestId('overview-page').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await page.goto('/devices');
    await page.waitForURL(/\/login\?next=%2Fdevices/);
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
    await context.close();
  }, TIMEOUT);
});
