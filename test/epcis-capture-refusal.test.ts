/**
 * POST /epcis/capture refuses poison input on the request: a body that is not a JSON or XML capture document
 * (random bytes, truncated JSON, not-well-formed XML, a DTD with entity declarations, absurd nesting, another
 * media type, nothing at all) is answered 400/415 problem+json at once, and no capture job is created.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  token = await login(server.url, 'chloralkali.operator', 'symbiont-demo');
});
afterAll(() => server?.close());

const jobs = async () => (await server.services.handle.db.selectFrom('epcis_capture_jobs').select('id').execute()).length;

async function post(body: string | Uint8Array | undefined, contentType?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (contentType) headers['content-type'] = contentType;
  const res = await fetch(`${server.url}/epcis/capture`, { method: 'POST', headers, body: body as BodyInit | undefined });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined };
}

const CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const event = {
  type: 'ObjectEvent', eventTime: '2026-11-20T09:00:00+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', bizStep: 'inspecting',
  epcList: ['urn:epc:id:sgtin:6901234.090001.REFUSE1'],
};
const doc = (events: object[]) => ({ '@context': [CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-23T08:00:00Z', epcisBody: { eventList: events } });

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-11-23T08:00:00Z">
  <EPCISBody><EventList><ObjectEvent><eventTime>2026-11-20T09:00:00+08:00</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
  <epcList><epc>urn:epc:id:sgtin:6901234.090001.&lol9;</epc></epcList><action>OBSERVE</action></ObjectEvent></EventList></EPCISBody>
</epcis:EPCISDocument>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE doc [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-11-23T08:00:00Z">
  <EPCISBody><EventList><ObjectEvent><eventTime>2026-11-20T09:00:00+08:00</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
  <epcList><epc>&xxe;</epc></epcList><action>OBSERVE</action></ObjectEvent></EventList></EPCISBody>
</epcis:EPCISDocument>`;

// An undeclared entity without a DTD: not well formed either way.
const UNDECLARED_ENTITY = BILLION_LAUGHS.replace(/<!DOCTYPE[\s\S]*?\]>/, '');

const VALID_XML = `<?xml version="1.0" encoding="UTF-8"?>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-11-23T08:00:00Z">
  <EPCISBody><EventList><ObjectEvent><eventTime>2026-11-20T09:00:00+08:00</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
  <epcList><epc>urn:epc:id:sgtin:6901234.090001.REFUSE2</epc></epcList><action>OBSERVE</action></ObjectEvent></EventList></EPCISBody>
</epcis:EPCISDocument>`;

describe('POST /epcis/capture refuses what is not a capture document, before any job exists', () => {
  const cases: [name: string, body: () => string | Uint8Array | undefined, contentType: string | undefined, status: number][] = [
    ['random bytes as JSON', () => randomBytes(4096), 'application/json', 400],
    ['random bytes as JSON-LD', () => randomBytes(4096), 'application/ld+json', 400],
    ['random bytes as XML', () => randomBytes(4096), 'application/xml', 400],
    ['truncated JSON', () => JSON.stringify(doc([event])).slice(0, 120), 'application/ld+json', 400],
    ['JSON with a trailing comma', () => '{"type":"EPCISDocument",}', 'application/json', 400],
    ['an empty JSON body', () => '', 'application/json', 400],
    ['a blank JSON body', () => ' \n\t ', 'application/ld+json', 400],
    ['an empty XML body', () => '', 'application/xml', 400],
    ['no body and no content type', () => undefined, undefined, 415],
    ['a text/plain body', () => JSON.stringify(doc([event])), 'text/plain', 415],
    ['an octet stream', () => randomBytes(64), 'application/octet-stream', 415],
    ['form data', () => 'type=EPCISDocument', 'application/x-www-form-urlencoded', 415],
    ['JSON nested 100,000 deep', () => '['.repeat(100_000) + ']'.repeat(100_000), 'application/json', 400],
    ['an event with an extension nested 1,000 deep', () => JSON.stringify(doc([{ ...event, 'ex:deep': JSON.parse('{"a":'.repeat(1000) + '1' + '}'.repeat(1000)) }])), 'application/ld+json', 400],
    ['XML nested 10,000 deep', () => VALID_XML.replace('<action>', `${'<ex:d xmlns:ex="urn:x">'.repeat(10_000)}${'</ex:d>'.repeat(10_000)}<action>`), 'application/xml', 400],
    ['JSON null', () => 'null', 'application/json', 400],
    ['a JSON number', () => '42', 'application/json', 400],
    ['a JSON string', () => '"EPCISDocument"', 'application/json', 400],
    ['an array of numbers', () => '[1,2,3]', 'application/json', 400],
    ['an object that is no EPCIS document', () => '{"hello":"world"}', 'application/json', 400],
    ['an EPCISDocument without an event list', () => JSON.stringify({ ...doc([]), epcisBody: {} }), 'application/ld+json', 400],
    ['an EPCISQueryDocument', () => JSON.stringify({ '@context': [CONTEXT], type: 'EPCISQueryDocument', schemaVersion: '2.0', creationDate: '2026-11-23T08:00:00Z', epcisBody: { queryResults: { queryName: 'q', resultsBody: { eventList: [] } } } }), 'application/ld+json', 400],
    ['10,001 events', () => JSON.stringify(doc(Array.from({ length: 10_001 }, () => event))), 'application/ld+json', 400],
    ['not-well-formed XML', () => '<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2"><EPCISBody>', 'application/xml', 400],
    ['XML with mismatched tags', () => VALID_XML.replace('</action>', '</actoin>'), 'application/xml', 400],
    ['XML whose root is not an EPCIS document', () => '<?xml version="1.0"?><html><body/></html>', 'text/xml', 400],
    ['XML with a billion laughs DTD', () => BILLION_LAUGHS, 'application/xml', 400],
    ['XML with an external entity (XXE)', () => XXE, 'application/xml', 400],
    ['XML with an undeclared entity', () => UNDECLARED_ENTITY, 'application/xml', 400],
    ['JSON sent as XML', () => JSON.stringify(doc([event])), 'application/xml', 400],
    ['XML sent as JSON', () => VALID_XML, 'application/json', 400],
  ];

  it.each(cases)('%s → %i problem+json, no job', async (_name, body, contentType, status) => {
    const before = await jobs();
    const started = Date.now();
    const res = await post(body(), contentType);
    expect(res.status).toBe(status);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status });
    expect(typeof res.body.detail).toBe('string');
    expect(await jobs()).toBe(before);
    expect(Date.now() - started).toBeLessThan(5_000); // refused, not expanded
  });

  it('names what is wrong', async () => {
    const laughs = await post(BILLION_LAUGHS, 'application/xml');
    expect(laughs.body.detail).toMatch(/DOCTYPE/);
    const truncated = await post('{"type":"EPCISDocument","epcisBody":{"eventList":[', 'application/json');
    expect(truncated.body.detail).toMatch(/not JSON/);
    expect(truncated.body.errors).toEqual([expect.objectContaining({ path: '/body' })]);
    const deep = await post('['.repeat(100_000), 'application/json');
    expect(deep.body.detail).toMatch(/nests more than 64/);
  });

  it('still accepts capture documents, JSON-LD and XML (202 with the job)', async () => {
    for (const [body, type] of [[JSON.stringify(doc([event])), 'application/ld+json'], [JSON.stringify(doc([event])), 'application/json; charset=utf-8'], [VALID_XML, 'application/xml'], [VALID_XML, 'text/xml']] as const) {
      const res = await fetch(`${server.url}/epcis/capture`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body });
      expect(res.status, type).toBe(202);
      expect(res.headers.get('location')).toMatch(/^\/epcis\/capture\//);
    }
  });

  it('a bare <!DOCTYPE name> without declarations (as in some GS1 examples) is no reason to refuse', async () => {
    const res = await post(VALID_XML.replace('<epcis:EPCISDocument', '<!DOCTYPE project>\n<epcis:EPCISDocument'), 'application/xml');
    expect(res.status).toBe(202);
  });

  it('answers arbitrary bodies with 202 (capture input) or a problem, never a server error (fast-check)', async () => {
    const before = await jobs();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 }), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))),
        fc.constantFrom('application/json', 'application/ld+json', 'application/xml'),
        async (body, type) => {
          const res = await post(body, type);
          expect([202, 400]).toContain(res.status);
          if (res.status === 202) accepted++;
        },
      ),
      { numRuns: 150 },
    );
    // only JSON shaped like capture input (an array of objects, or an object with a type) gets a job
    expect(await jobs()).toBe(before + accepted);
  }, 60_000);
});
