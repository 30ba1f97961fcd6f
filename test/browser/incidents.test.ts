/**
 * The incident console in a real browser against the real platform (embedded store, demo park):
 * an incident raised from an alarm the alarm list selected (`/incidents?fromAlarms=…`), a
 * checklist item checked, a message added to the timeline, the incident contained and closed with
 * its report, which then reads as final in the print view; the board in both languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, confirmUntilSent, launchBrowser, watch, PAGE_TIMEOUT_MS } from '../helpers/browser.ts';
import { client, login, startTestServer, type TestServer } from '../helpers/server.ts';

const RUN = browserAvailable("the console's incidents browser test");
const TIMEOUT = 120_000;

type Text = { title: string; state: Record<string, string>; report: { status: Record<string, string> } };
const text = (lang: 'en' | 'zh-CN') =>
  (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../web/src/i18n/incidents.${lang}.json`), 'utf8')) as { incidents: Text }).incidents;

describe.skipIf(!RUN)('console incidents (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let adminToken: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    adminToken = await login(server.url, 'admin', server.adminPassword);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('raises an incident from an alarm, checks an item, adds a message and closes it with the report', async () => {
    const api = client(server.url, adminToken);
    const chlor = ((await api.get('/api/v1/enterprises?q=chloralkali&limit=5')).body.items as { id: number; code: string }[]).find((e) => e.code === 'chloralkali')!;
    await server.services.alarms.raise({
      enterpriseId: chlor.id, source: 'test', sourceKey: 'test:browser-cl2', category: 'safety', severity: 'critical', level: 'HH', message: '厂界氯气浓度 3 ppm', active: true,
    });
    const alarm = ((await api.get('/api/v1/alarms?limit=100')).body.items as { id: number; message: string }[]).find((a) => a.message === '厂界氯气浓度 3 ppm')!;
    expect(alarm).toBeDefined();

    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const w = watch(page);
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview-page').waitFor();

    // The alarm list navigates here with its selection: the form opens with the alarm, and guesses kind and title from it.
    await page.goto(`/incidents?fromAlarms=${alarm.id}`);
    await page.getByTestId('incident-raise-alarms').getByText('厂界氯气浓度 3 ppm').waitFor();
    await expect.poll(() => page.getByTestId('incident-field-title').inputValue()).toBe('厂界氯气浓度 3 ppm');
    await page.getByTestId('incident-field-title').fill('氯气泄漏：一次盐水装置');
    await page.getByTestId('incident-raise-submit').click();
    await page.getByTestId('incident-title').filter({ hasText: '氯气泄漏：一次盐水装置' }).waitFor();
    const id = Number(/\/incidents\/(\d+)/.exec(page.url())![1]);
    await expect.poll(() => page.getByTestId('incident-state').textContent()).toBe(text('zh-CN').state.open);
    await page.getByTestId('incident-alarms').getByText('厂界氯气浓度 3 ppm').waitFor();
    expect(await page.getByTestId('incident-enterprises').textContent()).toMatch(/氯碱/);

    // Check the first item of the checklist.
    const first = (await api.get(`/api/v1/incidents/${id}`)).body.checklist[0] as { id: number; text: string };
    expect(first.text).toContain('下风向');
    await page.getByTestId(`incident-item-check-${first.id}`).click();
    await expect.poll(() => page.getByTestId(`incident-item-${first.id}`).getAttribute('data-status')).toBe('done');

    // A message on the timeline.
    await page.getByTestId('incident-post-text').fill('聚氯乙烯厂 2 号门闻到氯气味');
    await page.getByTestId('incident-post-submit').click();
    await page.getByTestId('incident-timeline').getByText('聚氯乙烯厂 2 号门闻到氯气味').waitFor();

    // The other required steps, through the API as another operator would, then contain and close here.
    const incident = (await api.get(`/api/v1/incidents/${id}`)).body as { checklist: { id: number; required: boolean; status: string }[] };
    for (const item of incident.checklist.filter((i) => i.required && i.status === 'open')) {
      expect((await api.patch(`/api/v1/incidents/${id}/checklist/${item.id}`, { status: 'done' })).status).toBe(200);
    }
    await page.reload();
    await page.getByTestId('incident-to-contained').click();
    await confirmUntilSent(page, page.getByTestId('incident-move-confirm'), (r) => r.method() === 'POST' && r.url().includes('/transition'));
    // The dialog closes once the move is made; if it stays, it says why.
    await page.locator('.ant-modal').waitFor({ state: 'hidden' }).catch(async (err: unknown) => {
      throw new Error(`the move to contained did not complete: ${(await page.locator('.ant-modal .ant-alert').allTextContents()).join(' ') || 'no error shown'}`, { cause: err });
    });
    await expect.poll(async () => page.getByTestId('incident-state').textContent()).toBe(text('zh-CN').state.contained);

    await page.getByTestId('incident-to-closed').click();
    // The generated draft is in the close dialog; the cause is the person's to write.
    await expect.poll(() => page.locator('.ant-modal').getByTestId('incident-report-summary').inputValue()).toContain('氯气泄漏：一次盐水装置');
    await page.locator('.ant-modal').getByTestId('incident-report-cause').fill('盐水装置氯气管线法兰垫片老化失效');
    await confirmUntilSent(page, page.getByTestId('incident-move-confirm'), (r) => r.method() === 'POST' && r.url().includes('/transition'));
    await expect.poll(async () => page.getByTestId('incident-state').textContent()).toBe(text('zh-CN').state.closed);
    await expect.poll(async () => page.getByTestId('incident-report-status').textContent()).toBe(text('zh-CN').report.status.frozen);
    expect(await page.getByTestId('incident-post-text').count()).toBe(0);

    const report = (await api.get(`/api/v1/incidents/${id}/report`)).body;
    expect(report).toMatchObject({ status: 'frozen', cause: '盐水装置氯气管线法兰垫片老化失效', frozenBy: 'admin' });
    expect(report.summary).toContain('氯气泄漏');

    // The print view shows the frozen report.
    await page.getByTestId('incident-print').click();
    await page.getByTestId('incident-print-view').waitFor();
    expect(await page.getByTestId('incident-print-cause').textContent()).toBe('盐水装置氯气管线法兰垫片老化失效');

    // The board, in both languages: the incident in the closed column.
    await page.goto('/incidents');
    await page.getByTestId('incident-column-closed').getByTestId(`incident-card-${id}`).waitFor();
    expect(await page.getByTestId('page-incidents').getByText(text('zh-CN').title).count()).toBeGreaterThan(0);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('incident-column-closed').getByText(text('en').state.closed).waitFor();
    await page.getByTestId(`incident-card-${id}`).getByText('Level III').waitFor();

    expect(w.errors).toEqual([]);
    expect(w.failedApi).toEqual([]);
    await context.close();
  }, TIMEOUT);
});
