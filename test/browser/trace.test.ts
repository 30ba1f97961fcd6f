/**
 * Identifiers and the trace explorer in a real browser against the real platform (embedded store,
 * demo park): a PVC lot minted and two transformations captured through the API, then found in the
 * identifiers list, its genealogy drawn both ways and backward, its inputs listed with their
 * attributed quantities, its printable label, and the menu entry in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, watch } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's trace browser test");

const TIMEOUT = 60_000;
const PASSWORD = 'symbiont-demo';
/** With SYMBIONT_TRACE_SCREENSHOT=file.png the identifier's page is saved there, its label beside it (file-label.png). */
const SCREENSHOT = process.env.SYMBIONT_TRACE_SCREENSHOT;

/** The number of data items of each series of a chart (for the graph: its nodes). */
async function seriesLengths(page: Page, testId: string): Promise<number[]> {
  const v = await page.getByTestId(testId).getAttribute('data-series-lengths');
  return v ? v.split(',').map(Number) : [];
}

const transformation = (inputs: [string, number][], outputs: [string, number][], eventTime: string) => ({
  type: 'TransformationEvent',
  eventTime,
  eventTimeZoneOffset: '+08:00',
  bizStep: 'commissioning',
  inputQuantityList: inputs.map(([epcClass, quantity]) => ({ epcClass, quantity, uom: 'TNE' })),
  outputQuantityList: outputs.map(([epcClass, quantity]) => ({ epcClass, quantity, uom: 'TNE' })),
});

describe.skipIf(!RUN)('console identifiers and trace (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a lot, draws its genealogy both ways and backward, lists its inputs and prints its label', async () => {
    // Through the API: the lot, and two transformations that made it and used it.
    const token = await login(server.url, 'pvc.operator', PASSWORD);
    const pvc = client(server.url, token);
    const minted = await pvc.post('/api/v1/identifiers', { kind: 'lot', gtin: '06901234567892', lot: 'PVC2611' });
    expect(minted.status, JSON.stringify(minted.body)).toBe(201);
    const lot = minted.body as { id: number; handle: string };

    const doc = {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-11-23T08:00:00Z',
      epcisBody: {
        eventList: [
          transformation(
            [['urn:epc:class:lgtin:6901234.011111.VCM2611', 30], ['urn:epc:class:lgtin:6901234.022222.ADD1', 0.5]],
            [['urn:epc:class:lgtin:6901234.056789.PVC2611', 29]],
            '2026-11-21T08:00:00+08:00',
          ),
          transformation(
            [['urn:epc:class:lgtin:6901234.056789.PVC2611', 29], ['urn:epc:class:lgtin:6901234.033333.PLS1', 1]],
            [['urn:epc:class:lgtin:6901234.044444.CMP1', 30]],
            '2026-11-22T08:00:00+08:00',
          ),
        ],
      },
    };
    const accepted = await pvc.post('/epcis/capture', JSON.stringify(doc), { 'content-type': 'application/ld+json' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    const location = accepted.headers.get('location')!;
    let job: { running: boolean; success: boolean; captured: number } | undefined;
    for (let i = 0; i < 250; i++) {
      job = (await pvc.get(location)).body;
      if (!job!.running) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(job).toMatchObject({ running: false, success: true, captured: 2 });

    // In the browser: log in, find the lot in the list.
    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const w = watch(page);

    await page.goto('/login');
    await page.getByTestId('login-username').fill('pvc.operator');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview-page').waitFor();

    await page.getByTestId('menu-identifiers').click();
    await page.getByTestId('identifiers-page').waitFor();
    const search = page.getByTestId('search').locator('input');
    await search.fill('PVC2611');
    await search.press('Enter');
    const row = page.getByTestId('identifiers-table').locator(`tr[data-handle="${lot.handle}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('06901234567892');
    expect(await row.textContent()).toContain('批次');

    // Its page: values, label, and the trace both ways: VCM, ADD → PVC → CMP.
    await row.getByTestId('row-open').click();
    await page.getByTestId('identifier-detail').waitFor();
    expect(await page.getByTestId('values-table').textContent()).toContain('GS1.LOT');
    await page.getByTestId('identifier-detail').getByTestId('identifier-label').locator('svg').first().waitFor();
    await expect.poll(() => seriesLengths(page, 'trace-graph')).toEqual([4]);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Backward only: the lot and its two inputs.
    await page.getByTestId('trace-direction-backward').click();
    await expect.poll(() => page.getByTestId('trace-result').getAttribute('data-direction')).toBe('backward');
    await expect.poll(() => seriesLengths(page, 'trace-graph')).toEqual([3]);
    const nodes = page.getByTestId('trace-nodes-table');
    await expect.poll(() => nodes.locator('tbody tr[data-ref]').count()).toBe(3);
    const vcm = nodes.locator('tr[data-ref*="/10/VCM2611"]');
    expect((await vcm.getByTestId('node-ref').textContent())?.trim()).toMatch(/^\d{14} · VCM2611$/);
    expect((await vcm.getByTestId('node-quantity').textContent())?.trim()).toBe('30');
    expect((await vcm.getByTestId('node-uom').textContent())?.trim()).toBe('t');
    const add = nodes.locator('tr[data-ref*="/10/ADD1"]');
    expect((await add.getByTestId('node-quantity').textContent())?.trim()).toBe('0.5');

    // The printable label: the QR code, the handle, the Digital Link, and a print button.
    await page.getByTestId('open-label').click();
    await page.getByTestId('identifier-label-page').waitFor();
    await page.getByTestId('identifier-label-page').locator('svg').first().waitFor();
    expect((await page.getByTestId('label-handle').textContent())?.trim()).toBe(lot.handle);
    expect(await page.getByTestId('label-digital-link').textContent()).toContain('/01/06901234567892/10/PVC2611');
    await page.evaluate(() => {
      const win = window as unknown as { printed: number; print: () => void };
      win.printed = 0;
      win.print = () => {
        win.printed++;
      };
    });
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-label.png') });
    await page.getByTestId('label-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // In English: the menu entry.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('menu-identifiers').textContent()).toBe('Identifiers & trace');

    await expect.poll(() => w.inFlight).toBeLessThanOrEqual(0);
    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);
});
