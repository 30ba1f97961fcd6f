/**
 * The console's telemetry views in a real browser against the real platform (embedded store, demo
 * park): issuing a device's secret on its page, readings sent with it over HTTP turning the device
 * online with its latest values, a tag's history (zoomed to a finer resolution) and live charts,
 * and a refused reading in the device's error log with its translated reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, watch, PAGE_TIMEOUT_MS } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's telemetry browser test");

const TIMEOUT = 60_000;
/** With SYMBIONT_TELEMETRY_SCREENSHOT=file.png the tag page is saved there, the credentials and the device page beside it (file-credentials.png, file-device.png). */
const SCREENSHOT = process.env.SYMBIONT_TELEMETRY_SCREENSHOT;

const zh = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../web/src/i18n/zh-CN.json'), 'utf8')) as {
  telemetry: { reason: Record<string, string> };
};

interface TagRow {
  id: number;
  deviceId: number;
  key: string;
  lowLimit: number | null;
  highLimit: number | null;
}

/** The number of data items of each series of a chart, as the chart holds them. */
async function seriesLengths(page: Page, testId: string): Promise<number[]> {
  const v = await page.getByTestId(testId).getAttribute('data-series-lengths');
  return v ? v.split(',').map(Number) : [];
}

describe.skipIf(!RUN)('console telemetry (browser)', () => {
  let server: TestServer;
  let browser: Browser;
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

  it('issues a device secret, shows the readings sent with it live and in history, and the refused ones in the error log', async () => {
    // A tag with a normal range (L … H), and its device.
    const api = client(server.url, adminToken);
    const tags = (await api.get('/api/v1/tags?limit=1000')).body.items as TagRow[];
    const tag = tags.find((t) => t.lowLimit !== null && t.highLimit !== null && t.highLimit > t.lowLimit)!;
    expect(tag, 'a demo tag with L and H limits').toBeDefined();
    const device = (await api.get(`/api/v1/devices/${tag.deviceId}`)).body as { id: number; code: string };
    const mid = (tag.lowLimit! + tag.highLimit!) / 2;
    const swing = (tag.highLimit! - tag.lowLimit!) / 10;

    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const w = watch(page);

    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview-page').waitFor();

    // The device has sent nothing yet. Issue its secret: shown once, with the examples.
    await page.goto(`/devices/${device.id}`);
    await page.getByTestId('device-detail').waitFor();
    await expect.poll(() => page.getByTestId('device-status-header').getByTestId('device-status').getAttribute('data-online')).toBe('0');
    await page.getByTestId('device-credentials').click();
    await page.getByTestId('credentials-confirm').click();
    const tokenCell = page.getByTestId('device-token');
    await expect.poll(async () => (await tokenCell.textContent())?.trim()).toMatch(/^dt_[\w-]{20,}$/);
    const token = (await tokenCell.textContent())!.trim();
    expect(await page.getByTestId('credentials-mqtt-example').textContent()).toContain(`symbiont/v1/${device.code}/telemetry`);
    await page.getByRole('tab', { name: 'HTTP' }).click();
    expect(await page.getByTestId('credentials-http-example').textContent()).toContain(`Bearer ${token}`);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-credentials.png') });
    await page.getByTestId('credentials-done').click();
    await page.getByTestId('credentials-done').waitFor({ state: 'hidden' });

    const send = (body: unknown) =>
      fetch(`${server.url}/api/v1/telemetry`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    // 20 readings over the last 8 minutes, within the tag's normal range.
    const now = Date.now();
    const readings = Array.from({ length: 20 }, (_, i) => ({ ts: now - 480_000 + i * 25_000, values: { [tag.key]: Math.round((mid + swing * Math.sin(i)) * 100) / 100 } }));
    const sent = await send(readings);
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as { stored: number }).stored).toBe(20);
    const lastValue = readings[19].values[tag.key];

    // The devices list shows it online.
    await page.goto('/devices');
    const search = page.getByTestId('search').locator('input');
    await search.fill(device.code);
    await search.press('Enter');
    const row = page.getByTestId('devices-table').locator('tr.ant-table-row', { hasText: device.code });
    await expect.poll(() => row.getByTestId('device-status').getAttribute('data-online')).toBe('1');

    // Its page: online, and the latest value of the tag within its limits.
    await row.locator('a', { hasText: device.code }).click();
    await page.getByTestId('device-detail').waitFor();
    await expect.poll(() => page.getByTestId('device-status-header').getByTestId('device-status').getAttribute('data-online')).toBe('1');
    const latestRow = page.getByTestId('latest-table').locator(`tr[data-tag-key="${tag.key}"]`);
    const shown = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(lastValue);
    await expect.poll(() => latestRow.getByTestId('latest-value').textContent()).toBe(shown);
    expect(await latestRow.getByTestId('limit-state').getAttribute('data-state')).toBe('within');

    // The tag's page: its history over 24 h from the 1-minute rollups …
    await latestRow.getByTestId('tag-link').click();
    await page.getByTestId('tag-detail').waitFor();
    const resolution = page.getByTestId('history-resolution');
    await expect.poll(() => resolution.getAttribute('data-resolution')).toBe('1m');
    // Series: the average, the band's base (min), the band (max − min).
    await expect.poll(async () => (await seriesLengths(page, 'tag-history-chart'))[0] ?? 0).toBeGreaterThan(0);

    // … zoomed in with the mouse wheel near its end: asked again, from the raw readings.
    await page.getByTestId('tag-history-chart').scrollIntoViewIfNeeded();
    const box = (await page.getByTestId('tag-history-chart').boundingBox())!;
    await page.mouse.move(box.x + box.width - 60, box.y + box.height / 2 - 30);
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(120);
    }
    await expect.poll(() => resolution.getAttribute('data-resolution')).toBe('raw');
    await page.getByTestId('history-reset-zoom').waitFor();

    // The last hour: every reading, one bucket each.
    await page.getByTestId('preset-1h').click();
    await expect.poll(() => seriesLengths(page, 'tag-history-chart')).toEqual([20, 20, 20]);
    expect(await resolution.getAttribute('data-resolution')).toBe('raw');
    expect(Number(await page.getByTestId('history-info').getAttribute('data-points'))).toBe(20);
    // The CSV button downloads the same window (the session cookie authorizes it).
    const csvUrl = (await page.getByTestId('history-csv').getAttribute('href'))!;
    const csv = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return { type: r.headers.get('content-type'), text: await r.text() };
    }, csvUrl);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.text.trim().split('\n')).toHaveLength(21);

    // The live chart: the last 10 minutes, then one more reading as it is committed.
    const live = page.getByTestId('tag-live');
    await expect.poll(() => live.getAttribute('data-state')).toBe('open');
    await expect.poll(async () => (await seriesLengths(page, 'tag-live-chart'))[0]).toBe(20);
    const fresh = Math.round((mid + swing / 2) * 100) / 100;
    expect((await send({ ts: Date.now(), values: { [tag.key]: fresh } })).status).toBe(200);
    await expect.poll(() => live.getAttribute('data-received')).toBe('1');
    await expect.poll(async () => (await seriesLengths(page, 'tag-live-chart'))[0]).toBe(21);
    await expect
      .poll(() => page.getByTestId('tag-latest-value').locator('.ant-statistic-content-value').textContent())
      .toBe(new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(fresh));
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // A refused reading (a key that is no tag of the device) is in the device's error log, translated.
    const refused = await send({ values: { no_such_tag: 1 } });
    expect(refused.status).toBe(400);
    await page.locator('.ant-breadcrumb a', { hasText: device.code }).click();
    await page.getByTestId('device-detail').waitFor();
    const reason = page.getByTestId('errors-table').getByTestId('error-reason').first();
    await expect.poll(() => reason.getAttribute('data-reason')).toBe('unknown_tag');
    expect(await reason.textContent()).toBe(zh.telemetry.reason.unknown_tag);
    expect(await page.getByTestId('errors-table').locator('tr.ant-table-row').first().textContent()).toContain('no_such_tag');
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-device.png'), fullPage: true });

    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);
});
