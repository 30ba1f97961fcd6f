/**
 * The OpenAPI document says what the EPCIS routes take and answer. The event answers are written
 * with JSON.stringify rather than by their response schema (events are open content), so nothing
 * holds them to their description but this test: GS1's examples are captured, and every page of
 * /epcis/events and every event by ID is validated against the 200 schema the document gives, as
 * is each example against the capture body the document describes.
 */
import fs from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';
import { until } from './helpers/poll.ts';

const CORPUS = path.resolve(import.meta.dirname, '..', '..', 'shared', 'conformance', 'epcis-gs1');
const HAVE_CORPUS = fs.existsSync(path.join(CORPUS, 'JSON'));

/** The JSON-LD capture documents of the corpus (the query response example is not capture input). */
function jsonExamples(): string[] {
  return fs
    .readdirSync(path.join(CORPUS, 'JSON'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.jsonld') && path.basename(f) !== 'EPCISQueryDocument.jsonld' && !/CaptureJob/.test(f))
    .map((f) => path.join(CORPUS, 'JSON', f));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ajv's CommonJS default export
const Ajv: any = (AjvModule as any).default ?? AjvModule;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const addFormats: any = (addFormatsModule as any).default ?? addFormatsModule;

let server: TestServer;
let token: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compiled validators of the served document
let validatorAt: (pointer: string) => any;

/** A JSON pointer segment. */
const seg = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  token = await login(server.url, 'chloralkali.operator', 'symbiont-demo');
  const doc = (await client(server.url).get('/api/openapi.json')).body;
  // The CBV formats (cbv-bizStep, …) are checked by the capture worker, not described further here.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi' });
  validatorAt = (pointer) => ajv.compile({ $ref: `openapi#${pointer}` });
});
afterAll(() => server?.close());

describe.skipIf(!HAVE_CORPUS)('the OpenAPI document describes the EPCIS answers', () => {
  it('holds every example to the capture body, and every event answer to its response schema', async () => {
    const files = jsonExamples();
    expect(files.length).toBeGreaterThan(10);
    const body = validatorAt(`/paths/${seg('/epcis/capture')}/post/requestBody/content/${seg('application/ld+json')}/schema`);
    const page = validatorAt(`/paths/${seg('/epcis/events')}/get/responses/200/content/${seg('application/ld+json')}/schema`);
    const one = validatorAt(`/paths/${seg('/epcis/events/{*}')}/get/responses/200/content/${seg('application/ld+json')}/schema`);
    const job = validatorAt(`/paths/${seg('/epcis/capture/{captureID}')}/get/responses/200/content/${seg('application/json')}/schema`);
    const api = client(server.url, token);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      expect(body(JSON.parse(text)), `${path.basename(file)}: ${JSON.stringify(body.errors)}`).toBe(true);
      const res = await fetch(`${server.url}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/ld+json', authorization: `Bearer ${token}` }, body: text });
      expect(res.status).toBe(202);
      const done = await until(() => api.get(res.headers.get('location')!), (r) => r.body.running === false, `capture of ${path.basename(file)}`);
      expect(job(done.body), JSON.stringify(job.errors)).toBe(true);
      expect(done.body.success, path.basename(file)).toBe(true);
    }

    let url: string | null = '/epcis/events?perPage=50';
    let events = 0;
    while (url) {
      const res = await api.get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
      expect(page(res.body), JSON.stringify(page.errors?.slice(0, 3))).toBe(true);
      for (const e of res.body.epcisBody.queryResults.resultsBody.eventList) {
        const byId = await api.get(`/epcis/events/${encodeURIComponent(e.eventID)}`);
        expect(byId.status).toBe(200);
        expect(one(byId.body), `${e.eventID}: ${JSON.stringify(one.errors?.slice(0, 3))}`).toBe(true);
        events++;
      }
      url = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
    }
    expect(events).toBeGreaterThan(files.length);
  }, 120_000);

  it('refuses an answer that breaks the description (the check can fail)', () => {
    const one = validatorAt(`/paths/${seg('/epcis/events/{*}')}/get/responses/200/content/${seg('application/ld+json')}/schema`);
    const event = { type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-01-01T00:00:00Z', eventTimeZoneOffset: '+00:00', epcList: [] };
    const recordedBy = { enterprise: { id: 1, code: 'x', name: 'X' }, user: null, via: null };
    expect(one({ ...event, 'symbiont:recordedBy': recordedBy })).toBe(true);
    expect(one(event)).toBe(false);
    expect(one({ ...event, type: 'NoSuchEvent', 'symbiont:recordedBy': recordedBy })).toBe(false);
    expect(one({ ...event, notAnExtension: 1, 'symbiont:recordedBy': recordedBy })).toBe(false);
  });
});
