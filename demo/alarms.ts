/**
 * The demo park's alarm rules and its one past incident, written through the platform's own
 * services as an operator would (validated, tenant-checked, audited).
 *
 * The rules are the ones the scenarios of ./scenarios.ts are there for, plus one of each other
 * kind; the tags' own LL/L/H/HH limits need no rule here, they are threshold rules by themselves.
 * `demoAlarmRules` is pure, so `npm run backtest:alarms` judges exactly what the loader loads.
 *
 * Idempotent: a rule is known by its enterprise and name, and one already there is left as it is;
 * the incident is known by its title.
 */
import type { Services } from '../src/app.ts';
import type { CreateOf } from '../src/core/crud/spec.ts';
import { systemContext } from '../src/core/roles.ts';
import type { alarmRuleSpec } from '../src/modules/alarms/resources.ts';
import type { RuleRecord } from '../src/modules/alarms/rules.ts';
import { demoPark, type DemoPark, type DeviceKind } from './park.ts';
import { DEMO_SEED, MFI_SHIFT, SILENT_METER, SO2_DRIFT, mfiQuietDay, so2DriftEpisodes } from './scenarios.ts';
import { utcOffset } from './signals.ts';

const HOUR_S = 3600;
const DAY = 86_400_000;
const HOUR_MS = 3_600_000;

type RuleBody = CreateOf<typeof alarmRuleSpec>;
/** A rule's parameters: the API's body without its subject and enterprise, which the loader resolves. */
export type DemoRuleFields = Omit<RuleBody, 'enterpriseId' | 'tagId' | 'deviceId' | 'unitId' | 'deviceKind' | 'tagKey' | 'overridesRuleId'>;

/** What a demo rule applies to, by the demo's codes (the loader turns them into ids). */
export type DemoRuleSubject =
  | { tag: { device: string; key: string } }
  /** a whole device (no_data) */
  | { device: string }
  | { deviceKind: DeviceKind; tagKey: string }
  /** a device's tag replacing an inherited rule of the same enterprise, named by its rule name */
  | { override: { device: string; key: string; rule: string } };

export interface DemoRule {
  /** unique within its enterprise: how a later load recognises it */
  name: string;
  enterprise: string;
  subject: DemoRuleSubject;
  fields: DemoRuleFields & { name: string };
}

/** The backfill the simulator makes at the first start: the SPC baseline must lie inside it. */
export const DEMO_HISTORY_DAYS = 7;

/**
 * The demo's rules for a demo whose history ends at `now` (the SPC rule's baseline is a quiet day
 * of that history). Throws if the history holds no quiet day, which the scenario rules out for
 * any history of three days or more.
 */
export function demoAlarmRules(now: number, park: DemoPark = demoPark, seed: number = DEMO_SEED): DemoRule[] {
  const offset = utcOffset(park.timezone, now);
  const quiet = mfiQuietDay(seed, now - DEMO_HISTORY_DAYS * DAY, now, offset);
  if (!quiet) throw new Error(`no day without a melt-index shift in the ${DEMO_HISTORY_DAYS} days before ${new Date(now).toISOString()}`);
  const rule = (enterprise: string, subject: DemoRuleSubject, fields: DemoRule['fields']): DemoRule => ({ name: fields.name, enterprise, subject, fields });
  return [
    rule('phosphate', { tag: { device: SO2_DRIFT.device, key: SO2_DRIFT.tag } }, {
      name: '硫酸尾气SO2趋势预警（4小时）',
      description: 'Holt 线性趋势预测尾气 SO2 在 4 小时内越过 H 限值（200 mg/m3，GB 26132-2010 特别排放限值）时预警，给出预计越限时间与置信度。',
      kind: 'forecast', severity: 'high', category: 'emission',
      // 10-min steps damp the CEMS noise; a 3-hour fit follows a climb of hours, not a wobble of
      // minutes (chosen with `npm run backtest:alarms`, see docs/alarms.md)
      horizonSeconds: 4 * HOUR_S, stepSeconds: 600, fitWindowSeconds: 3 * HOUR_S, confidence: 0.9,
    }),
    rule('polyolefin', { tag: { device: MFI_SHIFT.device, key: MFI_SHIFT.tag } }, {
      name: 'PE熔融指数SPC判异（八条判异准则）',
      description: '单值-移动极差图，控制限取自平稳生产的一天；Western Electric / Nelson 八条判异准则全部启用。',
      kind: 'spc', severity: 'medium', category: 'quality',
      chart: 'imr', subgroupSize: 1, baselineFrom: quiet.start, baselineTo: quiet.end, runRules: [1, 2, 3, 4, 5, 6, 7, 8],
    }),
    rule('wwtp', { device: SILENT_METER.device }, {
      name: '排放及回用水流量计通讯中断',
      description: '15 分钟没有任何读数即报警（DTU 掉线、仪表断电），恢复上传后自动消除。',
      kind: 'no_data', severity: 'medium', category: 'equipment', silenceSeconds: 15 * 60,
    }),
    rule('solvrec', { tag: { device: 'solvrec-cems-01', key: 'so2' } }, {
      name: '焚烧炉SO2小时均值（GB 18484-2020）',
      description: 'GB 18484-2020 表 3：SO2 1 小时均值 100 mg/m3；小时内有效数据不足 75% 的小时不判定（HJ 75-2017）。',
      kind: 'window', severity: 'high', category: 'emission',
      windowSeconds: HOUR_S, aggregate: 'mean', high: 100, minCompleteness: 0.75, expectedIntervalSeconds: 120,
    }),
    rule('solvrec', { tag: { device: 'solvrec-cems-01', key: 'so2' } }, {
      name: '焚烧炉SO2日均值（GB 18484-2020）',
      description: 'GB 18484-2020 表 3：SO2 24 小时均值 80 mg/m3，按园区时间零点至零点计。',
      kind: 'window', severity: 'high', category: 'compliance',
      windowSeconds: 24 * HOUR_S, aggregate: 'mean', high: 80, minCompleteness: 0.75, expectedIntervalSeconds: 120,
    }),
    rule('recycler', { tag: { device: 'recycler-fm-01', key: 'wash_water' } }, {
      name: '清洗用水日取水定额',
      description: '取水定额：清洗用水每日不超过 436 m3（园区时间零点至零点），即日均流量不超过 18.17 m3/h。',
      kind: 'window', severity: 'medium', category: 'compliance',
      // The tag is a rate (m3/h): a day's total is its time-weighted mean × 24 h, so the quota is
      // judged as the day's mean. A sum of the readings would count how often the meter reported
      // (every 5 s live, every 2 min in the backfill), not the water taken.
      windowSeconds: 24 * HOUR_S, aggregate: 'mean', high: Math.round((436 / 24) * 100) / 100, minCompleteness: 0.75, expectedIntervalSeconds: 120,
    }),
    rule('chloralkali', { tag: { device: 'chloralkali-lt-01', key: 'tank1_level' } }, {
      name: '1#碱罐液位上涨过快',
      description: '15 分钟内上涨超过 0.36 m（约 1.45 m/h，比正常进料最快时还快）：可能阀门内漏、串罐或液位计故障。',
      kind: 'rate', severity: 'medium', category: 'process', windowSeconds: 15 * 60, maxRise: 0.36,
    }),
    rule('refinery', { deviceKind: 'emission_monitor', tagKey: 'nox' }, {
      name: '炼化烟气NOx小时均值（特别排放限值）',
      description: '本企业所有烟气 CEMS 的 NOx 1 小时均值不超过 100 mg/m3（GB 31570-2015 / GB 31571-2015 特别排放限值）。',
      kind: 'window', severity: 'high', category: 'emission',
      windowSeconds: HOUR_S, aggregate: 'mean', high: 100, minCompleteness: 0.75, expectedIntervalSeconds: 120,
    }),
    rule('refinery', { override: { device: 'refinery-cems-03', key: 'nox', rule: '炼化烟气NOx小时均值（特别排放限值）' } }, {
      name: '裂解炉NOx小时均值（内控值）',
      description: '裂解炉已改低氮燃烧器，内控 NOx 1 小时均值 80 mg/m3，严于排放标准，替代全企业的 CEMS 规则。',
      kind: 'window', severity: 'medium', category: 'emission',
      windowSeconds: HOUR_S, aggregate: 'mean', high: 80, minCompleteness: 0.75, expectedIntervalSeconds: 120,
    }),
  ];
}

/**
 * The stored record a demo rule becomes (as the API shows it), with placeholder ids for its
 * subject: what the engine's own checks and `paramsOf` take, for the back-test and the tests.
 */
export function demoRuleRecord(r: DemoRule, origin: RuleRecord['origin'] = 'user'): RuleRecord {
  const s = r.subject;
  const subject = 'tag' in s ? { tagId: 1 }
    : 'device' in s ? { deviceId: 1 }
    : 'deviceKind' in s ? { deviceKind: s.deviceKind, tagKey: s.tagKey }
    : { deviceId: 1, tagKey: s.override.key, overridesRuleId: 1 };
  const unset = Object.fromEntries(RECORD_FIELDS.map((k) => [k, null]));
  // The API body's types are wider than the record's (a JSON array for runRules, optional fields):
  // the record is what the API would store, and the engine's own checks (ruleErrors) judge it.
  const rec: Record<string, unknown> = { ...unset, id: 1, enterpriseId: 1, enabled: true, origin, severity: 'medium', category: 'process', ...r.fields, ...subject, name: r.name };
  return rec as unknown as RuleRecord;
}

const RECORD_FIELDS = [
  'tagId', 'deviceId', 'unitId', 'deviceKind', 'tagKey', 'overridesRuleId', 'highHigh', 'high', 'low', 'lowLow', 'deadband', 'onDelaySeconds', 'offDelaySeconds',
  'windowSeconds', 'maxRise', 'maxFall', 'silenceSeconds', 'aggregate', 'minCompleteness', 'expectedIntervalSeconds', 'chart', 'subgroupSize', 'baselineFrom',
  'baselineTo', 'runRules', 'horizonSeconds', 'stepSeconds', 'fitWindowSeconds', 'confidence',
] as const satisfies readonly (keyof RuleRecord)[];

export interface DemoAlarmsReport {
  created: number;
  existing: number;
  /** rules whose enterprise, device or tag an operator has removed since the demo was loaded */
  skipped: number;
}

/** Loads the demo's rules that are not there yet. */
export async function loadDemoAlarmRules(services: Services, now = Date.now(), park: DemoPark = demoPark): Promise<DemoAlarmsReport> {
  const ctx = systemContext('demo-loader');
  const rules = services.alarms.rules;
  const report: DemoAlarmsReport = { created: 0, existing: 0, skipped: 0 };
  const enterpriseIds = new Map<string, number>();
  for (const e of park.enterprises) {
    const page = await services.registry.enterprises.list(ctx, { limit: 5, offset: 0, q: e.code });
    const hit = page.items.find((x) => x.code === e.code);
    if (hit) enterpriseIds.set(e.code, hit.id);
  }
  const byName = new Map<string, number>();
  for (let offset = 0; ; offset += 500) {
    const page = await rules.list(ctx, { limit: 500, offset, origin: 'user' });
    for (const r of page.items) if (r.name) byName.set(`${r.enterpriseId}:${r.name}`, r.id);
    if (page.items.length < 500) break;
  }
  for (const r of demoAlarmRules(now, park)) {
    const enterpriseId = enterpriseIds.get(r.enterprise);
    if (enterpriseId !== undefined && byName.has(`${enterpriseId}:${r.name}`)) {
      report.existing++;
      continue;
    }
    // An operator may have removed an enterprise, device or tag of the demo since it was loaded
    // (this also runs at every start): its rules go with it rather than stop the start.
    const s = r.subject;
    const code = 'tag' in s ? s.tag.device : 'device' in s ? s.device : 'override' in s ? s.override.device : null;
    const device = code === null ? null : await services.telemetry.device(code);
    const key = 'tag' in s ? s.tag.key : null;
    const tagId = key === null ? undefined : device?.tags.get(key);
    if (enterpriseId === undefined || device === undefined || (key !== null && tagId === undefined)) {
      report.skipped++;
      continue;
    }
    const subject: Partial<RuleBody> =
      'tag' in s ? { tagId }
      : 'device' in s ? { deviceId: device!.id }
      : 'deviceKind' in s ? { deviceKind: s.deviceKind, tagKey: s.tagKey }
      : { deviceId: device!.id, tagKey: s.override.key, overridesRuleId: byName.get(`${enterpriseId}:${s.override.rule}`) ?? null };
    const created = await rules.create(ctx, { ...r.fields, ...subject, enterpriseId });
    byName.set(`${enterpriseId}:${r.name}`, created.id);
    report.created++;
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// The past incident

export const DEMO_INCIDENT_TITLE = '硫酸装置尾气SO2超标';

/**
 * The SO2 climb the past incident is about: the latest one whose crossing of H is at least
 * `daysAgo` days before `now` (three days ago with the default).
 */
export function demoIncidentEpisode(now: number, seed: number = DEMO_SEED, daysAgo = 3) {
  const target = now - daysAgo * DAY;
  const episodes = so2DriftEpisodes(seed, target - 2 * DAY, target + 1);
  const past = episodes.filter((e) => e.crossAt <= target);
  return past[past.length - 1];
}

export interface DemoIncidentReport {
  incidentId: number;
  created: boolean;
  /** the SO2 alarms it was raised from */
  alarms: number;
}

/**
 * The park's one past incident: the SO2 exceedance at the sulphuric acid plant about three days
 * before `now`, raised by the park operator from the tag's alarm, worked through (timeline,
 * checklist) and closed with a report. Run after the backfill, so that the alarm it is raised from
 * has been raised by the history. The service stamps each entry with the time it is written, so
 * the entries say in their text when (park time) each thing happened.
 */
export async function loadDemoIncident(services: Services, now = Date.now(), opts: { park?: DemoPark; seed?: number; waitForAlarmsMs?: number } = {}): Promise<DemoIncidentReport> {
  const { park = demoPark, seed = DEMO_SEED, waitForAlarmsMs = 0 } = opts;
  const { incidents } = services;
  const ctx = systemContext('demo-loader');
  for (let offset = 0; ; offset += 500) {
    const page = await incidents.list(ctx, { limit: 500, offset, kind: 'emission_exceedance' });
    const hit = page.items.find((i) => i.title === DEMO_INCIDENT_TITLE);
    if (hit) return { incidentId: hit.id, created: false, alarms: 0 };
    if (page.items.length < 500) break;
  }
  const e = demoIncidentEpisode(now, seed);
  const offsetMs = utcOffset(park.timezone, e.crossAt);
  const at = (ts: number) => {
    const d = new Date(ts + offsetMs);
    return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  };
  const MIN = 60_000;

  const device = await services.telemetry.device(SO2_DRIFT.device);
  const tagId = device?.tags.get(SO2_DRIFT.tag);
  // The exceedance's alarms on the tag (its own H limit, the forecast that warned of it), as the
  // history raised them: those of the episode's time, else whatever the tag has.
  // The backfill's readings are judged as they commit, a moment behind it: wait a little for them.
  const alarmIds: number[] = [];
  for (const deadline = Date.now() + waitForAlarmsMs; tagId !== undefined; ) {
    const page = await services.alarms.list(ctx, { limit: 50, offset: 0, tagId });
    const near = page.items.filter((a) => a.raisedAt !== null && a.raisedAt >= e.start - HOUR_MS && a.raisedAt <= e.end);
    const found = near.length ? near : page.items;
    if (found.length || Date.now() >= deadline) {
      alarmIds.push(...found.map((a) => a.id));
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const unit = (await services.registry.units.list(ctx, { limit: 5, offset: 0, q: 'phosphate-sulfuric' })).items.find((u) => u.code === 'phosphate-sulfuric');
  const enterprise = (await services.registry.enterprises.list(ctx, { limit: 5, offset: 0, q: 'phosphate' })).items.find((x) => x.code === 'phosphate');

  const raised = await incidents.raise(ctx, {
    kind: 'emission_exceedance',
    severity: 4,
    title: DEMO_INCIDENT_TITLE,
    description: `${at(e.crossAt)} 起硫酸装置尾气在线监测 SO2 超过 200 mg/m3（GB 26132-2010 特别排放限值），最高约 230 mg/m3；${at(e.start)} 起持续缓慢上升，趋势预警在越限前已提示。`,
    ...(enterprise ? { enterpriseIds: [enterprise.id] } : {}),
    ...(unit ? { unitIds: [unit.id] } : {}),
    ...(alarmIds.length ? { alarmIds } : {}),
  });
  const id = raised.id;
  const entries: { kind: 'message' | 'action'; text: string }[] = [
    { kind: 'message', text: `${at(e.crossAt - 150 * MIN)} 园区监控中心收到硫酸尾气 SO2 趋势预警（预计 4 小时内越限），通知磷化工值班长关注转化工段。` },
    { kind: 'action', text: `${at(e.crossAt + 10 * MIN)} SO2 越过 200 mg/m3。化验室手工比对采样，与 CEMS 读数一致，排除仪表故障；转化器四段进口温度偏低，判断为触媒活性下降、转化率降低。` },
    { kind: 'action', text: `${at(e.peakAt - 20 * MIN)} 硫磺焚烧负荷降至 80%，提高四段进口温度，投用尾气氨法脱硫备用循环泵并加大氨水量。` },
    { kind: 'message', text: `${at(e.crossAt + 45 * MIN)} 已按排污许可证要求电话报告市生态环境局滨海分局，并在在线监测数据中标记异常时段。` },
    { kind: 'action', text: `${at(e.end)} SO2 回落至 100 mg/m3 以下，逐步恢复负荷；厂界无组织监测未见异常。` },
  ];
  for (const entry of entries) await incidents.post(ctx, id, entry);

  const incident = await incidents.get(ctx, id);
  const notes: Record<string, { status: 'done' | 'not_applicable'; note: string }> = {
    'confirm-reading': { status: 'done', note: '手工比对 231 mg/m3，CEMS 229 mg/m3，偏差 < 1%' },
    'reduce-load': { status: 'done', note: '硫磺焚烧负荷 100% → 80%，持续约 3 小时' },
    'check-abatement': { status: 'done', note: '氨法脱硫循环泵、氨水流量正常；备用泵已投用' },
    'notify-authority': { status: 'done', note: '已电话报告市生态环境局滨海分局，书面报告次日提交' },
    'flag-data': { status: 'done', note: '异常时段已在 CEMS 数据中标记' },
    'fence-line-monitoring': { status: 'not_applicable', note: '有组织排放，厂界监测点未见异常，无需加密监测' },
    'root-cause': { status: 'done', note: '转化器四段触媒粉化、活性下降；计划大修时过筛补充触媒' },
  };
  for (const item of incident.checklist) {
    const n = item.templateKey ? notes[item.templateKey] : undefined;
    if (n) await incidents.setItem(ctx, id, item.id, n);
  }
  await incidents.transition(ctx, id, { to: 'contained' });
  await incidents.update(ctx, id, {
    report: {
      summary: `${at(e.crossAt)} 至 ${at(e.recoverAt + 60 * MIN)}，硫酸装置尾气 SO2 超过特别排放限值 200 mg/m3 约 3 小时，峰值约 230 mg/m3，未超过一般排放限值 400 mg/m3。`,
      cause: '转化器四段触媒粉化、活性下降，四段进口温度偏低，总转化率由 99.8% 降至约 99.6%，尾气 SO2 随之缓慢上升。',
      actions: '降低硫磺焚烧负荷，提高四段进口温度，投用尾气脱硫备用循环泵并加大氨水量；手工比对确认数据；按许可证要求报告生态环境局并标记异常数据。',
      followUps: '装置大修时过筛并补充四段触媒；将四段进口温度纳入趋势预警；SO2 趋势预警提前量保持 2 小时以上。',
    },
  });
  await incidents.transition(ctx, id, { to: 'closed' });
  return { incidentId: id, created: true, alarms: alarmIds.length };
}
