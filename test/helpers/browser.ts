/** Shared by the browser tests: Debian's Chromium through playwright-core, and a page watcher. */
import fs from 'node:fs';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request, type Response } from 'playwright-core';
import { login } from './server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const REQUIRED = process.env.SYMBIONT_REQUIRE_SERVICES === '1';

/** Whether a browser suite runs; says why when it is skipped. With SYMBIONT_REQUIRE_SERVICES=1 a missing Chromium fails instead. */
export function browserAvailable(suite: string): boolean {
  if (!HAVE_CHROMIUM && !REQUIRED) {
    console.warn(`[skip] ${CHROMIUM} is missing: ${suite} is skipped (set SYMBIONT_REQUIRE_SERVICES=1 to make this an error)`);
  }
  return HAVE_CHROMIUM || REQUIRED;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps calling out, and this machine has no network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What went wrong in a page: console errors, uncaught exceptions, failed API calls. */
export interface Watch {
  errors: string[];
  failedApi: string[];
  inFlight: number;
  clear(): void;
}

export function watch(page: Page): Watch {
  const w: Watch = {
    errors: [],
    failedApi: [],
    inFlight: 0,
    clear() {
      w.errors.length = 0;
      w.failedApi.length = 0;
    },
  };
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(`uncaught: ${e.message}`));
  // A live stream (the alarm badge's, a tag's live trend) stays open as long as the page: it is not a
  // request the page is waiting for, so it does not count as in flight.
  const counted = (r: Request) => new URL(r.url()).pathname.startsWith('/api/') && r.resourceType() !== 'eventsource';
  page.on('request', (r) => {
    if (counted(r)) w.inFlight++;
  });
  page.on('requestfinished', (r) => {
    if (counted(r)) w.inFlight--;
  });
  page.on('requestfailed', (r) => {
    if (!counted(r)) return;
    w.inFlight--;
    // A request the page itself abandoned (navigating away, closing a live stream) is not a failure.
    if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) w.failedApi.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/') && r.status() >= 400) w.failedApi.push(`${r.request().method()} ${r.url()} → ${r.status()}`);
  });
  return w;
}

/**
 * Chooses the option of an antd Select whose text contains `text`, typing `search` first if given,
 * and waits until the Select shows it. Options that arrive while the list is open (a directory
 * loaded late) re-render the list under the pointer, so a click can miss: it is repeated until the
 * choice holds.
 */
export async function chooseOption(page: Page, testId: string, text: string, search?: string): Promise<void> {
  const select = page.getByTestId(testId);
  const shown = () => select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]').locator('.ant-select-selection-item, .ant-select-content').first(); // antd 5, antd 6
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (((await shown().textContent({ timeout: 200 }).catch(() => '')) ?? '').includes(text)) return;
    if (Date.now() > deadline) throw new Error(`the select ${testId} does not show "${text}"`);
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) {
      await select.click();
      if (search) await page.keyboard.type(search);
    }
    await page.locator('.ant-select-dropdown .ant-select-item-option:visible').filter({ hasText: text }).first()
      .click({ timeout: 1_000 }).catch(() => undefined);
  }
}

/**
 * Deletes through a row's Popconfirm: opens it from `trigger`, confirms, and waits for the DELETE
 * to be answered, so that a test fails on the request that went wrong rather than on a table that
 * never changed. On a loaded machine a re-render of the row can close the confirmation before it
 * shows, or swallow the click on its button; until a DELETE has gone out, it is opened and
 * confirmed again.
 */
export async function confirmDelete(page: Page, trigger: Locator): Promise<void> {
  let sent: Request | null = null;
  const onRequest = (r: Request) => {
    if (r.method() === 'DELETE') sent ??= r;
  };
  page.on('request', onRequest);
  try {
    const ok = page.locator('[data-testid="confirm-ok"]:visible').first();
    const deadline = Date.now() + PAGE_TIMEOUT_MS;
    while (!sent) {
      if (Date.now() > deadline) throw new Error('the delete was confirmed but no DELETE request went out');
      if (!(await ok.isVisible())) await trigger.click();
      if (await ok.waitFor({ timeout: 2_000 }).then(() => true, () => false)) await ok.click({ timeout: 2_000 }).catch(() => undefined);
      await expect.poll(() => sent !== null, { timeout: 3_000 }).toBe(true).catch(() => undefined);
    }
    const res = await (sent as Request).response();
    if (!res?.ok()) throw new Error(`DELETE ${(sent as Request).url()} answered ${res?.status()}: ${await res?.text()}`);
  } finally {
    page.off('request', onRequest);
  }
}

/**
 * Clicks a dialog's confirm button until the request it makes has gone out (a click during the
 * dialog's opening animation can be swallowed on a loaded machine), then returns that request's
 * answer. `matches` picks the request.
 */
export async function confirmUntilSent(page: Page, button: Locator, matches: (r: Request) => boolean): Promise<Response | null> {
  let sent: Request | null = null;
  const onRequest = (r: Request) => {
    if (matches(r)) sent ??= r;
  };
  page.on('request', onRequest);
  try {
    const deadline = Date.now() + PAGE_TIMEOUT_MS;
    while (!sent) {
      if (Date.now() > deadline) throw new Error('the confirmation was clicked but its request never went out');
      await button.click({ timeout: 2_000 }).catch(() => undefined);
      await expect.poll(() => sent !== null, { timeout: 3_000 }).toBe(true).catch(() => undefined);
    }
    return await (sent as Request).response();
  } finally {
    page.off('request', onRequest);
  }
}

/**
 * Clicks `button` until `gone` has left the page (a dialog's close button clicked during its opening
 * animation, or while a re-render replaces it, can be swallowed on a loaded machine).
 */
export async function clickUntilGone(button: Locator, gone: Locator): Promise<void> {
  const deadline = Date.now() + PAGE_TIMEOUT_MS;
  while ((await gone.count()) > 0) {
    if (Date.now() > deadline) throw new Error('the button was clicked but what it closes is still there');
    if (await button.isVisible()) await button.click({ timeout: 2_000 }).catch(() => undefined);
    await expect.poll(() => gone.count(), { timeout: 3_000 }).toBe(0).catch(() => undefined);
  }
}

/** A logged-in browser context, its page and what the page did wrong. */
export interface Session {
  context: BrowserContext;
  page: Page;
  w: Watch;
}

/**
 * A browser context with the session of `username` (logged in through the API, so the log-in page
 * stays the test of its own), the console in Chinese, opened at `at`.
 */
/**
 * How long a page waits for an element or a state: the browser tests share two cores with the rest of
 * the suite (servers, PDF rendering, reconciliation), where a round trip can take many seconds.
 */
export const PAGE_TIMEOUT_MS = 30_000;

export async function openSession(browser: Browser, serverUrl: string, username: string, password: string, at: string, timeoutMs = PAGE_TIMEOUT_MS): Promise<Session> {
  const token = await login(serverUrl, username, password);
  const storageState = { cookies: [], origins: [{ origin: serverUrl, localStorage: [{ name: 'symbiont.session', value: '1' }, { name: 'symbiont.lang', value: 'zh-CN' }] }] };
  const context = await browser.newContext({ baseURL: serverUrl, locale: 'zh-CN', viewport: { width: 1440, height: 900 }, storageState });
  await context.addCookies([{ name: 'symbiont_session', value: token, url: serverUrl, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const w = watch(page);
  await page.goto(at);
  await page.getByTestId('sider').waitFor();
  return { context, page, w };
}

/** No console errors, no failed API calls once the page is idle; closes the context. */
export async function finishSession({ context, w }: Session): Promise<void> {
  await expect.poll(() => w.inFlight).toBeLessThanOrEqual(0);
  expect(w.errors).toEqual([]);
  expect(w.failedApi).toEqual([]);
  await context.close();
}
