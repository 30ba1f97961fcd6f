/**
 * Alarm webhooks in a real browser against the real platform (embedded store, demo park), in
 * Chinese as an enterprise administrator: a webhook created to a local receiver (127.0.0.1,
 * allow-listed by the park administrator), its secret shown once and used by the receiver to verify
 * the signed test ping, the ping in the webhook's deliveries; an internal URL refused in the form;
 * a delivery dead-lettered by a failing receiver, found under the dead letters and retried.
 */
import http from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { recordEvent } from '../../src/adapters/db/outbox.ts';
import { browserAvailable, launchBrowser, watch, clickUntilGone, PAGE_TIMEOUT_MS } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's alarm webhooks browser test");

describe.skipIf(!RUN)('console alarm webhooks (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: http.Server;
  let url = '';
  let status = 200;
  const received: { headers: http.IncomingHttpHeaders; raw: string }[] = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alarms`;
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    const admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
    expect((await admin.raw('PUT', '/api/v1/park/outbound-allowlist', { entries: [new URL(url).host] })).status).toBe(200);
    // Quick retries, dead after two attempts: the dead letter comes within the test.
    const d = server.app.alarmWebhooks.dispatcher;
    await d.stop();
    Object.assign(d.options, { pollMs: 50, backoff: () => 20, maxAttempts: 2 });
    d.start(server.services.worker);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    receiver?.closeAllConnections();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  });

  it('creates a webhook, shows its secret once, sends a signed test, and retries a dead letter', async () => {
    const token = await login(server.url, 'chloralkali.admin', 'symbiont-demo');
    const me = (await client(server.url, token).get('/api/v1/auth/me')).body;
    const storageState = { cookies: [], origins: [{ origin: server.url, localStorage: [{ name: 'symbiont.session', value: '1' }, { name: 'symbiont.lang', value: 'zh-CN' }] }] };
    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 }, storageState });
    await context.addCookies([{ name: 'symbiont_session', value: token, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const w = watch(page);
    await page.goto('/alarm-webhooks');
    await page.getByTestId('page-alarm-webhooks').waitFor();
    await expect.poll(() => page.getByTestId('page-alarm-webhooks').textContent()).toContain('报警 Webhook');

    // An internal address is refused, with the guard's reason.
    await page.getByTestId('webhook-create').click();
    await page.getByTestId('field-url').fill('http://169.254.169.254/latest/meta-data/');
    await page.getByTestId('webhook-save').click();
    await expect.poll(() => page.getByTestId('webhook-form').textContent()).toMatch(/link-local/);
    expect(w.failedApi).toHaveLength(1);
    w.clear();

    await page.getByTestId('field-url').fill(url);
    await page.getByTestId('field-description').fill('中控室');
    await page.getByTestId('webhook-save').click();
    const secretText = page.getByTestId('webhook-secret');
    await secretText.waitFor();
    const secret = ((await secretText.textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_/);
    await clickUntilGone(page.getByTestId('secret-done'), page.getByTestId('webhook-secret'));

    const row = page.getByTestId('alarm-webhooks-table').locator('tr[data-row-key]').filter({ hasText: url });
    await expect.poll(() => row.count()).toBe(1);
    const id = Number(await row.getAttribute('data-row-key'));
    // The secret is not shown again anywhere on the page.
    expect(await page.content()).not.toContain(secret);

    await page.getByTestId(`test-${id}`).click();
    const deliveries = page.getByTestId(`deliveries-table-${id}`);
    await expect.poll(() => deliveries.locator('[data-testid="delivery-status"][data-status="delivered"]').count()).toBe(1);
    await expect.poll(() => deliveries.textContent()).toContain('ping');
    expect(received).toHaveLength(1);
    // The receiver verifies the ping with the secret the page showed.
    const sig = String(received[0].headers['x-symbiont-signature']);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig) ?? [];
    expect(createHmac('sha256', secret).update(`${t}.${received[0].raw}`).digest('hex')).toBe(v1);

    // A failing receiver: the alarm's delivery is dead-lettered, listed, and retried from the page.
    status = 500;
    await server.services.handle.db.transaction().execute((trx) =>
      recordEvent(trx, 'alarms.alarm.changed', { enterpriseId: me.user.enterpriseId, alarmId: 901, transitionId: 9_001, why: 'raised', state: 'unack', severity: 'high', category: 'emission' }),
    );
    server.services.outbox.wake();
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(3);
    await page.getByTestId('deliveries-filter-dead').click();
    const dead = deliveries.locator('[data-testid="delivery-status"][data-status="dead"]');
    await expect.poll(() => dead.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => deliveries.textContent()).toContain('HTTP 500');
    status = 200;
    await deliveries.locator('button[data-testid^="retry-"]').click();
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(4);
    await page.getByTestId('deliveries-filter-delivered').click();
    await expect.poll(() => deliveries.locator('[data-testid="delivery-status"][data-status="delivered"]').count()).toBe(2);
    await expect.poll(() => deliveries.textContent()).toContain('alarm.raised');

    // (Not waiting for w.inFlight to reach 0: the menu's alarm badge keeps its live stream open.)
    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  });
});
