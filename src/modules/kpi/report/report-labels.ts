/**
 * Every word the KPI report prints, in zh-CN and English, and how it prints numbers (thousands
 * separators, a precision that suits the magnitude). One table per language so a missing label is
 * a type error, not an English word in a Chinese report. Pure.
 */
import type { KpiKey } from '../model.ts';

export const REPORT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const KPI_NAMES: Readonly<Record<ReportLanguage, Readonly<Record<KpiKey, string>>>> = {
  'zh-CN': {
    solid_waste_utilization_rate: '一般工业固体废物综合利用率',
    solid_waste_identity_residual_t: '固体废物统计恒等式残差',
    hazardous_waste_utilization_rate: '危险废物综合利用率',
    hazardous_waste_safe_disposal_rate: '危险废物处置利用率',
    energy_tce: '综合能源消费量',
    energy_intensity_tce_per_10k_cny: '单位工业增加值能耗',
    energy_tce_per_t_product: '单位产品综合能耗',
    water_intake_m3: '取水量',
    water_intensity_m3_per_10k_cny: '单位工业增加值取水量',
    water_reuse_rate: '水重复利用率',
    co2_scope1_t: '直接二氧化碳排放（范围一）',
    co2_scope2_t: '间接二氧化碳排放（范围二）',
    carbon_intensity_t_per_10k_cny: '单位工业增加值二氧化碳排放',
    co2_avoided_by_exchanges_t: '企业间物料交换避免的二氧化碳排放',
    cti_circular_inflow: '循环流入比例（CTI）',
    cti_circular_outflow: '循环流出比例（CTI）',
    mci_products: '产品物质循环指数（MCI）',
  },
  en: {
    solid_waste_utilization_rate: 'Industrial solid waste comprehensive utilization rate',
    solid_waste_identity_residual_t: 'Solid waste statistical identity residual',
    hazardous_waste_utilization_rate: 'Hazardous waste utilization rate',
    hazardous_waste_safe_disposal_rate: 'Hazardous waste safe disposal rate',
    energy_tce: 'Comprehensive energy consumption',
    energy_intensity_tce_per_10k_cny: 'Energy per 10,000 CNY value added',
    energy_tce_per_t_product: 'Energy per tonne of main product',
    water_intake_m3: 'Water intake',
    water_intensity_m3_per_10k_cny: 'Water intake per 10,000 CNY value added',
    water_reuse_rate: 'Water reuse rate',
    co2_scope1_t: 'CO2 emissions, scope 1',
    co2_scope2_t: 'CO2 emissions, scope 2',
    carbon_intensity_t_per_10k_cny: 'CO2 per 10,000 CNY value added',
    co2_avoided_by_exchanges_t: 'CO2 avoided by exchanges between enterprises',
    cti_circular_inflow: 'Circular inflow (CTI)',
    cti_circular_outflow: 'Circular outflow (CTI)',
    mci_products: 'Material Circularity Indicator of products (MCI)',
  },
};

/** The units the indicators are given in, as a reader of each language writes them. */
const UNIT_NAMES: Readonly<Record<ReportLanguage, Readonly<Record<string, string>>>> = {
  'zh-CN': { t: '吨', tce: '吨标准煤', m3: '立方米', '%': '%', 'tce/10k CNY': '吨标准煤/万元', 'tce/t': '吨标准煤/吨', 'm3/10k CNY': '立方米/万元', tCO2: '吨二氧化碳', 't CO2': '吨二氧化碳', 'tCO2/10k CNY': '吨二氧化碳/万元', 't CO2/10k CNY': '吨二氧化碳/万元', kWh: '千瓦时', MWh: '兆瓦时', GJ: '吉焦', 'dimensionless (0..1)': '无量纲（0–1）', '': '' },
  en: { 'dimensionless (0..1)': '0–1' },
};

/** A missing input's name in words (names the report does not know are given as they are). */
export function inputName(name: string, L: ReportLabels): string {
  const positive = /^(.*) > 0$/.exec(name);
  if (positive) return L.inputPatterns.positive(inputName(positive[1]!, L));
  const mci = /^circularity\.(.+)\.mci$/.exec(name);
  if (mci) return L.inputPatterns.mci(mci[1]!);
  const circ = /^circularity\.(.+)$/.exec(name);
  if (circ) return L.inputPatterns.circularity(circ[1]!);
  return L.inputNames[name] ?? name;
}

export function unitName(unit: string, lang: ReportLanguage): string {
  return UNIT_NAMES[lang][unit] ?? unit;
}

/** What an indicator's status means, in words. */
export type ReportStatus = 'met' | 'on_track' | 'off_track' | 'no_target' | 'no_value';

export interface ReportLabels {
  title: { park: string; enterprise: string; unit: string };
  periodKind: { month: string; year: string };
  cover: { subject: string; park: string; period: string; generatedAt: string; language: string; languageName: string; timeZone: string; contents: string };
  sections: { kpis: string; sankey: string; balances: string; waste: string; exchanges: string };
  kpiColumns: { key: string; indicator: string; value: string; unit: string; previous: string; lastYear: string; target: string; status: string; note: string };
  status: Record<ReportStatus, string>;
  missing: (names: string[]) => string;
  /** Input names as KPI answers spell them, in words. */
  inputNames: Readonly<Record<string, string>>;
  /** The names made of parts: `x > 0`, `circularity.CODE`, `circularity.CODE.mci`. */
  inputPatterns: { positive: (name: string) => string; circularity: (code: string) => string; mci: (code: string) => string };
  balanceColumns: { kind: string; subject: string; material: string; measured: string; reconciled: string; z: string; critical: string; meaning: string };
  suspectKind: { node: string; flow: string };
  meanings: Record<'meter_reads_high' | 'meter_reads_low' | 'unaccounted_loss' | 'unaccounted_gain', string>;
  reconciliation: (r: { chiSquare: number | null; dof: number | null; pValue: number | null; passed: boolean | null; problem: string | null }, fmt: (v: number) => string) => string;
  noExceptions: string;
  wasteColumns: { from: string; to: string; material: string; hazardous: string; quantity: string; unit: string; destination: string };
  destinations: Record<string, string>;
  yes: string;
  no: string;
  noWaste: string;
  exchangeColumns: { from: string; to: string; material: string; quantity: string; unit: string; factor: string; avoided: string };
  exchangesTotal: (total: string) => string;
  noExchanges: string;
  noAvoidedFactor: string;
  sankeyCaption: (unit: string, links: number) => string;
  noSankey: string;
  /** The copy of a node that receives the links closing a loop (a Sankey draws no cycles). */
  returnNode: (name: string) => string;
  page: (n: number, of: number) => string;
  truncated: (shown: number, total: number) => string;
}

const ZH: ReportLabels = {
  title: { park: '园区绿色发展指标报告', enterprise: '企业绿色发展指标报告', unit: '装置绿色发展指标报告' },
  periodKind: { month: '月报', year: '年报' },
  cover: { subject: '对象', park: '园区', period: '报告期', generatedAt: '生成时间', language: '语言', languageName: '简体中文', timeZone: '时区', contents: '目录' },
  sections: { kpis: '一、绿色发展指标', sankey: '二、物质流桑基图', balances: '三、物料平衡异常', waste: '四、主要废物流向', exchanges: '五、企业间物料交换与避免排放' },
  kpiColumns: { key: '指标代码', indicator: '指标', value: '本期值', unit: '单位', previous: '上期', lastYear: '上年同期', target: '目标', status: '状态', note: '说明' },
  status: { met: '已达标', on_track: '按计划推进', off_track: '偏离目标', no_target: '未设目标', no_value: '无数值' },
  missing: (names) => `缺少输入：${names.join('、')}`,
  inputNames: {
    value_added_10k_cny: '工业增加值（万元）',
    valueAdded10kCny: '工业增加值（万元）',
    production_t: '主要产品产量（吨）',
    productionT: '主要产品产量（吨）',
    productT: '主要产品产量（吨）',
    energyTce: '综合能源消费量',
    intakeM3: '取水量',
    co2T: '二氧化碳排放量',
    'energy flows': '能源流',
    'water intake flows': '取水流',
    'products sent to customers': '销售给客户的产品',
    'figures.missingFrom': '部分企业的填报数据',
  },
  inputPatterns: { positive: (name) => `${name}大于零`, circularity: (code) => `物料 ${code} 的循环性数据`, mci: (code) => `产品 ${code} 的MCI数据` },
  balanceColumns: { kind: '类型', subject: '对象', material: '物料', measured: '计量值/不平衡量', reconciled: '协调值', z: 'z 值', critical: '临界值', meaning: '可能原因' },
  suspectKind: { node: '节点', flow: '物流' },
  meanings: { meter_reads_high: '计量仪表可能偏高', meter_reads_low: '计量仪表可能偏低', unaccounted_loss: '存在未记录的损失（泄漏或未报告的流出）', unaccounted_gain: '存在未记录的输入' },
  reconciliation: (r, fmt) =>
    r.problem !== null
      ? `数据协调未完成：${r.problem}`
      : r.chiSquare === null
        ? '本期没有可协调的数据。'
        : `整体检验：χ² = ${fmt(r.chiSquare)}，自由度 ${r.dof}，p = ${fmt(r.pValue ?? 0)}，${r.passed === null ? '无冗余，无法检验' : r.passed ? '通过' : '未通过'}。`,
  noExceptions: '本期未发现平衡异常。',
  wasteColumns: { from: '产生方', to: '去向', material: '废物', hazardous: '危险废物', quantity: '数量', unit: '单位', destination: '去向类别' },
  destinations: { enterprise: '园区内企业（综合利用）', unit: '企业内部装置', landfill: '填埋', incineration: '焚烧', treatment: '物化处理等处置', storage_yard: '贮存', supplier: '外部供应商', customer: '园区外利用', air: '大气', water_body: '水体', other: '其他', park: '园区' },
  yes: '是',
  no: '否',
  noWaste: '本期没有固体废物或危险废物流。',
  exchangeColumns: { from: '供方企业', to: '需方企业', material: '物料', quantity: '数量', unit: '单位', factor: '避免排放因子（吨CO2/单位）', avoided: '避免排放（吨CO2）' },
  exchangesTotal: (total) => `企业间物料交换避免的二氧化碳排放合计：${total} 吨（单独列示，不抵扣排放量）。`,
  noExchanges: '本期没有企业间物料交换。',
  noAvoidedFactor: '未设定',
  sankeyCaption: (unit, links) => `本期物质流（单位：${unit}，${links} 条物流；已协调处采用协调值；企业名称略去共同前缀和公司类型，过长处以“…”截断）。`,
  noSankey: '本期没有可绘制的物质流。',
  returnNode: (name) => `${name}（回流）`,
  page: (n, of) => `第 ${n} 页，共 ${of} 页`,
  truncated: (shown, total) => `仅列出前 ${shown} 项，共 ${total} 项。`,
};

const EN: ReportLabels = {
  title: { park: 'Park green indicators report', enterprise: 'Enterprise green indicators report', unit: 'Unit green indicators report' },
  periodKind: { month: 'Monthly report', year: 'Annual report' },
  cover: { subject: 'Subject', park: 'Park', period: 'Period', generatedAt: 'Generated at', language: 'Language', languageName: 'English', timeZone: 'Time zone', contents: 'Contents' },
  sections: { kpis: '1. Green indicators', sankey: '2. Material flow Sankey', balances: '3. Balance exceptions', waste: '4. Top waste streams', exchanges: '5. Exchanges between enterprises and avoided emissions' },
  kpiColumns: { key: 'Key', indicator: 'Indicator', value: 'Value', unit: 'Unit', previous: 'Previous period', lastYear: 'Same period last year', target: 'Target', status: 'Status', note: 'Note' },
  status: { met: 'Met', on_track: 'On track', off_track: 'Off track', no_target: 'No target', no_value: 'No value' },
  missing: (names) => `Missing inputs: ${names.join(', ')}`,
  inputNames: {
    value_added_10k_cny: 'industrial value added (10,000 CNY)',
    valueAdded10kCny: 'industrial value added (10,000 CNY)',
    production_t: 'main product output (t)',
    productionT: 'main product output (t)',
    productT: 'main product output (t)',
    energyTce: 'energy consumption',
    intakeM3: 'water intake',
    co2T: 'CO2 emissions',
    'energy flows': 'energy flows',
    'water intake flows': 'water intake flows',
    'products sent to customers': 'products sent to customers',
    'figures.missingFrom': "some enterprises' stated figures",
  },
  inputPatterns: { positive: (name) => `${name} above zero`, circularity: (code) => `circularity data of ${code}`, mci: (code) => `MCI data of product ${code}` },
  balanceColumns: { kind: 'Kind', subject: 'Where', material: 'Material', measured: 'Measured / imbalance', reconciled: 'Reconciled', z: 'z', critical: 'Critical', meaning: 'Likely meaning' },
  suspectKind: { node: 'Node', flow: 'Flow' },
  meanings: { meter_reads_high: 'the meter likely reads high', meter_reads_low: 'the meter likely reads low', unaccounted_loss: 'material lost unrecorded (a leak or an unreported outflow)', unaccounted_gain: 'material arriving unrecorded (an unreported input)' },
  reconciliation: (r, fmt) =>
    r.problem !== null
      ? `The reconciliation did not complete: ${r.problem}`
      : r.chiSquare === null
        ? 'Nothing to reconcile this period.'
        : `Global test: χ² = ${fmt(r.chiSquare)}, ${r.dof} degrees of freedom, p = ${fmt(r.pValue ?? 0)}: ${r.passed === null ? 'no redundancy, not testable' : r.passed ? 'passed' : 'failed'}.`,
  noExceptions: 'No balance exceptions this period.',
  wasteColumns: { from: 'From', to: 'To', material: 'Waste', hazardous: 'Hazardous', quantity: 'Quantity', unit: 'Unit', destination: 'Destination' },
  destinations: { enterprise: 'another enterprise of the park (utilized)', unit: 'a unit of the same enterprise', landfill: 'landfill', incineration: 'incineration', treatment: 'treatment (other disposal)', storage_yard: 'storage', supplier: 'supplier', customer: 'used outside the park', air: 'air', water_body: 'water body', other: 'other', park: 'the park' },
  yes: 'yes',
  no: 'no',
  noWaste: 'No solid or hazardous waste flows this period.',
  exchangeColumns: { from: 'Supplier', to: 'Receiver', material: 'Material', quantity: 'Quantity', unit: 'Unit', factor: 'Avoided factor (t CO2/unit)', avoided: 'Avoided (t CO2)' },
  exchangesTotal: (total) => `CO2 avoided by exchanges between enterprises: ${total} t in total (reported on its own, never netted from emissions).`,
  noExchanges: 'No exchanges between enterprises this period.',
  noAvoidedFactor: 'not set',
  sankeyCaption: (unit, links) => `The period's material flows (${unit}, ${links} links; reconciled values where the balances reconcile; enterprise names without their shared prefix and legal form, long ones cut with “…”).`,
  noSankey: 'No material flows to draw this period.',
  returnNode: (name) => `${name} (return)`,
  page: (n, of) => `Page ${n} of ${of}`,
  truncated: (shown, total) => `The first ${shown} of ${total} are shown.`,
};

export const REPORT_LABELS: Readonly<Record<ReportLanguage, ReportLabels>> = { 'zh-CN': ZH, en: EN };

/**
 * A number as the report prints it: thousands separators in the language's style and a precision
 * that suits its size (1,234 t; 78.10 %; 0.2066 tce/万元). Null prints as a dash.
 */
export function formatNumber(value: number | null | undefined, lang: ReportLanguage): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : abs === 0 ? 0 : 4;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: abs >= 1 && abs < 1000 ? Math.min(digits, 2) : 0 }).format(value);
}

/** An instant as local wall-clock time in the park's zone, e.g. 2026-03-01 08:00. */
export function formatInstant(at: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A period as the report's reader writes it: 2026年3月 / March 2026; 2026年 / 2026. */
export function formatPeriod(period: string, lang: ReportLanguage): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return lang === 'zh-CN' ? `${period}年` : period;
  if (lang === 'zh-CN') return `${m[1]}年${Number(m[2])}月`;
  return new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}
