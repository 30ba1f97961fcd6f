/**
 * The alarm console in a real browser against the real platform (embedded store, demo park): a
 * threshold rule written in the rule editor with its back-test preview shown before saving, a
 * reading over the rule's limit raising an alarm that appears in the open alarm list without a
 * reload (the alarm stream), acknowledged there, and the page in both languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, chooseOption, launchBrowser, watch, PAGE_TIMEOUT_MS } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's alarms browser test");
const TIMEOUT = 90_000;

const text = (lang: 'en' | 'zh-CN') =>
  (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../web/src/i18n/alarms.${lang}.json`), 'utf8')) as { alarms: { title: string; state: Record<string, string> } }).alarms;

interface TagRow {
  id: number;
  enterpriseId: number;
  deviceId: number;
  key: string;
  lowLimit: number | null;
  highLimit: number | null;
}

describe.skipIf(!RUN)('console alarms (browser)', () => {
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

  it('writes a rule with a preview, shows its alarm live and acknowledges it, in both languages', async () => {
    const api = client(server.url, adminToken);
    const tags = (await api.get('/api/v1/tags?limit=1000')).body.items as TagRow[];
    const tag = tags.find((t) => t.lowLimit !== null && t.highLimit !== null && t.highLimit > t.lowLimit)!;
    expect(tag, 'a demo tag with L and H limits').toBeDefined();
    const device = (await api.get(`/api/v1/devices/${tag.deviceId}`)).body as { id: number; code: string };
    const enterprise = (await api.get(`/api/v1/enterprises/${tag.enterpriseId}`)).body as { name: string };
    const issued = await api.post(`/api/v1/devices/${device.id}/credentials`);
    expect(issued.status).toBe(201);
    const deviceToken = issued.body.token as string;
    const send = (value: number) =>
      fetch(`${server.url}/api/v1/telemetry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ts: Date.now(), values: { [tag.key]: value } }),
      });
    // The rule's limit lies inside the tag's own L…H, so that only this rule judges the reading high.
    const high = Math.round(((tag.lowLimit! + tag.highLimit!) / 2) * 100) / 100;
    const over = Math.round(((high + tag.highLimit!) / 2) * 100) / 100;
    expect(over).toBeGreaterThan(high);
    expect(over).toBeLessThan(tag.highLimit!);
    // Some history under the limit for the preview to replay.
    expect((await send(tag.lowLimit! + (high - tag.lowLimit!) / 2)).status).toBe(200);

    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const w = watch(page);
    // antd's InputNumber puts the test id on the input itself or on its wrapper, by version.
    const numberInput = (id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview-page').waitFor();

    // The rule editor: a threshold on the tag, previewed, then saved.
    await page.getByTestId('menu-alarmRules').click();
    await page.getByTestId('alarm-rules-page').waitFor();
    await page.getByTestId('create-button').click();
    await chooseOption(page, 'field-enterprise', enterprise.name);
    const name = `SO2 high ${Date.now()}`;
    await page.getByTestId('rule-name').fill(name);
    await chooseOption(page, 'rule-tag', `${device.code} / ${tag.key}`, tag.key);
    await numberInput('rule-high').fill(String(high));
    await numberInput('preview-days').fill('1');
    await page.getByTestId('preview-run').click();
    const result = page.getByTestId('preview-result');
    // The preview's answer, or why there is none (the API's problem, a field the form refused).
    await result.or(page.getByTestId('preview-error')).or(page.locator('.ant-form-item-explain-error')).first().waitFor();
    if (!(await result.isVisible())) {
      throw new Error(`no preview: ${await page.getByTestId('preview-error').or(page.locator('.ant-form-item-explain-error')).allTextContents()}`);
    }
    expect(Number(await result.getAttribute('data-points'))).toBeGreaterThan(0);
    expect(await result.getAttribute('data-episodes')).toBe('0');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-drawer').waitFor({ state: 'hidden' });
    // The tag's own limits are rules too: find the new one by its name.
    const search = page.getByTestId('search').locator('input');
    await search.fill(name);
    await search.press('Enter');
    const ruleRow = page.getByTestId('alarm-rules-table').locator('[data-testid="rule-row-name"]', { hasText: name });
    await ruleRow.waitFor();
    const ruleId = Number(await ruleRow.getAttribute('data-rule-id'));
    const saved = (await api.get(`/api/v1/alarm-rules/${ruleId}`)).body as { kind: string; high: number; tagId: number; origin: string };
    expect(saved).toMatchObject({ kind: 'threshold', high, tagId: tag.id, origin: 'user' });

    // The alarm list, open and live before the reading arrives.
    await page.getByTestId('menu-alarms').click();
    await page.getByTestId('alarms-page').waitFor();
    await expect.poll(() => page.getByTestId('alarms-live').getAttribute('data-state')).toBe('open');
    const navigations: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations.push(f.url());
    });
    expect((await send(over)).status).toBe(200);

    // Raised: the platform has it, and the open page shows it without a reload.
    await expect.poll(async () => ((await api.get(`/api/v1/alarms?ruleId=${ruleId}&state=active`)).body.items as unknown[]).length, { timeout: 10_000 }).toBe(1);
    const alarm = (await api.get(`/api/v1/alarms?ruleId=${ruleId}&state=active`)).body.items[0] as { id: number; state: string; tagId: number };
    expect(alarm).toMatchObject({ state: 'active_unacknowledged', tagId: tag.id });
    const row = page.getByTestId('alarms-table').locator(`tr[data-alarm-id="${alarm.id}"]`);
    await expect.poll(() => row.getAttribute('data-state')).toBe('active_unacknowledged');
    expect(await row.getByTestId('alarm-level').getAttribute('data-level')).toBe('H');
    expect(await row.getByTestId('alarm-state').textContent()).toBe(text('zh-CN').state.active_unacknowledged);
    await expect.poll(async () => Number(await page.getByTestId('alarms-badge').getAttribute('data-count'))).toBeGreaterThan(0);
    expect(navigations).toEqual([]);

    // Acknowledged from the list: its state changes in place.
    await row.locator('.ant-checkbox-input').check();
    await expect.poll(() => page.getByTestId('alarms-selected').getAttribute('data-count')).toBe('1');
    await page.getByTestId('alarm-ack').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('active_acknowledged');
    expect(await row.getByTestId('alarm-state').textContent()).toBe(text('zh-CN').state.active_acknowledged);
    expect(((await api.get(`/api/v1/alarms/${alarm.id}`)).body as { state: string }).state).toBe('active_acknowledged');

    // The journal in the drawer names the acknowledgement.
    await row.getByTestId('alarm-level').click();
    await page.getByTestId('alarm-detail').waitFor();
    await expect.poll(() => page.getByTestId('alarm-journal').locator('[data-event="acknowledge"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('alarm-detail').waitFor({ state: 'hidden' });

    // English and back to Chinese, on the alarm page.
    const title = page.getByTestId('alarms-page').locator('.ant-card-head-title');
    expect(await title.textContent()).toBe(text('zh-CN').title);
    await page.getByTestId('lang-en').click();
    await expect.poll(() => title.textContent()).toBe(text('en').title);
    await expect.poll(() => row.getByTestId('alarm-state').textContent()).toBe(text('en').state.active_acknowledged);
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => title.textContent()).toBe(text('zh-CN').title);
    expect(await row.getByTestId('alarm-state').textContent()).toBe(text('zh-CN').state.active_acknowledged);

    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);
});
