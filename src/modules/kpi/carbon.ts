/**
 * CO2 accounting: scope 1 (fuel combustion, process), scope 2 (purchased electricity and heat),
 * intensity, and avoided emissions kept apart (never netted). Pure.
 *
 * Sources:
 * - 国家发展改革委《中国化工生产企业温室气体排放核算方法与报告指南（试行）》(2013):
 *   combustion E = Σ AD_i × EF_i, AD_i = FC_i × NCV_i (GJ), EF_i = CC_i × OF_i × 44/12
 *   (CC tC/GJ 单位热值含碳量, OF 碳氧化率); carbonate use E = Σ AD × EF × PUR;
 *   net purchased electricity E = AD × EF_grid (formula 13), heat E = AD × EF_heat (formula 14,
 *   default 0.11 tCO2/GJ).
 * - IPCC 2006 Guidelines, Vol. 2 Ch. 2 Eq. 2.1 (Tier 1): Emissions = Fuel consumed (TJ) × EF
 *   (kg CO2/TJ, Table 2.2/1.4 defaults, oxidation taken as 1); Vol. 3 Ch. 2 Table 2.1 (carbonates).
 * - Grid factor: the figure the park configures, e.g. 生态环境部、国家统计局 2022 national average
 *   0.5366 tCO2/MWh (docs/catalogue.md).
 */
import { isFigure, quotient, type KpiInputs, type KpiResult } from './result.ts';

/** The factor set a park accounts with: IPCC 2006 defaults, or the Chinese 2013 guideline's. */
export type FactorSet = 'ipcc2006' | 'cn_chem_2013';

/** One fuel burned. `ncvGJPerUnit` is per `unit` (e.g. GJ/t, GJ/m3). */
export interface FuelLine {
  material: string;
  quantity: number;
  unit: string;
  ncvGJPerUnit?: number | null;
  /** ipcc2006: CO2 emission factor, t CO2 per GJ (56 100 kg/TJ = 0.0561 t/GJ) */
  efTCO2PerGJ?: number | null;
  /** cn_chem_2013: carbon per unit heat, t C per GJ */
  carbonContentTCPerGJ?: number | null;
  /** cn_chem_2013: oxidation fraction 0..1 */
  oxidationFraction?: number | null;
}

/** A process source: carbonate decomposed, carbide consumed, … quantity × factor (× purity). */
export interface ProcessLine {
  material: string;
  quantity: number;
  unit: string;
  factorTCO2PerUnit?: number | null;
  /** mass fraction of the reacting substance; recorded as 1 when not given */
  purityFraction?: number | null;
}

const CO2_PER_C = 44 / 12;

/** t CO2 of one fuel line under a factor set, recording its figures; missing names are pushed. */
function fuelLineTCO2(line: FuelLine, i: number, set: FactorSet, inputs: KpiInputs, missing: string[]): number {
  const key = `fuel.${i}.${line.material}`;
  inputs[`${key}.quantity`] = line.quantity;
  inputs[`${key}.unit`] = line.unit;
  const need = set === 'ipcc2006' ? (['ncvGJPerUnit', 'efTCO2PerGJ'] as const) : (['ncvGJPerUnit', 'carbonContentTCPerGJ', 'oxidationFraction'] as const);
  let complete = true;
  for (const f of need) {
    const v = line[f];
    if (isFigure(v)) inputs[`${key}.${f}`] = v;
    else {
      missing.push(`${key}.${f}`);
      complete = false;
    }
  }
  if (!complete) return 0;
  const heatGJ = line.quantity * line.ncvGJPerUnit!;
  const ef = set === 'ipcc2006' ? line.efTCO2PerGJ! : line.carbonContentTCPerGJ! * line.oxidationFraction! * CO2_PER_C;
  inputs[`${key}.heatGJ`] = heatGJ;
  inputs[`${key}.efTCO2PerGJ`] = ef;
  return heatGJ * ef;
}

/** Scope 1, fuel combustion (t CO2) = Σ quantity × NCV × EF, EF per the park's factor set. */
export function scope1Combustion(lines: FuelLine[], set: FactorSet): KpiResult {
  const inputs: KpiInputs = { factorSet: set };
  const missing: string[] = [];
  const t = lines.reduce((sum, line, i) => sum + fuelLineTCO2(line, i, set, inputs, missing), 0);
  if (missing.length) return { ok: false, unit: 'tCO2', missing, inputs };
  return { ok: true, value: t, unit: 'tCO2', inputs };
}

/** Scope 1, process emissions (t CO2) = Σ quantity × factor × purity. */
export function scope1Process(lines: ProcessLine[]): KpiResult {
  const inputs: KpiInputs = {};
  const missing: string[] = [];
  let t = 0;
  lines.forEach((line, i) => {
    const key = `process.${i}.${line.material}`;
    inputs[`${key}.quantity`] = line.quantity;
    inputs[`${key}.unit`] = line.unit;
    const purity = isFigure(line.purityFraction) ? line.purityFraction : 1;
    inputs[`${key}.purityFraction`] = purity;
    if (!isFigure(line.factorTCO2PerUnit)) {
      missing.push(`${key}.factorTCO2PerUnit`);
      return;
    }
    inputs[`${key}.factorTCO2PerUnit`] = line.factorTCO2PerUnit;
    t += line.quantity * line.factorTCO2PerUnit * purity;
  });
  if (missing.length) return { ok: false, unit: 'tCO2', missing, inputs };
  return { ok: true, value: t, unit: 'tCO2', inputs };
}

export interface PurchasedEnergy {
  purchasedElectricityMWh?: number | null;
  /** electricity supplied out of the boundary; the guideline counts net purchase */
  exportedElectricityMWh?: number | null;
  gridFactorTCO2PerMWh?: number | null;
  purchasedHeatGJ?: number | null;
  exportedHeatGJ?: number | null;
  heatFactorTCO2PerGJ?: number | null;
}

/**
 * Scope 2 (t CO2) = (purchased − exported electricity) × grid factor + (purchased − exported heat)
 * × heat factor. Exports default to 0 and are recorded so; a negative net is flagged `netExporter`.
 */
export function scope2(p: PurchasedEnergy): KpiResult {
  const required = ['purchasedElectricityMWh', 'gridFactorTCO2PerMWh', 'purchasedHeatGJ', 'heatFactorTCO2PerGJ'] as const;
  const inputs: KpiInputs = {};
  const missing: string[] = [];
  for (const f of required) {
    const v = p[f];
    if (isFigure(v)) inputs[f] = v;
    else missing.push(f);
  }
  const exportedElectricityMWh = isFigure(p.exportedElectricityMWh) ? p.exportedElectricityMWh : 0;
  const exportedHeatGJ = isFigure(p.exportedHeatGJ) ? p.exportedHeatGJ : 0;
  inputs.exportedElectricityMWh = exportedElectricityMWh;
  inputs.exportedHeatGJ = exportedHeatGJ;
  if (missing.length) return { ok: false, unit: 'tCO2', missing, inputs };
  const electricityT = (p.purchasedElectricityMWh! - exportedElectricityMWh) * p.gridFactorTCO2PerMWh!;
  const heatT = (p.purchasedHeatGJ! - exportedHeatGJ) * p.heatFactorTCO2PerGJ!;
  inputs.electricityTCO2 = electricityT;
  inputs.heatTCO2 = heatT;
  inputs.netExporter = electricityT + heatT < 0;
  return { ok: true, value: electricityT + heatT, unit: 'tCO2', inputs };
}

/** 单位工业增加值二氧化碳排放: t CO2 per 10,000 CNY of value added. */
export function carbonIntensityPer10kCny(co2T: number | null | undefined, valueAdded10kCny: number | null | undefined): KpiResult {
  return quotient('tCO2/10k CNY', 'co2T', co2T, 'valueAdded10kCny', valueAdded10kCny);
}

/** One exchange of the park that displaces a baseline (e.g. carbide slag replacing limestone). */
export interface AvoidedLine {
  label: string;
  quantity: number;
  unit: string;
  avoidedTCO2PerUnit?: number | null;
}

/** Emissions avoided by the park's exchanges (t CO2): a separate figure, never subtracted from scope 1 or 2. */
export function avoidedEmissions(lines: AvoidedLine[]): KpiResult {
  const inputs: KpiInputs = {};
  const missing: string[] = [];
  let t = 0;
  lines.forEach((line, i) => {
    const key = `avoided.${i}.${line.label}`;
    inputs[`${key}.quantity`] = line.quantity;
    inputs[`${key}.unit`] = line.unit;
    if (!isFigure(line.avoidedTCO2PerUnit)) missing.push(`${key}.avoidedTCO2PerUnit`);
    else {
      inputs[`${key}.avoidedTCO2PerUnit`] = line.avoidedTCO2PerUnit;
      t += line.quantity * line.avoidedTCO2PerUnit;
    }
  });
  if (missing.length) return { ok: false, unit: 'tCO2', missing, inputs };
  return { ok: true, value: t, unit: 'tCO2', inputs };
}
