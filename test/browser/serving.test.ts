/**
 * The console over plain HTTP at a plant-network address: the page renders, and log-in sticks. A
 * browser treats 127.0.0.1 as secure whatever the scheme, so the node is reached by a host name that
 * Chromium maps to the loopback address, as a browser on the plant network reaches the node's name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startPlatform, type Platform } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { browserAvailable, CHROMIUM, watch, PAGE_TIMEOUT_MS } from '../helpers/browser.ts';

const RUN = browserAvailable('the plain-HTTP console test');
const HOST = 'symbiont.plant.test';

describe.skipIf(!RUN)('console over plain HTTP on a plant network (browser)', () => {
  let platform: Platform;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-plain-http-'));
    const config = loadConfig({ dataDir, port: 0, mqttPort: 0, demo: false, simulator: false, logLevel: 'silent' }, { SYMBIONT_ADMIN_PASSWORD: 'plain-http-admin' });
    platform = await startPlatform(config);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('renders the log-in page and logs in', async () => {
    const base = platform.url.replace('127.0.0.1', HOST);
    const context = await browser.newContext({ baseURL: base, locale: 'en' });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const w = watch(page);
    const failed: string[] = [];
    // A request the page abandoned itself (the reload) is not a failure; one sent to HTTPS and refused is.
    page.on('requestfailed', (r) => void (/ERR_ABORTED/.test(r.failure()?.errorText ?? '') || failed.push(`${r.url()}: ${r.failure()?.errorText}`)));
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('plain-http-admin');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    // The session cookie (not Secure over HTTP) came back: a reload stays logged in.
    await page.reload();
    await expect.poll(() => page.url()).not.toMatch(/\/login/);
    expect(failed).toEqual([]);
    expect(w.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await context.close();
  }, 120_000);
});
