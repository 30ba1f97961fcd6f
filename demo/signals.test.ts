import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { demoPark, type DemoDevice, type DemoTag } from './park.ts';
import { DeviceSignals, deviceSeed, signalsForPark, type SignalState } from './signals.ts';
import { MFI_SHIFT, SILENT_METER, SO2_DRIFT } from './scenarios.ts';

const SEED = 42;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STEP = 10_000;
/** Tuesday 2025-03-04 00:00 in Asia/Shanghai (UTC+8, no daylight saving). */
const START = Date.UTC(2025, 2, 3, 16, 0);
const SHANGHAI = 8 * HOUR;

const devices: DemoDevice[] = demoPark.enterprises.flatMap((e) => e.sites.flatMap((s) => s.units.flatMap((u) => u.devices)));
const deviceByCode = new Map(devices.map((d) => [d.code, d]));
/** The tags and device that ./scenarios.ts changes on purpose: they have tests of their own there. */
const isAnalyser = (code: string, key: string) => code === MFI_SHIFT.device && key === MFI_SHIFT.tag;
const isDrift = (code: string, key: string) => code === SO2_DRIFT.device && key === SO2_DRIFT.tag;

interface TagStats {
  tag: DemoTag;
  n: number;
  min: number;
  max: number;
  sum: number;
  above: number;
  decreased: boolean;
  firstTs: number;
  first: number;
  lastTs: number;
  last: number;
  prev: number;
  /** by local hour of day */
  hourSum: number[];
  hourN: number[];
}

interface DeviceStats {
  device: DemoDevice;
  samples: number;
  outageSamples: number;
  /** lengths of the outages, in ms (to STEP resolution) */
  outages: number[];
  emptyMismatch: number;
  missing: number;
  nonFinite: number;
  tags: Map<string, TagStats>;
}

/** One pass over a simulated week at 10 s steps for every device; the tests below read the figures. */
function simulateWeek(): Map<string, DeviceStats> {
  const signals = signalsForPark(demoPark, SEED, START);
  const out = new Map<string, DeviceStats>();
  for (const [code, sig] of signals) {
    const device = deviceByCode.get(code)!;
    const ds: DeviceStats = { device, samples: 0, outageSamples: 0, outages: [], emptyMismatch: 0, missing: 0, nonFinite: 0, tags: new Map() };
    for (const tag of device.tags) {
      ds.tags.set(tag.key, {
        tag, n: 0, min: Infinity, max: -Infinity, sum: 0, above: 0, decreased: false,
        firstTs: NaN, first: NaN, lastTs: NaN, last: NaN, prev: -Infinity, hourSum: new Array(24).fill(0), hourN: new Array(24).fill(0),
      });
    }
    const stats = [...ds.tags.values()];
    let outageStart: number | null = null;
    for (let ts = START; ts < START + 7 * DAY; ts += STEP) {
      const { values } = sig.sample(ts);
      ds.samples++;
      const down = sig.inOutage(ts);
      const empty = Object.keys(values).length === 0;
      // between two analyses a device with only an analyser tag has nothing to say
      if (down ? !empty : empty && !device.tags.every((t) => isAnalyser(code, t.key))) ds.emptyMismatch++;
      if (down) {
        ds.outageSamples++;
        if (outageStart === null) outageStart = ts;
        continue;
      }
      if (outageStart !== null) {
        ds.outages.push(ts - outageStart);
        outageStart = null;
      }
      const hour = Math.floor(((ts + SHANGHAI) % DAY) / HOUR);
      for (const st of stats) {
        const v = values[st.tag.key];
        if (v === undefined) {
          if (!isAnalyser(code, st.tag.key)) ds.missing++;
          continue;
        }
        if (!Number.isFinite(v)) { ds.nonFinite++; continue; }
        st.n++;
        if (v < st.min) st.min = v;
        if (v > st.max) st.max = v;
        st.sum += v;
        if (st.tag.highLimit !== undefined && v > st.tag.highLimit) st.above++;
        if (v < st.prev) st.decreased = true;
        st.prev = v;
        if (Number.isNaN(st.firstTs)) { st.firstTs = ts; st.first = v; }
        st.lastTs = ts;
        st.last = v;
        st.hourSum[hour] += v;
        st.hourN[hour]++;
      }
    }
    out.set(code, ds);
  }
  return out;
}

let week: Map<string, DeviceStats> | undefined;
const weekStats = () => (week ??= simulateWeek());
const allTags = () => [...weekStats().values()].flatMap((d) => [...d.tags.values()].map((t) => ({ device: d.device, ...t })));

describe('demo signals over a simulated week', () => {
  it('gives every device of the park a full set of finite readings outside outages', () => {
    const stats = weekStats();
    expect(stats.size).toBe(devices.length);
    for (const d of stats.values()) {
      expect(d.nonFinite, d.device.code).toBe(0);
      expect(d.missing, d.device.code).toBe(0);
      expect(d.emptyMismatch, d.device.code).toBe(0);
      for (const t of d.tags.values()) {
        // the online analyser reports one result per analysis cycle, not one per sample
        const name = `${d.device.code}.${t.tag.key}`;
        if (isAnalyser(d.device.code, t.tag.key)) {
          const analyses = (7 * DAY) / MFI_SHIFT.analysisMs;
          expect(t.n, name).toBeGreaterThan(0.9 * analyses);
          expect(t.n, name).toBeLessThanOrEqual(analyses);
        } else {
          expect(t.n, name).toBe(d.samples - d.outageSamples);
          expect(t.n, name).toBeGreaterThan(0.8 * d.samples);
        }
      }
    }
  });

  it('counts counters up at about nominal per hour, never down', () => {
    const counters = allTags().filter((t) => t.tag.counter);
    expect(counters.length).toBeGreaterThan(10);
    for (const t of counters) {
      const name = `${t.device.code}.${t.tag.key}`;
      expect(t.decreased, name).toBe(false);
      const hours = (t.lastTs - t.firstTs) / HOUR;
      const growth = t.last - t.first;
      expect(growth / (t.tag.nominal * hours), name).toBeGreaterThan(0.7);
      expect(growth / (t.tag.nominal * hours), name).toBeLessThan(1.3);
    }
  });

  it('keeps non-emission values within their LL/HH limits, non-negative (temperatures aside) and within natural bounds', () => {
    for (const t of allTags()) {
      const name = `${t.device.code}.${t.tag.key}`;
      if (t.tag.kind !== 'emission') {
        if (t.tag.lowLowLimit !== undefined) expect(t.min, name).toBeGreaterThanOrEqual(t.tag.lowLowLimit);
        if (t.tag.highHighLimit !== undefined) expect(t.max, name).toBeLessThanOrEqual(t.tag.highHighLimit);
      }
      if (t.tag.kind !== 'temperature') expect(t.min, name).toBeGreaterThanOrEqual(0);
      if (t.tag.unit === '%') expect(t.max, name).toBeLessThanOrEqual(100);
      if (t.tag.unit === 'pH') expect(t.max, name).toBeLessThanOrEqual(14);
    }
  });

  it('stays mostly near the operating point: weekly means of non-counters within the alarm band', () => {
    for (const t of allTags()) {
      if (t.tag.counter) continue;
      const name = `${t.device.code}.${t.tag.key}`;
      const mean = t.sum / t.n;
      // tanks swing across their band, so only their alarm band applies
      if (t.tag.kind !== 'level' && !isDrift(t.device.code, t.tag.key)) expect(Math.abs(mean - t.tag.nominal) / Math.abs(t.tag.nominal), name).toBeLessThan(0.25);
      if (t.tag.highLimit !== undefined) expect(mean, name).toBeLessThan(t.tag.highLimit);
      if (t.tag.lowLimit !== undefined) expect(mean, name).toBeGreaterThan(t.tag.lowLimit);
    }
  });

  it('keeps emissions well under their high limit, with rare excursions above it on some devices', () => {
    const emissions = allTags().filter((t) => t.tag.kind === 'emission' && t.tag.highLimit !== undefined);
    expect(emissions.length).toBeGreaterThan(10);
    for (const t of emissions) {
      const name = `${t.device.code}.${t.tag.key}`;
      expect(t.sum / t.n, name).toBeLessThan(0.8 * t.tag.highLimit!);
      // the drift scenario's stack spends part of each cycle past H by design
      if (!isDrift(t.device.code, t.tag.key)) expect(t.above / t.n, name).toBeLessThan(0.02);
    }
    const devicesWithExcursions = new Set(emissions.filter((t) => t.above > 0).map((t) => t.device.code));
    expect(devicesWithExcursions.size).toBeGreaterThanOrEqual(1);
    // "rare": a handful of devices in a week, not every tag
    expect(emissions.filter((t) => t.above > 0).length).toBeLessThan(emissions.length);
  });

  it('shows a daily cycle in local time for the CHP generator power', () => {
    const t = weekStats().get('chp-em-01')!.tags.get('gen_power')!;
    const mean = t.hourSum.map((s, h) => s / t.hourN[h]);
    const daytimePeak = Math.max(...mean.slice(7, 22));
    expect(daytimePeak).toBeGreaterThan(mean[3] * 1.1);
    // production plants cycle too, but gently
    const p = weekStats().get('polyolefin-em-01')!.tags.get('active_power')!;
    const pm = p.hourSum.map((s, h) => s / p.hourN[h]);
    expect(Math.max(...pm) / Math.min(...pm)).toBeLessThan(1.25);
  });

  it('lets quality drift away from nominal now and then, and levels fill and drain', () => {
    const quality = allTags().filter((t) => t.tag.kind === 'quality');
    const drifted = quality.filter((t) => (t.tag.highLimit !== undefined && t.max > t.tag.highLimit) || (t.tag.lowLimit !== undefined && t.min < t.tag.lowLimit));
    expect(drifted.length).toBeGreaterThan(0);
    expect(drifted.length).toBeLessThan(quality.length);
    for (const t of allTags().filter((x) => x.tag.kind === 'level')) {
      const lo = t.tag.lowLimit ?? 5;
      const hi = t.tag.highLimit ?? 95;
      expect(t.max - t.min, `${t.device.code}.${t.tag.key}`).toBeGreaterThan(0.2 * (hi - lo));
    }
  });

  it('takes devices offline rarely, for 5 to 60 minutes', () => {
    // the silent meter's long daily silences are the scenario's, tested in scenarios.test.ts
    const stats = [...weekStats().values()].filter((d) => d.device.code !== SILENT_METER.device);
    const outages = stats.flatMap((d) => d.outages);
    expect(outages.length).toBeGreaterThan(0);
    for (const d of stats) expect(d.outageSamples / d.samples, d.device.code).toBeLessThan(0.05);
    for (const ms of outages) {
      expect(ms).toBeGreaterThanOrEqual(5 * 60_000 - STEP);
      expect(ms).toBeLessThanOrEqual(60 * 60_000 + STEP);
    }
    // a few per device-month: over the park's week, well under one per device on average
    expect(outages.length / stats.length).toBeLessThan(2);
  });

  it('rounds to the usual precision of each kind', () => {
    const sig = new DeviceSignals(deviceByCode.get('chp-sm-01')!, { seed: SEED, startTs: START });
    const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;
    for (let i = 0; i < 200; i++) {
      const { values } = sig.sample(START + i * STEP);
      if (Object.keys(values).length === 0) continue;
      expect(decimals(values.lp_steam_temp)).toBeLessThanOrEqual(1);
      expect(decimals(values.hp_steam_pressure)).toBeLessThanOrEqual(2);
    }
    const meter = new DeviceSignals(deviceByCode.get('wwtp-em-01')!, { seed: SEED, startTs: START });
    expect(Number.isInteger(meter.sample(START + HOUR).values.active_energy)).toBe(true);
  });
});

describe('demo signals determinism', () => {
  const codes = ['chp-em-01', 'refinery-cems-01', 'polyolefin-qa-01', 'chloralkali-lt-01', 'cement-wb-01', 'wwtp-qa-02'];
  const run = (code: string, seed: number, n = 3000) => {
    const sig = new DeviceSignals(deviceByCode.get(code)!, { seed, startTs: START });
    const out: Record<string, number>[] = [];
    for (let i = 0; i < n; i++) out.push(sig.sample(START + i * 7_000).values);
    return out;
  };

  it('gives the same readings for the same seed, device and times', () => {
    for (const code of codes) expect(run(code, 7), code).toEqual(run(code, 7));
  });

  it('gives other readings for another seed or another device', () => {
    for (const code of codes) expect(run(code, 7, 200), code).not.toEqual(run(code, 8, 200));
    expect(deviceSeed(7, 'pvc-fm-01')).not.toBe(deviceSeed(7, 'pvc-fm-02'));
    const a = new DeviceSignals(deviceByCode.get('pvc-em-01')!, { seed: 7, startTs: START }).sample(START + HOUR).values;
    const b = new DeviceSignals(deviceByCode.get('pvc-em-02')!, { seed: 7, startTs: START }).sample(START + HOUR).values;
    expect(a.active_power / 9000).not.toBe(b.active_power / 4200);
  });

  it('agrees with signalsForPark, which uses the park time zone', () => {
    const fromPark = signalsForPark(demoPark, 7, START).get('polyolefin-qa-01')!;
    const direct = new DeviceSignals(deviceByCode.get('polyolefin-qa-01')!, { seed: 7, startTs: START, timezone: 'Asia/Shanghai' });
    for (let i = 0; i < 100; i++) expect(fromPark.sample(START + i * STEP)).toEqual(direct.sample(START + i * STEP));
  });

  it('resumes from a JSON copy of its state exactly where it stopped', () => {
    for (const code of codes) {
      const a = new DeviceSignals(deviceByCode.get(code)!, { seed: 3, startTs: START });
      for (let i = 0; i < 500; i++) a.sample(START + i * STEP);
      const state = JSON.parse(JSON.stringify(a.getState())) as SignalState;
      const b = new DeviceSignals(deviceByCode.get(code)!, { seed: 3, startTs: START, state });
      for (let i = 500; i < 1000; i++) expect(b.sample(START + i * STEP), code).toEqual(a.sample(START + i * STEP));
    }
  });

  it('makes outages a function of time alone', () => {
    const a = new DeviceSignals(deviceByCode.get('chp-cems-01')!, { seed: 5, startTs: START });
    const b = new DeviceSignals(deviceByCode.get('chp-cems-01')!, { seed: 5, startTs: START - 30 * DAY });
    for (let ts = START; ts < START + 30 * DAY; ts += 60_000) expect(a.inOutage(ts)).toBe(b.inOutage(ts));
  });

  it('rejects an unknown time zone and non-finite times', () => {
    const d = deviceByCode.get('chp-em-01')!;
    expect(() => new DeviceSignals(d, { seed: 1, startTs: START, timezone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
    expect(() => new DeviceSignals(d, { seed: 1, startTs: START }).sample(Number.NaN)).toThrow(RangeError);
  });
});

describe('demo signals counters (property)', () => {
  const counterDevices = devices.filter((d) => d.tags.some((t) => t.counter)).map((d) => d.code);

  it('never decrease, whatever the non-decreasing sample times', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...counterDevices),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 400 * DAY }),
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: 90 * DAY })), { minLength: 1, maxLength: 60 }),
        (code, seed, offset, gaps) => {
          const device = deviceByCode.get(code)!;
          const start = START + offset;
          const sig = new DeviceSignals(device, { seed, startTs: start });
          const last: Record<string, number> = {};
          let ts = start;
          for (const gap of gaps) {
            ts += gap;
            const { values } = sig.sample(ts);
            for (const tag of device.tags) {
              const v = values[tag.key];
              if (v === undefined) continue;
              expect(Number.isFinite(v)).toBe(true);
              if (!tag.counter) continue;
              if (last[tag.key] !== undefined) expect(v).toBeGreaterThanOrEqual(last[tag.key]);
              last[tag.key] = v;
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('treat a time before the latest one as no time passing', () => {
    const sig = new DeviceSignals(deviceByCode.get('chp-em-01')!, { seed: 1, startTs: START });
    const ts = [START + 5 * HOUR, START + HOUR, START + 5 * HOUR + 10_000].filter((t) => !sig.inOutage(t));
    const seen = ts.map((t) => sig.sample(t).values.gen_energy);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });
});
