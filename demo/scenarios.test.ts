import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoPark, type DemoDevice } from './park.ts';
import { DeviceSignals, signalsForPark, utcOffset } from './signals.ts';
import {
  DEMO_SEED, MFI_SHIFT, SILENT_METER, SO2_DRIFT,
  meterSilent, mfiQuietDay, mfiShiftAt, mfiShiftEpisodes, silentPeriods, so2DriftEpisodes, so2DriftLevel,
} from './scenarios.ts';
import { DEMO_HISTORY_DAYS, demoAlarmRules, demoIncidentEpisode, demoRuleRecord, loadDemoIncident, type DemoRule } from './alarms.ts';
import { loadDemo } from './load.ts';
import { backtest } from '../src/modules/alarms/backtest.ts';
import { paramsOf, ruleErrors } from '../src/modules/alarms/rules.ts';
import { controlLimitsIMR, runRuleViolations } from '../src/modules/alarms/spc.ts';
import type { Point } from '../src/modules/alarms/series.ts';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../test/helpers/db.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STEP = 120_000;
/** Tuesday 2025-03-04 00:00 in Asia/Shanghai. */
const START = Date.UTC(2025, 2, 3, 16, 0);
const END = START + 7 * DAY;
const OFFSET = 8 * HOUR;

const devices: DemoDevice[] = demoPark.enterprises.flatMap((e) => e.sites.flatMap((s) => s.units.flatMap((u) => u.devices)));
const deviceByCode = new Map(devices.map((d) => [d.code, d]));
const so2Tag = deviceByCode.get(SO2_DRIFT.device)!.tags.find((t) => t.key === SO2_DRIFT.tag)!;
const mfiTag = deviceByCode.get(MFI_SHIFT.device)!.tags.find((t) => t.key === MFI_SHIFT.tag)!;

/** A device's readings of one tag, as the simulator backfills them (or samples them live, with a smaller step). */
function readings(code: string, key: string, from: number, to: number, step = STEP, seed = DEMO_SEED): Point[] {
  const sig = signalsForPark(demoPark, seed, from).get(code)!;
  const out: Point[] = [];
  for (let ts = from; ts < to; ts += step) {
    const v = sig.sample(ts).values[key];
    if (v !== undefined) out.push({ ts, value: v });
  }
  return out;
}

const record = (r: DemoRule) => demoRuleRecord(r);

describe('the SO2 drift scenario', () => {
  const so2 = readings(SO2_DRIFT.device, SO2_DRIFT.tag, START, END);
  const climbs = so2DriftEpisodes(DEMO_SEED, START, END);
  const high = so2Tag.highLimit!;

  it('climbs every 30 hours, a few times a week', () => {
    expect(climbs.length).toBeGreaterThanOrEqual(5);
    expect(climbs.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < climbs.length; i++) expect(climbs[i].start - climbs[i - 1].start).toBe(SO2_DRIFT.periodMs);
  });

  it('crosses H only after hours of steady climb, and is back under it between climbs', () => {
    for (const c of climbs.filter((x) => x.start >= START && x.end <= END)) {
      const first = so2.find((p) => p.ts >= c.start && p.value > high)!;
      expect(first, new Date(c.start).toISOString()).toBeDefined();
      // the forecast's horizon is 4 h: the climb is at least that old when H fires
      expect(first.ts - c.start).toBeGreaterThanOrEqual(4 * HOUR);
      expect(first.ts).toBeLessThanOrEqual(c.peakAt);
      expect(Math.abs(first.ts - c.crossAt)).toBeLessThan(HOUR);
      // hourly means rise every hour of the five before the crossing
      const hourly = [5, 4, 3, 2, 1].map((h) => {
        const pts = so2.filter((p) => p.ts >= c.crossAt - h * HOUR && p.ts < c.crossAt - (h - 1) * HOUR);
        return pts.reduce((a, p) => a + p.value, 0) / pts.length;
      });
      for (let i = 1; i < hourly.length; i++) expect(hourly[i]).toBeGreaterThan(hourly[i - 1]);
      // two hours after the climb has ended the stack is back near nominal
      const after = so2.filter((p) => p.ts >= c.end && p.ts < c.end + 2 * HOUR);
      expect(Math.max(...after.map((p) => p.value))).toBeLessThan(high);
    }
  });

  it('is warned of by the demo forecast rule hours before the threshold fires, without false alarms', () => {
    const rule = demoAlarmRules(END).find((r) => r.fields.kind === 'forecast')!;
    const params = paramsOf(record(rule), { lowLow: null, low: null, high, highHigh: so2Tag.highHighLimit ?? null }, OFFSET)!;
    const { forecast } = backtest(params, so2, { endTs: END });
    expect(forecast!.crossings).toBeGreaterThanOrEqual(climbs.filter((c) => c.crossAt > START && c.crossAt < END).length);
    expect(forecast!.missed).toBe(0);
    expect(forecast!.falseAlarmRate).toBeLessThanOrEqual(0.1);
    expect(Math.min(...forecast!.leadTimesMs)).toBeGreaterThanOrEqual(1.5 * HOUR);
    expect(forecast!.medianLeadMs!).toBeGreaterThanOrEqual(2 * HOUR);
  });

  it('shows a climb within 20 hours of any start, whatever the seed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: -1e6, max: 1e6 }), (t, seed) => {
        const seen = so2DriftEpisodes(seed, t, t + 20 * HOUR);
        expect(seen.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('moves the baseline by a share in [0, 1] that only rises during the climb (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 1, max: 3 * HOUR }), (t, dt) => {
        const a = so2DriftLevel(DEMO_SEED, t);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        const [e] = so2DriftEpisodes(DEMO_SEED, t, t + 1);
        if (!e) expect(a).toBe(0);
        else if (t + dt < e.peakAt) expect(so2DriftLevel(DEMO_SEED, t + dt)).toBeGreaterThanOrEqual(a);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the melt-index shift scenario', () => {
  const from = START;
  const to = START + 14 * DAY;
  const mfi = readings(MFI_SHIFT.device, MFI_SHIFT.tag, from, to);
  const shifts = mfiShiftEpisodes(DEMO_SEED, from, to, OFFSET);

  it('reports one analysis every 10 minutes, the same live as in the backfill', () => {
    expect(mfi.length).toBeGreaterThan(0.95 * ((to - from) / MFI_SHIFT.analysisMs));
    const live = readings(MFI_SHIFT.device, MFI_SHIFT.tag, from, from + 6 * HOUR, 5_000);
    const slot = (p: Point) => Math.floor(p.ts / MFI_SHIFT.analysisMs);
    const backfilled = new Map(mfi.filter((p) => p.ts < from + 6 * HOUR).map((p) => [slot(p), p.value]));
    expect(live.length).toBeGreaterThan(30);
    for (const p of live) if (backfilled.has(slot(p))) expect(p.value).toBe(backfilled.get(slot(p)));
  });

  it('shifts every other local day, 1–1.5σ, 4–7 h, starting between 06:00 and 12:00', () => {
    expect(shifts.length).toBe(7);
    for (const s of shifts) {
      const startHour = ((s.start + OFFSET) % DAY) / HOUR;
      expect(startHour).toBeGreaterThanOrEqual(MFI_SHIFT.earliestStartHour);
      expect(startHour).toBeLessThanOrEqual(MFI_SHIFT.latestStartHour);
      expect(s.end - s.start).toBeGreaterThanOrEqual(MFI_SHIFT.minDurationMs);
      expect(s.end - s.start).toBeLessThanOrEqual(MFI_SHIFT.maxDurationMs);
      expect(Math.abs(s.sigmas)).toBeGreaterThanOrEqual(MFI_SHIFT.minSigmas);
      expect(Math.abs(s.sigmas)).toBeLessThanOrEqual(MFI_SHIFT.maxSigmas);
    }
    for (let i = 1; i < shifts.length; i++) expect(shifts[i].start - shifts[i - 1].start).toBeGreaterThan(DAY);
  });

  it('stays strictly inside L/H, so the threshold never fires', () => {
    for (const p of mfi) {
      expect(p.value).toBeGreaterThan(mfiTag.lowLimit!);
      expect(p.value).toBeLessThan(mfiTag.highLimit!);
    }
  });

  it('is caught by a run rule during every shift, from limits of a quiet day', () => {
    const quiet = mfiQuietDay(DEMO_SEED, from, to, OFFSET)!;
    const limits = controlLimitsIMR(mfi.filter((p) => p.ts >= quiet.start && p.ts < quiet.end));
    expect(limits.ok).toBe(true);
    if (!limits.ok) return;
    expect(Math.abs(limits.limits.centre - mfiTag.nominal)).toBeLessThan(0.5 * limits.limits.sigma);
    const violations = runRuleViolations(limits.limits, mfi, [1, 2, 3, 4, 5, 6, 7, 8]);
    for (const s of shifts) {
      const caught = violations.filter((v) => v.at.ts >= s.start && v.at.ts < s.end + MFI_SHIFT.analysisMs && [2, 5, 6].includes(v.rule));
      expect(caught.length, new Date(s.start).toISOString()).toBeGreaterThan(0);
    }
  });

  it('always has a quiet day among the last three, for the SPC baseline (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: -1e6, max: 1e6 }), (t, seed) => {
        const q = mfiQuietDay(seed, t - 3 * DAY, t, OFFSET);
        expect(q).not.toBeNull();
        expect(q!.end - q!.start).toBe(DAY);
        expect(q!.start).toBeGreaterThanOrEqual(t - 3 * DAY);
        expect(q!.end).toBeLessThanOrEqual(t);
        expect(mfiShiftEpisodes(seed, q!.start, q!.end, OFFSET)).toEqual([]);
        for (let ts = q!.start; ts < q!.end; ts += HOUR) expect(mfiShiftAt(seed, ts, OFFSET)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the silent meter scenario', () => {
  const sig = new DeviceSignals(deviceByCode.get(SILENT_METER.device)!, { seed: DEMO_SEED, startTs: START, timezone: demoPark.timezone });
  const periods = silentPeriods(START, END, OFFSET);

  it('is silent every day 10:00–12:00 local, every fourth day until 16:00', () => {
    expect(periods.length).toBe(7);
    for (const p of periods) {
      expect(((p.start + OFFSET) % DAY) / HOUR).toBe(SILENT_METER.fromHour);
      const day = Math.floor((p.start + OFFSET) / DAY);
      expect(((p.end + OFFSET) % DAY) / HOUR).toBe(day % SILENT_METER.longEvery === 0 ? SILENT_METER.longToHour : SILENT_METER.toHour);
    }
    expect(periods.filter((p) => p.end - p.start > 2 * HOUR).length).toBeGreaterThanOrEqual(1);
  });

  it('yields no readings while silent, and readings otherwise (outages aside)', () => {
    let silentSamples = 0;
    let outageSamples = 0;
    for (let ts = START; ts < END; ts += 60_000) {
      const silent = periods.some((p) => ts >= p.start && ts < p.end);
      expect(meterSilent(ts, OFFSET)).toBe(silent);
      const empty = Object.keys(sig.sample(ts).values).length === 0;
      if (silent) {
        expect(empty).toBe(true);
        silentSamples++;
      } else if (empty) outageSamples++;
    }
    expect(silentSamples).toBeGreaterThan(14 * 60);
    // the ordinary outages stay rare
    expect(outageSamples).toBeLessThan(0.05 * ((END - START) / 60_000));
  });

  it('leaves the other devices alone', () => {
    const other = new DeviceSignals(deviceByCode.get('wwtp-fm-01')!, { seed: DEMO_SEED, startTs: START, timezone: demoPark.timezone });
    const p = periods[0];
    let empty = 0;
    for (let ts = p.start; ts < p.end; ts += 60_000) if (Object.keys(other.sample(ts).values).length === 0) empty++;
    expect(empty).toBeLessThan(61);
  });
});

describe('the demo alarm rules', () => {
  const now = END;
  const rules = demoAlarmRules(now);

  it('are valid rules of every kind, named uniquely within their enterprise', () => {
    expect(new Set(rules.map((r) => r.fields.kind))).toEqual(new Set(['forecast', 'spc', 'no_data', 'window', 'rate']));
    expect(new Set(rules.map((r) => `${r.enterprise}:${r.name}`)).size).toBe(rules.length);
    for (const r of rules) {
      expect(demoPark.enterprises.some((e) => e.code === r.enterprise), r.name).toBe(true);
      expect(ruleErrors(record(r)), r.name).toEqual([]);
    }
    const override = rules.find((r) => 'override' in r.subject)!;
    if (!('override' in override.subject)) throw new Error('no override');
    const { rule } = override.subject.override;
    expect(rules.some((r) => r.enterprise === override.enterprise && r.name === rule && 'deviceKind' in r.subject)).toBe(true);
  });

  it('take the SPC baseline from a quiet day of the backfilled week', () => {
    const spc = rules.find((r) => r.fields.kind === 'spc')!;
    const { baselineFrom, baselineTo } = spc.fields as { baselineFrom: number; baselineTo: number };
    expect(baselineFrom).toBeGreaterThanOrEqual(now - DEMO_HISTORY_DAYS * DAY);
    expect(baselineTo).toBeLessThanOrEqual(now);
    expect(mfiShiftEpisodes(DEMO_SEED, baselineFrom, baselineTo, utcOffset(demoPark.timezone, now))).toEqual([]);
  });

  it('place the past incident on a climb about three days back', () => {
    const e = demoIncidentEpisode(now);
    expect(now - e.crossAt).toBeGreaterThanOrEqual(3 * DAY);
    expect(now - e.crossAt).toBeLessThan(3 * DAY + SO2_DRIFT.periodMs);
  });
});

describe('loading the demo rules and incident', async () => {
  for (const dialect of await testDialects()) {
    describe(dialect, () => {
      let db: TestDatabase;
      let s: Services;
      beforeAll(async () => {
        db = await freshDatabase(dialect);
        s = await openServices({ db: db.url, sessionTtlHours: 1 });
        await bootstrap(s, { adminPassword: 'test-admin-password' });
      }, 120_000);
      afterAll(async () => {
        await s?.close();
        await db?.drop();
      });

      it('writes every rule once, resolved to its tags, and nothing the second time', async () => {
        const ctx = systemContext('test');
        const first = await loadDemo(s);
        expect(first.loaded).toBe(true);
        expect(first.alarmRules).toBe(demoAlarmRules(Date.now()).length);
        const listed = (await s.alarms.rules.list(ctx, { limit: 500, offset: 0, origin: 'user' })).items;
        expect(listed).toHaveLength(first.alarmRules);

        const so2 = await s.telemetry.device(SO2_DRIFT.device);
        const forecast = listed.find((r) => r.kind === 'forecast')!;
        expect(forecast.tagId).toBe(so2!.tags.get(SO2_DRIFT.tag));
        expect(forecast.horizonSeconds).toBe(4 * 3600);
        const silent = listed.find((r) => r.kind === 'no_data')!;
        expect(silent.deviceId).toBe((await s.telemetry.device(SILENT_METER.device))!.id);
        expect(silent.tagKey).toBeNull();
        const byKind = listed.find((r) => r.deviceKind === 'emission_monitor')!;
        const override = listed.find((r) => r.overridesRuleId !== null)!;
        expect(override.overridesRuleId).toBe(byKind.id);
        expect(override.deviceId).toBe((await s.telemetry.device('refinery-cems-03'))!.id);
        expect(override.enterpriseId).toBe(byKind.enterpriseId);

        const again = await loadDemo(s);
        expect(again.loaded).toBe(false);
        expect(again.alarmRules).toBe(0);
        expect((await s.alarms.rules.list(ctx, { limit: 500, offset: 0, origin: 'user' })).items).toHaveLength(listed.length);
      }, 180_000);

      it('raises the past incident once, worked through and closed with its report', async () => {
        const first = await loadDemoIncident(s);
        expect(first.created).toBe(true);
        const incident = await s.incidents.get(systemContext('test'), first.incidentId);
        expect(incident.state).toBe('closed');
        expect(incident.timeline.filter((e) => e.kind === 'message' || e.kind === 'action')).toHaveLength(5);
        expect(incident.checklist.every((i) => i.status !== 'open')).toBe(true);
        const second = await loadDemoIncident(s);
        expect(second).toEqual({ incidentId: first.incidentId, created: false, alarms: 0 });
      }, 60_000);
    });
  }
});
