/**
 * Units of measure: the one table of conversions. A quantity converts only within its dimension;
 * energy converts to standard coal equivalent through the calorific value of 1 kgce
 * (29.3076 MJ, GB/T 2589-2020), carrier-specific factors live in the material catalogue.
 */
export type Dimension =
  | 'mass'
  | 'volume'
  | 'energy'
  | 'power'
  | 'mass_flow'
  | 'volume_flow'
  | 'mass_rate_annual'
  | 'mass_rate_daily'
  | 'volume_rate_daily'
  | 'temperature'
  | 'pressure'
  | 'concentration_gas'
  | 'concentration_liquid'
  | 'ratio'
  | 'co2e'
  | 'length'
  | 'conductivity'
  | 'acidity'
  | 'melt_flow'
  | 'count';

export interface UnitOfMeasure {
  code: string;
  dimension: Dimension;
  name: string;
  nameEn: string;
  /** value in the dimension's base unit = value * factor + offset */
  factor: number;
  offset?: number;
}

const KGCE_MJ = 29.3076;

// Base units: kg, m3, MJ, kW, kg/h, m3/h, kg/a, kg/d, m3/d, °C, kPa, mg/m3, mg/L, %, kgCO2e, m, mS/cm, pH, g/10min, pcs.
export const UNITS: readonly UnitOfMeasure[] = [
  { code: 'g', dimension: 'mass', name: '克', nameEn: 'gram', factor: 0.001 },
  { code: 'kg', dimension: 'mass', name: '千克', nameEn: 'kilogram', factor: 1 },
  { code: 't', dimension: 'mass', name: '吨', nameEn: 'tonne', factor: 1000 },
  { code: 'L', dimension: 'volume', name: '升', nameEn: 'litre', factor: 0.001 },
  { code: 'm3', dimension: 'volume', name: '立方米', nameEn: 'cubic metre', factor: 1 },
  // Normal cubic metres are volumes of gas at 0 °C and 101.325 kPa; kept apart from m3 on purpose.
  { code: 'Nm3', dimension: 'volume', name: '标准立方米', nameEn: 'normal cubic metre', factor: 1 },
  { code: 'MJ', dimension: 'energy', name: '兆焦', nameEn: 'megajoule', factor: 1 },
  { code: 'GJ', dimension: 'energy', name: '吉焦', nameEn: 'gigajoule', factor: 1000 },
  { code: 'kWh', dimension: 'energy', name: '千瓦时', nameEn: 'kilowatt-hour', factor: 3.6 },
  { code: 'MWh', dimension: 'energy', name: '兆瓦时', nameEn: 'megawatt-hour', factor: 3600 },
  { code: 'kgce', dimension: 'energy', name: '千克标准煤', nameEn: 'kg of standard coal equivalent', factor: KGCE_MJ },
  { code: 'tce', dimension: 'energy', name: '吨标准煤', nameEn: 'tonne of standard coal equivalent', factor: KGCE_MJ * 1000 },
  { code: 'kW', dimension: 'power', name: '千瓦', nameEn: 'kilowatt', factor: 1 },
  { code: 'MW', dimension: 'power', name: '兆瓦', nameEn: 'megawatt', factor: 1000 },
  { code: 'kg/h', dimension: 'mass_flow', name: '千克/小时', nameEn: 'kilogram per hour', factor: 1 },
  { code: 't/h', dimension: 'mass_flow', name: '吨/小时', nameEn: 'tonne per hour', factor: 1000 },
  { code: 'm3/h', dimension: 'volume_flow', name: '立方米/小时', nameEn: 'cubic metre per hour', factor: 1 },
  { code: 'Nm3/h', dimension: 'volume_flow', name: '标准立方米/小时', nameEn: 'normal cubic metre per hour', factor: 1 },
  { code: 't/a', dimension: 'mass_rate_annual', name: '吨/年', nameEn: 'tonne per year', factor: 1000 },
  { code: 't/d', dimension: 'mass_rate_daily', name: '吨/天', nameEn: 'tonne per day', factor: 1000 },
  { code: 'm3/d', dimension: 'volume_rate_daily', name: '立方米/天', nameEn: 'cubic metre per day', factor: 1 },
  { code: '°C', dimension: 'temperature', name: '摄氏度', nameEn: 'degree Celsius', factor: 1 },
  { code: 'K', dimension: 'temperature', name: '开尔文', nameEn: 'kelvin', factor: 1, offset: -273.15 },
  { code: 'kPa', dimension: 'pressure', name: '千帕', nameEn: 'kilopascal', factor: 1 },
  { code: 'MPa', dimension: 'pressure', name: '兆帕', nameEn: 'megapascal', factor: 1000 },
  { code: 'bar', dimension: 'pressure', name: '巴', nameEn: 'bar', factor: 100 },
  { code: 'mg/m3', dimension: 'concentration_gas', name: '毫克/立方米', nameEn: 'milligram per cubic metre', factor: 1 },
  { code: 'ppm', dimension: 'ratio', name: '百万分比', nameEn: 'parts per million', factor: 0.0001 },
  { code: '%', dimension: 'ratio', name: '百分比', nameEn: 'percent', factor: 1 },
  { code: 'mg/L', dimension: 'concentration_liquid', name: '毫克/升', nameEn: 'milligram per litre', factor: 1 },
  { code: 'kgCO2e', dimension: 'co2e', name: '千克二氧化碳当量', nameEn: 'kg CO2 equivalent', factor: 1 },
  { code: 'tCO2e', dimension: 'co2e', name: '吨二氧化碳当量', nameEn: 'tonne CO2 equivalent', factor: 1000 },
  { code: 'mm', dimension: 'length', name: '毫米', nameEn: 'millimetre', factor: 0.001 },
  { code: 'm', dimension: 'length', name: '米', nameEn: 'metre', factor: 1 },
  { code: 'mS/cm', dimension: 'conductivity', name: '毫西门子/厘米', nameEn: 'millisiemens per centimetre', factor: 1 },
  { code: 'pH', dimension: 'acidity', name: 'pH', nameEn: 'pH', factor: 1 },
  { code: 'g/10min', dimension: 'melt_flow', name: '克/10分钟', nameEn: 'gram per 10 minutes', factor: 1 },
  { code: 'pcs', dimension: 'count', name: '个', nameEn: 'pieces', factor: 1 },
];

const BY_CODE = new Map(UNITS.map((u) => [u.code, u]));

export const UNIT_CODES: readonly string[] = UNITS.map((u) => u.code);

export function unitOf(code: string): UnitOfMeasure | undefined {
  return BY_CODE.get(code);
}

export function isUnitCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** Converts `value` from one unit to another of the same dimension; throws on a mismatch. */
export function convert(value: number, from: string, to: string): number {
  const a = BY_CODE.get(from);
  const b = BY_CODE.get(to);
  if (!a) throw new RangeError(`unknown unit ${from}`);
  if (!b) throw new RangeError(`unknown unit ${to}`);
  if (a.dimension !== b.dimension) throw new RangeError(`cannot convert ${from} (${a.dimension}) to ${to} (${b.dimension})`);
  if (a === b) return value;
  const base = value * a.factor + (a.offset ?? 0);
  return (base - (b.offset ?? 0)) / b.factor;
}

/** Energy in any energy unit to tonnes of standard coal equivalent. */
export function toTce(value: number, unit: string): number {
  return convert(value, unit, 'tce');
}
