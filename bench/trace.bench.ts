/**
 * Traceability at park scale: a genealogy of 1,000,000 lots and 3,000,000 EPCIS events across 50
 * enterprises (bench/trace-genealogy.ts), captured through `POST /epcis/capture`, then traced.
 *
 * Capture: the documents are written to disk first (so the run measures the platform, not the
 * generator), then posted over loopback, a few in flight, each job polled until done; throughput
 * is events stored / wall time. Baseline in the same run: the same documents parsed and stored as
 * the rows the platform wrote (events, documents, identifiers, parties: checked in its store) into a
 * fresh copy of the schema opened with the same pragmas, prepared statements, one transaction a
 * document: no validation, no hashing, no HTTP.
 *
 * Trace: backward+forward genealogy of depth 20 of ~1,000 lots (mostly from deep tiers) through
 * `services.trace.trace`, against the same closure as one recursive SQL query over
 * `epcis_event_refs` on a read-only better-sqlite3 connection to the same file, alternating which
 * goes first; both must find the same lots (and the lots the generator made). Then `GET
 * /api/v1/trace` for ~200 other lots.
 *
 * Options: `--lots N` (default 1,000,000; events are 3 × lots), `--quick` (20,000 lots),
 * `--samples N` traces (1,000), `--http N` HTTP traces (200), `--inflight N` captures (4),
 * `--doc N` events per capture document (2,500), `--no-store-baseline`, `--keep` (keep the data dir).
 */
import fs from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openDb } from '../src/adapters/db/index.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import { startPlatform } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { systemContext } from '../src/core/roles.ts';
import { toCanonicalDigitalLink } from '../src/modules/trace/epcis/hash.ts';
import { epcsOf } from '../src/modules/trace/epcis/normalize.ts';
import { validateEpcisDocument } from '../src/modules/trace/epcis/validate.ts';
import { INDUSTRIES } from '../src/modules/registry/model.ts';
import { enterpriseIds, Genealogy, prng } from './trace-genealogy.ts';
import { printResult, QUICK } from './lib.ts';

// ----- options -----
const argv = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = Number(String(argv[i + 1]).replace(/_/g, ''));
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} takes a positive number`);
  return v;
};
const flag = (name: string) => argv.includes(`--${name}`);
const LOTS = opt('lots', QUICK ? 20_000 : 1_000_000);
const SAMPLES = opt('samples', QUICK ? 200 : 1_000);
const HTTP_SAMPLES = opt('http', QUICK ? 50 : 200);
const IN_FLIGHT = opt('inflight', 4);
const DOC_EVENTS = Math.min(opt('doc', 2_500), 10_000);
const DEPTH = 20;
const ENTERPRISES = 50;
const KEEP = flag('keep');
const STORE_BASELINE = !flag('no-store-baseline');

const log = (s: string) => process.stderr.write(s + '\n');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (x: number) => Number(x.toFixed(2));
const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : NaN;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

/** A progress bar on stderr with a rate: redrawn on a terminal, a line every 10 s in a log. */
function meter(label: string, total: number, unit: string) {
  const tty = process.stderr.isTTY === true;
  const started = performance.now();
  let last = 0;
  const line = (done: number) => {
    const secs = (performance.now() - started) / 1000;
    const rate = done / Math.max(secs, 1e-3);
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const bar = '#'.repeat(Math.round(frac * 30)).padEnd(30, '.');
    const eta = rate > 0 ? (total - done) / rate : 0;
    return `${label} [${bar}] ${(frac * 100).toFixed(1)}% ${fmt(done)}/${fmt(total)} ${fmt(rate)} ${unit}/s, ${secs.toFixed(0)} s, ETA ${eta.toFixed(0)} s`;
  };
  return {
    update(done: number) {
      const now = performance.now();
      if (now - last < (tty ? 200 : 10_000)) return;
      last = now;
      process.stderr.write(tty ? `\r${line(done)}\x1b[K` : `${line(done)}\n`);
    },
    done(summary: string) {
      const secs = (performance.now() - started) / 1000;
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}${label}: ${summary} in ${secs.toFixed(1)} s\n`);
    },
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-trace-'));
const docsDir = path.join(dataDir, 'docs');
fs.mkdirSync(docsDir);
// The data directory holds gigabytes at full size: gone at exit, also after a failure, unless --keep.
process.on('exit', () => {
  if (KEEP) log(`data kept in ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
});
// Peak RSS of the whole run, and of the capture phase alone (the platform's share). RSS counts the
// pages of the database file the connections have memory-mapped.
let peakRss = 0;
let capturePeakRss = 0;
const rssTimer = setInterval(() => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  capturePeakRss = Math.max(capturePeakRss, rss);
}, 200);
rssTimer.unref();

// ----- 1. the genealogy and its capture documents -----
log(`trace: ${fmt(LOTS)} lots, ${ENTERPRISES} enterprises, documents of ${fmt(DOC_EVENTS)} events, ${IN_FLIGHT} captures in flight, ${SAMPLES} traces of depth ${DEPTH}; data in ${dataDir}`);
const t0 = performance.now();
const g = new Genealogy({ lots: LOTS, enterprises: ENTERPRISES });
log(`genealogy: ${fmt(g.lots)} lots in ${g.tiers} tiers of ${fmt(g.width)} (${g.block} a tier per enterprise), ${fmt(g.events)} events, built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const header = (n: number) =>
  `{"@context":["${CONTEXT}"],"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"${new Date().toISOString()}","instanceIdentifier":"bench-${n}","epcisBody":{"eventList":[`;

// A sample of every kind of event must be valid EPCIS 2.0 before anything is captured.
{
  const sample: Record<string, unknown>[] = [];
  for (const t of [0, 1, g.tiers - 1]) {
    let n = 0;
    for (const { event } of g.tierEvents(t)) if (n++ < 300) sample.push(event);
    else break;
  }
  const r = validateEpcisDocument(JSON.parse(header(0) + sample.map((e) => JSON.stringify(e)).join(',') + ']}}'));
  if (!r.ok) throw new Error(`generated events are not valid EPCIS 2.0: ${JSON.stringify(r.errors.slice(0, 5))}`);
}

interface Doc {
  file: string;
  enterprise: number;
  events: number;
  bytes: number;
}
const docs: Doc[] = [];
{
  const gen = meter('generate', g.events, 'events');
  const buffers: string[][] = Array.from({ length: ENTERPRISES }, () => []);
  const flush = (e: number) => {
    const list = buffers[e];
    if (!list.length) return;
    const file = path.join(docsDir, `${String(docs.length).padStart(6, '0')}.jsonld`);
    const text = header(docs.length) + list.join(',') + ']}}';
    fs.writeFileSync(file, text);
    docs.push({ file, enterprise: e, events: list.length, bytes: Buffer.byteLength(text) });
    buffers[e] = [];
  };
  let n = 0;
  for (let t = 0; t < g.tiers; t++) {
    for (const { enterprise, event } of g.tierEvents(t)) {
      buffers[enterprise].push(JSON.stringify(event));
      if (buffers[enterprise].length >= DOC_EVENTS) flush(enterprise);
      if (++n % 10_000 === 0) gen.update(n);
    }
  }
  for (let e = 0; e < ENTERPRISES; e++) flush(e);
  const bytes = docs.reduce((s, d) => s + d.bytes, 0);
  gen.done(`${fmt(n)} events in ${fmt(docs.length)} documents, ${fmt(bytes / 1048576)} MiB`);
}
const totalEvents = docs.reduce((s, d) => s + d.events, 0);

// ----- 2. the platform, the park's enterprises, sharing with the park -----
const config = loadConfig({ dataDir, port: 0, mqttPort: 0, logLevel: 'warn', demo: false, simulator: false }, { SYMBIONT_ADMIN_PASSWORD: 'bench-admin-pw' });
const platform = await startPlatform(config);
const dbFile = path.join(dataDir, 'symbiont.db');
const ctx = systemContext('bench');
const { registry } = platform.services;
const db = platform.services.handle.db;
const entId: number[] = [];
let glnViaSql = false;
for (let e = 0; e < ENTERPRISES; e++) {
  const { gln } = enterpriseIds(e);
  const base = { code: `bench-e${String(e + 1).padStart(2, '0')}`, name: `基准企业 ${e + 1}`, nameEn: `Bench enterprise ${e + 1}`, industry: INDUSTRIES[e % INDUSTRIES.length] };
  let created: { id: number };
  try {
    created = (await registry.enterprises.create(ctx, { ...base, gln })) as { id: number };
  } catch {
    created = (await registry.enterprises.create(ctx, base)) as { id: number };
    await sql`UPDATE enterprises SET gln = ${gln} WHERE id = ${created.id}`.execute(db);
    glnViaSql = true;
  }
  entId.push(Number(created.id));
}
{
  // Every enterprise shares all its events with the park, so the park administrator traces everything.
  const cols = (await sql<{ name: string }>`PRAGMA table_info(trace_shares)`.execute(db)).rows.map((r) => r.name);
  // Since migration 014 the rules are the core's `shares`, of kind trace.events.
  const coreShares = (await sql<{ name: string }>`PRAGMA table_info(shares)`.execute(db)).rows.length > 0;
  const now = Date.now();
  for (const id of entId) {
    if (coreShares) await sql`INSERT INTO shares (enterprise_id, grantee_id, kind, scope, created_at, updated_at) VALUES (${id}, NULL, 'trace.events', 'all', ${now}, ${now})`.execute(db);
    else if (cols.includes('updated_at')) await sql`INSERT INTO trace_shares (enterprise_id, grantee_id, scope, created_at, updated_at) VALUES (${id}, NULL, 'all', ${now}, ${now})`.execute(db);
    else await sql`INSERT INTO trace_shares (enterprise_id, grantee_id, scope, created_at) VALUES (${id}, NULL, 'all', ${now})`.execute(db);
  }
}
log(`platform at ${platform.url}: ${ENTERPRISES} enterprises with GLNs${glnViaSql ? ' (set by SQL: the registry refused the field)' : ''}, each sharing all its events with the park`);

const login = await fetch(`${platform.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-admin-pw' }) });
if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };

// ----- 3. capture through POST /epcis/capture -----
let captured = 0;
let duplicates = 0;
let jobs = 0;
const jobMs: number[] = [];
const capture = meter('capture', totalEvents, 'events');
const captureStart = performance.now();
capturePeakRss = 0;
{
  let next = 0;
  const worker = async () => {
    while (next < docs.length) {
      const d = docs[next++];
      const body = await fs.promises.readFile(d.file);
      const started = performance.now();
      const res = await fetch(`${platform.url}/epcis/capture?enterpriseId=${entId[d.enterprise]}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/ld+json', 'gs1-capture-error-behaviour': 'rollback' },
        body,
      });
      if (res.status !== 202) throw new Error(`capture of ${d.file}: ${res.status} ${await res.text()}`);
      const location = res.headers.get('location');
      await res.arrayBuffer();
      for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
        await sleep(wait);
        const r = await fetch(`${platform.url}${location}`, { headers: auth });
        const job = (await r.json()) as { running: boolean; success: boolean; captured: number; duplicates: number; errors: unknown[] };
        if (job.running) continue;
        if (!job.success) throw new Error(`capture of ${d.file} failed: ${JSON.stringify(job.errors.slice(0, 3))}`);
        captured += job.captured;
        duplicates += job.duplicates;
        jobs++;
        jobMs.push(performance.now() - started);
        capture.update(captured + duplicates);
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}
const captureSecs = (performance.now() - captureStart) / 1000;
const captureRss = capturePeakRss;
const captureRate = captured / captureSecs;
capture.done(`${fmt(captured)} events stored (${fmt(duplicates)} duplicates) in ${fmt(jobs)} jobs, ${fmt(captureRate)} events/s, job p50 ${fmt(pct(jobMs, 0.5))} ms, p99 ${fmt(pct(jobMs, 0.99))} ms`);
const stored = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM epcis_events`.execute(db)).rows[0].n);
if (stored !== totalEvents) throw new Error(`${fmt(stored)} events in the store, ${fmt(totalEvents)} generated`);

// ----- 4. baseline: the same rows stored straight into SQLite -----
// It writes what the platform wrote: identifiers in canonical form only or also as written,
// party rows for the capturer and/or the parties the events name (checked in the store).
let storeBaseline: number | null = null;
const countOf = async (q: string) => Number((await sql<{ n: number }>`${sql.raw(q)}`.execute(db)).rows[0].n);
if (STORE_BASELINE) {
  const asWritten = (await countOf("SELECT count(*) AS n FROM (SELECT 1 FROM epcis_event_refs WHERE ref LIKE 'urn:epc:class:%' LIMIT 1)")) > 0;
  const platformRefs = await countOf('SELECT count(*) AS n FROM epcis_event_refs');
  const platformParties = await countOf('SELECT count(*) AS n FROM epcis_event_parties');
  const partyRows = (cmp: string) =>
    countOf(`SELECT count(*) AS n FROM (SELECT 1 FROM epcis_event_parties p JOIN epcis_events e ON e.id = p.event_pk WHERE p.enterprise_id ${cmp} e.enterprise_id LIMIT 1)`);
  const capturerParty = (await partyRows('=')) > 0;
  const namedParties = (await partyRows('<>')) > 0;
  const file = path.join(dataDir, 'baseline.db');
  // Opened like the platform's store (WAL, synchronous, page cache, memory map: the same pragmas).
  const h = openDb(`sqlite:${file}`);
  await migrateToLatest(h.db, h.dialect);
  const b = h.sqlite!;
  b.prepare('ATTACH DATABASE ? AS p').run(dbFile);
  b.exec('INSERT INTO main.enterprises SELECT * FROM p.enterprises');
  b.exec('DETACH DATABASE p');
  const evCols = (b.prepare('PRAGMA table_info(epcis_events)').all() as { name: string }[]).map((r) => r.name);
  const hasShipment = evCols.includes('shipment');
  // The document inline, or in a table of its own.
  const inlineDoc = evCols.includes('doc');
  const cols = ['enterprise_id', 'event_id', 'hash_id', 'type', 'event_time', 'record_time', 'action', 'biz_step', 'disposition', 'read_point', 'biz_location', 'transformation_id', ...(inlineDoc ? ['doc'] : []), ...(hasShipment ? ['shipment'] : [])];
  const insEvent = b.prepare(`INSERT INTO epcis_events (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  const insDoc = inlineDoc ? null : b.prepare('INSERT INTO epcis_event_docs (event_pk, doc) VALUES (?, ?)');
  const insRef = b.prepare('INSERT INTO epcis_event_refs (event_pk, role, ref, quantity, uom) VALUES (?, ?, ?, ?, ?)');
  const insParty = b.prepare('INSERT OR IGNORE INTO epcis_event_parties (enterprise_id, event_pk) VALUES (?, ?)');
  const byGln = new Map<string, number>();
  for (let e = 0; e < ENTERPRISES; e++) byGln.set(enterpriseIds(e).gln, entId[e]);
  const partyOf = (uri: string) => {
    const c = toCanonicalDigitalLink(uri);
    const m = c ? /\/417\/(\d{13})$/.exec(c) : null;
    return m ? byGln.get(m[1]) : undefined;
  };
  const rnd = prng(7);
  const fakeHash = () => {
    let s = '';
    for (let i = 0; i < 8; i++) s += Math.floor(rnd() * 4294967296).toString(16).padStart(8, '0');
    return `ni:///sha-256;${s}?ver=CBV2.0`;
  };
  const storeDoc = b.transaction((owner: number, events: Record<string, unknown>[]) => {
    const now = Date.now();
    for (const e of events) {
      const hash = fakeHash();
      const stored = { ...e, eventID: hash, '@context': [CONTEXT], recordTime: new Date(now).toISOString() };
      const sources = ((e.sourceList as { source: string }[]) ?? []).map((s) => s.source);
      const dests = ((e.destinationList as { destination: string }[]) ?? []).map((d) => d.destination);
      const shipment = sources.length || dests.length ? 1 : 0;
      const doc = JSON.stringify(stored);
      const args: unknown[] = [owner, hash, hash, e.type, Date.parse(String(e.eventTime)), now, e.action ?? null, e.bizStep ?? null, e.disposition ?? null, (e.readPoint as { id?: string })?.id ?? null, (e.bizLocation as { id?: string })?.id ?? null, e.transformationID ?? null];
      if (inlineDoc) args.push(doc);
      if (hasShipment) args.push(shipment);
      const pk = insEvent.run(...args).lastInsertRowid;
      insDoc?.run(pk, doc);
      const refs = new Map<string, [string, string, number | null, string | null]>();
      for (const r of epcsOf(e)) {
        const c = toCanonicalDigitalLink(r.id) ?? r.id;
        refs.set(`${r.role}|${c}`, [r.role, c, r.quantity ?? null, r.uom ?? null]);
        if (asWritten) refs.set(`${r.role}|${r.id}`, [r.role, r.id, r.quantity ?? null, r.uom ?? null]);
      }
      for (const r of refs.values()) insRef.run(pk, ...r);
      if (capturerParty) insParty.run(owner, pk);
      if (namedParties) {
        for (const u of [...sources, ...dests]) {
          const p = partyOf(u);
          if (p !== undefined && p !== owner) insParty.run(p, pk);
        }
      }
    }
  });
  const m = meter('baseline store', totalEvents, 'events');
  const started = performance.now();
  let n = 0;
  for (const d of docs) {
    const doc = JSON.parse(fs.readFileSync(d.file, 'utf8')) as { epcisBody: { eventList: Record<string, unknown>[] } };
    storeDoc(entId[d.enterprise], doc.epcisBody.eventList);
    n += d.events;
    m.update(n);
  }
  storeBaseline = n / ((performance.now() - started) / 1000);
  m.done(`${fmt(n)} events, ${fmt(storeBaseline)} events/s`);
  const rows = (t: string) => (b.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  log(`  same rows as the platform: identifier rows ${fmt(rows('epcis_event_refs'))} (platform ${fmt(platformRefs)}, ${asWritten ? 'as written and canonical' : 'canonical only'}), party rows ${fmt(rows('epcis_event_parties'))} (platform ${fmt(platformParties)}: ${[capturerParty && 'capturer', namedParties && 'named parties'].filter(Boolean).join(' and ') || 'none'})`);
  await h.close();
  for (const f of fs.readdirSync(dataDir)) if (f.startsWith('baseline.db')) fs.rmSync(path.join(dataDir, f));
}

// ----- 5. traces: ours against one recursive SQL query, alternating -----
const IN_ROLES = "('input','inputQuantity','child','childQuantity')";
const OUT_ROLES = "('output','outputQuantity','parent')";
const ro = new Database(dbFile, { readonly: true, fileMustExist: true });
// The same page cache and memory map as the platform's connection.
for (const p of ['cache_size', 'mmap_size']) ro.pragma(`${p} = ${Number(platform.services.handle.sqlite!.pragma(p, { simple: true }))}`);
const closureSql = ro.prepare(`
  WITH RECURSIVE
    back(ref, d) AS (
      SELECT @root, 0
      UNION
      SELECT i.ref, b.d + 1 FROM back b
        JOIN epcis_event_refs o ON o.ref = b.ref AND o.role IN ${OUT_ROLES}
        JOIN epcis_event_refs i ON i.event_pk = o.event_pk AND i.role IN ${IN_ROLES}
      WHERE b.d < @depth AND substr(i.ref, 1, 8) = 'https://'
    ),
    fwd(ref, d) AS (
      SELECT @root, 0
      UNION
      SELECT o.ref, f.d + 1 FROM fwd f
        JOIN epcis_event_refs i ON i.ref = f.ref AND i.role IN ${IN_ROLES}
        JOIN epcis_event_refs o ON o.event_pk = i.event_pk AND o.role IN ${OUT_ROLES}
      WHERE f.d < @depth AND substr(o.ref, 1, 8) = 'https://'
    )
  SELECT ref FROM back UNION SELECT ref FROM fwd`).pluck();
const sqlTrace = (uri: string) => new Set(closureSql.all({ root: toCanonicalDigitalLink(uri) ?? uri, depth: DEPTH }) as string[]);
// The genealogy (lots with attributed quantities), what the SQL closure computes; and, timed apart on
// the same lots, the full trace the API answers, which adds each lot's shipment senders and receivers.
const ourTrace = async (uri: string, holders = false) => new Set((await platform.services.trace.trace(ctx, [uri], 'both', DEPTH, { holders })).nodes.map((n) => n.ref));

// Lots to trace: 70 % from the deepest tiers (a full depth-20 walk backward), 30 % from tiers 0–19.
const pick = prng(20_261_130);
const lots = Array.from({ length: 20 + SAMPLES + HTTP_SAMPLES }, (_, i) => {
  const deep = i % 10 < 7;
  const t = deep ? DEPTH + Math.floor(pick() * (g.tiers - DEPTH)) : Math.floor(pick() * DEPTH);
  const p = Math.floor(pick() * g.width);
  return { t, p, uri: g.lotUri(t, p) };
});
for (const l of lots.slice(0, 20)) {
  // warm-up
  await ourTrace(l.uri);
  sqlTrace(l.uri);
}
const samples = lots.slice(20, 20 + SAMPLES);
// HTTP traces other lots than those already traced, so that they do not find their pages cached.
const httpLots = lots.slice(20 + SAMPLES);
const ours: number[] = [];
const full: number[] = [];
const base: number[] = [];
const nodes: number[] = [];
let mismatchSql = 0;
let mismatchGen = 0;
const examples: string[] = [];
const tm = meter('trace', samples.length, 'traces');
for (let i = 0; i < samples.length; i++) {
  const { t, p, uri } = samples[i];
  let a = new Set<string>();
  let b = new Set<string>();
  const runOurs = async () => {
    const s = performance.now();
    a = await ourTrace(uri);
    ours.push(performance.now() - s);
  };
  const runSql = () => {
    const s = performance.now();
    b = sqlTrace(uri);
    base.push(performance.now() - s);
  };
  if (i % 2) {
    runSql();
    await runOurs();
  } else {
    await runOurs();
    runSql();
  }
  const s = performance.now();
  await ourTrace(uri, true);
  full.push(performance.now() - s);
  nodes.push(a.size);
  const same = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((r) => y.has(r));
  if (!same(a, b)) {
    mismatchSql++;
    if (examples.length < 3) examples.push(`${uri}: ours ${a.size} lots, SQL ${b.size}`);
  }
  const expected = new Set([...g.closure(t, p, DEPTH)].map((k) => {
    const [tt, pp] = k.split('.').map(Number);
    return toCanonicalDigitalLink(g.lotUri(tt, pp))!;
  }));
  if (!same(a, expected)) {
    mismatchGen++;
    if (examples.length < 3) examples.push(`${uri}: ours ${a.size} lots, generated ${expected.size}`);
  }
  tm.update(i + 1);
}
tm.done(`${samples.length} lots, ours p50 ${ms(pct(ours, 0.5))} ms / p99 ${ms(pct(ours, 0.99))} ms (with holders p50 ${ms(pct(full, 0.5))} / p99 ${ms(pct(full, 0.99))} ms), SQL p50 ${ms(pct(base, 0.5))} ms / p99 ${ms(pct(base, 0.99))} ms`);
for (const e of examples) log(`  mismatch: ${e}`);
ro.close();

// ----- 6. the same over HTTP -----
// A fresh keep-alive agent: fetch's pooled sockets went stale while the baseline held the event loop.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const get = (url: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { agent, headers: auth }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
const http: number[] = [];
const hm = meter('http trace', httpLots.length, 'requests');
for (const { uri } of httpLots) {
  const s = performance.now();
  const r = await get(`${platform.url}/api/v1/trace?id=${encodeURIComponent(uri)}&direction=both&depth=${DEPTH}`);
  if (r.status !== 200) throw new Error(`GET /api/v1/trace: ${r.status} ${r.body}`);
  JSON.parse(r.body);
  http.push(performance.now() - s);
  hm.update(http.length);
}
agent.destroy();
hm.done(`p50 ${ms(pct(http, 0.5))} ms, p99 ${ms(pct(http, 0.99))} ms`);

const dbBytes = fs.readdirSync(dataDir).filter((f) => f.startsWith('symbiont.db')).reduce((s, f) => s + fs.statSync(path.join(dataDir, f)).size, 0);
await platform.close();
clearInterval(rssTimer);

const deepNodes = nodes.filter((_, i) => samples[i].t >= DEPTH);
log(`trace sizes (lots, both directions, depth ${DEPTH}): mean ${mean(nodes).toFixed(0)}, p50 ${pct(nodes, 0.5)}, p99 ${pct(nodes, 0.99)}, max ${Math.max(...nodes)}; from the deepest tiers mean ${mean(deepNodes).toFixed(0)}`);
log(`mismatches: ${mismatchSql} against SQL, ${mismatchGen} against the generator (of ${samples.length}); database ${fmt(dbBytes / 1048576)} MiB; peak RSS ${fmt(captureRss / 1048576)} MiB while capturing, ${fmt(peakRss / 1048576)} MiB in the whole run`);
printResult({
  bench: 'trace',
  unit: 'events/s',
  value: Math.round(captureRate),
  baseline: storeBaseline === null ? NaN : Math.round(storeBaseline),
  ratio: storeBaseline === null ? NaN : Number((captureRate / storeBaseline).toFixed(3)),
  lots: g.lots,
  events: captured,
  documents: docs.length,
  captureSeconds: Number(captureSecs.toFixed(1)),
  traceP50Ms: ms(pct(ours, 0.5)),
  traceWithHoldersP50Ms: ms(pct(full, 0.5)),
  traceWithHoldersP99Ms: ms(pct(full, 0.99)),
  traceP99Ms: ms(pct(ours, 0.99)),
  traceMaxMs: ms(Math.max(...ours)),
  sqlP50Ms: ms(pct(base, 0.5)),
  sqlP99Ms: ms(pct(base, 0.99)),
  traceVsSqlP50: Number((pct(ours, 0.5) / pct(base, 0.5)).toFixed(2)),
  httpP50Ms: ms(pct(http, 0.5)),
  httpP99Ms: ms(pct(http, 0.99)),
  meanNodes: Math.round(mean(nodes)),
  maxNodes: Math.max(...nodes),
  samples: samples.length,
  mismatches: mismatchSql + mismatchGen,
  dbMB: Math.round(dbBytes / 1048576),
  captureRssMB: Math.round(captureRss / 1048576),
  peakRssMB: Math.round(peakRss / 1048576),
});
