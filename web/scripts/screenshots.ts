/**
 * Screenshots of the console for the README, taken from a running platform with the demo park:
 *
 *   npx tsx web/scripts/screenshots.ts http://127.0.0.1:8080 <admin password>
 *
 * writes docs/images/console-overview-zh.png and docs/images/console-devices-en.png. The language
 * is chosen in the browser's storage, so the admin's saved language on the server is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

const [url, password] = process.argv.slice(2);
if (!url || !password) {
  process.stderr.write('usage: npx tsx web/scripts/screenshots.ts <url> <admin password>\n');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.resolve(import.meta.dirname, '..', '..', 'docs', 'images');
const VIEWPORT = { width: 1600, height: 900 };

async function page(browser: Browser, lang: 'zh-CN' | 'en', state?: BrowserContextOptions['storageState']): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, locale: lang, viewport: VIEWPORT, deviceScaleFactor: 1, storageState: state });
  await context.addInitScript((l) => localStorage.setItem('symbiont.lang', l), lang);
  const p = await context.newPage();
  p.setDefaultTimeout(15_000);
  p.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  return p;
}

/** Waits for the API to be quiet and the animations to end. */
async function settle(p: Page): Promise<void> {
  await p.waitForLoadState('networkidle');
  await p.waitForTimeout(1200);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  fs.mkdirSync(OUT, { recursive: true });

  const zh = await page(browser, 'zh-CN');
  await zh.goto('/login');
  await zh.getByTestId('login-username').fill('admin');
  await zh.getByTestId('login-password').fill(password);
  await zh.getByTestId('login-submit').click();
  await zh.getByTestId('overview-page').waitFor();
  await zh.locator('[data-testid="chart-industry"][data-ready="1"]').waitFor();
  await zh.locator('[data-testid="chart-devices"][data-ready="1"]').waitFor();
  await settle(zh);
  const overview = path.join(OUT, 'console-overview-zh.png');
  await zh.screenshot({ path: overview });
  process.stdout.write(`wrote ${overview}\n`);
  const state = await zh.context().storageState();

  const en = await page(browser, 'en', state);
  await en.goto('/devices');
  await en.getByTestId('devices-table').locator('tr.ant-table-row').first().waitFor();
  await settle(en);
  const devices = path.join(OUT, 'console-devices-en.png');
  await en.screenshot({ path: devices });
  process.stdout.write(`wrote ${devices}\n`);
} finally {
  await browser.close();
}
