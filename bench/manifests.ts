/**
 * Hazardous-waste transfer manifests (issue 14, docs/manifests.md): full lifecycles through
 * `ManifestService` against the bare storage writes of the same lifecycle, in the same run.
 *
 * Setup (not timed), embedded shape: a fresh SQLite store in a temp dir, bootstrapped, the park's
 * identifier prefix set (so every create mints the manifest's identifier and each line's batch),
 * 4 generators, 2 transporters, 2 receivers, the park's licences for them.
 *
 * A lifecycle is 9 service calls: create (2 lines, 1 leg), sign, hand_over, take_over, hand_over,
 * take_over, accept, process (one line utilized, R9; one incinerated, D10), close. Each is what the
 * API runs: the policy, the state machine, the licence checks, the hash-chained signature, the audit
 * record and the outbox event in one transaction, then the links (EPCIS capture as the documenting
 * party, ledger flows) and the detail read back.
 * - value: lifecycles per second with 4 generators running concurrently, each its own manifests;
 *   the same sequentially is printed beside it;
 * - baseline: the same rows written with plain Kysely on a second fresh store of the same kind —
 *   the manifest row and its 3 parties, then per action one update of the row and its signature
 *   row — in the same 9 transactions, no reads, checks, audit, events or links; run the same two ways.
 *   ratio = value ÷ concurrent baseline: what the platform's guarantees cost.
 * Also printed: p50/p95 of one action (sequential run), `list(state=closed, limit=50)` and
 * `overview` with the manifests loaded, and the lifecycle rate on PostgreSQL when it answers.
 * N = 300 manifests a way (`--quick`: 60). Progress on stderr; the last line is the JSON result.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { tablesOf } from '../src/adapters/db/index.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import type { ManifestTables } from '../src/modules/manifests/tables.ts';
import type { CreateManifest, ManifestActionBody } from '../src/modules/manifests/schemas.ts';
import { median, printResult, QUICK } from './lib.ts';

const log = (s: string) => process.stderr.write(s + '\n');

const N = QUICK ? 60 : 300;
const PG_N = QUICK ? 20 : 100;
const CONCURRENCY = 4;
const WARM_UP = 4;
const READ_REPEATS = QUICK ? 10 : 30;
const PG_URL = process.env.SYMBIONT_BENCH_PG ?? process.env.SYMBIONT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const park = systemContext('bench');

interface Store {
  url: string;
  drop(): Promise<void>;
}

async function freshStore(dialect: 'sqlite' | 'postgres', dir: string, name: string): Promise<Store> {
  if (dialect === 'sqlite') return { url: `sqlite:${path.join(dir, `${name}.db`)}`, drop: async () => {} };
  const db = `symbiont_bench_${name}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${db}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${db}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${db} with (force)`);
      await c.end();
    },
  };
}

async function postgresAnswers(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch (err) {
    log(`PostgreSQL at ${PG_URL} did not answer (${(err as Error).message}): its run is skipped`);
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

interface Park {
  s: Services;
  generators: AuthContext[];
  transporters: AuthContext[];
  receivers: AuthContext[];
  materials: { id: number; code: string }[];
  today: string;
}

const enterpriseCtx = (username: string, enterpriseId: number): AuthContext => ({ userId: null, username, role: 'enterprise_admin', enterpriseId, via: 'session' });

/** The park every run uses: enterprises, the licences the park registers, an identifier prefix. */
async function setUpPark(url: string): Promise<Park> {
  const s = await openServices({ db: url, sessionTtlHours: 1 });
  await bootstrap(s, { adminPassword: 'bench-admin-password' });
  await s.registry.savePark(park, { identifierPrefix: '88.514.14' });
  const ent = async (code: string) => enterpriseCtx(`${code}.admin`, (await s.registry.enterprises.create(park, { code, name: `${code} 公司`, industry: 'other' })).id);
  const generators = await Promise.all(['gen1', 'gen2', 'gen3', 'gen4'].map(ent));
  const transporters = await Promise.all(['haul1', 'haul2'].map(ent));
  const receivers = await Promise.all(['recv1', 'recv2'].map(ent));
  // Two hazardous wastes measured in t, so that the declared figure is the licence's unit.
  const rows = await s.handle.db
    .selectFrom('materials')
    .select(['id', 'code', 'hw_code'])
    .where('enterprise_id', 'is', null)
    .where('unit', '=', 't')
    .where('code', 'in', ['WASTE_MINERAL_OIL', 'DISTILLATION_RESIDUE', 'SPENT_CATALYST_FCC', 'WASTE_ACID'])
    .orderBy('code')
    .execute();
  const oil = rows.find((r) => r.code === 'WASTE_MINERAL_OIL');
  const other = rows.find((r) => r.code !== 'WASTE_MINERAL_OIL');
  if (!oil || !other) throw new Error(`the catalogue lacks two hazardous wastes in t: ${JSON.stringify(rows)}`);
  const classes = [...new Set([oil, other].map((m) => String(m.hw_code).split('/')[0]))];
  for (const [i, r] of receivers.entries()) {
    await s.exchange.licences.create(park, { enterpriseId: r.enterpriseId!, number: `R-${i + 1}`, kind: 'receiver', codes: classes, annualCapacityT: 1_000_000, validFrom: '2020-01-01', validTo: '2099-12-31' } as never);
  }
  for (const [i, t] of transporters.entries()) {
    await s.exchange.licences.create(park, { enterpriseId: t.enterpriseId!, number: `T-${i + 1}`, kind: 'transporter', codes: classes, validFrom: '2020-01-01', validTo: '2099-12-31' } as never);
  }
  const timezone = (await s.registry.getPark()).timezone;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return { s, generators, transporters, receivers, materials: [oil, other], today };
}

const seen = (q: [number, number]) => [
  { line: 1, quantity: q[0], containers: 4 },
  { line: 2, quantity: q[1], containers: 2 },
];

/** One manifest from draft to closed through the service; each call's latency goes to `latencies` under its action. */
async function lifecycle(p: Park, g: number, latencies?: Map<string, number[]>): Promise<void> {
  const took = (action: string, ms: number) => {
    if (!latencies) return;
    if (!latencies.has(action)) latencies.set(action, []);
    latencies.get(action)!.push(ms);
  };
  const gen = p.generators[g];
  const haul = p.transporters[g % p.transporters.length];
  const recv = p.receivers[g % p.receivers.length];
  const q: [number, number] = [0.8, 0.35];
  const body: CreateManifest = {
    receiverId: recv.enterpriseId!, plannedDate: p.today, route: 'G60 → 园区南门',
    legs: [{ transporterId: haul.enterpriseId!, vehicle: '浙A00001', driver: '王师傅' }],
    lines: [
      { materialId: p.materials[0].id, form: 'liquid', packaging: 'drum', containers: 4, quantity: q[0] },
      { materialId: p.materials[1].id, form: 'solid', packaging: 'bag', containers: 2, quantity: q[1] },
    ],
  } as CreateManifest;
  let t = performance.now();
  const m = await p.s.manifests.create(gen, body);
  took('create', performance.now() - t);
  const steps: [AuthContext, Omit<ManifestActionBody, 'version'>][] = [
    [gen, { action: 'sign' }],
    [gen, { action: 'hand_over', seen: seen(q) }],
    [haul, { action: 'take_over', seen: seen(q), location: { lat: 30.1, lng: 120.2 } }],
    [haul, { action: 'hand_over', seen: seen(q) }],
    [recv, { action: 'take_over', seen: seen(q) }],
    [recv, { action: 'accept', seen: seen(q) }],
    [recv, { action: 'process', methods: [{ line: 1, method: 'R9', quantity: q[0] }, { line: 2, method: 'D10', quantity: q[1] }] }],
    [gen, { action: 'close' }],
  ] as never;
  let version = m.version;
  let state = m.state;
  for (const [who, step] of steps) {
    t = performance.now();
    const after = await p.s.manifests.act(who, m.id, { ...step, version } as ManifestActionBody);
    took(step.action, performance.now() - t);
    version = after.version;
    state = after.state;
  }
  if (state !== 'closed') throw new Error(`manifest ${m.number} ended ${state}`);
}

/** The same rows as `lifecycle` writes to the manifest tables, in the same transactions, and nothing else. */
async function bareLifecycle(s: Services, p: { generator: number; transporter: number; receiver: number; materials: { id: number; code: string }[]; today: string }, i: number): Promise<void> {
  const db = tablesOf<ManifestTables>(s.handle.db);
  const at = Date.now();
  const lines = JSON.stringify(
    p.materials.map((m, k) => ({
      line: k + 1, materialId: m.id, materialCode: m.code, hwCode: 'HW08/900-249-08', form: 'liquid', packaging: 'drum', containers: 4, quantity: 0.5, unit: 't',
      hazards: ['T', 'I'], batches: [`urn:symbiont:waste-batch:${randomBytes(16).toString('hex')}`], received: null, receivedContainers: null, rejected: null, method: null, processed: null,
    })),
  );
  const legs = JSON.stringify([{ leg: 1, transporterId: p.transporter, vehicle: '浙A00001', driver: '王师傅', driverPhone: null, tookOverAt: null }]);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('manifests')
      .values({
        enterprise_id: p.generator, receiver_id: p.receiver, number: `BARE-${process.pid}-${i}`, revision: 0, kind: 'original', parent_id: null, state: 'draft', version: 1,
        identifier: `https://id.example/88.514.14/${i}`, site_id: null, receiver_site_id: null, planned_date: p.today, route: 'G60 → 园区南门', lines, legs, declared_t: 1.15,
        received_t: null, accepted_t: null, handoffs_done: 0, handoff_half: null, rejection: null, discrepancy: null, discrepancy_state: null, deal_id: null, delivery_id: null,
        correction: null, note: null, signed_at: null, picked_up_at: null, delivered_at: null, received_at: null, processed_at: null, closed_at: null, cancelled_at: null,
        overdue_since: null, created_by: 'gen.admin', created_at: at, updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('manifest_parties')
      .values([
        { manifest_id: id, enterprise_id: p.generator, party: 'generator', leg: 0 },
        { manifest_id: id, enterprise_id: p.transporter, party: 'transporter', leg: 1 },
        { manifest_id: id, enterprise_id: p.receiver, party: 'receiver', leg: 0 },
      ])
      .execute();
    return id;
  });
  const steps = [
    ['sign', 'generator', 'signed', 0, null],
    ['hand_over', 'generator', 'signed', 0, 'given'],
    ['take_over', 'transporter', 'in_transit', 1, null],
    ['hand_over', 'transporter', 'in_transit', 1, 'given'],
    ['take_over', 'receiver', 'delivered', 2, null],
    ['accept', 'receiver', 'accepted', 2, null],
    ['process', 'receiver', 'processed', 2, null],
    ['close', 'generator', 'closed', 2, null],
  ] as const;
  const hash = randomBytes(32).toString('hex');
  for (const [k, [action, party, state, handoffs, half]] of steps.entries()) {
    await db.transaction().execute(async (trx) => {
      const now = Date.now();
      await trx
        .updateTable('manifests')
        .set({ state, version: k + 2, lines, handoffs_done: handoffs, handoff_half: half, updated_at: now, ...(state === 'closed' ? { closed_at: now } : {}) })
        .where('id', '=', id)
        .where('version', '=', k + 1)
        .execute();
      await trx
        .insertInto('manifest_signatures')
        .values({
          manifest_id: id, seq: k + 1, version: k + 1, action, party, leg: party === 'transporter' ? 1 : null, enterprise_id: party === 'generator' ? p.generator : party === 'transporter' ? p.transporter : p.receiver,
          user_id: null, username: `${party}.admin`, role: 'enterprise_admin', via: 'session', at: now, location: null, seen: action === 'sign' || action === 'close' ? null : '[{"line":1,"quantity":0.8,"containers":4},{"line":2,"quantity":0.35,"containers":2}]',
          detail: `{"content":"${hash}"}`, note: null, prev_hash: hash, hash,
        })
        .execute();
    });
  }
}

/** Lifecycles per second over `n`, sequentially or by `workers` generators at once (each its own share). */
async function rate(n: number, workers: number, one: (worker: number, i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = next++; i < n; i = next++) await one(w, i);
    }),
  );
  return n / ((performance.now() - started) / 1000);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function timeRead(fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < READ_REPEATS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/** Every manifest closed in `s` has its EPCIS events and ledger flows: the links did run (their failures are only logged). */
async function assertLinked(s: Services): Promise<void> {
  const db = tablesOf<ManifestTables>(s.handle.db);
  const closed = Number((await db.selectFrom('manifests').select((eb) => eb.fn.countAll().as('n')).where('state', '=', 'closed').executeTakeFirstOrThrow()).n);
  const linked = await db.selectFrom('manifest_links').select(['kind', (eb) => eb.fn.count('manifest_id').distinct().as('n'), (eb) => eb.fn.countAll().as('links')]).groupBy('kind').execute();
  const of = (kind: string) => Number(linked.find((l) => l.kind === kind)?.n ?? 0);
  if (of('epcis') !== closed || of('flow') !== closed) throw new Error(`links missing: ${closed} closed manifests, linked ${JSON.stringify(linked)}`);
  log(`  links: ${linked.map((l) => `${l.links} ${l.kind}`).join(', ')} for ${closed} manifests`);
}

/** A fresh park; its manifests written `n` at a time by `workers` generators; optionally the reads timed at the end. */
async function serviceRun(dialect: 'sqlite' | 'postgres', dir: string, name: string, n: number, workers: number, reads: boolean) {
  const store = await freshStore(dialect, dir, name);
  const p = await setUpPark(store.url);
  try {
    for (let i = 0; i < WARM_UP; i++) await lifecycle(p, i % CONCURRENCY);
    const actionMs = new Map<string, number[]>();
    const lifecycleMs: number[] = [];
    const perSecond = await rate(n, workers, async (w, i) => {
      const t = performance.now();
      await lifecycle(p, workers === 1 ? i % CONCURRENCY : w, actionMs);
      lifecycleMs.push(performance.now() - t);
    });
    // The licence checks at sign and accept read every manifest the receivers got this year: a lifecycle costs more as the year fills.
    const fifth = Math.max(1, Math.floor(n / 5));
    const firstFifthMs = median(lifecycleMs.slice(0, fifth));
    const lastFifthMs = median(lifecycleMs.slice(-fifth));
    log(`[${dialect}]   ${perSecond.toFixed(2)} lifecycles/s (${(perSecond * 9).toFixed(0)} calls/s); a lifecycle's median ${firstFifthMs.toFixed(0)} ms in the first fifth, ${lastFifthMs.toFixed(0)} ms in the last`);
    await assertLinked(p.s);
    const out = { perSecond, actionMs, firstFifthMs, lastFifthMs, listMs: NaN, listAsGeneratorMs: NaN, overviewMs: NaN, overviewAsGeneratorMs: NaN };
    if (reads) {
      const loaded = Number((await p.s.handle.db.selectFrom('manifests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const page = await p.s.manifests.list(park, { state: 'closed', limit: 50, offset: 0, latest: true });
      if (page.items.length !== 50) throw new Error(`list(state=closed) gave ${page.items.length} items`);
      log(`[${dialect}] reads with ${loaded} manifests loaded (median of ${READ_REPEATS})…`);
      out.listMs = await timeRead(() => p.s.manifests.list(park, { state: 'closed', limit: 50, offset: 0, latest: true }));
      out.listAsGeneratorMs = await timeRead(() => p.s.manifests.list(p.generators[0], { state: 'closed', limit: 50, offset: 0, latest: true }));
      out.overviewMs = await timeRead(() => p.s.manifests.overview(park, {}));
      out.overviewAsGeneratorMs = await timeRead(() => p.s.manifests.overview(p.generators[0], {}));
      log(`[${dialect}]   list(state=closed, limit=50): park ${out.listMs.toFixed(1)} ms, a generator ${out.listAsGeneratorMs.toFixed(1)} ms; overview: park ${out.overviewMs.toFixed(1)} ms, a generator ${out.overviewAsGeneratorMs.toFixed(1)} ms`);
    }
    return out;
  } finally {
    await p.s.close();
    await store.drop().catch(() => {});
  }
}

/** The baseline on a fresh park set up the same way (its rows reference real enterprises and materials). */
async function bareRun(dialect: 'sqlite' | 'postgres', dir: string, name: string, n: number, workers: number): Promise<number> {
  const store = await freshStore(dialect, dir, name);
  const b = await setUpPark(store.url);
  try {
    const ids = (g: number) => ({ generator: b.generators[g % CONCURRENCY].enterpriseId!, transporter: b.transporters[g % 2].enterpriseId!, receiver: b.receivers[g % 2].enterpriseId!, materials: b.materials, today: b.today });
    for (let i = 0; i < WARM_UP; i++) await bareLifecycle(b.s, ids(i), -1 - i);
    const perSecond = await rate(n, workers, (w, i) => bareLifecycle(b.s, ids(workers === 1 ? i : w), i));
    log(`[${dialect}]   ${perSecond.toFixed(1)} lifecycles/s`);
    return perSecond;
  } finally {
    await b.s.close();
    await store.drop().catch(() => {});
  }
}

interface DialectRun {
  sequential: Awaited<ReturnType<typeof serviceRun>>;
  concurrent: Awaited<ReturnType<typeof serviceRun>>;
  bareSequential: number;
  bareConcurrent: number;
}

/** Each way on its own fresh store, so that neither starts with the other's manifests. */
async function runDialect(dialect: 'sqlite' | 'postgres', dir: string, n: number, reads: boolean): Promise<DialectRun> {
  log(`[${dialect}] ${n} lifecycles sequentially…`);
  const sequential = await serviceRun(dialect, dir, 'sequential', n, 1, false);
  log(`[${dialect}] ${n} lifecycles by ${CONCURRENCY} generators at once…`);
  const concurrent = await serviceRun(dialect, dir, 'concurrent', n, CONCURRENCY, reads);
  log(`[${dialect}] baseline: the same rows with plain Kysely, ${n} lifecycles sequentially…`);
  const bareSequential = await bareRun(dialect, dir, 'bare_sequential', n, 1);
  log(`[${dialect}] baseline, ${CONCURRENCY} at once…`);
  const bareConcurrent = await bareRun(dialect, dir, 'bare_concurrent', n, CONCURRENCY);
  return { sequential, concurrent, bareSequential, bareConcurrent };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-bench-manifests-'));
try {
  log(`N = ${N} manifests a way${QUICK ? ' (--quick)' : ''}; a lifecycle = create + 8 actions`);
  const sqlite = await runDialect('sqlite', dir, N, true);
  const every = [...sqlite.sequential.actionMs.values()].flat();
  const p50 = pct(every, 50);
  const p95 = pct(every, 95);
  log(`[sqlite] p50 by call: ${[...sqlite.sequential.actionMs].map(([a, ms]) => `${a} ${pct(ms, 50).toFixed(1)}`).join(', ')} ms`);
  log(`[sqlite] one call (create or action, sequential run): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  let postgres: DialectRun | null = null;
  if (await postgresAnswers()) postgres = await runDialect('postgres', dir, PG_N, false);
  const ratio = sqlite.concurrent.perSecond / sqlite.bareConcurrent;
  log(`the guarantees cost: ${(1 / ratio).toFixed(1)}× the bare writes (4 at once), ${(sqlite.bareSequential / sqlite.sequential.perSecond).toFixed(1)}× sequentially`);
  const r2 = (x: number | undefined) => (x === undefined ? null : Number(x.toFixed(2)));
  printResult({
    bench: 'manifests',
    unit: 'lifecycles/s',
    value: r2(sqlite.concurrent.perSecond)!,
    baseline: r2(sqlite.bareConcurrent)!,
    ratio: Number(ratio.toFixed(4)),
    n: N,
    concurrency: CONCURRENCY,
    sequential: r2(sqlite.sequential.perSecond),
    baselineSequential: r2(sqlite.bareSequential),
    actionP50Ms: r2(p50),
    actionP95Ms: r2(p95),
    lifecycleFirstFifthMs: r2(sqlite.sequential.firstFifthMs),
    lifecycleLastFifthMs: r2(sqlite.sequential.lastFifthMs),
    listClosed50Ms: r2(sqlite.concurrent.listMs),
    listClosed50AsGeneratorMs: r2(sqlite.concurrent.listAsGeneratorMs),
    overviewMs: r2(sqlite.concurrent.overviewMs),
    overviewAsGeneratorMs: r2(sqlite.concurrent.overviewAsGeneratorMs),
    postgres: postgres
      ? { n: PG_N, sequential: r2(postgres.sequential.perSecond), concurrent: r2(postgres.concurrent.perSecond), baselineSequential: r2(postgres.bareSequential), baselineConcurrent: r2(postgres.bareConcurrent), ratio: Number((postgres.concurrent.perSecond / postgres.bareConcurrent).toFixed(4)) }
      : null,
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
