/**
 * Routes of the alarm runtime: a rule's preview (how it would have fired on the last days of a
 * tag's data), a tag chart's overlay (limits, control limits, forecast band, alarm episodes) and
 * the live stream of alarm changes. `AlarmInsights` holds the use cases; the routes stay thin.
 */
import type { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { idParamsSchema } from '../../core/crud/schemas.ts';
import { validation, type FieldError } from '../../core/errors.ts';
import { requireAuth } from '../../core/http.ts';
import type { AuthContext } from '../../core/roles.ts';
import { DAY, type Point as TagPoint } from '../telemetry/model.ts';
import { backtest, type BacktestResult } from './backtest.ts';
import { fitHolt, forecastAt, predictCrossing } from './forecast.ts';
import type { ResolvedRule, RuleParams } from './rule-model.ts';
import { categoryOfTagKind, defaultsFor, paramsOf, ruleErrors, utcOffsetMs, type RuleRecord, type TagLimits } from './rules.ts';
import { limitsFor } from './runtime.ts';
import {
  MAX_CHART_POINTS, overlayQuery, overlayResponse, previewBody, previewResponse, problem,
  type OverlayResponse, type PreviewBody, type PreviewResponse,
} from './runtime-schemas.ts';
import type { Point } from './series.ts';
import type { AlarmService } from './service.ts';
import type { RegistryService } from '../registry/service.ts';
import type { TelemetryService } from '../telemetry/service.ts';

/** A tag as the insights need it (the registry's tag item is one). */
export interface InsightTag {
  id: number;
  enterpriseId: number;
  deviceId: number;
  key: string;
  kind: string;
  lowLowLimit: number | null;
  lowLimit: number | null;
  highLimit: number | null;
  highHighLimit: number | null;
}

export interface AlarmInsightsDeps {
  /** The tag if the caller may see it; a Problem 404 otherwise (the registry's `tags.get`). */
  tag(ctx: AuthContext, id: number): Promise<InsightTag>;
  /** The device if the caller may see it (404 otherwise). */
  device(ctx: AuthContext, id: number): Promise<{ id: number; enterpriseId: number }>;
  /** The park's IANA time zone (window rules align to its local day). */
  timeZone(): Promise<string>;
  pointsBetween(tagIds: number[], from: number, to: number): Promise<TagPoint[]>;
  resolvedRules(): Promise<ResolvedRule[]>;
  /** The tag's alarm episodes overlapping [from, to) from the journal, as the caller may see them. */
  episodes(ctx: AuthContext, tagId: number, from: number, to: number): Promise<{ level: string; from: number; to: number | null }[]>;
  clock?: () => number;
}

/** The forecast a chart shows when its tag has no forecast rule (the rule editor's defaults). */
const DEFAULT_FORECAST = (() => {
  const d = defaultsFor('forecast');
  return { stepMs: (d.stepSeconds ?? 300) * 1000, fitWindowMs: (d.fitWindowSeconds ?? 21_600) * 1000, horizonMs: (d.horizonSeconds ?? 14_400) * 1000, confidence: d.confidence ?? 0.9 };
})();
/** Forecast steps drawn at most (a long horizon on a short step is thinned). */
const MAX_FORECAST_POINTS = 500;

/**
 * At most `max` readings for a chart: the minimum and the maximum of each of max/2 equal time
 * buckets, in time order, so a spike that fired an alarm is still drawn.
 */
export function downsample(points: readonly Point[], max: number): Point[] {
  if (points.length <= max) return points.map((p) => ({ ts: p.ts, value: p.value }));
  const buckets = Math.max(1, Math.floor(max / 2));
  const from = points[0].ts;
  const span = points[points.length - 1].ts - from + 1;
  const out: Point[] = [];
  let i = 0;
  for (let b = 0; b < buckets; b++) {
    const end = from + Math.ceil(((b + 1) * span) / buckets);
    let lo: Point | null = null;
    let hi: Point | null = null;
    for (; i < points.length && points[i].ts < end; i++) {
      const p = points[i];
      if (!lo || p.value < lo.value) lo = p;
      if (!hi || p.value > hi.value) hi = p;
    }
    if (!lo || !hi) continue;
    if (lo === hi) out.push({ ts: lo.ts, value: lo.value });
    else for (const p of lo.ts <= hi.ts ? [lo, hi] : [hi, lo]) out.push({ ts: p.ts, value: p.value });
  }
  return out;
}

const emptyRecord = (): RuleRecord => ({
  id: 0, enterpriseId: 0, name: null, kind: 'threshold', origin: 'user', enabled: true, severity: 'medium', category: 'process',
  tagId: null, deviceId: null, unitId: null, deviceKind: null, tagKey: null, overridesRuleId: null,
  highHigh: null, high: null, low: null, lowLow: null, deadband: null, onDelaySeconds: null, offDelaySeconds: null,
  windowSeconds: null, maxRise: null, maxFall: null, silenceSeconds: null, aggregate: null, minCompleteness: null,
  expectedIntervalSeconds: null, chart: null, subgroupSize: null, baselineFrom: null, baselineTo: null, runRules: null,
  horizonSeconds: null, stepSeconds: null, fitWindowSeconds: null, confidence: null,
});

const tagLimitsOf = (t: InsightTag): TagLimits => ({ lowLow: t.lowLowLimit, low: t.lowLimit, high: t.highLimit, highHigh: t.highHighLimit });

/** A rule error's pointer into the preview body (the rule is under /body/rule). */
const underRule = (errors: readonly FieldError[]): FieldError[] => errors.map((e) => ({ ...e, path: e.path.replace(/^\/body/, '/body/rule') }));

export class AlarmInsights {
  private readonly clock: () => number;

  constructor(private readonly deps: AlarmInsightsDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  /** Replays a rule, as it would be created, over the last days of one tag's readings. */
  async preview(ctx: AuthContext, body: PreviewBody): Promise<PreviewResponse> {
    const given = body.rule as Partial<RuleRecord>;
    const tagId = given.tagId ?? body.tagId;
    if (tagId === undefined || tagId === null) {
      throw validation('Name the tag to preview the rule on', [{ path: '/body/tagId', message: 'is required for a device, unit or device-kind rule' }]);
    }
    if (given.tagId != null && body.tagId !== undefined && body.tagId !== given.tagId) {
      throw validation('The rule names another tag', [{ path: '/body/tagId', message: `must be the rule's tag (${given.tagId}) or left out` }]);
    }
    // Visibility first: another enterprise's tag or device answers 404, whatever else is wrong.
    const tag = await this.deps.tag(ctx, tagId);
    if (given.deviceId != null) await this.deps.device(ctx, given.deviceId);
    const record: RuleRecord = {
      ...emptyRecord(),
      ...definedOf(given),
      enterpriseId: given.enterpriseId ?? tag.enterpriseId,
      origin: 'user',
      category: given.category ?? categoryOfTagKind(tag.kind),
    };
    const errors = underRule(ruleErrors(record));
    if (given.deviceId != null && given.deviceId !== tag.deviceId) errors.push({ path: '/body/tagId', message: `must be a tag of device ${given.deviceId}` });
    if (given.tagKey != null && given.tagKey !== tag.key) errors.push({ path: '/body/tagId', message: `must be a tag of key ${given.tagKey}` });
    if (errors.length) throw validation('The rule cannot be previewed as given', errors);

    const now = this.clock();
    const params = paramsOf(record, tagLimitsOf(tag), utcOffsetMs(await this.deps.timeZone(), now));
    if (!params) throw validation('The rule judges nothing on this tag', [{ path: '/body/rule/high', message: 'the tag has no limit for this rule to judge against: give one' }]);
    const days = body.days ?? 7;
    const from = now - days * DAY;
    const to = now;
    const points = await this.deps.pointsBetween([tag.id], from, to + 1);
    const ctxOf = await this.evaluatorContext(params, tag.id, '/body/rule');
    const result: BacktestResult = backtest(params, points, ctxOf);
    return { tagId: tag.id, from, to, points: points.length, result, series: downsample(points, MAX_CHART_POINTS) };
  }

  /** SPC control limits from the rule's baseline; a baseline that gives none is the caller's error. */
  private async evaluatorContext(params: RuleParams, tagId: number, pointer: string) {
    if (params.kind !== 'spc') return undefined;
    const r = limitsFor(params, await this.deps.pointsBetween([tagId], params.baselineFrom, params.baselineTo));
    if (!r.ok) throw validation(`The baseline gives no control limits: ${r.error.message}`, [{ path: `${pointer}/baselineFrom`, message: r.error.message }]);
    return { controlLimits: r.limits };
  }

  /** What a tag's chart draws over its readings between from and to. */
  async overlay(ctx: AuthContext, tagId: number, from: number, to: number): Promise<OverlayResponse> {
    if (to <= from) throw validation('to must be after from', [{ path: '/query/to', message: 'must be after from' }]);
    const tag = await this.deps.tag(ctx, tagId);
    const rules = (await this.deps.resolvedRules()).filter((r) => r.tagId === tag.id && r.enterpriseId === tag.enterpriseId);

    // The tightest of each limit: where an alarm fires first is what the chart should show.
    const limits = { highHigh: tag.highHighLimit, high: tag.highLimit, low: tag.lowLimit, lowLow: tag.lowLowLimit };
    const tighter = (a: number | null, b: number | null | undefined, up: boolean) => (b === undefined || b === null ? a : a === null ? b : up ? Math.min(a, b) : Math.max(a, b));
    for (const r of rules) {
      if (r.params.kind !== 'threshold') continue;
      limits.highHigh = tighter(limits.highHigh, r.params.highHigh, true);
      limits.high = tighter(limits.high, r.params.high, true);
      limits.low = tighter(limits.low, r.params.low, false);
      limits.lowLow = tighter(limits.lowLow, r.params.lowLow, false);
    }

    const controlLimits: OverlayResponse['controlLimits'] = [];
    for (const r of rules) {
      if (r.params.kind !== 'spc') continue;
      const res = limitsFor(r.params, await this.deps.pointsBetween([tag.id], r.params.baselineFrom, r.params.baselineTo));
      if (res.ok) controlLimits.push({ ruleId: r.ruleId, center: res.limits.centre, ucl: res.limits.ucl, lcl: res.limits.lcl, sigma: res.limits.sigma });
    }

    const rule = rules.find((r) => r.params.kind === 'forecast');
    const fp =
      rule && rule.params.kind === 'forecast'
        ? { ruleId: rule.ruleId, ...rule.params }
        : { ruleId: null, ...DEFAULT_FORECAST, high: limits.high, low: limits.low };
    const history = await this.deps.pointsBetween([tag.id], to - fp.fitWindowMs, to);
    let forecast: OverlayResponse['forecast'] = null;
    const fitted = fitHolt(history, fp.stepMs);
    if (fitted.ok) {
      const steps = Math.max(1, Math.floor(fp.horizonMs / fp.stepMs));
      const every = Math.ceil(steps / MAX_FORECAST_POINTS);
      const points: NonNullable<OverlayResponse['forecast']>['points'] = [];
      for (let h = every; h <= steps; h += every) {
        const f = forecastAt(fitted.fit, h, fp.confidence);
        points.push({ ts: f.ts, mean: f.mean, lower: f.lower, upper: f.upper });
      }
      let crossing: NonNullable<OverlayResponse['forecast']>['crossing'] = null;
      for (const [level, limit, direction] of [['FORECAST_H', fp.high, 'up'], ['FORECAST_L', fp.low, 'down']] as const) {
        if (limit === null || limit === undefined) continue;
        const p = predictCrossing(history, { limit, direction, horizonMs: fp.horizonMs, stepMs: fp.stepMs, confidence: fp.confidence });
        if (p.crossing && (crossing === null || p.crossing.at < crossing.predictedAt)) crossing = { level, predictedAt: p.crossing.at, probability: p.crossing.probability };
      }
      forecast = { ruleId: fp.ruleId, stepMs: fp.stepMs, points, crossing };
    }

    const episodes = await this.deps.episodes(ctx, tag.id, from, to);
    return { limits, controlLimits, forecast, episodes };
  }
}

function definedOf<T extends object>(o: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as Partial<T>;
}

/** Where the live stream's alarm changes come from, and who may see each (the alarm service). */
export interface AlarmChangeSource {
  /** Emits 'changed' with the changed alarm items after each commit. */
  readonly changes: EventEmitter;
  /** Of these alarm ids, those the caller may see (the list's own visibility). */
  visibleIds(ctx: AuthContext, ids: readonly number[]): Promise<ReadonlySet<number>>;
}

type AlarmItemLike = { id: number };

/** A journal entry as the alarm history gives it. */
export interface JournalEntry {
  at: number;
  active: boolean;
  level: string | null;
}

/**
 * An alarm's activations from its journal (any order): each runs from the entry that made the
 * condition active to the one that cleared it (null: still active), clipped to those overlapping
 * [from, to). The level is the activation's most recent one (H rising to HH shows as HH).
 */
export function episodesOf(journal: readonly JournalEntry[], from: number, to: number): { level: string; from: number; to: number | null }[] {
  const out: { level: string; from: number; to: number | null }[] = [];
  let open: { level: string; from: number } | null = null;
  for (const e of [...journal].sort((a, b) => a.at - b.at)) {
    if (e.active) {
      if (open) open.level = e.level ?? open.level;
      else open = { level: e.level ?? 'ACTIVE', from: e.at };
    } else if (open) {
      out.push({ ...open, to: e.at });
      open = null;
    }
  }
  if (open) out.push({ ...open, to: null });
  return out.filter((ep) => ep.from < to && (ep.to === null || ep.to >= from));
}

/** What the runtime routes are built from (the services of src/app.ts). */
export interface AlarmRuntimeRouteDeps {
  registry: Pick<RegistryService, 'tags' | 'devices' | 'getPark'>;
  telemetry: Pick<TelemetryService, 'pointsBetween'>;
  alarms: Pick<AlarmService, 'resolvedRules' | 'list' | 'history' | 'get' | 'changes'>;
}

/** Alarms of one tag looked at for a chart at most (the newest). */
const MAX_OVERLAY_ALARMS = 100;

export function alarmInsightsOf(deps: AlarmRuntimeRouteDeps, clock?: () => number): AlarmInsights {
  const { registry, telemetry, alarms } = deps;
  return new AlarmInsights({
    tag: (ctx, id) => registry.tags.get(ctx, id),
    device: (ctx, id) => registry.devices.get(ctx, id),
    timeZone: async () => (await registry.getPark()).timezone,
    pointsBetween: (tagIds, from, to) => telemetry.pointsBetween(tagIds, from, to),
    resolvedRules: () => alarms.resolvedRules(),
    episodes: async (ctx, tagId, from, to) => {
      const { items } = await alarms.list(ctx, { tagId, limit: MAX_OVERLAY_ALARMS, offset: 0 });
      const out: { level: string; from: number; to: number | null }[] = [];
      for (const a of items) {
        if (a.raisedAt === null || a.raisedAt >= to) continue;
        const { items: journal } = await alarms.history(ctx, a.id, { limit: 1000, offset: 0 });
        out.push(...episodesOf(journal, from, to));
      }
      return out.sort((x, y) => x.from - y.from);
    },
    clock,
  });
}

const HEARTBEAT_MS = 15_000;

export function registerAlarmRuntimeRoutes(fastify: FastifyInstance, deps: AlarmRuntimeRouteDeps): void {
  const insights = alarmInsightsOf(deps);
  const stream: AlarmChangeSource = {
    changes: deps.alarms.changes,
    // One read per changed alarm: changes come a few at a time, and `get` is the list's visibility.
    visibleIds: async (ctx, ids) => {
      const seen = await Promise.all(ids.map((id) => deps.alarms.get(ctx, id).then(() => id, () => null)));
      return new Set(seen.filter((id): id is number => id !== null));
    },
  };
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/v1/alarm-rules/preview', {
    schema: {
      tags: ['alarms'],
      summary: 'How a rule, as it would be created, would have fired on the last days of a tag (back-test)',
      body: previewBody,
      response: { 200: previewResponse, 400: problem, 401: problem, 404: problem },
    },
    handler: async (req) => insights.preview(requireAuth(req), req.body),
  });

  app.get('/api/v1/tags/:id/alarm-overlay', {
    schema: {
      tags: ['alarms'],
      summary: "What a tag's chart draws over its readings: limits, control limits, the forecast band, alarm episodes",
      params: idParamsSchema,
      querystring: overlayQuery,
      response: { 200: overlayResponse, 400: problem, 401: problem, 404: problem },
    },
    handler: async (req) => insights.overlay(requireAuth(req), req.params.id, req.query.from, req.query.to),
  });

  app.get('/api/v1/alarms/stream', {
    schema: { tags: ['alarms'], summary: 'Server-sent events: each changed alarm the caller may see, as the list shows it', response: { 401: problem } },
    handler: async (req, reply) => {
      const ctx = requireAuth(req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(': alarms\n\n');
      // Changes are filtered in commit order: each waits for the one before, so the stream never
      // shows an alarm's older state after its newer one.
      let chain = Promise.resolve();
      const onChange = (items: AlarmItemLike | readonly AlarmItemLike[]) => {
        const list: readonly AlarmItemLike[] = Array.isArray(items) ? items : [items as AlarmItemLike];
        if (list.length === 0) return;
        chain = chain
          .then(async () => {
            if (res.writableEnded) return;
            const visible = await stream.visibleIds(ctx, list.map((i) => i.id));
            for (const item of list) if (visible.has(item.id)) res.write(`event: alarm\ndata: ${JSON.stringify(item)}\n\n`);
          })
          .catch((err) => req.log.warn({ err }, 'alarms: the live stream could not filter a change'));
      };
      stream.changes.on('changed', onChange);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        stream.changes.off('changed', onChange);
      });
    },
  });
}
