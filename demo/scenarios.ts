/**
 * What the demo park's alarm rules are there to catch, scheduled as pure functions of the time so
 * that the simulator's backfilled week and its live stream tell the same story, and a demo started
 * at any moment meets each scenario soon. demo/signals.ts applies them to the readings; the demo's
 * rules (demo/alarms.ts), its tests and `npm run backtest:alarms` read the schedules from here.
 *
 * - SO2 drift on the sulphuric acid plant's tail gas (`phosphate-cems-01` / `so2`, nominal 90,
 *   H 200, HH 400 mg/m3): a cycle of 30 h (about 5.6 a week). Each cycle starts with an 8-hour
 *   steady climb of the baseline (a converter bed losing activity), from nominal to 25 % past H, so
 *   that the mean crosses H 6.4 h into the climb; it holds there 1 h (the shift notices the
 *   threshold alarm) and returns to nominal over 1.5 h; then 19.5 h of normal running. A demo that
 *   starts at any time sees a climb begin within 20 h, and the forecast rule (horizon 4 h) has hours
 *   of steady climb to warn from before the threshold fires. The phase of the cycle comes from the
 *   seed; `so2DriftEpisodes` lists the climbs.
 * - Melt-index shift on the PE line's online rheometer (`polyolefin-qa-01` / `mfi`, nominal 2.0,
 *   L 1.8 / H 2.2): the analyser reports one result every 10 minutes, an in-control process with σ =
 *   a fifth of the distance to the nearer alarm limit (0.04 g/10min) and bounded noise (±3σ). Every
 *   other local day (which days depends on the seed) the mean shifts by 1.0–1.5σ, up or down, for
 *   4–7 h starting between 06:00 and 12:00 local time: nine results on one side of the centre, or
 *   four of five beyond 1σ, give it away (run rules 2 and 6), while the largest reading,
 *   1.5σ + 3σ = 4.5σ, stays inside L/H (5σ away), so the threshold never fires.
 * - Silent meter: the WWTP's discharge and reuse flow meters (`wwtp-fm-02`) go quiet every day
 *   from 10:00 to 12:00 local time (a flaky DTU), and every fourth local day (day number since the
 *   epoch divisible by 4) until 16:00; the simulator publishes nothing for the device then.
 *
 * Pure: no I/O, no clock. Local time is the park's, given as its offset from UTC (the demo park is
 * in Asia/Shanghai, UTC+8 all year).
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The seed the simulator, the loader and the back-test share, so their schedules agree. */
export const DEMO_SEED = 42;

export const SO2_DRIFT = {
  device: 'phosphate-cems-01',
  tag: 'so2',
  periodMs: 30 * HOUR,
  rampMs: 8 * HOUR,
  holdMs: 1 * HOUR,
  recoverMs: 1.5 * HOUR,
  /** The peak of the climb, as a share of (H − nominal) past H. */
  overshoot: 0.25,
  /** The baseline's slow relative wander (σ of its Ornstein-Uhlenbeck walk) on this stack. */
  wander: 0.04,
  /** …and its measurement noise, relative (a CEMS reports minute means, not raw samples). */
  white: 0.01,
} as const;

export const MFI_SHIFT = {
  device: 'polyolefin-qa-01',
  tag: 'mfi',
  /** One analysis result per cycle. */
  analysisMs: 10 * MINUTE,
  /** σ of the in-control process, as a share of the distance to the nearer L/H limit. */
  sigmaOfRoom: 1 / 5,
  /** The shift's size in σ, and how long it takes to set in and to go away. */
  minSigmas: 1.0,
  maxSigmas: 1.5,
  minDurationMs: 4 * HOUR,
  maxDurationMs: 7 * HOUR,
  earliestStartHour: 6,
  latestStartHour: 12,
  edgeMs: 15 * MINUTE,
} as const;

export const SILENT_METER = {
  device: 'wwtp-fm-02',
  fromHour: 10,
  toHour: 12,
  /** Every `longEvery`-th local day the silence lasts until `longToHour`. */
  longEvery: 4,
  longToHour: 16,
} as const;

const SALT = { so2: 101, mfiDay: 201, mfiStart: 202, mfiLength: 203, mfiSize: 204, mfiSign: 205, mfiNoise: 210 } as const;

// ---------------------------------------------------------------------------------------------
// Hashing (independent of the per-device generators in signals.ts: a schedule depends only on the
// seed and the time, never on which devices exist or how often they are sampled)

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) from the seed, an index (a day, an analysis slot) and a salt. */
function unit(seed: number, index: number, salt: number): number {
  const lo = index % 4294967296;
  const hi = Math.floor(index / 4294967296);
  let h = fmix32((Math.trunc(seed) | 0) ^ Math.imul(salt + 1, 0x9e3779b1));
  h = fmix32(h ^ Math.imul(lo | 0, 0x85ebca77));
  h = fmix32(h ^ Math.imul(hi | 0, 0xc2b2ae3d));
  return h / 4294967296;
}

const localDay = (ts: number, offsetMs: number) => Math.floor((ts + offsetMs) / DAY);
/** The UTC time of local midnight starting local day `day`. */
const midnight = (day: number, offsetMs: number) => day * DAY - offsetMs;

export interface Period {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// SO2 drift

export interface So2DriftEpisode extends Period {
  /** When the drift's mean passes the H limit (the noise may take a reading past it a little earlier). */
  crossAt: number;
  /** End of the climb, start of the hold at the peak. */
  peakAt: number;
  /** End of the hold, start of the return to nominal. */
  recoverAt: number;
}

const so2Phase = (seed: number) => Math.floor(unit(seed, 0, SALT.so2) * SO2_DRIFT.periodMs);
const so2Length = SO2_DRIFT.rampMs + SO2_DRIFT.holdMs + SO2_DRIFT.recoverMs;
/** Where the mean crosses H, as a share of the climb: (H − n) / (peak − n) = 1 / (1 + overshoot). */
export const SO2_CROSS_SHARE = 1 / (1 + SO2_DRIFT.overshoot);

function so2Episode(seed: number, cycle: number): So2DriftEpisode {
  const start = cycle * SO2_DRIFT.periodMs + so2Phase(seed);
  const peakAt = start + SO2_DRIFT.rampMs;
  const recoverAt = peakAt + SO2_DRIFT.holdMs;
  return { start, crossAt: start + Math.round(SO2_DRIFT.rampMs * SO2_CROSS_SHARE), peakAt, recoverAt, end: recoverAt + SO2_DRIFT.recoverMs };
}

/** The SO2 climbs that overlap [from, to), in time order. */
export function so2DriftEpisodes(seed: number, from: number, to: number): So2DriftEpisode[] {
  const out: So2DriftEpisode[] = [];
  for (let c = Math.floor((from - so2Phase(seed)) / SO2_DRIFT.periodMs) - 1; ; c++) {
    const e = so2Episode(seed, c);
    if (e.start >= to) break;
    if (e.end > from) out.push(e);
  }
  return out;
}

/**
 * How far the drift has taken the SO2 baseline at ts, as a share (0..1) of the way from nominal to
 * the peak: a straight climb (what Holt's linear trend follows), a hold, a smooth return.
 */
export function so2DriftLevel(seed: number, ts: number): number {
  const cycle = Math.floor((ts - so2Phase(seed)) / SO2_DRIFT.periodMs);
  const e = so2Episode(seed, cycle);
  const t = ts - e.start;
  if (t < 0 || t >= so2Length) return 0;
  if (ts < e.peakAt) return t / SO2_DRIFT.rampMs;
  if (ts < e.recoverAt) return 1;
  const r = (ts - e.recoverAt) / SO2_DRIFT.recoverMs;
  return (1 + Math.cos(Math.PI * r)) / 2;
}

/** The SO2 value the drift adds at ts, for a tag with this nominal and H limit. */
export function so2DriftOffset(seed: number, ts: number, nominal: number, high: number): number {
  return so2DriftLevel(seed, ts) * (high - nominal) * (1 + SO2_DRIFT.overshoot);
}

// ---------------------------------------------------------------------------------------------
// Melt-index shift

export interface MfiShiftEpisode extends Period {
  /** Signed size of the shift, in σ of the in-control process. */
  sigmas: number;
}

/** The shift of local day `day`, if that day has one. */
function mfiShiftOfDay(seed: number, day: number, offsetMs: number): MfiShiftEpisode | null {
  const phase = unit(seed, 0, SALT.mfiDay) < 0.5 ? 0 : 1;
  if ((((day + phase) % 2) + 2) % 2 !== 0) return null;
  const m = MFI_SHIFT;
  const startHour = m.earliestStartHour + (m.latestStartHour - m.earliestStartHour) * unit(seed, day, SALT.mfiStart);
  const start = midnight(day, offsetMs) + Math.round(startHour * HOUR);
  const duration = m.minDurationMs + Math.round((m.maxDurationMs - m.minDurationMs) * unit(seed, day, SALT.mfiLength));
  const size = m.minSigmas + (m.maxSigmas - m.minSigmas) * unit(seed, day, SALT.mfiSize);
  return { start, end: start + duration, sigmas: unit(seed, day, SALT.mfiSign) < 0.5 ? size : -size };
}

/** The melt-index shifts that overlap [from, to), in time order. */
export function mfiShiftEpisodes(seed: number, from: number, to: number, offsetMs: number): MfiShiftEpisode[] {
  const out: MfiShiftEpisode[] = [];
  for (let d = localDay(from, offsetMs) - 1; d <= localDay(to, offsetMs); d++) {
    const e = mfiShiftOfDay(seed, d, offsetMs);
    if (e && e.start < to && e.end > from) out.push(e);
  }
  return out;
}

/** The mean shift at ts in σ (signed), with a linear onset and fade of `edgeMs` each. */
export function mfiShiftAt(seed: number, ts: number, offsetMs: number): number {
  const e = mfiShiftOfDay(seed, localDay(ts, offsetMs), offsetMs);
  if (!e || ts < e.start || ts >= e.end) return 0;
  const edge = Math.min(1, (ts - e.start) / MFI_SHIFT.edgeMs, (e.end - ts) / MFI_SHIFT.edgeMs);
  return e.sigmas * edge;
}

/** σ of the melt index's in-control process, for a tag with these limits. */
export function mfiSigma(tag: { nominal: number; lowLimit?: number; highLimit?: number }): number {
  const room = Math.min(
    tag.highLimit !== undefined ? tag.highLimit - tag.nominal : Infinity,
    tag.lowLimit !== undefined ? tag.nominal - tag.lowLimit : Infinity,
  );
  return (Number.isFinite(room) && room > 0 ? room : Math.abs(tag.nominal) * 0.05 || 1) * MFI_SHIFT.sigmaOfRoom;
}

/**
 * The result of the analysis of slot `slot` (one every `analysisMs`): nominal, plus the shift at the
 * slot's start, plus roughly normal noise bounded to ±3σ (the sum of three uniforms, as signals.ts
 * uses), so the in-control process never strays past 3σ and a shifted one never past 4.5σ.
 */
export function mfiAnalysis(seed: number, slot: number, nominal: number, sigma: number, offsetMs: number): number {
  const z = (unit(seed, slot, SALT.mfiNoise) + unit(seed, slot, SALT.mfiNoise + 1) + unit(seed, slot, SALT.mfiNoise + 2) - 1.5) * 2;
  return nominal + sigma * (mfiShiftAt(seed, slot * MFI_SHIFT.analysisMs, offsetMs) + z);
}

/**
 * A day of the melt index in statistical control, for the SPC rule's baseline: the latest whole
 * local day inside [from, to) without a shift (every other day qualifies, so any span of three
 * local days has one). Null when [from, to) holds no such day.
 */
export function mfiQuietDay(seed: number, from: number, to: number, offsetMs: number): Period | null {
  for (let d = localDay(to, offsetMs) - 1; midnight(d, offsetMs) >= from; d--) {
    const start = midnight(d, offsetMs);
    if (start + DAY > to) continue;
    if (mfiShiftEpisodes(seed, start, start + DAY, offsetMs).length === 0) return { start, end: start + DAY };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Silent meter

/** The silence of local day `day`. */
function silenceOfDay(day: number, offsetMs: number): Period {
  const m = SILENT_METER;
  const base = midnight(day, offsetMs);
  const toHour = ((day % m.longEvery) + m.longEvery) % m.longEvery === 0 ? m.longToHour : m.toHour;
  return { start: base + m.fromHour * HOUR, end: base + toHour * HOUR };
}

/** Whether the silent meter is quiet at ts. */
export function meterSilent(ts: number, offsetMs: number): boolean {
  const s = silenceOfDay(localDay(ts, offsetMs), offsetMs);
  return ts >= s.start && ts < s.end;
}

/** The silent meter's silences that overlap [from, to), in time order. */
export function silentPeriods(from: number, to: number, offsetMs: number): Period[] {
  const out: Period[] = [];
  for (let d = localDay(from, offsetMs) - 1; d <= localDay(to, offsetMs); d++) {
    const s = silenceOfDay(d, offsetMs);
    if (s.start < to && s.end > from) out.push(s);
  }
  return out;
}
