/**
 * Energy and water KPIs. Pure.
 *
 * Sources:
 * - GB/T 2589-2020《综合能耗计算通则》: comprehensive energy consumption E = Σ (e_i × p_i) (§7,
 *   calculation method), e_i the quantity of energy carrier i consumed, p_i its standard-coal
 *   coefficient (附录 A; 1 kgce = 29.3076 MJ). Energy supplied outside the unit's boundary (输出/外供)
 *   is not consumption of the unit and is deducted. Electricity at the calorific-equivalent value
 *   (当量值) 0.1229 kgce/kWh, or at the equal value (等价值): the year's power-supply coal
 *   consumption, a park setting. Unit product / unit value-added consumption: §3.6–3.8 definitions.
 * - Carrier coefficients: the material catalogue's kgcePerUnit (docs/catalogue.md, GB/T 2589 附录 A).
 * - Water: 取水量 per 10,000 CNY of industrial value added (万元工业增加值取水量), and 重复利用率 =
 *   reused / (reused + intake) × 100 % (GB/T 7119-2018《节水型企业评价导则》 and the environmental
 *   statistics' 工业用水重复利用率; total water use = reused + fresh intake).
 */
import { convert } from '../../core/units.ts';
import { quotient, type KpiInputs, type KpiResult } from './result.ts';

/** GB/T 2589-2020 附录 A: electricity, calorific-equivalent value. */
export const ELECTRICITY_EQUIVALENT_KGCE_PER_KWH = 0.1229;

/** One energy carrier consumed or exported, in its catalogue unit. */
export interface EnergyLine {
  material: string;
  quantity: number;
  unit: string;
  /** kgce per `unit` (catalogue kgcePerUnit); ignored for electricity, whose basis decides */
  kgcePerUnit?: number | null;
}

export type ElectricityBasis =
  | { basis: 'equivalent' }
  /** 等价值: the year's power-supply coal consumption in kgce/kWh (e.g. ≈ 0.30), set per park */
  | { basis: 'equal_value'; kgcePerKWh?: number | null };

export interface EnergyBalance {
  consumed: EnergyLine[];
  /** energy supplied across the boundary (steam, electricity sold); deducted */
  exported?: EnergyLine[];
  electricity: ElectricityBasis;
}

const ELECTRICITY_UNITS = new Set(['kWh', 'MWh']);

function isElectricity(line: EnergyLine): boolean {
  return line.material === 'ELECTRICITY' || ELECTRICITY_UNITS.has(line.unit);
}

/** kgce of one line, or the name of the input that is missing. */
function lineKgce(line: EnergyLine, electricityKgcePerKWh: number | null): number | string {
  if (isElectricity(line)) {
    if (electricityKgcePerKWh === null) return 'electricity.kgcePerKWh';
    return convert(line.quantity, line.unit, 'kWh') * electricityKgcePerKWh;
  }
  if (line.kgcePerUnit === null || line.kgcePerUnit === undefined || !Number.isFinite(line.kgcePerUnit)) return 'kgcePerUnit';
  return line.quantity * line.kgcePerUnit;
}

/**
 * The input names of a line, one set of strings per (side, line number, material) for the life of
 * the process: a park's KPIs name the same lines for hundreds of scopes, and a string built anew
 * each time is allocated and hashed each time.
 */
const LINE_KEYS = new Map<string, { key: string; quantity: string; unit: string; kgcePerUnit: string }>();
function lineKeys(side: string, i: number, material: string) {
  const id = `${side}\u0000${i}\u0000${material}`;
  let k = LINE_KEYS.get(id);
  if (!k) {
    const key = `${side}.${i}.${material}`;
    LINE_KEYS.set(id, (k = { key, quantity: `${key}.quantity`, unit: `${key}.unit`, kgcePerUnit: `${key}.kgcePerUnit` }));
  }
  return k;
}

function sumSide(side: 'consumed' | 'exported', lines: EnergyLine[], electricityKgcePerKWh: number | null, inputs: KpiInputs, missing: string[]): number {
  let kgce = 0;
  lines.forEach((line, i) => {
    const keys = lineKeys(side, i, line.material);
    const key = keys.key;
    inputs[keys.quantity] = line.quantity;
    inputs[keys.unit] = line.unit;
    if (!isElectricity(line) && typeof line.kgcePerUnit === 'number') inputs[keys.kgcePerUnit] = line.kgcePerUnit;
    const r = lineKgce(line, electricityKgcePerKWh);
    if (typeof r === 'string') {
      if (r.startsWith('electricity')) {
        if (!missing.includes(r)) missing.push(r);
      } else missing.push(`${key}.${r}`);
    } else kgce += r;
  });
  return kgce;
}

/**
 * Comprehensive energy consumption (综合能耗) in tce: Σ consumed × coefficient − Σ exported ×
 * coefficient. A unit that exports more than it consumes gets a negative figure, flagged
 * `netExporter: true` in `inputs`, rather than a clamped zero.
 */
export function comprehensiveEnergyTce(b: EnergyBalance): KpiResult {
  const inputs: KpiInputs = { electricityBasis: b.electricity.basis };
  const missing: string[] = [];
  let electricityKgcePerKWh: number | null = ELECTRICITY_EQUIVALENT_KGCE_PER_KWH;
  if (b.electricity.basis === 'equal_value') {
    const v = b.electricity.kgcePerKWh;
    electricityKgcePerKWh = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  if (electricityKgcePerKWh !== null) inputs.electricityKgcePerKWh = electricityKgcePerKWh;
  const consumedKgce = sumSide('consumed', b.consumed, electricityKgcePerKWh, inputs, missing);
  const exportedKgce = sumSide('exported', b.exported ?? [], electricityKgcePerKWh, inputs, missing);
  if (missing.length) return { ok: false, unit: 'tce', missing, inputs };
  const tce = (consumedKgce - exportedKgce) / 1000;
  inputs.consumedTce = consumedKgce / 1000;
  inputs.exportedTce = exportedKgce / 1000;
  inputs.netExporter = tce < 0;
  return { ok: true, value: tce, unit: 'tce', inputs };
}

/** 单位工业增加值综合能耗: tce per 10,000 CNY of industrial value added. */
export function energyIntensityPer10kCny(energyTce: number | null | undefined, valueAdded10kCny: number | null | undefined): KpiResult {
  return quotient('tce/10k CNY', 'energyTce', energyTce, 'valueAdded10kCny', valueAdded10kCny);
}

/** 单位产品综合能耗: tce per tonne of the main product. */
export function energyPerTonneProduct(energyTce: number | null | undefined, productT: number | null | undefined): KpiResult {
  return quotient('tce/t', 'energyTce', energyTce, 'productT', productT);
}

/** 万元工业增加值取水量: m³ of water intake per 10,000 CNY of industrial value added. */
export function waterIntakePer10kCny(intakeM3: number | null | undefined, valueAdded10kCny: number | null | undefined): KpiResult {
  return quotient('m3/10k CNY', 'intakeM3', intakeM3, 'valueAdded10kCny', valueAdded10kCny);
}

/** 重复利用率 = reused / (reused + intake) × 100 %. */
export function waterReuseRate(reusedM3: number | null | undefined, intakeM3: number | null | undefined): KpiResult {
  const fields = { reusedM3, intakeM3 };
  const missing = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => typeof fields[k] !== 'number' || !Number.isFinite(fields[k]));
  if (missing.length) {
    const inputs: KpiInputs = {};
    if (!missing.includes('reusedM3')) inputs.reusedM3 = reusedM3!;
    if (!missing.includes('intakeM3')) inputs.intakeM3 = intakeM3!;
    return { ok: false, unit: '%', missing, inputs };
  }
  const r = quotient('%', 'reusedM3', reusedM3, 'totalUseM3', reusedM3! + intakeM3!, 100);
  r.inputs.intakeM3 = intakeM3!;
  return r;
}
