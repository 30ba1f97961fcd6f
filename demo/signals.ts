/**
 * Plausible, deterministic readings for the demo park's devices (see ./park.ts), for the device
 * simulator to publish. Pure: no I/O, no timers, no clock; the caller passes the time.
 *
 * What each tag does, by kind:
 * - power, flow and non-counter energy: the operating point `nominal` times a daily shape in the
 *   park's local time (production plants a gentle afternoon high and small-hours low, utilities a
 *   morning and an evening peak), times a slow random load factor shared by the device's tags,
 *   plus a little measurement noise. The amplitudes shrink where the tag's alarm limits leave less
 *   room, so a plant running close to its capacity does not sit in alarm every afternoon.
 * - counters (`counter: true`): running totals that integrate the same daily shape and load factor
 *   at `nominal` per hour; they never decrease, whatever the sampling rate. They keep counting
 *   through an outage (an outage is the instrument going quiet, not the plant stopping), so the
 *   first reading after one includes what was used meanwhile.
 * - temperature, pressure and other: a slow mean-reverting random walk (Ornstein-Uhlenbeck) around
 *   `nominal`, sized by the distance to the nearer alarm limit, so alarms are rare but possible.
 * - level: tanks and basins fill and drain at a steady rate between targets around `nominal`,
 *   inside the L/H limits (or 5–95 % when the tag has none) and now and then into the alarm band.
 * - emission: a low, slowly varying baseline well under `highLimit`, with rare short excursions
 *   (about three per device-week, 10–45 min) that peak near or above `highLimit`.
 * - quality: `nominal` with small noise, and now and then (about two per tag-week) a drift lasting
 *   2–8 h towards, and sometimes past, the alarm limit, that then corrects itself.
 * - mass (weighbridges, platform scales): the net weight of the last load weighed. Trucks arrive at
 *   random, mostly by day; each load is near `nominal` and now and then overloaded.
 * - outages: a few per device-month, 5–60 min each, during which `sample` returns no values.
 * - scenarios (./scenarios.ts), what the demo's alarm rules are there to catch: a slow SO2 climb
 *   past H on the acid plant's stack every 30 h (no random excursion on that tag while it climbs),
 *   the PE melt index as an online analyser reporting every 10 min, in control but for a mean shift
 *   of 1–1.5σ every other day, and a meter that goes silent for hours every day (an outage too).
 *
 * Values stay within [lowLowLimit, highHighLimit] where those exist (except emissions, whose
 * excursions may pass them), never go negative (temperatures excepted), stay within 0–100 for
 * percentages and 0–14 for pH, and are rounded to the tag's usual precision.
 *
 * Determinism: the per-device random state derives from the seed and the device code, so the same
 * seed, device and sequence of sample times give the same readings. Outages, emission excursions,
 * quality drifts and truck arrivals are pure functions of the time (hashed from the seed and the
 * time slot), so they do not depend on how often the device is sampled either.
 */
import type { DemoDevice, DemoPark, DemoTag } from './park.ts';
import { MFI_SHIFT, SILENT_METER, SO2_DRIFT, meterSilent, mfiAnalysis, mfiSigma, so2DriftLevel, so2DriftOffset } from './scenarios.ts';

/** How strongly a device follows the time of day: production plants mildly, utilities strongly. */
export type SignalProfile = 'production' | 'utility';

/** The evolving state of one tag; which fields are used depends on the tag's kind. */
export interface TagSignalState {
  /**
   * rate tags: unused (0); counters: unused (0); random walks, quality and emissions: the current
   * deviation from the operating point; levels: the true level; loads: the last net weight.
   */
  x: number;
  /** counters: the running total, unrounded */
  total?: number;
  /** levels: where the level is heading, and at what speed (units per hour), up (1) or down (-1) */
  target?: number;
  rate?: number;
  dir?: number;
  /** analysers: the last analysis slot reported */
  slot?: number;
}

/** Everything a DeviceSignals needs to carry on where it stopped; plain JSON. */
export interface SignalState {
  version: 1;
  /** the latest sample time seen (ms) */
  lastTs: number;
  /** mulberry32 state */
  rng: number;
  /** the device's slow load factor, relative deviation from 1 */
  load: number;
  /** weighbridges: the last time slot already scanned for truck arrivals */
  scaleSlot: number | null;
  tags: Record<string, TagSignalState>;
}

export interface DeviceSample { ts: number; values: Record<string, number> }

export interface DeviceSignalsOptions {
  seed: number;
  /** IANA time zone of the park; the daily cycles follow its local time. Default Asia/Shanghai. */
  timezone?: string;
  /** The time the simulation starts from: counters integrate from here. */
  startTs: number;
  /** Default 'production'; `signalsForPark` picks 'utility' for the energy and utility enterprises. */
  profile?: SignalProfile;
  /** Resume from a state taken with `getState()` (same device, seed and time zone). */
  state?: SignalState;
}

// ---------------------------------------------------------------------------------------------
// Constants

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Outages: one chance per 8 h slot, so about 3 a month. */
const OUTAGE_SLOT = 8 * HOUR;
const OUTAGE_P = 0.035;
/** Emission excursions: one chance per device and 8 h slot, so about 3 a week. */
const EXCURSION_SLOT = 8 * HOUR;
const EXCURSION_P = 0.14;
/** Quality drifts: one chance per tag and day, so about 2 a week. */
const DRIFT_SLOT = DAY;
const DRIFT_P = 0.3;
/** Weighbridges: at most one truck per 15 min slot. */
const SCALE_SLOT = 15 * MINUTE;
const SCALE_LOOKBACK = 4 * 96;
/** Longest step of the load factor when integrating counters over a gap. */
const MAX_SUBSTEP = 30 * MINUTE;
const MAX_SUBSTEPS = 2000;

const SALT = {
  amplitude: 1, counterStart: 2, outage: 10, excursion: 20, drift: 30, truck: 40, tau: 50,
} as const;

const PROFILES: Record<SignalProfile, { amplitude: [number, number]; loadSigma: number; loadTau: number }> = {
  production: { amplitude: [0.05, 0.10], loadSigma: 0.025, loadTau: 3 * HOUR },
  utility: { amplitude: [0.15, 0.25], loadSigma: 0.035, loadTau: 2 * HOUR },
};

// ---------------------------------------------------------------------------------------------
// Hashing and random numbers

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A uniform number in [0, 1) from a seed, a (time slot) index and a salt. */
function hashUnit(seed: number, index: number, salt: number): number {
  const lo = index % 4294967296;
  const hi = Math.floor(index / 4294967296);
  let h = fmix32(seed ^ Math.imul(salt + 1, 0x9e3779b1));
  h = fmix32(h ^ Math.imul(lo | 0, 0x85ebca77));
  h = fmix32(h ^ Math.imul(hi | 0, 0xc2b2ae3d));
  return h / 4294967296;
}

/** The seed of one device, from the simulation seed and the device code. */
export function deviceSeed(seed: number, code: string): number {
  return fmix32(fnv1a(code) ^ fmix32(Math.imul(Math.trunc(seed) | 0, 0x9e3779b1) ^ 0x5bd1e995));
}

// ---------------------------------------------------------------------------------------------
// Local time

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function computeOffset(timezone: string, ts: number): number {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timezone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ts))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return local - (ts - (((ts % 1000) + 1000) % 1000));
}

/** The offset of local time from UTC at `ts`, in ms, cached per zone and hour. */
export function utcOffset(timezone: string, ts: number): number {
  const hour = Math.floor(ts / HOUR);
  let m = offsets.get(timezone);
  if (!m) offsets.set(timezone, (m = new Map()));
  let o = m.get(hour);
  if (o === undefined) {
    o = computeOffset(timezone, hour * HOUR);
    if (m.size > 100_000) m.clear();
    m.set(hour, o);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Daily shapes: a zero-mean curve g over the local day (1-minute grid, linear in between) and its
// running integral, so that ∫(1 + A·g) over any interval is exact and a whole day integrates to 1.

interface Shape { g: Float64Array; cum: Float64Array }

function buildShape(raw: (hour: number) => number): Shape {
  const n = 1440;
  const g = new Float64Array(n + 1);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (g[i] = raw(i / 60)) / n;
  let peak = 0;
  for (let i = 0; i < n; i++) peak = Math.max(peak, Math.abs((g[i] -= mean)));
  for (let i = 0; i < n; i++) g[i] /= peak;
  g[n] = g[0];
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i] + (g[i] + g[i + 1]) / 2;
  return { g, cum };
}

/** A bump around `centre` (hours) on the 24-hour circle. */
function bump(h: number, centre: number, width: number): number {
  let d = Math.abs(h - centre) % 24;
  if (d > 12) d = 24 - d;
  return Math.exp(-(d * d) / (2 * width * width));
}

const SHAPES: Record<SignalProfile, Shape> = {
  // continuous chemical plants: a little more throughput in the warm afternoon, less before dawn
  production: buildShape((h) => Math.cos((2 * Math.PI * (h - 14.5)) / 24)),
  // utilities follow the park's demand: a morning and an evening peak, a night trough around 03:00
  utility: buildShape((h) => bump(h, 9.5, 2.0) + 0.9 * bump(h, 19.5, 2.2) + 0.35 * bump(h, 14.5, 3.5)),
};

function shapeAt(s: Shape, minute: number): number {
  const i = Math.floor(minute);
  const f = minute - i;
  return s.g[i] + (s.g[i + 1] - s.g[i]) * f;
}

/** ∫ g from local midnight to `minute`, in g·minutes. */
function cumAt(s: Shape, minute: number): number {
  const i = Math.floor(minute);
  const f = minute - i;
  return s.cum[i] + s.g[i] * f + ((s.g[i + 1] - s.g[i]) * f * f) / 2;
}

// ---------------------------------------------------------------------------------------------
// Tag plans: everything about a tag that does not change while simulating.

/** `assay`: an analyser that reports one result per analysis cycle (the melt-index scenario). */
type Mode = 'rate' | 'counter' | 'walk' | 'level' | 'emission' | 'quality' | 'load' | 'assay';

interface Plan {
  tag: DemoTag;
  key: string;
  mode: Mode;
  nominal: number;
  seed: number;
  /** multiply, round, divide: 10^decimals */
  inv: number;
  /** hard bounds, approached smoothly above kneeHi / below kneeLo */
  lo: number;
  hi: number;
  kneeLo: number;
  kneeHi: number;
  mLo: number;
  mHi: number;
  /** random-walk stationary standard deviation (absolute; relative for emissions) */
  sigma: number;
  /** white measurement noise (absolute; relative for rates and emissions) */
  white: number;
  tau: number;
  /** cached OU coefficients for the last step length */
  lastDt: number;
  a: number;
  b: number;
  /** quality: how far a drift may go up and down (0 where it may not) */
  driftUp: number;
  driftDown: number;
  /** levels: normal and occasional (alarm) target ranges, and the band width */
  tLo: number;
  tHi: number;
  aLo: number;
  aHi: number;
  span: number;
  /** emissions: the high limit an excursion aims at */
  high: number;
  /** loads: the overload range */
  overLo: number;
  overHi: number;
  /** emissions: this tag is the SO2 drift scenario's */
  drift: boolean;
}

function modeOf(tag: DemoTag): Mode {
  if (tag.counter) return 'counter';
  switch (tag.kind) {
    case 'power': case 'flow': case 'energy': return 'rate';
    case 'mass': return 'load';
    case 'level': return 'level';
    case 'emission': return 'emission';
    case 'quality': return 'quality';
    default: return 'walk';
  }
}

/** The distances from nominal to the alarm limits above and below (null where there is none). */
function distances(tag: DemoTag): { up: number | null; down: number | null } {
  const n = tag.nominal;
  const up = tag.highLimit !== undefined ? tag.highLimit - n : tag.highHighLimit !== undefined ? (tag.highHighLimit - n) / 1.5 : null;
  const down = tag.lowLimit !== undefined ? n - tag.lowLimit : tag.lowLowLimit !== undefined ? (n - tag.lowLowLimit) / 1.5 : null;
  return { up: up !== null && up > 0 ? up : null, down: down !== null && down > 0 ? down : null };
}

/**
 * The size of normal variation: the distance to the nearer limit; where a side has none, a share of
 * nominal, or less if a natural bound is nearer (a purity of 99.9 % has 0.1 % room to go up).
 */
function scaleOf(tag: DemoTag): number {
  const { up, down } = distances(tag);
  const n = tag.nominal;
  const fallback = Math.abs(n) * 0.3 || 1;
  const natural = tag.unit === '%' ? 100 - n : tag.unit === 'pH' ? 14 - n : Infinity;
  return Math.min(up ?? Math.min(fallback, natural > 0 ? natural : fallback), down ?? fallback);
}

function decimalsOf(tag: DemoTag, mode: Mode): number {
  const n = Math.abs(tag.nominal);
  if (mode === 'counter') return n >= 1000 ? 0 : n >= 10 ? 2 : 3;
  if (tag.kind === 'temperature') return 1;
  if (mode === 'emission') return n >= 1 ? 1 : 2;
  if (mode === 'load') return 2;
  const raw = Math.min(scaleOf(tag) / 20, (n || 1) / 200);
  return Math.max(0, Math.min(4, -Math.floor(Math.log10(raw))));
}

function makePlan(tag: DemoTag, devSeed: number): Plan {
  const mode = modeOf(tag);
  const n = tag.nominal;
  const seed = fmix32(devSeed ^ fnv1a(tag.key));
  const pct = tag.unit === '%';
  const lo = tag.lowLowLimit ?? (tag.kind === 'temperature' ? -Infinity : 0);
  const hi = mode === 'emission' || mode === 'counter'
    ? Infinity
    : tag.highHighLimit ?? (pct ? 100 : tag.unit === 'pH' ? 14 : Infinity);
  // a real limit is approached over a quarter of the way to it, an implicit bound (0, 100 %) later
  const mLo = Number.isFinite(lo) ? Math.max(0, (n - lo) * (tag.lowLowLimit !== undefined ? 0.25 : 0.1)) : 0;
  const mHi = Number.isFinite(hi) ? Math.max(0, (hi - n) * (tag.highHighLimit !== undefined ? 0.25 : 0.1)) : 0;
  const { up, down } = distances(tag);
  const scale = scaleOf(tag);
  const u = (k: number) => hashUnit(seed, k, SALT.tau);
  const plan: Plan = {
    tag, key: tag.key, mode, nominal: n, seed,
    inv: 10 ** decimalsOf(tag, mode),
    lo, hi, kneeLo: lo + mLo, kneeHi: hi - mHi, mLo, mHi,
    sigma: 0, white: 0, tau: HOUR, lastDt: -1, a: 1, b: 0,
    driftUp: 0, driftDown: 0,
    tLo: 0, tHi: 0, aLo: 0, aHi: 0, span: 0,
    high: tag.highLimit ?? tag.highHighLimit ?? Infinity,
    overLo: 0, overHi: 0,
    drift: false,
  };
  switch (mode) {
    case 'rate': {
      const room = Math.min(up ?? Infinity, down ?? Infinity) / (Math.abs(n) || 1);
      plan.white = Math.min(0.01, room / 10);
      break;
    }
    case 'walk':
      plan.sigma = 0.3 * scale;
      plan.white = 0.03 * scale;
      plan.tau = (tag.kind === 'pressure' ? 0.5 + 1.5 * u(1) : tag.kind === 'temperature' ? 1 + 2 * u(1) : 1) * HOUR;
      break;
    case 'quality': {
      plan.sigma = 0.12 * scale;
      plan.white = 0.04 * scale;
      plan.tau = (30 + 30 * u(1)) * MINUTE;
      const any = up === null && down === null;
      plan.driftUp = up ?? (any ? 0.05 * Math.abs(n) : 0);
      plan.driftDown = down ?? (any ? 0.05 * Math.abs(n) : 0);
      break;
    }
    case 'emission': {
      const room = Number.isFinite(plan.high) ? (plan.high - n) / (n || 1) : 1;
      plan.sigma = Math.max(0.02, Math.min(0.12, 0.15 * room));
      plan.white = 0.03;
      plan.tau = (30 + 60 * u(1)) * MINUTE;
      break;
    }
    case 'level': {
      const loB = tag.lowLimit ?? tag.lowLowLimit ?? (pct ? 5 : 0.2 * n);
      const hiB = tag.highLimit ?? tag.highHighLimit ?? (pct ? 95 : 1.8 * n);
      const span = Math.max(hiB - loB, 1e-9);
      plan.span = span;
      plan.tLo = Math.min(loB + 0.08 * span, n);
      plan.tHi = Math.max(hiB - 0.08 * span, n);
      plan.aLo = tag.lowLimit !== undefined && tag.lowLowLimit !== undefined ? (tag.lowLimit + tag.lowLowLimit) / 2 : loB;
      plan.aHi = tag.highLimit !== undefined && tag.highHighLimit !== undefined ? (tag.highLimit + tag.highHighLimit) / 2 : hiB;
      plan.white = 0.002 * span;
      break;
    }
    case 'load': {
      plan.white = 0.06;
      const h = tag.highLimit ?? n * 1.2;
      const hh = tag.highHighLimit ?? h * 1.2;
      // an overloaded truck: past the high limit, only where that is a plausible overload
      plan.overLo = h;
      plan.overHi = h <= 1.5 * n ? h + 0.8 * (hh - h) : h;
      break;
    }
    case 'counter': case 'assay':
      break;
  }
  return plan;
}

/** Keeps v inside (lo, hi), bending smoothly towards the bound past the knee. */
function bound(p: Plan, v: number): number {
  if (v > p.kneeHi) v = p.mHi > 0 ? p.kneeHi + p.mHi * Math.tanh((v - p.kneeHi) / p.mHi) : p.hi;
  else if (v < p.kneeLo) v = p.mLo > 0 ? p.kneeLo - p.mLo * Math.tanh((p.kneeLo - v) / p.mLo) : p.lo;
  return v;
}

function round(p: Plan, v: number): number {
  let r = Math.round(v * p.inv) / p.inv;
  if (r > p.hi) r = Math.floor(v * p.inv) / p.inv;
  else if (r < p.lo) r = Math.ceil(v * p.inv) / p.inv;
  return r;
}

/** Smooth trapezoid over phase 0..1: ramps up over the first 30 %, holds, ramps down over the last 30 %. */
function trapezoid(phase: number): number {
  const r = phase < 0.3 ? phase / 0.3 : phase > 0.7 ? (1 - phase) / 0.3 : 1;
  return r * r * (3 - 2 * r);
}

// ---------------------------------------------------------------------------------------------

export class DeviceSignals {
  readonly device: DemoDevice;
  readonly seed: number;
  readonly timezone: string;
  readonly profile: SignalProfile;
  private readonly devSeed: number;
  private readonly plans: Plan[];
  private readonly shape: Shape;
  /** daily amplitude and load-factor noise, capped by the room the device's rate tags leave */
  private readonly amplitude: number;
  private readonly loadSigma: number;
  private readonly loadTau: number;
  private readonly emissionPlans: Plan[];
  private readonly loadPlans: Plan[];
  private st: SignalState;
  private loadDt = -1;
  private loadA = 1;
  private loadB = 0;
  private offHour = NaN;
  private off = 0;
  /** the silent-meter scenario's device */
  private readonly silent: boolean;

  constructor(device: DemoDevice, opts: DeviceSignalsOptions) {
    if (!Number.isFinite(opts.startTs)) throw new RangeError('startTs must be a finite time in ms');
    this.device = device;
    this.seed = opts.seed;
    this.timezone = opts.timezone ?? 'Asia/Shanghai';
    this.profile = opts.profile ?? 'production';
    computeOffset(this.timezone, opts.startTs); // throws RangeError on an unknown time zone
    this.devSeed = deviceSeed(opts.seed, device.code);
    this.plans = device.tags.map((t) => makePlan(t, this.devSeed));
    for (const p of this.plans) {
      if (device.code === SO2_DRIFT.device && p.key === SO2_DRIFT.tag && p.mode === 'emission') {
        p.drift = true;
        // a steadier stack than the default wander (up to 12 % of nominal), so that the climb, not
        // the noise, is what a trend sees
        p.sigma = Math.min(p.sigma, SO2_DRIFT.wander);
        p.white = Math.min(p.white, SO2_DRIFT.white);
      }
      if (device.code === MFI_SHIFT.device && p.key === MFI_SHIFT.tag) {
        p.mode = 'assay';
        p.sigma = mfiSigma(p.tag);
      }
    }
    this.silent = device.code === SILENT_METER.device;
    this.emissionPlans = this.plans.filter((p) => p.mode === 'emission' && Number.isFinite(p.high));
    this.loadPlans = this.plans.filter((p) => p.mode === 'load');
    this.shape = SHAPES[this.profile];

    const prof = PROFILES[this.profile];
    let room = Infinity;
    for (const p of this.plans) {
      if (p.mode !== 'rate') continue;
      const { up, down } = distances(p.tag);
      room = Math.min(room, (up ?? Infinity) / (Math.abs(p.nominal) || 1), (down ?? Infinity) / (Math.abs(p.nominal) || 1));
    }
    const [aMin, aMax] = prof.amplitude;
    this.loadSigma = Math.min(prof.loadSigma, room / 5);
    this.amplitude = Math.max(0.01, Math.min(aMin + (aMax - aMin) * hashUnit(this.devSeed, 0, SALT.amplitude), room - 3 * this.loadSigma - 0.01));
    this.loadTau = prof.loadTau;

    this.st = opts.state ? (JSON.parse(JSON.stringify(opts.state)) as SignalState) : this.initialState(opts.startTs);
  }

  private initialState(startTs: number): SignalState {
    const st: SignalState = { version: 1, lastTs: startTs, rng: this.devSeed | 0, load: 0, scaleSlot: null, tags: {} };
    this.st = st;
    st.load = this.loadSigma * this.gauss();
    for (const p of this.plans) {
      const s: TagSignalState = { x: 0 };
      switch (p.mode) {
        case 'counter':
          // a meter that has been running for one to five years
          s.total = p.nominal * (8000 + 32000 * hashUnit(p.seed, 0, SALT.counterStart));
          break;
        case 'walk': case 'quality': case 'emission':
          s.x = p.sigma * this.gauss();
          break;
        case 'level':
          s.x = p.nominal + (this.rand() - 0.5) * 0.3 * (p.tHi - p.tLo);
          s.dir = this.rand() < 0.5 ? 1 : -1;
          this.pickLevelTarget(p, s);
          break;
        case 'load':
          s.x = p.nominal;
          break;
        case 'rate': case 'assay':
          break;
      }
      st.tags[p.key] = s;
    }
    return st;
  }

  /** A copy of the state, plain JSON, to resume from later with `opts.state`. */
  getState(): SignalState {
    return JSON.parse(JSON.stringify(this.st)) as SignalState;
  }

  /** Whether the device is in an outage at ts (the simulator then publishes nothing). */
  inOutage(ts: number): boolean {
    if (this.silent && meterSilent(ts, utcOffset(this.timezone, ts))) return true;
    const slot = Math.floor(ts / OUTAGE_SLOT);
    if (hashUnit(this.devSeed, slot, SALT.outage) >= OUTAGE_P) return false;
    const duration = (5 + 55 * hashUnit(this.devSeed, slot, SALT.outage + 1)) * MINUTE;
    const start = slot * OUTAGE_SLOT + hashUnit(this.devSeed, slot, SALT.outage + 2) * (OUTAGE_SLOT - duration);
    return ts >= start && ts < start + duration;
  }

  /**
   * The reading of every tag at `ts` (ms, non-decreasing between calls); an empty `values` while the
   * device is in an outage. A time before the latest one seen is read as no time passing.
   */
  sample(ts: number): DeviceSample {
    if (!Number.isFinite(ts)) throw new RangeError('ts must be a finite time in ms');
    const st = this.st;
    const t0 = st.lastTs;
    const dt = ts > t0 ? ts - t0 : 0;
    const hours = dt > 0 ? this.advanceLoad(t0, ts) : 0;
    if (dt > 0) st.lastTs = ts;
    const g = shapeAt(this.shape, this.localMinute(ts));
    const factor = (1 + this.amplitude * g) * (1 + st.load);
    const excursion = this.excursionAt(ts);
    if (this.loadPlans.length > 0) this.scanTrucks(ts);
    const dtHours = dt / HOUR;

    const values: Record<string, number> = {};
    for (const p of this.plans) {
      const s = st.tags[p.key];
      let v: number;
      switch (p.mode) {
        case 'rate':
          v = p.nominal * factor * (1 + p.white * this.gauss());
          break;
        case 'counter':
          s.total = (s.total ?? 0) + p.nominal * hours;
          values[p.key] = Math.floor(s.total * p.inv) / p.inv;
          continue;
        case 'walk':
          this.ouStep(p, s, dt);
          v = p.nominal + s.x + p.white * this.gauss();
          break;
        case 'quality':
          this.ouStep(p, s, dt);
          v = p.nominal + s.x + this.driftAt(p, ts) + p.white * this.gauss();
          break;
        case 'emission': {
          this.ouStep(p, s, dt);
          v = p.nominal * (1 + s.x + p.white * this.gauss());
          if (excursion !== null && excursion.plan === p) v += Math.max(0, excursion.peak - p.nominal) * excursion.level;
          if (p.drift) v += so2DriftOffset(this.seed, ts, p.nominal, p.high);
          break;
        }
        case 'assay': {
          // one result per analysis cycle, reported by the first sample of the cycle: between
          // results there is nothing new to send (a repeated value would be a fake run to SPC)
          const slot = Math.floor(ts / MFI_SHIFT.analysisMs);
          if (s.slot !== undefined && slot <= s.slot) continue;
          s.slot = slot;
          v = mfiAnalysis(this.seed, slot, p.nominal, p.sigma, this.off);
          break;
        }
        case 'level':
          if (dtHours > 0) this.advanceLevel(p, s, dtHours);
          v = s.x + p.white * this.gauss();
          break;
        case 'load':
          v = this.currentLoad(p, s, ts);
          break;
      }
      values[p.key] = round(p, bound(p, v));
    }
    return { ts, values: this.inOutage(ts) ? {} : values };
  }

  // -------------------------------------------------------------------------------------------

  private rand(): number {
    let t = (this.st.rng = (this.st.rng + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Roughly standard normal, bounded to ±3: the sum of three uniforms. */
  private gauss(): number {
    return (this.rand() + this.rand() + this.rand() - 1.5) * 2;
  }

  private localMinute(ts: number): number {
    const hour = Math.floor(ts / HOUR);
    if (hour !== this.offHour) {
      this.off = utcOffset(this.timezone, ts);
      this.offHour = hour;
    }
    const m = (((ts + this.off) % DAY) + DAY) % DAY;
    return m / MINUTE;
  }

  private ouStep(p: Plan, s: TagSignalState, dt: number): void {
    if (dt <= 0) return;
    if (dt !== p.lastDt) {
      p.a = Math.exp(-dt / p.tau);
      p.b = p.sigma * Math.sqrt(1 - p.a * p.a);
      p.lastDt = dt;
    }
    s.x = s.x * p.a + p.b * this.gauss();
  }

  /**
   * Moves the load factor from t0 to t1 and returns ∫ (1 + A·g)(1 + load) dt in hours: what a
   * counter with a nominal of 1 per hour adds over the interval.
   */
  private advanceLoad(t0: number, t1: number): number {
    const st = this.st;
    const total = t1 - t0;
    const steps = Math.ceil(total / MAX_SUBSTEP);
    const A = this.amplitude;
    if (steps > MAX_SUBSTEPS) {
      // a very long gap: the load factor averages out, start it afresh
      const c = Math.max(0, total / HOUR + (A * (cumAt(this.shape, this.localMinute(t1)) - cumAt(this.shape, this.localMinute(t0)))) / 60);
      st.load = this.loadSigma * this.gauss();
      return c;
    }
    let sum = 0;
    let ta = t0;
    let ca = cumAt(this.shape, this.localMinute(t0));
    for (let i = 1; i <= steps; i++) {
      const tb = i === steps ? t1 : t0 + (total * i) / steps;
      const cb = cumAt(this.shape, this.localMinute(tb));
      sum += (1 + st.load) * Math.max(0, (tb - ta) / HOUR + (A * (cb - ca)) / 60);
      const d = tb - ta;
      if (d !== this.loadDt) {
        this.loadA = Math.exp(-d / this.loadTau);
        this.loadB = this.loadSigma * Math.sqrt(1 - this.loadA * this.loadA);
        this.loadDt = d;
      }
      st.load = Math.max(-0.5, Math.min(0.5, st.load * this.loadA + this.loadB * this.gauss()));
      ta = tb;
      ca = cb;
    }
    return sum;
  }

  private pickLevelTarget(p: Plan, s: TagSignalState): void {
    const alarm = this.rand() < 0.04;
    const hiT = alarm ? p.aHi : p.tHi;
    const loT = alarm ? p.aLo : p.tLo;
    const u = 0.15 + 0.85 * this.rand();
    s.target = (s.dir ?? 1) > 0
      ? Math.max(Math.min(s.x + 0.05 * p.span, hiT), p.nominal + u * (hiT - p.nominal))
      : Math.min(Math.max(s.x - 0.05 * p.span, loT), p.nominal - u * (p.nominal - loT));
    // a full swing of the band takes 8 to 30 hours
    s.rate = p.span / (8 + 22 * this.rand());
  }

  private advanceLevel(p: Plan, s: TagSignalState, dtHours: number): void {
    let rem = dtHours;
    for (let guard = 0; rem > 0 && guard < 64; guard++) {
      const target = s.target ?? p.nominal;
      const rate = s.rate ?? p.span / 12;
      const dist = target - s.x;
      const need = Math.abs(dist) / rate;
      if (need > rem) {
        s.x += Math.sign(dist) * rate * rem;
        return;
      }
      s.x = target;
      rem -= need;
      s.dir = -(s.dir ?? 1);
      this.pickLevelTarget(p, s);
    }
  }

  /** The quality drift at ts: at most one per tag and day, 2–8 h long. */
  private driftAt(p: Plan, ts: number): number {
    const slot = Math.floor(ts / DRIFT_SLOT);
    if (hashUnit(p.seed, slot, SALT.drift) >= DRIFT_P) return 0;
    const duration = (2 + 6 * hashUnit(p.seed, slot, SALT.drift + 1)) * HOUR;
    const start = slot * DRIFT_SLOT + hashUnit(p.seed, slot, SALT.drift + 2) * (DRIFT_SLOT - duration);
    if (ts < start || ts >= start + duration) return 0;
    const upward = p.driftDown === 0 || (p.driftUp > 0 && hashUnit(p.seed, slot, SALT.drift + 3) < 0.5);
    const size = (0.4 + 0.8 * hashUnit(p.seed, slot, SALT.drift + 4)) * (upward ? p.driftUp : -p.driftDown);
    return size * trapezoid((ts - start) / duration);
  }

  /** The device's emission excursion at ts, if any: which tag, its peak and how far along (0..1). */
  private excursionAt(ts: number): { plan: Plan; peak: number; level: number } | null {
    const n = this.emissionPlans.length;
    if (n === 0) return null;
    const slot = Math.floor(ts / EXCURSION_SLOT);
    if (hashUnit(this.devSeed, slot, SALT.excursion) >= EXCURSION_P) return null;
    const duration = (10 + 35 * hashUnit(this.devSeed, slot, SALT.excursion + 1)) * MINUTE;
    const start = slot * EXCURSION_SLOT + hashUnit(this.devSeed, slot, SALT.excursion + 2) * (EXCURSION_SLOT - duration);
    if (ts < start || ts >= start + duration) return null;
    const plan = this.emissionPlans[Math.min(n - 1, Math.floor(hashUnit(this.devSeed, slot, SALT.excursion + 3) * n))];
    // the drift scenario tells its own story: a spike on top of the climb would blur it
    if (plan.drift && so2DriftLevel(this.seed, ts) > 0) return null;
    const peak = plan.high * (0.8 + 0.65 * hashUnit(this.devSeed, slot, SALT.excursion + 4));
    const s = Math.sin((Math.PI * (ts - start)) / duration);
    return { plan, peak, level: s * s };
  }

  /** A truck in this slot, if any: when it is weighed, which tag and its net weight. */
  private truck(slot: number, offset: number): { at: number; plan: Plan; weight: number } | null {
    const start = slot * SCALE_SLOT;
    const hour = ((((start + offset) % DAY) + DAY) % DAY) / HOUR;
    const p = hour >= 7 && hour < 19 ? 0.55 : (hour >= 5 && hour < 7) || (hour >= 19 && hour < 23) ? 0.2 : 0.06;
    if (hashUnit(this.devSeed, slot, SALT.truck) >= p) return null;
    const n = this.loadPlans.length;
    const plan = this.loadPlans[Math.min(n - 1, Math.floor(hashUnit(this.devSeed, slot, SALT.truck + 1) * n))];
    const at = start + hashUnit(this.devSeed, slot, SALT.truck + 2) * SCALE_SLOT;
    let weight: number;
    if (plan.overHi > plan.overLo && hashUnit(this.devSeed, slot, SALT.truck + 3) < 0.03) {
      weight = plan.overLo + (plan.overHi - plan.overLo) * hashUnit(this.devSeed, slot, SALT.truck + 4);
    } else {
      // sum of three uniforms: roughly normal, bounded
      const z = (hashUnit(this.devSeed, slot, SALT.truck + 5) + hashUnit(this.devSeed, slot, SALT.truck + 6) + hashUnit(this.devSeed, slot, SALT.truck + 7) - 1.5) * 2;
      weight = plan.nominal * (1 + plan.white * z);
    }
    return { at, plan, weight };
  }

  /** Records the loads of the slots that have passed since the last sample. */
  private scanTrucks(ts: number): void {
    const st = this.st;
    const cur = Math.floor(ts / SCALE_SLOT);
    const first = st.scaleSlot === null || cur - st.scaleSlot > SCALE_LOOKBACK ? cur - SCALE_LOOKBACK : st.scaleSlot + 1;
    if (first > cur - 1) return;
    this.localMinute(ts);
    for (let slot = first; slot <= cur - 1; slot++) {
      const t = this.truck(slot, this.off);
      if (t) st.tags[t.plan.key].x = t.weight;
    }
    st.scaleSlot = cur - 1;
  }

  private currentLoad(p: Plan, s: TagSignalState, ts: number): number {
    const cur = Math.floor(ts / SCALE_SLOT);
    const t = this.truck(cur, this.off);
    return t && t.plan === p && t.at <= ts ? t.weight : s.x;
  }
}

/** The profile a device follows: utilities and energy enterprises follow the park's demand. */
export function profileFor(industry: string): SignalProfile {
  return industry === 'energy' || industry === 'utilities' ? 'utility' : 'production';
}

/** One DeviceSignals for every device of the park, by device code, in the park's time zone. */
export function signalsForPark(park: DemoPark, seed: number, startTs: number): Map<string, DeviceSignals> {
  const out = new Map<string, DeviceSignals>();
  for (const e of park.enterprises) {
    for (const site of e.sites) {
      for (const unit of site.units) {
        for (const d of unit.devices) {
          out.set(d.code, new DeviceSignals(d, { seed, timezone: park.timezone, startTs, profile: profileFor(e.industry) }));
        }
      }
    }
  }
  return out;
}
