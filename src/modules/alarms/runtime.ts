/**
 * The alarm runtime: alarms are evaluated as data commits. Telemetry tells the runtime of every
 * committed batch (TelemetryService.onCommitted, synchronously on the commit path); the runtime
 * queues the readings and, on the next turn of the event loop, feeds them to the evaluators of the
 * rules on their tags and writes what changed with ONE `applyConditions` call per pass. Passes are
 * serialized: readings that arrive while one is written form the next. Nothing polls the store for
 * readings; only the clock-driven kinds (no data, window ends), shelving expiry, suppression and
 * flood detection run on a short period.
 *
 * It runs as one worker job (`alarms:evaluator`), so one node evaluates at a time. On taking the
 * job it rebuilds its state from the store: tag limits become rules, rules are resolved, SPC
 * control limits are computed from each rule's baseline, and every evaluator is seeded with the
 * readings it needs (the last hour; the current window of a window rule; the last reading for no
 * data). Seeding judges the readings of a commit whose alarm was not written before a crash, so
 * nothing raised is forgotten; the store's alarm rows are the truth and the lifecycle refuses stale
 * or repeated conditions, so nothing cleared comes back.
 *
 * Server shape (several nodes on one PostgreSQL): `onCommitted` only reports the batches THIS node
 * commits, so the node holding the job does not see what devices connected to other nodes send.
 * Forwarding committed readings to the holder is issue 15's (the multi-node bus): the hook is
 * `AlarmRuntime.ingest(points)`, which a bus subscription on the holder calls with other nodes'
 * batches (as TelemetryService.joinLive does for live views with `telemetry.readings.committed`).
 * Until then, seeding on take-over judges what other nodes committed in the replay window.
 */
import { HOUR, MAX_TS, type Point as TagPoint } from '../telemetry/model.ts';
import type { Job, Lease, Worker, WorkerLog } from '../../core/worker.ts';
import { createEvaluator, type Evaluator } from './evaluator.ts';
import { DEFAULT_FLOOD, FloodDetector, floodSourceKey, type FloodOptions } from './flood.ts';
import { entryKey, RuleCache, type RuleEntry } from './rule-cache.ts';
import type { DeviceServiceState } from '../registry/service.ts';
import type { ConditionChange, ResolvedRule, RuleParams } from './rule-model.ts';
import type { RaiseInput } from './service.ts';
import type { Point } from './series.ts';
import { controlLimitsIMR, controlLimitsXbarR, type ControlLimits, type LimitsResult } from './spc.ts';

export const EVALUATOR_JOB = 'alarms:evaluator';

/** How much history an evaluator is seeded with (and may replay out-of-order readings within). */
export const REPLAY_MS = HOUR;
/** Rules are resolved in full at least this often, whatever the fingerprint says. */
const FULL_RESOLVE_MS = 60_000;

export type { DeviceServiceState };

/** What the runtime asks of the alarm store (AlarmService satisfies it). */
export interface AlarmRuntimeStore {
  resolvedRules(): Promise<ResolvedRule[]>;
  syncTagLimitRules(): Promise<unknown>;
  applyConditions(changes: { rule: ResolvedRule; change: ConditionChange }[]): Promise<{ transitions: number }>;
  raise(input: RaiseInput): Promise<unknown>;
  expireShelves(now: number): Promise<unknown>;
  setSuppressed(deviceId: number, suppressed: boolean, reason: string): Promise<unknown>;
}

/** What the runtime asks of telemetry (TelemetryService satisfies it). */
export interface AlarmRuntimeTelemetry {
  onCommitted(listener: (points: readonly TagPoint[]) => void): () => void;
  pointsBetween(tagIds: number[], from: number, to: number): Promise<TagPoint[]>;
  lastPoints(tagIds: number[]): Promise<TagPoint[]>;
  /** The device's tags (a device-level no-data rule watches them all). */
  deviceById(id: number): Promise<{ tags: ReadonlyMap<string, number> } | undefined>;
}

export interface AlarmRuntimeOptions {
  store: AlarmRuntimeStore;
  telemetry: AlarmRuntimeTelemetry;
  /**
   * A cheap fingerprint of everything rules resolve from (rules, tags and their limits, devices):
   * when it has not changed since the last refresh, the rules are not read again. Without it every
   * refresh re-resolves every rule.
   */
  rulesVersion?: () => Promise<string>;
  /**
   * Tells of a rule written through this node's service, so that a rule posted and a reading
   * published straight after are judged together instead of up to `refreshMs` apart; returns the
   * unsubscribe. Writes elsewhere (another node, a tag's limits) are seen by the periodic refresh.
   */
  rulesChanged?: (listener: () => void) => () => void;
  /** Service states of devices that have rules; a device not in the map is in service. */
  deviceStates(deviceIds: number[]): Promise<ReadonlyMap<number, DeviceServiceState>>;
  log?: WorkerLog;
  /** The clock of ticks and seeding (tests inject one). */
  clock?: () => number;
  /** How often the clock-driven work runs (default 1 s). */
  tickMs?: number;
  /** How often rules, tag limits and device states are read again (default 5 s). */
  refreshMs?: number;
  flood?: FloodOptions;
  lease?: { leaseMs: number; heartbeatMs: number; retryMs?: number };
}

type Change = { rule: ResolvedRule; change: ConditionChange };

/** How far back an evaluator of these parameters is seeded at `now`. */
export function seedFrom(params: RuleParams, now: number): number {
  switch (params.kind) {
    case 'rate':
      return now - Math.max(REPLAY_MS, 2 * params.windowMs);
    case 'forecast':
      return now - Math.max(REPLAY_MS, params.fitWindowMs);
    case 'window': {
      // The current window, aligned to the park's clock, as the evaluator aligns it.
      const local = now + params.utcOffsetMs;
      const start = local - (((local % params.windowMs) + params.windowMs) % params.windowMs) - params.utcOffsetMs;
      return Math.min(now - REPLAY_MS, start);
    }
    default:
      return now - REPLAY_MS;
  }
}

/** SPC control limits from a baseline, by chart. */
export function limitsFor(params: Extract<RuleParams, { kind: 'spc' }>, baseline: readonly Point[]): LimitsResult {
  return params.chart === 'imr' ? controlLimitsIMR(baseline) : controlLimitsXbarR(baseline, params.subgroupSize);
}

export class AlarmRuntime {
  readonly cache = new RuleCache();
  private readonly flood: FloodDetector;
  private readonly clock: () => number;
  private job: Job | null = null;
  /** Committed batches waiting for the next pass. */
  private queue: (readonly TagPoint[])[] = [];
  private scheduled = false;
  /** The pass (or tick, or refresh) being written; every store write goes through this chain. */
  private chain: Promise<void> = Promise.resolve();
  /** Changes a failed applyConditions did not write: written again with the next pass (idempotent). */
  private unwritten: Change[] = [];
  private holding = false;
  private readonly unitEnterprise = new Map<number, number>();
  private deviceState = new Map<number, DeviceServiceState>();
  private stateKnown = false;
  private rulesVersion: string | null = null;
  /** When the rules were last resolved (wall clock, not the injected one). */
  private resolvedAt = 0;
  private readyWaiters: (() => void)[] = [];
  /** Counters and time spent (ms), for the benchmark and the logs. */
  readonly stats = { passes: 0, points: 0, changes: 0, writeFailures: 0, seeded: 0, evaluateMs: 0, writeMs: 0, resolves: 0, tickMs: 0, refreshMs: 0 };

  constructor(private readonly opts: AlarmRuntimeOptions) {
    this.clock = opts.clock ?? Date.now;
    this.flood = new FloodDetector(opts.flood ?? DEFAULT_FLOOD);
  }

  /** Registers the evaluator job with `worker`. Idempotent. */
  start(worker: Worker): void {
    if (this.job) return;
    const lease = this.opts.lease ?? { leaseMs: 15_000, heartbeatMs: 5_000, retryMs: 2_000 };
    this.job = worker.runExclusive(EVALUATOR_JOB, lease, (signal, l) => this.run(signal, l));
  }

  async stop(): Promise<void> {
    const job = this.job;
    this.job = null;
    await job?.stop();
  }

  /** Whether this node holds the job and has seeded its evaluators. */
  get evaluating(): boolean {
    return this.holding;
  }

  /** Resolves once this node evaluates (tests, benchmarks). */
  whenEvaluating(): Promise<void> {
    if (this.holding) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Resolves once every queued reading and pending write has been dealt with (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.queue.length || this.scheduled || this.unwritten.length) {
      await this.chain;
      await new Promise((r) => setImmediate(r));
      if (!this.holding) return;
    }
    await this.chain;
  }

  /**
   * Takes committed readings for evaluation. Called on the commit path: it only queues; the pass
   * runs on the next turn of the event loop. Also the hook for readings committed on other nodes.
   */
  ingest(points: readonly TagPoint[]): void {
    if (!this.holding || points.length === 0) return;
    this.queue.push(points);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.chain = this.chain.then(() => this.pass()).catch((err) => this.opts.log?.error({ err }, 'alarms: an evaluation pass failed'));
    });
  }

  /** The job, while this node holds its lease. */
  private async run(signal: AbortSignal, _lease: Lease): Promise<void> {
    // Listening before seeding: a batch committed meanwhile is queued, not lost (an evaluator given
    // a reading twice treats the repeat as a duplicate).
    let seeding = true;
    const early: (readonly TagPoint[])[] = [];
    const unlisten = this.opts.telemetry.onCommitted((points) => (seeding ? early.push(points) : this.ingest(points)));
    const unlistenRules = this.opts.rulesChanged?.(() => {
      if (!seeding) this.serially(() => this.timed('refreshMs', () => this.refreshRules(false)));
    });
    const tickMs = this.opts.tickMs ?? 1_000;
    const refreshMs = this.opts.refreshMs ?? 5_000;
    let ticker: NodeJS.Timeout | null = null;
    let refresher: NodeJS.Timeout | null = null;
    try {
      await this.refreshRules(true);
      await this.refreshSuppression();
      if (signal.aborted) return;
      seeding = false;
      this.holding = true;
      for (const batch of early.splice(0)) this.ingest(batch);
      for (const w of this.readyWaiters.splice(0)) w();
      ticker = setInterval(() => this.serially(() => this.timed('tickMs', () => this.tick())), tickMs);
      ticker.unref();
      refresher = setInterval(
        () =>
          this.serially(() =>
            this.timed('refreshMs', async () => {
              await this.refreshRules(false);
              await this.refreshSuppression();
            }),
          ),
        refreshMs,
      );
      refresher.unref();
      await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
    } finally {
      unlisten();
      unlistenRules?.();
      if (ticker) clearInterval(ticker);
      if (refresher) clearInterval(refresher);
      this.holding = false;
      this.queue = [];
      await this.chain.catch(() => {});
      // The next tenure (here or on another node) rebuilds everything from the store.
      this.cache.clear();
      this.unwritten = [];
      this.deviceState = new Map();
      this.stateKnown = false;
      this.rulesVersion = null;
      this.resolvedAt = 0;
    }
  }

  private async timed(stat: 'tickMs' | 'refreshMs', fn: () => Promise<void>): Promise<void> {
    const began = performance.now();
    try {
      await fn();
    } finally {
      this.stats[stat] += performance.now() - began;
    }
  }

  /** Runs periodic work in the write chain, after the pass under way; errors are logged. */
  private serially(fn: () => Promise<void>): void {
    this.chain = this.chain.then(fn).catch((err) => this.opts.log?.error({ err }, 'alarms: periodic evaluation work failed'));
  }

  /** One pass: the queued readings, grouped by tag, through their evaluators; one write. */
  private async pass(): Promise<void> {
    const batches = this.queue;
    this.queue = [];
    const byTag = new Map<number, TagPoint[]>();
    let n = 0;
    for (const batch of batches) {
      for (const p of batch) {
        // Most committed readings have no rule: skip them before any allocation.
        if (this.cache.forTag(p.tagId) === undefined) continue;
        const list = byTag.get(p.tagId);
        if (list) list.push(p);
        else byTag.set(p.tagId, [p]);
        n++;
      }
    }
    const began = performance.now();
    const changes: Change[] = [];
    for (const [tagId, points] of byTag) {
      if (points.length > 1 && !ascending(points)) points.sort((a, b) => a.ts - b.ts);
      for (const entry of this.cache.forTag(tagId) ?? []) this.feed(entry, entry.evaluator.add(points), changes);
    }
    this.stats.passes++;
    this.stats.points += n;
    this.stats.evaluateMs += performance.now() - began;
    await this.write(changes);
  }

  /** Collects an evaluator's changes and notes raises for flood detection. */
  private feed(entry: RuleEntry, out: readonly ConditionChange[], into: Change[]): void {
    for (const change of out) {
      into.push({ rule: entry.rule, change });
      if (change.active && !entry.active && entry.rule.unitId !== null) {
        this.flood.record(entry.rule.unitId, change.at);
        this.unitEnterprise.set(entry.rule.unitId, entry.rule.enterpriseId);
      }
      entry.active = change.active;
    }
  }

  /** Writes changes (and any a failed write left) in one call; on failure keeps them for the next. */
  private async write(changes: Change[]): Promise<void> {
    const all = this.unwritten.length ? [...this.unwritten, ...changes] : changes;
    if (all.length === 0) return;
    const began = performance.now();
    try {
      await this.opts.store.applyConditions(all);
      this.unwritten = [];
      this.stats.changes += all.length;
      this.stats.writeMs += performance.now() - began;
    } catch (err) {
      this.stats.writeFailures++;
      // applyConditions is idempotent and refuses stale conditions, so writing these again later is safe.
      this.unwritten = all.length > 100_000 ? all.slice(-100_000) : all;
      this.opts.log?.error({ err, changes: all.length }, 'alarms: writing alarm conditions failed; they are written again with the next pass');
      this.kickRetry();
    }
  }

  private retryTimer: NodeJS.Timeout | null = null;

  private kickRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.holding && this.unwritten.length) this.serially(() => this.write([]));
    }, 1_000);
    this.retryTimer.unref();
  }

  /** The clock-driven work: no-data and window rules, shelving expiry, floods. */
  private async tick(): Promise<void> {
    const now = this.clock();
    const changes: Change[] = [];
    for (const entry of this.cache.tickedEntries()) this.feed(entry, entry.evaluator.tick(now), changes);
    await this.write(changes);
    await this.opts.store.expireShelves(now);
    for (const f of this.flood.judge(now)) {
      const enterpriseId = this.unitEnterprise.get(f.unitId);
      if (enterpriseId === undefined) continue;
      await this.opts.store.raise({
        enterpriseId,
        source: 'alarms',
        sourceKey: floodSourceKey(f.unitId),
        category: 'process',
        severity: 'high',
        level: 'FLOOD',
        message: f.active
          ? `Alarm flood: ${f.count} alarms raised in this unit within ${Math.round(this.flood.options.windowMs / 60_000)} minutes`
          : `Alarm flood over: ${f.count} alarms in the last ${Math.round(this.flood.options.windowMs / 60_000)} minutes`,
        active: f.active,
        unitId: f.unitId,
      });
    }
  }

  /**
   * Reads the rules again and brings the evaluators in line: unchanged rules keep their evaluator
   * and its state, new or changed ones are built and seeded, removed ones dropped.
   */
  private async refreshRules(first: boolean): Promise<void> {
    const version = this.opts.rulesVersion ? await this.opts.rulesVersion() : null;
    // A fingerprint can miss a change (a transaction that commits late with an older updated_at),
    // so the rules are resolved in full now and then whatever it says.
    const stale = Date.now() - this.resolvedAt > FULL_RESOLVE_MS;
    if (!first && !stale && version !== null && version === this.rulesVersion) return;
    // A tag whose limits were set since is a new threshold rule (idempotent; adds nothing mostly).
    await this.opts.store.syncTagLimitRules();
    // The fingerprint read before the sync: one read after it could take in a tag created while
    // the sync ran, which the sync never saw, and its rule would then wait for an unrelated change.
    // The sync's own writes change the fingerprint, costing one more resolve that finds nothing new.
    this.rulesVersion = version;
    this.resolvedAt = Date.now();
    this.stats.resolves++;
    const now = this.clock();
    const resolved = await this.opts.store.resolvedRules();
    const wanted = new Map<string, { rule: ResolvedRule; tagIds: readonly number[] }>();
    for (const rule of resolved) {
      let tagIds: number[];
      if (rule.tagId !== null) tagIds = [rule.tagId];
      else {
        const device = await this.opts.telemetry.deviceById(rule.deviceId);
        tagIds = device ? [...device.tags.values()].sort((a, b) => a - b) : [];
      }
      wanted.set(entryKey(rule), { rule, tagIds });
    }
    this.cache.retainProblems(new Set(resolved.map((r) => r.ruleId)));
    const { drop, build } = this.cache.plan(wanted);
    for (const key of drop) this.cache.remove(key);
    if (build.length === 0) return;

    // SPC limits, one baseline read per rule and tag.
    const limits = new Map<string, ControlLimits>();
    for (const b of build) {
      const p = b.rule.params;
      if (p.kind !== 'spc' || b.rule.tagId === null) continue;
      const baseline = await this.opts.telemetry.pointsBetween([b.rule.tagId], p.baselineFrom, p.baselineTo);
      const r = limitsFor(p, baseline);
      if (r.ok) {
        limits.set(entryKey(b.rule), r.limits);
        this.cache.clearProblem(b.rule.ruleId);
      } else if (this.cache.setProblem({ ruleId: b.rule.ruleId, code: 'baseline-unusable', message: r.error.message, since: now })) {
        this.opts.log?.warn({ ruleId: b.rule.ruleId, tagId: b.rule.tagId, reason: r.error.code }, `alarms: SPC rule ${b.rule.ruleId} is not evaluated: ${r.error.message}`);
      }
    }

    const entries: { entry: RuleEntry; from: number }[] = [];
    for (const b of build) {
      const key = entryKey(b.rule);
      const p = b.rule.params;
      if (p.kind === 'spc' && !limits.has(key)) continue;
      const from = seedFrom(p, now);
      let evaluator: Evaluator;
      try {
        evaluator = createEvaluator(p, p.kind === 'spc' ? { controlLimits: limits.get(key) } : undefined, { replayMs: Math.max(REPLAY_MS, now - from) });
      } catch (err) {
        if (this.cache.setProblem({ ruleId: b.rule.ruleId, code: 'invalid-rule', message: (err as Error).message, since: now })) {
          this.opts.log?.warn({ ruleId: b.rule.ruleId, err }, `alarms: rule ${b.rule.ruleId} is not evaluated`);
        }
        continue;
      }
      const entry: RuleEntry = { key, signature: b.signature, rule: b.rule, evaluator, tagIds: b.tagIds, active: false };
      entries.push({ entry, from });
    }
    const changes = await this.seed(entries, now);
    for (const { entry } of entries) this.cache.add(entry);
    await this.write(changes);
  }

  /**
   * Feeds each new evaluator the stored readings it needs, read in groups of equal reach so that
   * thousands of rules cost a few range reads rather than one each.
   */
  private async seed(entries: { entry: RuleEntry; from: number }[], now: number): Promise<Change[]> {
    const changes: Change[] = [];
    const last: RuleEntry[] = [];
    const byFrom = new Map<number, RuleEntry[]>();
    for (const { entry, from } of entries) {
      if (entry.rule.params.kind === 'no_data') {
        last.push(entry);
        continue;
      }
      // Reaches rounded to the minute share one read (a little more history harms no evaluator).
      const reach = Math.floor(from / 60_000) * 60_000;
      const list = byFrom.get(reach);
      if (list) list.push(entry);
      else byFrom.set(reach, [entry]);
    }
    for (const [from, group] of byFrom) {
      const tagIds = [...new Set(group.flatMap((e) => e.tagIds))];
      const points = groupByTag(await this.opts.telemetry.pointsBetween(tagIds, from, MAX_TS));
      for (const e of group) {
        const pts = e.tagIds.length === 1 ? (points.get(e.tagIds[0]) ?? []) : mergeSorted(e.tagIds.map((t) => points.get(t) ?? []));
        if (pts.length) this.feed(e, e.evaluator.add(pts), changes);
        this.stats.seeded += pts.length;
      }
    }
    if (last.length) {
      const tagIds = [...new Set(last.flatMap((e) => e.tagIds))];
      const latest = groupByTag(await this.opts.telemetry.lastPoints(tagIds));
      for (const e of last) {
        const pts = mergeSorted(e.tagIds.map((t) => latest.get(t) ?? []));
        if (pts.length) this.feed(e, e.evaluator.add(pts), changes);
      }
    }
    // Judged at once against the clock: a tag silent since before the restart is reported now.
    for (const { entry } of entries) if (entry.rule.params.kind === 'no_data' || entry.rule.params.kind === 'window') this.feed(entry, entry.evaluator.tick(now), changes);
    return changes;
  }

  /**
   * Suppresses the alarms of devices out of service or in maintenance, and lifts it when they are
   * back; only devices whose state changed since the last look are written (all of them on the
   * first look of a tenure, so a change made while no node evaluated is applied).
   */
  private async refreshSuppression(): Promise<void> {
    const deviceIds = [...new Set([...this.cache.all()].map((e) => e.rule.deviceId))].sort((a, b) => a - b);
    const states = await this.opts.deviceStates(deviceIds);
    const next = new Map<number, DeviceServiceState>();
    for (const id of deviceIds) {
      const state = states.get(id) ?? 'in_service';
      next.set(id, state);
      const before = this.deviceState.get(id);
      if (this.stateKnown && before === state) continue;
      const suppressed = state !== 'in_service';
      await this.opts.store.setSuppressed(id, suppressed, suppressed ? `device ${state.replace(/_/g, ' ')}` : 'device back in service');
    }
    this.deviceState = next;
    this.stateKnown = true;
  }
}

function ascending(points: readonly { ts: number }[]): boolean {
  for (let i = 1; i < points.length; i++) if (points[i].ts < points[i - 1].ts) return false;
  return true;
}

function groupByTag(points: readonly TagPoint[]): Map<number, TagPoint[]> {
  const out = new Map<number, TagPoint[]>();
  for (const p of points) {
    const list = out.get(p.tagId);
    if (list) list.push(p);
    else out.set(p.tagId, [p]);
  }
  return out;
}

/** Readings of several tags (each in time order) as one series in time order. */
function mergeSorted(lists: readonly (readonly TagPoint[])[]): TagPoint[] {
  const nonEmpty = lists.filter((l) => l.length);
  if (nonEmpty.length <= 1) return [...(nonEmpty[0] ?? [])];
  return nonEmpty.flat().sort((a, b) => a.ts - b.ts);
}
