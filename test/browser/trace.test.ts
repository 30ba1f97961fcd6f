/**
 * Identifiers and the trace explorer in a real browser against the real platform (embedded store,
 * demo park): a PVC lot minted and two transformations captured through the API, then found in the
 * identifiers list, its genealogy drawn both ways and backward, its inputs listed with their
 * attributed quantities, its printable label, and the menu entry in English. The demo's off-spec
 * PE lot: its trace naming the enterprises and linking the lots minted here, any identifier traced
 * by its URI, its recall impact report (the recycled pellets and their holder), as CSV and in
 * print. Trace sharing as an enterprise administrator (add and remove rules) and as a viewer
 * (read only); the enterprise's GLN on its page and in its form. Who recorded each event of a trace
 * and of a recall; a forged link (solvrec claims the recycler's pellets went into its product) left
 * out by default and shown dashed, marked unconfirmed with its recorder, when the switch asks for it.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, chooseOption, confirmDelete, finishSession, launchBrowser, openSession, watch, PAGE_TIMEOUT_MS } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's trace browser test");

const TIMEOUT = 60_000;
const PASSWORD = 'symbiont-demo';
/**
 * With SYMBIONT_TRACE_SCREENSHOT=file.png the identifier's page is saved there, and beside it its
 * label (file-label.png), the recall report on screen and in print (file-recall.png,
 * file-recall-print.png), the trace of a URI (file-trace.png), the sharing page with its form
 * (file-shares.png, file-shares-form.png) and a trace with an unconfirmed link (file-unconfirmed.png).
 */
const SCREENSHOT = process.env.SYMBIONT_TRACE_SCREENSHOT;
const shot = (page: Page, name: string, fullPage = true) => (SCREENSHOT ? page.screenshot({ path: SCREENSHOT.replace(/\.png$/, `-${name}.png`), fullPage }) : Promise.resolve());

/** The demo's off-spec PE lot (polyolefin's), and the recycled pellets the recycler made with it. */
const OFFSPEC = 'OFS2611-07';
const OFFSPEC_URN = 'urn:epc:class:lgtin:6901234.020002.OFS2611-07';
const RECYCLED = 'RPE2611-01';

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

  const logIn = (username: string, password: string, at: string) => openSession(browser, server.url, username, password, at);
  const finish = finishSession;

  /** Opens a lot's page from the identifiers list. */
  const openLot = async (page: Page, lot: string) => {
    await page.getByTestId('menu-identifiers').click();
    await page.getByTestId('identifiers-page').waitFor();
    const search = page.getByTestId('search').locator('input');
    await search.fill(lot);
    await search.press('Enter');
    const row = page.getByTestId('identifiers-table').locator('tr[data-handle]').filter({ hasText: lot });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('row-open').click();
    await page.getByTestId('identifier-detail').waitFor();
  };

  /** The enterprises of the demo by code, as the park administrator sees them. */
  const enterprises = async () => {
    const admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
    const items = (await admin.get('/api/v1/enterprises?limit=100')).body.items as { id: number; code: string; name: string; gln: string | null }[];
    return new Map(items.map((e) => [e.code, e]));
  };

  const stubPrint = (page: Page) =>
    page.evaluate(() => {
      const win = window as unknown as { printed: number; print: () => void };
      win.printed = 0;
      win.print = () => {
        win.printed++;
      };
    });
  const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

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
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
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

  it('reports the recall impact of the off-spec PE lot (the recycled pellets and their holder) as CSV and in print, and traces any identifier by its URI', async () => {
    const recycler = (await enterprises()).get('recycler')!;
    const session = await logIn('admin', server.adminPassword, '/identifiers');
    const { page } = session;

    // The lot's trace names the enterprises (a counterparty too) and links the lots minted here.
    await openLot(page, OFFSPEC);
    const pellets = page.getByTestId('trace-nodes-table').locator(`tr[data-ref$="/10/${RECYCLED}"]`);
    await pellets.waitFor();
    expect(await pellets.getByTestId('node-enterprises').textContent()).toContain(recycler.name);
    expect(await pellets.locator('a[data-testid="node-ref"]').count()).toBe(1);

    // Its recall impact: 6 t of pellets were made from 2.5 t of it and 4 t of waste plastic.
    await page.getByTestId('open-recall').click();
    await page.getByTestId('recall-page').waitFor();
    const lot = page.getByTestId('recall-lots').locator(`tr[data-ref$="/10/${RECYCLED}"]`);
    await lot.waitFor();
    expect(await page.getByTestId('recall-root').textContent()).toContain(OFFSPEC);
    expect(await page.getByTestId('recall-generated').textContent()).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    expect((await lot.getByTestId('lot-quantity').textContent())?.trim()).toBe('2.3077 t');
    expect(await lot.getAttribute('data-endpoint')).toBe('1');
    expect(await lot.getByTestId('lot-endpoint').textContent()).toBe('仍在此处');
    expect(await lot.getByTestId('lot-holders').textContent()).toContain(recycler.name);
    // Who recorded the event that made the pellets: the recycler's (demo) loader.
    expect(await lot.getByTestId('lot-recorded-by').textContent()).toBe('recycler (demo-loader@recycler)');
    const holder = page.getByTestId('recall-holders').locator('tr[data-code="recycler"]');
    expect(await holder.textContent()).toContain(recycler.name);
    expect((await holder.getByTestId('holder-quantities').textContent())?.trim()).toBe('2.3077 t');
    expect(await page.getByTestId('recall-truncated').count()).toBe(0);
    await shot(page, 'recall');

    // The depth is asked again; the pellets are one step away.
    const asked = page.waitForResponse((r) => r.url().includes('/api/v1/recall/') && /[?&]depth=1(&|$)/.test(r.url()) && r.ok());
    const depth = page.locator('[data-testid="recall-depth"] input, input[data-testid="recall-depth"]').first();
    await depth.fill('1');
    await depth.press('Tab');
    await asked;
    // At depth 1 the pellets are not followed further: the report says so.
    await page.getByTestId('recall-truncated').waitFor();
    expect(await lot.getByTestId('lot-endpoint').textContent()).toBe('未继续追踪');

    // CSV: fetched with the session and saved under the name the API gives.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('recall-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^recall-88\.118\.2_polyolefin\..+\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('lot,handle,depth,attributed_quantity,uom,endpoint,cut_off,holder_code,holder_name,confirmed,recorded_by,reason');
    // (downloaded at depth 1: the pellets were not followed further, so they are cut off, not an endpoint)
    expect(lines.find((l) => l.includes(RECYCLED))).toMatch(/,1,2\.307\d*,TNE,false,true,recycler,.*,true,recycler \(demo-loader@recycler\),$/);

    // Print: the button prints; on paper the console's frame and the buttons are left out.
    await stubPrint(page);
    await page.getByTestId('recall-print').click();
    expect(await printed(page)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('sider').isVisible()).toBe(false);
    expect(await page.getByTestId('recall-csv').isVisible()).toBe(false);
    expect(await lot.isVisible()).toBe(true);
    expect(await page.getByTestId('recall-holders').isVisible()).toBe(true);
    await shot(page, 'recall-print');
    await page.emulateMedia({ media: 'screen' });

    // The pellets link to their page (the recycler's identifier).
    await lot.getByTestId('node-ref').click();
    await page.waitForURL(/\/identifiers\/\d+$/);
    await page.getByTestId('identifier-detail').waitFor();
    expect(await page.getByTestId('values-table').textContent()).toContain(RECYCLED);

    // Any identifier by its EPC URI (not what was minted here, the same lot though), and its recall from there.
    await page.getByTestId('menu-identifiers').click();
    await page.getByTestId('identifiers-page').waitFor();
    const input = page.getByTestId('trace-any').locator('input');
    await input.fill('PE pellets');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('identifiers-page').locator('.ant-form-item-explain-error').textContent()).toContain('EPC URI');
    await input.fill(OFFSPEC_URN);
    await input.press('Enter');
    await page.getByTestId('trace-page').waitFor();
    const nodes = page.getByTestId('trace-nodes-table');
    // The URN is the same lot as its Digital Link: the root is linked to the identifier minted here.
    await nodes.locator(`tr[data-ref$="/10/${OFFSPEC}"] a[data-testid="node-ref"]`).waitFor();
    await nodes.locator(`tr[data-ref$="/10/${RECYCLED}"]`).waitFor();
    await nodes.locator('tr[data-ref$="/10/NAP2611"]').waitFor();
    await shot(page, 'trace');
    await page.getByTestId('trace-recall').click();
    await page.getByTestId('recall-page').waitFor();
    await page.getByTestId('recall-lots').locator(`tr[data-ref$="/10/${RECYCLED}"]`).waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toBe(OFFSPEC_URN);
    await finish(session);
  }, TIMEOUT);

  it("links another enterprise's lot in a trace to what the caller may see of it: its trace", async () => {
    const polyolefin = (await enterprises()).get('polyolefin')!;
    const session = await logIn('recycler.admin', PASSWORD, `/trace?${new URLSearchParams({ id: 'urn:epc:class:lgtin:6901234.050002.RPE2611-01' })}`);
    const { page } = session;
    const offspec = page.getByTestId('trace-nodes-table').locator(`tr[data-ref$="/10/${OFFSPEC}"]`);
    // Polyolefin's name comes with the trace, although the recycler may not list other enterprises.
    await expect.poll(() => offspec.getByTestId('node-enterprises').textContent()).toContain(polyolefin.name);
    await offspec.getByTestId('node-ref').click();
    await page.getByTestId('identifier-lookup').waitFor();
    expect(await page.getByTestId('identifier-lookup').textContent()).toContain('88.118.2/polyolefin.');
    await page.getByTestId('lookup-trace').click();
    await page.getByTestId('trace-page').waitFor();
    await page.getByTestId('trace-nodes-table').locator(`tr[data-ref$="/10/${RECYCLED}"]`).waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toMatch(/\/10\/OFS2611-07$/);
    // The events of the trace say who recorded them: the recycler made its pellets from the off-spec PE.
    const made = page.getByTestId('trace-edges-table').locator(`tr[data-from$="/10/${OFFSPEC}"][data-to$="/10/${RECYCLED}"]`);
    await made.waitFor();
    expect(await made.getByTestId('edge-recorder').textContent()).toContain('demo-loader@recycler');
    expect(await made.getAttribute('data-confirmed')).toBe('1');
    await finish(session);
  }, TIMEOUT);

  it('leaves out a link whose recorder never held the lot, and shows it dashed and marked with its recorder on request', async () => {
    // solvrec claims that 3 t of the recycler's pellets went into a product of its own, and names the recycler.
    const all = await enterprises();
    const solvrec = all.get('solvrec')!;
    const recyclerGln = all.get('recycler')!.gln!;
    const x = client(server.url, await login(server.url, 'solvrec.operator', PASSWORD));
    const forged = {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-25T08:00:00Z',
      epcisBody: {
        eventList: [{
          ...transformation([['urn:epc:class:lgtin:6901234.050002.RPE2611-01', 3]], [['urn:epc:class:lgtin:6901234.099992.XPROD-1', 3]], '2026-11-25T09:00:00+08:00'),
          destinationList: [{ type: 'owning_party', destination: `https://id.gs1.org/417/${recyclerGln}` }],
        }],
      },
    };
    const accepted = await x.post('/epcis/capture', JSON.stringify(forged), { 'content-type': 'application/ld+json' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    for (let i = 0; i < 250 && (await x.get(accepted.headers.get('location')!)).body.running; i++) await new Promise((r) => setTimeout(r, 20));

    const session = await logIn('recycler.admin', PASSWORD, `/trace?${new URLSearchParams({ id: 'urn:epc:class:lgtin:6901234.050002.RPE2611-01' })}`);
    const { page } = session;
    const result = page.getByTestId('trace-result');
    await page.getByTestId('trace-nodes-table').locator(`tr[data-ref$="/10/${OFFSPEC}"]`).waitFor();
    // By default: not followed.
    expect(await result.getAttribute('data-unconfirmed')).toBe('0');
    expect(await page.getByTestId('trace-nodes-table').locator('tr[data-ref$="/10/XPROD-1"]').count()).toBe(0);
    // Asked for: the forged link, marked unconfirmed, with its recorder and the reason.
    await page.getByTestId('trace-unconfirmed').click();
    await expect.poll(() => result.getAttribute('data-unconfirmed')).toBe('1');
    expect(await result.getAttribute('data-unconfirmed-edges')).toBe('1');
    const edge = page.getByTestId('trace-edges-table').locator('tr[data-to$="/10/XPROD-1"]');
    await edge.waitFor();
    expect(await edge.getAttribute('data-confirmed')).toBe('0');
    expect(await edge.getByTestId('edge-recorder').textContent()).toBe(`${solvrec.name} (solvrec.operator)`);
    expect(await edge.getByTestId('unconfirmed').textContent()).toBe('未确认');
    const node = page.getByTestId('trace-nodes-table').locator('tr[data-ref$="/10/XPROD-1"]');
    expect(await node.getAttribute('data-confirmed')).toBe('0');
    // The legitimate links stay confirmed.
    expect(await page.getByTestId('trace-edges-table').locator(`tr[data-from$="/10/${OFFSPEC}"]`).getAttribute('data-confirmed')).toBe('1');
    await expect.poll(() => seriesLengths(page, 'trace-graph')).toEqual([Number(await result.getAttribute('data-nodes'))]);
    await shot(page, 'unconfirmed');
    // Switched off again: gone.
    await page.getByTestId('trace-unconfirmed').click();
    await expect.poll(() => result.getAttribute('data-unconfirmed')).toBe('0');
    expect(await node.count()).toBe(0);

    // The recall of the pellets: the forged product only on request, marked, with its recorder.
    await page.goto(`/recall?${new URLSearchParams({ id: 'urn:epc:class:lgtin:6901234.050002.RPE2611-01' })}`);
    await page.getByTestId('recall-page').waitFor();
    await page.getByTestId('recall-none').waitFor();
    await page.getByTestId('recall-unconfirmed').click();
    const lot = page.getByTestId('recall-lots').locator('tr[data-ref$="/10/XPROD-1"]');
    await lot.waitFor();
    expect(await lot.getAttribute('data-confirmed')).toBe('0');
    expect(await lot.getByTestId('lot-recorded-by').textContent()).toBe('solvrec (solvrec.operator)');
    await page.getByTestId('recall-unconfirmed-note').waitFor();
    await finish(session);
  }, TIMEOUT);

  it('lets an enterprise administrator add and remove share rules, and its viewer only read them', async () => {
    const all = await enterprises();
    const recycler = all.get('recycler')!;
    const cement = all.get('cement')!;
    const session = await logIn('polyolefin.admin', PASSWORD, '/identifiers');
    const { page } = session;

    // A trace first: the enterprises it names (the recycler, a customer) become choices.
    await openLot(page, OFFSPEC);
    await page.getByTestId('trace-nodes-table').locator('tr[data-ref]').first().waitFor();
    await page.getByTestId('menu-traceShares').click();
    await page.getByTestId('trace-shares-page').waitFor();
    const rows = page.getByTestId('trace-shares-table').locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1); // the demo's: everything with the park
    expect(await rows.first().textContent()).toContain('园区');
    expect(await page.getByTestId('trace-shares-intro').textContent()).toContain('GLN');

    // The recycler, all events.
    await page.getByTestId('create-button').click();
    await chooseOption(page, 'field-grantee', recycler.name);
    await page.getByTestId('scope-all').click();
    await expect.poll(() => page.locator('.ant-radio-wrapper-checked').textContent()).toContain('全部事件');
    await shot(page, 'shares-form', false);
    await page.getByTestId('form-submit').click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: recycler.name }).textContent()).toContain('全部事件');

    // The cement plant, met in no trace, found in the park's directory by its code; shipments only (the default).
    await page.getByTestId('create-button').click();
    await chooseOption(page, 'field-grantee', cement.name, 'cement');
    await page.getByTestId('form-submit').click();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.filter({ hasText: cement.name }).textContent()).toContain('仅发运');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
    await shot(page, 'shares');

    const api = client(server.url, await login(server.url, 'polyolefin.admin', PASSWORD));
    const rules = () => api.get('/api/v1/trace-shares').then((r) => (r.body.items as { granteeId: number | null; scope: string }[]).map((x) => [x.granteeId, x.scope]));
    expect(await rules()).toEqual(expect.arrayContaining([[null, 'all'], [recycler.id, 'all'], [cement.id, 'shipments']]));

    // Both removed again.
    for (const text of [recycler.name, cement.name]) {
      await confirmDelete(page, rows.filter({ hasText: text }).getByTestId('row-delete'));
      await expect.poll(() => rows.filter({ hasText: text }).count()).toBe(0);
    }
    expect(await rules()).toEqual([[null, 'all']]);
    await finish(session);

    // The viewer sees the rule and no way to change it.
    const viewer = await logIn('polyolefin.viewer', PASSWORD, '/trace-shares');
    await viewer.page.getByTestId('trace-shares-table').locator('tr.ant-table-row').first().waitFor();
    expect(await viewer.page.getByTestId('create-button').count()).toBe(0);
    expect(await viewer.page.getByTestId('row-delete').count()).toBe(0);
    await finish(viewer);
  }, TIMEOUT);

  it("shows an enterprise's GLN on its page and checks its check digit in the form", async () => {
    const polyolefin = (await enterprises()).get('polyolefin')!;
    expect(polyolefin.gln).toMatch(/^\d{13}$/);
    const session = await logIn('polyolefin.admin', PASSWORD, `/enterprises/${polyolefin.id}`);
    const { page } = session;
    await page.getByTestId('enterprise-detail').waitFor();
    expect((await page.getByTestId('enterprise-gln').textContent())?.trim()).toBe(polyolefin.gln);

    await page.getByTestId('enterprise-edit').click();
    const gln = page.locator('#resource_gln');
    expect(await gln.inputValue()).toBe(polyolefin.gln);
    const wrong = polyolefin.gln!.slice(0, 12) + String((Number(polyolefin.gln![12]) + 1) % 10);
    await gln.fill(wrong);
    await page.getByTestId('form-submit').click();
    const item = page.locator('.ant-form-item').filter({ has: gln });
    await expect.poll(() => item.locator('.ant-form-item-explain-error').textContent()).toContain('校验位');
    await gln.fill(polyolefin.gln!);
    await expect.poll(() => item.locator('.ant-form-item-explain-error').count()).toBe(0);
    await page.getByTestId('form-cancel').click();
    await finish(session);
  }, TIMEOUT);
});
