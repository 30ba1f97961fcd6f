/**
 * `npm run backtest:alarms [-- --days 7] [--end 2026-12-07T00:00:00Z] [--seed 42] [--step 120]`
 *
 * Judges every demo alarm rule (demo/alarms.ts), and the tags' own limits where a demo rule is
 * about them, over the demo park's signals (demo/signals.ts) generated in memory as the simulator
 * would have backfilled them: no server, no database. Prints one table per rule (episodes, time in
 * alarm), the forecast rule's lead time and false-alarm rate against when the threshold actually
 * fired, and as the last line one JSON object with every figure.
 *
 * `--end` fixes the end of the history (default: now, to the minute) so a run can be repeated;
 * with the same end, seed and step every figure is the same.
 */
import { demoPark, type DemoDevice, type DemoTag } from '../../demo/park.ts';
import { DEMO_HISTORY_DAYS, demoAlarmRules, demoRuleRecord, type DemoRule } from '../../demo/alarms.ts';
import { DEMO_SEED, MFI_SHIFT, SILENT_METER, SO2_DRIFT, mfiShiftEpisodes, silentPeriods, so2DriftEpisodes, type Period } from '../../demo/scenarios.ts';
import { signalsForPark, utcOffset } from '../../demo/signals.ts';
import { backtest, type BacktestResult } from '../modules/alarms/backtest.ts';
import type { RuleParams } from '../modules/alarms/rule-model.ts';
import { paramsOf, type TagLimits } from '../modules/alarms/rules.ts';
import { limitsFor } from '../modules/alarms/runtime.ts';
import type { Point } from '../modules/alarms/series.ts';
import type { ControlLimits } from '../modules/alarms/spc.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Options {
  days: number;
  end: number;
  seed: number;
  stepMs: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { days: DEMO_HISTORY_DAYS, end: Math.floor(Date.now() / 60_000) * 60_000, seed: DEMO_SEED, stepMs: 120_000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    const bad = (what: string) => {
      process.stderr.write(`backtest:alarms: ${flag} ${what}, got ${value}\n`);
      process.exit(2);
    };
    switch (flag) {
      case '--days':
        opts.days = Number(value);
        if (!(Number.isFinite(opts.days) && opts.days >= 1 && opts.days <= 366)) bad('needs a number of days from 1 to 366');
        break;
      case '--end':
        opts.end = Date.parse(value ?? '');
        if (!Number.isFinite(opts.end)) bad('needs an ISO 8601 date-time');
        break;
      case '--seed':
        opts.seed = Number(value);
        if (!Number.isInteger(opts.seed)) bad('needs an integer');
        break;
      case '--step':
        opts.stepMs = Number(value) * 1000;
        if (!(Number.isFinite(opts.stepMs) && opts.stepMs >= 1000 && opts.stepMs <= HOUR)) bad('needs seconds from 1 to 3600');
        break;
      default:
        process.stderr.write(`backtest:alarms: unknown option ${flag}\nusage: npm run backtest:alarms -- [--days N] [--end ISO-date] [--seed N] [--step seconds]\n`);
        process.exit(2);
    }
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// The demo's devices and rules, resolved to tags as the platform resolves them

const located = demoPark.enterprises.flatMap((e) => e.sites.flatMap((s) => s.units.flatMap((u) => u.devices.map((d) => ({ enterprise: e.code, device: d })))));
const deviceOf = new Map(located.map((l) => [l.device.code, l]));

interface Target {
  rule: string;
  kind: string;
  device: DemoDevice;
  /** null: the whole device (no_data) */
  tag: DemoTag | null;
  params: RuleParams;
}

const limitsOf = (t: DemoTag | null): TagLimits | null =>
  t ? { lowLow: t.lowLowLimit ?? null, low: t.lowLimit ?? null, high: t.highLimit ?? null, highHigh: t.highHighLimit ?? null } : null;

function tagOf(device: DemoDevice, key: string): DemoTag {
  const t = device.tags.find((x) => x.key === key);
  if (!t) throw new Error(`${device.code} has no tag ${key}`);
  return t;
}

/** Every (rule, tag) the demo's rules judge, plus the own-limit threshold rule of each tag a demo rule is about. */
function targets(rules: DemoRule[], offsetMs: number): Target[] {
  const out: Target[] = [];
  const add = (r: DemoRule, device: DemoDevice, tag: DemoTag | null) => {
    const params = paramsOf(demoRuleRecord(r), limitsOf(tag), offsetMs);
    if (params) out.push({ rule: r.name, kind: r.fields.kind, device, tag, params });
  };
  const overridden = new Set(rules.flatMap((r) => ('override' in r.subject ? [`${r.subject.override.rule}|${r.subject.override.device}`] : [])));
  const withLimits = new Map<string, { device: DemoDevice; tag: DemoTag }>();
  for (const r of rules) {
    const s = r.subject;
    if ('tag' in s || 'override' in s) {
      const { device: code, key } = 'tag' in s ? s.tag : s.override;
      const device = deviceOf.get(code)!.device;
      add(r, device, tagOf(device, key));
      withLimits.set(`${code}/${key}`, { device, tag: tagOf(device, key) });
    } else if ('device' in s) {
      add(r, deviceOf.get(s.device)!.device, null);
    } else {
      for (const l of located) {
        if (l.enterprise !== r.enterprise || l.device.kind !== s.deviceKind || overridden.has(`${r.name}|${l.device.code}`)) continue;
        const tag = l.device.tags.find((t) => t.key === s.tagKey);
        if (tag) add(r, l.device, tag);
      }
    }
  }
  // The tags' own LL/L/H/HH: what actually fired, to set the other rules against.
  for (const { device, tag } of withLimits.values()) {
    const own: DemoRule = { name: `${device.code}/${tag.key} own limits`, enterprise: deviceOf.get(device.code)!.enterprise, subject: { tag: { device: device.code, key: tag.key } }, fields: { name: 'own limits', kind: 'threshold' } };
    const params = paramsOf(demoRuleRecord(own, 'tag_limits'), limitsOf(tag), offsetMs);
    if (params) out.push({ rule: own.name, kind: 'threshold', device, tag, params });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Signals

/** The readings the simulator would have backfilled for `devices`, by device code and tag key. */
function generate(devices: string[], from: number, to: number, opts: Options): Map<string, { samples: number; byTag: Map<string, Point[]>; deviceTs: number[] }> {
  const signals = signalsForPark(demoPark, opts.seed, from);
  const out = new Map<string, { samples: number; byTag: Map<string, Point[]>; deviceTs: number[] }>();
  devices.forEach((code, i) => {
    const sig = signals.get(code)!;
    const byTag = new Map<string, Point[]>();
    const deviceTs: number[] = [];
    let samples = 0;
    for (let ts = from; ts < to; ts += opts.stepMs) {
      const { values } = sig.sample(ts);
      samples++;
      const keys = Object.keys(values);
      if (keys.length) deviceTs.push(ts);
      for (const k of keys) {
        let list = byTag.get(k);
        if (!list) byTag.set(k, (list = []));
        list.push({ ts, value: values[k] });
      }
    }
    out.set(code, { samples, byTag, deviceTs });
    progress(`generating signals ${i + 1}/${devices.length} (${code})`);
  });
  return out;
}

const tty = process.stderr.isTTY;
function progress(msg: string): void {
  process.stderr.write(tty ? `\r\x1b[2K${msg}` : `${msg}\n`);
}

// ---------------------------------------------------------------------------------------------

const fmtH = (ms: number) => `${(ms / HOUR).toFixed(1)} h`;
const fmtTime = (ts: number, offsetMs: number) => new Date(ts + offsetMs).toISOString().slice(5, 16).replace('T', ' ');

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface RuleFigures {
  rule: string;
  kind: string;
  subject: string;
  points: number;
  episodes: number;
  levels: Record<string, number>;
  timeInAlarmHours: number;
  timeInAlarmShare: number;
  forecast?: {
    warnings: number;
    crossings: number;
    hits: number;
    falseAlarms: number;
    falseAlarmRate: number | null;
    missed: number;
    medianLeadHours: number | null;
    minLeadHours: number | null;
  };
  /** What the rule's scenario (demo/scenarios.ts) put there, and how much of it the rule caught. */
  scenario?: { name: string; occurrences: number; caught: number; medianDelayHours: number | null; episodesOutside: number };
}

/**
 * Episodes that start inside a scenario's periods (or within `graceMs` after one ends: a run rule
 * may complete on the reading after the shift) catch it; the others are raised outside any.
 */
function scenarioFigures(name: string, periods: Period[], episodes: BacktestResult['episodes'], graceMs: number): NonNullable<RuleFigures['scenario']> {
  const inside = (ts: number, p: Period) => ts >= p.start && ts < p.end + graceMs;
  const delays: number[] = [];
  for (const p of periods) {
    const first = episodes.find((e) => inside(e.from, p));
    if (first) delays.push(first.from - p.start);
  }
  const med = median(delays);
  return {
    name,
    occurrences: periods.length,
    caught: delays.length,
    medianDelayHours: med === null ? null : Math.round((med / HOUR) * 100) / 100,
    episodesOutside: episodes.filter((e) => !periods.some((p) => inside(e.from, p))).length,
  };
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const to = opts.end;
  const from = to - opts.days * DAY;
  const offsetMs = utcOffset(demoPark.timezone, to);
  const rules = demoAlarmRules(to, demoPark, opts.seed);
  const all = targets(rules, offsetMs);
  // the SPC baseline may lie before a short --days range: generate from whichever is earlier
  const genFrom = Math.min(from, ...all.flatMap((t) => (t.params.kind === 'spc' ? [t.params.baselineFrom] : [])));
  const data = generate([...new Set(all.map((t) => t.device.code))], genFrom, to, opts);

  const figures: RuleFigures[] = [];
  all.forEach((t, i) => {
    progress(`judging ${i + 1}/${all.length}: ${t.rule}`);
    const d = data.get(t.device.code)!;
    // a whole-device no-data rule watches when the device reports, whatever it says: one point a report
    const series = t.tag ? (d.byTag.get(t.tag.key) ?? []) : d.deviceTs.map((ts) => ({ ts, value: 0 }));
    const points = series.filter((p) => p.ts >= from);
    const ctx: { controlLimits?: ControlLimits; endTs: number } = { endTs: to };
    if (t.params.kind === 'spc') {
      const { baselineFrom, baselineTo } = t.params;
      const lim = limitsFor(t.params, series.filter((p) => p.ts >= baselineFrom && p.ts < baselineTo));
      if (!lim.ok) throw new Error(`${t.rule}: ${lim.error.message}`);
      ctx.controlLimits = lim.limits;
    }
    const r: BacktestResult = backtest(t.params, points, ctx);
    const levels: Record<string, number> = {};
    for (const e of r.episodes) levels[e.level] = (levels[e.level] ?? 0) + 1;
    const f: RuleFigures = {
      rule: t.rule,
      kind: t.kind,
      subject: t.tag ? `${t.device.code}/${t.tag.key}` : t.device.code,
      points: r.points,
      episodes: r.episodes.length,
      levels,
      // the engine gives the share of the judged span (first reading to the end)
      timeInAlarmHours: Math.round(((r.timeInAlarm * (to - (points[0]?.ts ?? to))) / HOUR) * 100) / 100,
      timeInAlarmShare: Math.round(r.timeInAlarm * 10_000) / 10_000,
    };
    if (r.forecast) {
      const leads = r.forecast.leadTimesMs;
      f.forecast = {
        warnings: r.forecast.warnings,
        crossings: r.forecast.crossings,
        hits: r.forecast.hits,
        falseAlarms: r.forecast.falseAlarms,
        falseAlarmRate: r.forecast.falseAlarmRate,
        missed: r.forecast.missed,
        medianLeadHours: leads.length ? Math.round((median(leads)! / HOUR) * 100) / 100 : null,
        minLeadHours: leads.length ? Math.round((Math.min(...leads) / HOUR) * 100) / 100 : null,
      };
    }
    if (t.params.kind === 'spc' && t.device.code === MFI_SHIFT.device) {
      // whole shifts only: one cut by the range's start or end would not have had its chance
      const shifts = mfiShiftEpisodes(opts.seed, from, to, offsetMs).filter((e) => e.start >= from && e.end <= to);
      f.scenario = scenarioFigures('melt-index shift', shifts, r.episodes, MFI_SHIFT.analysisMs);
    }
    if (t.params.kind === 'no_data' && t.device.code === SILENT_METER.device) {
      f.scenario = scenarioFigures('silent meter', silentPeriods(from, to, offsetMs).filter((p) => p.start >= from && p.end <= to), r.episodes, 0);
    }
    figures.push(f);
    printRule(f, r, offsetMs);
  });
  if (tty) process.stderr.write('\r\x1b[2K');

  const drift = so2DriftEpisodes(opts.seed, from, to);
  const out = {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    seed: opts.seed,
    stepSeconds: opts.stepMs / 1000,
    so2Climbs: drift.map((e) => ({ start: new Date(e.start).toISOString(), crossAt: new Date(e.crossAt).toISOString() })),
    rules: figures,
  };
  process.stdout.write(`\nSO2 climbs on ${SO2_DRIFT.device}/${SO2_DRIFT.tag} (local time): ${drift.map((e) => `${fmtTime(e.start, offsetMs)} → H at ${fmtTime(e.crossAt, offsetMs)}`).join('; ') || 'none'}\n`);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function printRule(f: RuleFigures, r: BacktestResult, offsetMs: number): void {
  const lines = [
    '',
    `${f.rule}  [${f.kind}]  ${f.subject}`,
    `  readings ${f.points}   episodes ${f.episodes}${Object.keys(f.levels).length ? ` (${Object.entries(f.levels).map(([l, n]) => `${l} ${n}`).join(', ')})` : ''}   time in alarm ${fmtH(f.timeInAlarmHours * HOUR)} (${(f.timeInAlarmShare * 100).toFixed(1)} %)`,
  ];
  if (r.episodes.length) {
    lines.push('  level      from (local)   to (local)     duration  peak');
    for (const e of r.episodes.slice(0, 12)) {
      const dur = e.to === null ? 'open' : fmtH(e.to - e.from);
      lines.push(`  ${e.level.padEnd(10)} ${fmtTime(e.from, offsetMs).padEnd(14)} ${(e.to === null ? '—' : fmtTime(e.to, offsetMs)).padEnd(14)} ${dur.padEnd(9)} ${e.peak ?? ''}`);
    }
    if (r.episodes.length > 12) lines.push(`  … ${r.episodes.length - 12} more`);
  }
  if (f.forecast) {
    const x = f.forecast;
    lines.push(
      `  forecast: ${x.warnings} warnings, ${x.crossings} threshold crossings, ${x.hits} warned in time, ${x.missed} missed, ${x.falseAlarms} false alarms` +
        ` (false-alarm rate ${x.falseAlarmRate === null ? '—' : `${(x.falseAlarmRate * 100).toFixed(0)} %`})`,
      `  lead time: median ${x.medianLeadHours === null ? '—' : `${x.medianLeadHours} h`}, min ${x.minLeadHours === null ? '—' : `${x.minLeadHours} h`}`,
    );
  }
  if (f.scenario) {
    const x = f.scenario;
    lines.push(`  scenario (${x.name}): ${x.caught} of ${x.occurrences} caught, median ${x.medianDelayHours ?? '—'} h after it began; ${x.episodesOutside} episodes outside it`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
