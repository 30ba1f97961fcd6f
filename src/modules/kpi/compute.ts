/**
 * The KPIs of every scope for one period, from the flow ledger (docs/kpis.md, "From the ledger to
 * the indicators"): the flows are tallied for all scopes in one pass (ledger-terms.ts), then each
 * scope's tallies feed the formula functions (solid-waste.ts, energy.ts, carbon.ts, cti.ts,
 * mci.ts). `kpiContributions` names the flows behind each term of one indicator (the drill-down);
 * its amounts add up to the term's figure in the indicator's inputs. Pure: no I/O.
 */
import { materialUnitFactor } from '../flows/quantity.ts';
import { avoidedEmissions, carbonIntensityPer10kCny, scope1Combustion, scope1Process, scope2, type FuelLine, type ProcessLine } from './carbon.ts';
import { circularInflow, circularOutflow, type InflowStream, type OutflowStream } from './cti.ts';
import { comprehensiveEnergyTce, ELECTRICITY_EQUIVALENT_KGCE_PER_KWH, energyIntensityPer10kCny, energyPerTonneProduct, waterIntakePer10kCny, waterReuseRate, type EnergyLine } from './energy.ts';
import { counterpartIndex, COUNTERPARTS, counterpartOf, ledgerMaterialOf, stockOf, sum, tallyLedger, type Counterpart, type FuelPhase, type LedgerTallies, type MaterialRole, type MaterialTally, type ScopeTally, type WasteClass } from './ledger-terms.ts';
import { portfolioCircularity, type PortfolioEntry } from './mci.ts';
import { KPI_KEYS, type KpiComputeInput, type KpiFlow, type KpiContribution, type KpiKey, type KpiSettings, type KpiValue, type ResolvedScope, type ScopeFigures } from './model.ts';
import type { KpiInputs, KpiResult } from './result.ts';
import { comprehensiveUtilizationRate, identityResidual, safeDisposalRate, type SolidWastePeriod } from './solid-waste.ts';

/**
 * The 2013 Chinese chemical-industry guideline's default carbon oxidation rates by fuel phase, as
 * the brief of issue 12 gives them (written from memory, not read in the guideline's table: check
 * before reporting; a park sets its own per fuel in settings.oxidationFactors).
 */
export const DEFAULT_OXIDATION: Readonly<Record<FuelPhase, number>> = { solid: 0.98, liquid: 0.98, gas: 0.99 };

const CO2_PER_C = 44 / 12;
const IDX = (c: Counterpart) => counterpartIndex(c);
const UTILIZED_TO: readonly Counterpart[] = ['node', 'supplier', 'customer'];
const DISPOSED_TO: readonly Counterpart[] = ['landfill', 'incineration', 'treatment'];
const DUMPED_TO: readonly Counterpart[] = ['air', 'water_body'];
/** Emissions to air and effluent to water are not CTI material flows (GHG and water have their own indicators). */
const CTI_EXCLUDED: readonly Counterpart[] = ['air', 'water_body'];
const EXCHANGED_CATEGORIES = new Set(['by_product', 'waste']);
/** GB/T 2589: energy supplied out is what is delivered to others; vented or discarded energy is not deducted. */
const EXPORTED_TO: readonly Counterpart[] = ['customer', 'node'];

function of(a: readonly number[], cs: readonly Counterpart[]): number {
  let s = 0;
  for (const c of cs) s += a[IDX(c)]!;
  return s;
}
const NONE: readonly number[] = COUNTERPARTS.map(() => 0);

// ---------------------------------------------------------------------------------------------
// Per-material factors (shared by the indicators and the drill-down, so the two always agree)

interface Factors {
  /** kgce per material unit for the energy line, and tce per material unit for a flow's contribution. */
  energyUnit: string;
  energyPerUnit: number;
  kgcePerLineUnit: number | null;
  tcePerUnit: number | null;
  fuel: FuelLine | null;
  fuelTCO2PerUnit: number | null;
  carbonFrom: 'carbon content' | 'emission factor' | null;
  processTCO2PerUnit: number | null;
}

function electricityKgcePerKWh(settings: KpiSettings): number | null {
  if (settings.electricityBasis === 'equivalent') return ELECTRICITY_EQUIVALENT_KGCE_PER_KWH;
  const v = settings.electricityEqualValueKgcePerKWh;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function factorsOf(role: MaterialRole, settings: KpiSettings): Factors {
  const m = role.material;
  const eKgce = electricityKgcePerKWh(settings);
  let energyUnit = m.unit;
  let energyPerUnit = 1;
  let kgcePerLineUnit = role.kgce;
  let tcePerUnit = role.kgce === null ? null : role.kgce / 1000;
  if (role.electricity) {
    energyUnit = 'MWh';
    energyPerUnit = role.mwh ?? NaN;
    kgcePerLineUnit = null;
    tcePerUnit = eKgce === null || role.mwh === null ? null : role.mwh * eKgce; // MWh × 1000 kWh × kgce/kWh / 1000
  }
  let fuel: FuelLine | null = null;
  let fuelTCO2PerUnit: number | null = null;
  let carbonFrom: Factors['carbonFrom'] = null;
  if (role.fuel) {
    const ncv = role.gj;
    const ef = m.emissionFactorKgCO2ePerUnit;
    fuel = { material: m.code, quantity: 0, unit: m.unit, ncvGJPerUnit: ncv };
    if (settings.combustionSet === 'ipcc2006') {
      fuel.efTCO2PerGJ = ef !== null && ncv ? ef / 1000 / ncv : null;
      if (ncv && fuel.efTCO2PerGJ !== null) fuelTCO2PerUnit = ncv * fuel.efTCO2PerGJ!;
    } else {
      // 单位热值含碳量 tC/GJ: the catalogue's carbon content over the heating value; where the catalogue
      // gives none (natural gas), from its IPCC emission factor, which is carbon × 44/12 (oxidation 1).
      if (m.carbonContentKgCPerKg !== null && role.t !== null && ncv) {
        fuel.carbonContentTCPerGJ = (m.carbonContentKgCPerKg * role.t) / ncv;
        carbonFrom = 'carbon content';
      } else if (ef !== null && ncv) {
        fuel.carbonContentTCPerGJ = ef / 1000 / CO2_PER_C / ncv;
        carbonFrom = 'emission factor';
      } else fuel.carbonContentTCPerGJ = null;
      const ox = settings.oxidationFactors[m.code];
      fuel.oxidationFraction = typeof ox === 'number' ? ox : role.fuelPhase ? DEFAULT_OXIDATION[role.fuelPhase] : null;
      if (ncv && typeof fuel.carbonContentTCPerGJ === 'number' && typeof fuel.oxidationFraction === 'number') {
        fuelTCO2PerUnit = ncv * fuel.carbonContentTCPerGJ * fuel.oxidationFraction * CO2_PER_C;
      }
    }
  }
  return {
    energyUnit,
    energyPerUnit,
    kgcePerLineUnit,
    tcePerUnit,
    fuel,
    fuelTCO2PerUnit,
    carbonFrom,
    processTCO2PerUnit: role.process ? m.emissionFactorKgCO2ePerUnit! / 1000 : null,
  };
}

// ---------------------------------------------------------------------------------------------
// One scope

interface ScopeContext {
  ledger: LedgerTallies;
  scope: ResolvedScope;
  tally: ScopeTally;
  settings: KpiSettings;
  figures: ScopeFigures | undefined;
  factors: Map<string, Factors>;
  stock: Map<string, { net: number; added: number; drawn: number }>;
  /** The scope's materials with their tallies (catalogued ones only). */
  entries: Array<[MaterialRole, MaterialTally]>;
  anyUnconvertible: boolean;
  /** Waste: node → material → net generation (out − in + stock change), every node (read those of the scope). */
  netAtNode: Map<number, Map<string, number>>;
  /** Fuels and process materials: node → material → net consumption (in − out − stock change), every node. */
  fuelNets: Map<number, Map<string, number>>;
}

/** What every scope reads node by node, computed once for all scopes. */
interface NodeNets {
  waste: Map<number, Map<string, number>>;
  fuel: Map<number, Map<string, number>>;
}

/** Per node, per waste material: net generation, out − in + stock change (scope-independent). */
function wasteNetsOf(ledger: LedgerTallies): Map<number, Map<string, number>> {
  const nets = new Map<number, Map<string, number>>();
  for (const [id, waste] of ledger.nodes.wasteAtNode) {
    const net = new Map<string, number>();
    for (const [code, [out, inn]] of waste) net.set(code, out - inn);
    nets.set(id, net);
  }
  for (const [id, stock] of ledger.nodes.stockChange) {
    for (const [code, d] of stock) {
      if (!ledger.roles.get(code)?.waste) continue;
      let net = nets.get(id);
      if (!net) nets.set(id, (net = new Map()));
      net.set(code, (net.get(code) ?? 0) + d);
    }
  }
  return nets;
}

/** Per node, per fuel or process material: net consumption, in − out − stock change (scope-independent). */
function fuelNetsOf(ledger: LedgerTallies): Map<number, Map<string, number>> {
  const nets = new Map<number, Map<string, number>>();
  for (const [id, byMaterial] of ledger.nodes.fuelAtNode) nets.set(id, new Map(byMaterial));
  for (const [id, stock] of ledger.nodes.stockChange) {
    for (const [code, d] of stock) {
      const r = ledger.roles.get(code);
      if (!r || !(r.fuel || r.process)) continue;
      let net = nets.get(id);
      if (!net) nets.set(id, (net = new Map()));
      net.set(code, (net.get(code) ?? 0) - d);
    }
  }
  return nets;
}

function nodeNetsOf(ledger: LedgerTallies): NodeNets {
  return { waste: wasteNetsOf(ledger), fuel: fuelNetsOf(ledger) };
}

function contextOf(ledger: LedgerTallies, index: number, input: KpiComputeInput, factors: Map<string, Factors>, nets: NodeNets): ScopeContext {
  const scope = ledger.scopes[index]!;
  const tally = ledger.tallies[index]!;
  const entries: Array<[MaterialRole, MaterialTally]> = [];
  let anyUnconvertible = false;
  for (const [code, t] of tally) {
    const r = ledger.roles.get(code);
    if (r) entries.push([r, t]);
    if (t.unconvertible.length) anyUnconvertible = true;
  }
  return { ledger, scope, tally, entries, anyUnconvertible, settings: input.settings, figures: input.figures.get(scope.key), factors, stock: stockOf(scope, ledger.nodes), netAtNode: nets.waste, fuelNets: nets.fuel };
}

interface Built {
  result: KpiResult;
  extra?: KpiInputs;
  missing?: string[];
}

function valueOf(key: KpiKey, b: Built): KpiValue {
  // `extra` is the scope's own object (shared by the two indicators of one waste category, whose
  // formulas read the same figures): the formula's figures are added to it, not both copied.
  const inputs = b.extra ? Object.assign(b.extra, b.result.inputs) : b.result.inputs;
  if (b.result.ok && !b.missing?.length) return { key, value: b.result.value, unit: b.result.unit, inputs, missing: [] };
  const missing = [...(b.result.ok ? [] : b.result.missing), ...(b.missing ?? [])];
  return { key, value: null, unit: b.result.unit, inputs, missing: [...new Set(missing)] };
}

/**
 * An object for inputs, in V8's dictionary mode from the start: inputs are keyed by material codes
 * and line numbers that differ from scope to scope, and adding such keys to an ordinary object
 * makes a new hidden class for every one of them (most of the time of a park's KPIs, measured).
 */
function dictionary(): KpiInputs {
  const o: KpiInputs = { _: 0 };
  delete o._;
  return o;
}

/**
 * `<prefix>.<code>`, one string per pair for the life of the process: a key built anew for every
 * scope costs a string hash each time it is used; the same string object is hashed once.
 */
const KEYS = new Map<string, Map<string, string>>();
function keyOf(prefix: string, code: string): string {
  let byCode = KEYS.get(prefix);
  if (!byCode) KEYS.set(prefix, (byCode = new Map()));
  let key = byCode.get(code);
  if (key === undefined) byCode.set(code, (key = `${prefix}.${code}`));
  return key;
}

const missingResult = (unit: string, missing: string[], inputs: KpiInputs = {}): KpiResult => ({ ok: false, unit, missing, inputs });

/** The materials of the scope's tally that satisfy `pick`, with their tallies. */
function materialsOf(c: ScopeContext, pick: (r: MaterialRole) => boolean): Array<[MaterialRole, MaterialTally]> {
  const out: Array<[MaterialRole, MaterialTally]> = [];
  for (const e of c.entries) if (pick(e[0])) out.push(e);
  return out;
}

function unconvertible(c: ScopeContext, pick: (r: MaterialRole) => boolean): string[] {
  const out: string[] = [];
  if (!c.anyUnconvertible) return out;
  for (const [r, t] of c.entries) if (t.unconvertible.length && pick(r)) out.push(...t.unconvertible);
  return out;
}

function uncatalogued(c: ScopeContext): KpiInputs {
  const out = dictionary();
  for (const [code, n] of c.ledger.nodes.uncatalogued) out[keyOf('uncatalogued', code)] = n;
  return out;
}

// --- Solid waste -----------------------------------------------------------------------------

interface WasteFigures {
  period: SolidWastePeriod;
  extra: KpiInputs;
  missing: string[];
}

function priorDisposedOf(c: ScopeContext, code: string): number {
  const byEnterprise = c.ledger.nodes.priorDisposed;
  if (c.scope.scope === 'park') {
    let t = 0;
    for (const m of byEnterprise.values()) t += m.get(code) ?? 0;
    return t;
  }
  // Storage yard → landfill is between two boundary nodes: it belongs to the enterprise that
  // recorded it, and to none of its units (the ledger cannot tell which).
  if (c.scope.scope === 'enterprise') return byEnterprise.get(c.scope.enterpriseId)?.get(code) ?? 0;
  return 0;
}

const BREAKDOWN = ['generated', 'utilized_out', 'utilized_inhouse', 'disposed_out', 'stored_out'] as const;

function wasteFigures(c: ScopeContext, cls: WasteClass): WasteFigures {
  const codes = new Set<string>();
  for (const [r] of c.entries) if (r.waste === cls) codes.add(r.code);
  // Net generation (> 0) and in-house use (< 0), summed node by node over the scope.
  const genCon = new Map<string, [number, number]>();
  for (const id of c.scope.nodeIds) {
    const net = c.netAtNode.get(id);
    if (!net) continue;
    for (const [code, g] of net) {
      if (c.ledger.roles.get(code)!.waste !== cls) continue;
      codes.add(code);
      let e = genCon.get(code);
      if (!e) genCon.set(code, (e = [0, 0]));
      if (g > 0) e[0] += g;
      else e[1] -= g;
    }
  }
  if (c.scope.scope !== 'unit') for (const m of c.ledger.nodes.priorDisposed.values()) for (const code of m.keys()) if (c.ledger.roles.get(code)?.waste === cls) codes.add(code);

  const z = { generated: 0, consumed_inhouse: 0, utilized_out: 0, disposed_out: 0, stored_out: 0, dumped_out: 0, unclassified: 0, received: 0, received_other: 0, passed_on: 0, priorStockUtilized_yard: 0, priorStockDisposed: 0, stock_added: 0, stock_drawn: 0, utilized_inhouse: 0 };
  // What the scope's own generation became: its outflows, less what it only passed on (received, not used up).
  const own = { utilized: 0, disposed: 0, stored: 0, dumped: 0 };
  const extra = dictionary();
  const missing: string[] = [];
  for (const code of [...codes].sort()) {
    const role = c.ledger.roles.get(code)!;
    if (role.t === null) {
      missing.push(`${code}: no mass (t) for unit ${role.material.unit}`);
      continue;
    }
    const k = role.t;
    const [gen, con] = genCon.get(code) ?? [0, 0];
    const t = c.tally.get(code);
    const out = t?.outBy ?? NONE;
    const inn = t?.inBy ?? NONE;
    const st = c.stock.get(code) ?? { net: 0, added: 0, drawn: 0 };
    const received = of(inn, ['node', 'supplier']);
    const m = {
      generated: gen * k,
      consumed_inhouse: con * k,
      utilized_out: of(out, UTILIZED_TO) * k,
      disposed_out: of(out, DISPOSED_TO) * k,
      stored_out: out[IDX('storage_yard')]! * k,
      dumped_out: of(out, DUMPED_TO) * k,
      unclassified: out[IDX('other')]! * k,
      received: received * k,
      received_other: (sum(inn) - received - inn[IDX('storage_yard')]!) * k,
      passed_on: Math.max(0, received - con) * k,
      priorStockUtilized_yard: inn[IDX('storage_yard')]! * k,
      priorStockDisposed: priorDisposedOf(c, code) * k,
      stock_added: st.added * k,
      stock_drawn: st.drawn * k,
      utilized_inhouse: Math.max(0, con - received) * k,
    };
    z.generated += m.generated;
    z.consumed_inhouse += m.consumed_inhouse;
    z.utilized_out += m.utilized_out;
    z.disposed_out += m.disposed_out;
    z.stored_out += m.stored_out;
    z.dumped_out += m.dumped_out;
    z.unclassified += m.unclassified;
    z.received += m.received;
    z.received_other += m.received_other;
    z.passed_on += m.passed_on;
    z.priorStockUtilized_yard += m.priorStockUtilized_yard;
    z.priorStockDisposed += m.priorStockDisposed;
    z.stock_added += m.stock_added;
    z.stock_drawn += m.stock_drawn;
    z.utilized_inhouse += m.utilized_inhouse;
    // The breakdown by material: what it generated and where that went.
    for (const name of BREAKDOWN) if (m[name] !== 0) extra[keyOf(name, code)] = m[name];
    // Received waste not used up left again: it is not this scope's generation, so it comes off its
    // outflows (taken from the users first: a collector passes waste on to be used).
    // (In order, without a closure per material: this runs for every material of every scope.)
    let left = m.passed_on;
    let d = Math.min(m.utilized_out, left);
    left -= d;
    own.utilized += m.utilized_out - d;
    d = Math.min(m.disposed_out, left);
    left -= d;
    own.disposed += m.disposed_out - d;
    d = Math.min(m.stored_out, left);
    left -= d;
    own.stored += m.stored_out - d;
    d = Math.min(m.dumped_out, left);
    own.dumped += m.dumped_out - d;
  }
  Object.assign(extra, z);
  const period: SolidWastePeriod = {
    generated: z.generated,
    utilized: own.utilized + z.utilized_inhouse,
    // Stock drawn down at a node of the scope is taken as prior years' stock utilized.
    priorStockUtilized: z.priorStockUtilized_yard + z.stock_drawn,
    disposed: own.disposed + z.priorStockDisposed,
    priorStockDisposed: z.priorStockDisposed,
    // 贮存量 includes storage on site: a stock increase at a node of the scope.
    stored: own.stored + z.stock_added,
    dumped: own.dumped,
  };
  // Every figure of the statistics' identity, whichever of them the indicator's formula reads.
  for (const [name, v] of Object.entries(period)) extra[name] = v as number;
  missing.push(...unconvertible(c, (r) => r.waste === cls));
  return { period, extra, missing };
}

// --- Energy and water ------------------------------------------------------------------------

function hasFlows(c: ScopeContext, pick: (r: MaterialRole) => boolean): boolean {
  for (const [r, t] of c.entries) if ((t.flows > 0 || t.unconvertible.length) && pick(r)) return true;
  for (const code of c.stock.keys()) if (pick(c.ledger.roles.get(code)!)) return true;
  return false;
}

function energy(c: ScopeContext): Built {
  if (!hasFlows(c, (r) => r.energy)) return { result: missingResult('tce', ['energy flows']) };
  const consumed: EnergyLine[] = [];
  const exported: EnergyLine[] = [];
  let inflowTce = 0;
  let outflowTce = 0;
  const codes = new Set<string>();
  for (const [r] of materialsOf(c, (r) => r.energy)) codes.add(r.code);
  for (const code of c.stock.keys()) if (c.ledger.roles.get(code)!.energy) codes.add(code);
  for (const code of [...codes].sort()) {
    const f = c.factors.get(code)!;
    const t = c.tally.get(code);
    const inn = t ? sum(t.inBy) : 0;
    // Delivered to others (customers, other plants); energy vented or discarded is not supplied out.
    const out = t ? of(t.outBy, EXPORTED_TO) : 0;
    const st = c.stock.get(code);
    const line = (quantity: number, label = code): EnergyLine => ({ material: label, quantity: quantity * f.energyPerUnit, unit: f.energyUnit, kgcePerUnit: f.kgcePerLineUnit });
    if (inn) consumed.push(line(inn));
    if (out) exported.push(line(out));
    // GB/T 2589: consumption = received − supplied out − stock increase.
    if (st?.drawn) consumed.push(line(st.drawn, `${code} (stock drawn)`));
    if (st?.added) exported.push(line(st.added, `${code} (stock added)`));
    if (f.tcePerUnit !== null) {
      inflowTce += inn * f.tcePerUnit;
      outflowTce += out * f.tcePerUnit;
    }
  }
  const result = comprehensiveEnergyTce({ consumed, exported, electricity: c.settings.electricityBasis === 'equivalent' ? { basis: 'equivalent' } : { basis: 'equal_value', kgcePerKWh: c.settings.electricityEqualValueKgcePerKWh } });
  return { result, extra: Object.assign(dictionary(), { inflowTce, outflowTce }), missing: unconvertible(c, (r) => r.energy) };
}

function figureInputs(c: ScopeContext): KpiInputs {
  const from = c.figures?.missingFrom;
  return from?.length ? { 'figures.missingFrom': from.join(',') } : {};
}

function water(c: ScopeContext): { intake: Built; reused: Built } {
  const missing = unconvertible(c, (r) => r.waterIntake || r.waterReused);
  let intakeM3 = 0;
  let reusedM3 = 0;
  const extra = dictionary();
  for (const [r, t] of materialsOf(c, (r) => r.waterIntake || r.waterReused)) {
    if (r.m3 === null) {
      missing.push(`${r.code}: no volume (m3) for unit ${r.material.unit}`);
      continue;
    }
    if (r.waterIntake) {
      const v = sum(t.inBy) * r.m3;
      intakeM3 += v;
      if (v) extra[keyOf('intakeM3', r.code)] = v;
    }
    if (r.waterReused) {
      const v = t.internal * r.m3;
      reusedM3 += v;
      if (v) extra[keyOf('reusedM3', r.code)] = v;
    }
  }
  if (!hasFlows(c, (r) => r.waterIntake)) missing.push('water intake flows');
  const intake: Built = { result: { ok: true, value: intakeM3, unit: 'm3', inputs: { intakeM3 } }, extra, missing };
  const reused: Built = { result: { ok: true, value: reusedM3, unit: 'm3', inputs: { reusedM3 } }, extra, missing };
  return { intake, reused };
}

// --- CO2 -------------------------------------------------------------------------------------

/**
 * Scope 1, node by node (docs/kpis.md): a node that records CO2 leaving it has the CO2 it sends to
 * the air as its figure (the guideline's carbon-balance or measured route) and nothing calculated;
 * any other node burns its net consumption of each fuel (in − out − stock increase: a fuel made by
 * one unit and burned by another counts where it is burned, fuel sold on counts nowhere) and
 * decomposes its net consumption of process materials. The scope's figure is the sum over its nodes.
 */
function scope1(c: ScopeContext): Built {
  const reporting = c.ledger.nodes.co2Reporting;
  const burned = new Map<string, number>();
  const supplied = new Map<string, number>();
  let reportedNodes = 0;
  let reportedTCO2 = 0;
  let calculatedNodes = 0;
  for (const id of c.scope.nodeIds) {
    if (reporting.has(id)) {
      reportedNodes++;
      reportedTCO2 += c.ledger.nodes.co2ToAir.get(id) ?? 0;
      continue;
    }
    const nets = c.fuelNets.get(id);
    if (!nets) continue;
    let burns = false;
    for (const [code, net] of nets) {
      if (net > 0) {
        burned.set(code, (burned.get(code) ?? 0) + net);
        burns = true;
      } else if (net < 0) supplied.set(code, (supplied.get(code) ?? 0) - net);
    }
    if (burns) calculatedNodes++;
  }
  if (!reportedNodes && !hasFlows(c, (r) => r.carrier || r.process)) return { result: missingResult('tCO2', ['energy flows']) };
  const fuels: FuelLine[] = [];
  const processes: ProcessLine[] = [];
  const extra = dictionary();
  for (const code of [...supplied.keys()].sort()) extra[keyOf('net_supplied', code)] = supplied.get(code)!;
  for (const code of [...burned.keys()].sort()) {
    const role = c.ledger.roles.get(code)!;
    const net = burned.get(code)!;
    const f = c.factors.get(code)!;
    if (role.fuel) {
      fuels.push({ ...f.fuel!, quantity: net });
      if (f.carbonFrom) extra[keyOf('carbon_from', code)] = f.carbonFrom;
    } else processes.push({ material: code, quantity: net, unit: role.material.unit, factorTCO2PerUnit: f.processTCO2PerUnit });
  }
  const combustion = scope1Combustion(fuels, c.settings.combustionSet);
  const process = scope1Process(processes);
  const inputs = Object.assign(dictionary(), combustion.inputs, process.inputs, extra);
  Object.assign(inputs, { reportedNodes, reportedTCO2, calculatedNodes });
  const missing = [...(combustion.ok ? [] : combustion.missing), ...(process.ok ? [] : process.missing), ...unconvertible(c, (r) => r.fuel || r.process || r.co2)];
  if (combustion.ok && process.ok) {
    inputs.combustionTCO2 = combustion.value;
    inputs.processTCO2 = process.value;
    inputs.calculatedTCO2 = combustion.value + process.value;
    return { result: { ok: true, value: reportedTCO2 + combustion.value + process.value, unit: 'tCO2', inputs }, missing };
  }
  return { result: missingResult('tCO2', missing, inputs) };
}

function scope2Of(c: ScopeContext): Built {
  if (!hasFlows(c, (r) => r.carrier)) return { result: missingResult('tCO2', ['energy flows']) };
  let eIn = 0;
  let eOut = 0;
  let hIn = 0;
  let hOut = 0;
  const missing = unconvertible(c, (r) => r.electricity || r.heat);
  for (const [r, t] of materialsOf(c, (r) => r.electricity || r.heat)) {
    const k = r.electricity ? r.mwh : r.gj;
    if (k === null) {
      missing.push(`${r.code}: no ${r.electricity ? 'MWh' : 'GJ'} for unit ${r.material.unit}`);
      continue;
    }
    if (r.electricity) {
      eIn += sum(t.inBy) * k;
      eOut += sum(t.outBy) * k;
    } else {
      hIn += sum(t.inBy) * k;
      hOut += sum(t.outBy) * k;
    }
  }
  const result = scope2({ purchasedElectricityMWh: eIn, exportedElectricityMWh: eOut, gridFactorTCO2PerMWh: c.settings.gridFactorTCO2PerMWh, purchasedHeatGJ: hIn, exportedHeatGJ: hOut, heatFactorTCO2PerGJ: c.settings.heatFactorTCO2PerGJ });
  return { result, missing };
}

function avoided(c: ScopeContext): Built {
  const lines = [];
  const extra = dictionary();
  for (const [r, t] of materialsOf(c, (r) => EXCHANGED_CATEGORIES.has(r.material.category))) {
    if (!t.exchangeOut) continue;
    const factor = c.settings.avoidedFactors[r.code];
    if (typeof factor === 'number') lines.push({ label: r.code, quantity: t.exchangeOut, unit: r.material.unit, avoidedTCO2PerUnit: factor });
    // Moved without a factor the park stated: shown, never guessed.
    else extra[keyOf('not_counted', r.code)] = t.exchangeOut;
  }
  const result = avoidedEmissions(lines);
  if (result.ok) extra.avoidedTCO2 = result.value;
  return { result, extra };
}

// --- Circularity -----------------------------------------------------------------------------

/** The share of an inflow that is circular: a by-product or waste from another plant, or recycled content bought. */
function circularInflowShare(role: MaterialRole, from: Counterpart, settings: KpiSettings): { byProduct?: number; recycled?: number } {
  if (from === 'node' && EXCHANGED_CATEGORIES.has(role.material.category)) return { byProduct: 1 };
  const rc = settings.circularity[role.code]?.recycledContent;
  if (from === 'supplier' && typeof rc === 'number') return { recycled: rc };
  return {};
}

/** Recovery potential and actual recovery of an outflow by its destination; null: the settings lack them. */
function outflowRecovery(role: MaterialRole, to: Counterpart, settings: KpiSettings): { rp: number; ar: number } | null {
  if (to === 'node') return { rp: 1, ar: 1 };
  const set = settings.circularity[role.code];
  if (to === 'customer' || to === 'supplier') {
    if (typeof set?.recoveryPotential === 'number' && typeof set.actualRecovery === 'number') return { rp: set.recoveryPotential, ar: set.actualRecovery };
    // A by-product or waste delivered to a user outside the park is used there (utilized, as the waste statistics count it).
    if (EXCHANGED_CATEGORIES.has(role.material.category)) return { rp: 1, ar: 1 };
    return null;
  }
  return { rp: set?.recoveryPotential ?? 0, ar: 0 };
}

const ctiCounts = (to: Counterpart) => !CTI_EXCLUDED.includes(to);

/**
 * One stream per material (its inflows from every counterpart together): the circular shares are
 * the mass-weighted blend of its counterparts', so the circular mass is the same as stream by stream.
 */
function ctiIn(c: ScopeContext): Built {
  const streams: InflowStream[] = [];
  const missing = unconvertible(c, (r) => r.ctiMass);
  for (const [r, t] of c.entries) {
    if (!r.ctiMass) continue;
    let mass = 0;
    let byProduct = 0;
    let recycled = 0;
    for (let i = 0; i < COUNTERPARTS.length; i++) {
      const q = t.inBy[i]!;
      const from = COUNTERPARTS[i]!;
      if (!q || !ctiCounts(from)) continue;
      mass += q;
      const share = circularInflowShare(r, from, c.settings);
      byProduct += q * (share.byProduct ?? 0);
      recycled += q * (share.recycled ?? 0);
    }
    if (!mass) continue;
    streams.push({ id: r.code, mass_t: r.t === null ? null : mass * r.t, byProduct: byProduct / mass, recycled: recycled / mass });
  }
  return { result: circularInflow(streams), missing };
}

/** One stream per material, like ctiIn: recovery potential and actual recovery blended by mass. */
function ctiOut(c: ScopeContext): Built {
  const streams: OutflowStream[] = [];
  const missing = unconvertible(c, (r) => r.ctiMass);
  for (const [r, t] of c.entries) {
    if (!r.ctiMass) continue;
    let mass = 0;
    let recoverable = 0;
    let recovered = 0;
    for (let i = 0; i < COUNTERPARTS.length; i++) {
      const q = t.outBy[i]!;
      const to = COUNTERPARTS[i]!;
      if (!q || !ctiCounts(to)) continue;
      const rec = outflowRecovery(r, to, c.settings);
      if (!rec) missing.push(`circularity.${r.code}`);
      mass += q;
      recoverable += q * (rec?.rp ?? 0);
      recovered += q * (rec?.rp ?? 0) * (rec?.ar ?? 0);
    }
    if (!mass) continue;
    const kind = r.material.category === 'waste' ? 'waste' : r.material.category === 'by_product' ? 'byproduct' : 'product';
    streams.push({ id: r.code, kind, mass_t: r.t === null ? null : mass * r.t, recoveryPotential: recoverable / mass, actualRecovery: recoverable > 0 ? recovered / recoverable : 0 });
  }
  return { result: circularOutflow(streams), missing };
}

function mciProducts(c: ScopeContext): Built {
  const entries: PortfolioEntry[] = [];
  const unrated: string[] = [];
  const extra = dictionary();
  for (const [r, t] of materialsOf(c, (r) => r.material.category === 'product')) {
    const q = t.outBy[IDX('customer')]!;
    if (!q) continue;
    const mci = c.settings.circularity[r.code]?.mci;
    if (!mci) {
      unrated.push(r.code);
      extra[keyOf('unrated_t', r.code)] = r.t === null ? q : q * r.t;
      continue;
    }
    entries.push({
      id: r.code,
      weight: r.t === null ? null : q * r.t,
      product: {
        materials: [{ name: r.code, mass: 1, recycledFeedstock: mci.recycledFeedstock, reusedFeedstock: mci.reusedFeedstock, feedstockRecyclingEfficiency: mci.recyclingEfficiencyFeedstock, collectedForRecycling: mci.collectedForRecycling, collectedForReuse: mci.collectedForReuse, endOfUseRecyclingEfficiency: mci.recyclingEfficiencyEndOfUse }],
        lifetime: mci.lifetimeRatio,
        averageLifetime: 1,
        functionalUnits: mci.intensityRatio,
        averageFunctionalUnits: 1,
      },
    });
  }
  if (!entries.length) {
    const missing = unrated.length ? unrated.map((code) => `circularity.${code}.mci`) : ['products sent to customers'];
    return { result: missingResult('dimensionless (0..1)', missing), extra };
  }
  return { result: portfolioCircularity(entries), extra };
}

// --- Assembly --------------------------------------------------------------------------------

/** The figures of energy and water an intensity repeats from its numerator. */
const SUMMARY = ['electricityBasis', 'electricityKgcePerKWh', 'consumedTce', 'exportedTce', 'netExporter', 'inflowTce', 'outflowTce', 'intakeM3'];

/** An intensity of a numerator: the numerator's own figures stay with it; the intensity carries its totals and flow terms. */
function perValueAdded(b: Built, f: (v: number | null) => KpiResult, figures: KpiInputs): Built {
  const r = f(b.result.ok && !b.missing?.length ? b.result.value : null);
  const extra = Object.assign(dictionary(), figures);
  for (const k of SUMMARY) if (b.result.inputs[k] !== undefined) extra[k] = b.result.inputs[k]!;
  if (b.extra) for (const k of SUMMARY) if (b.extra[k] !== undefined) extra[k] = b.extra[k]!;
  return { result: r, extra, missing: [...(b.result.ok ? [] : b.result.missing), ...(b.missing ?? [])] };
}

function scopeKpis(c: ScopeContext): KpiValue[] {
  const va = c.figures?.valueAdded10kCny ?? null;
  const production = c.figures?.productionT ?? null;
  const figures = figureInputs(c);
  const general = wasteFigures(c, 'general');
  const hazardous = wasteFigures(c, 'hazardous');
  const e = energy(c);
  const w = water(c);
  const s1 = scope1(c);
  const s2 = scope2Of(c);
  const values = new Map<KpiKey, Built>();
  values.set('solid_waste_utilization_rate', { result: comprehensiveUtilizationRate(general.period), extra: general.extra, missing: general.missing });
  values.set('solid_waste_identity_residual_t', { result: identityResidual(general.period), extra: general.extra, missing: general.missing });
  values.set('hazardous_waste_utilization_rate', { result: comprehensiveUtilizationRate(hazardous.period), extra: hazardous.extra, missing: hazardous.missing });
  values.set('hazardous_waste_safe_disposal_rate', { result: safeDisposalRate(hazardous.period), extra: hazardous.extra, missing: hazardous.missing });
  values.set('energy_tce', e);
  values.set('energy_intensity_tce_per_10k_cny', perValueAdded(e, (v) => energyIntensityPer10kCny(v, va), figures));
  values.set('energy_tce_per_t_product', perValueAdded(e, (v) => energyPerTonneProduct(v, production), figures));
  values.set('water_intake_m3', w.intake);
  values.set('water_intensity_m3_per_10k_cny', perValueAdded(w.intake, (v) => waterIntakePer10kCny(v, va), figures));
  const reuseOk = !w.intake.missing?.length;
  values.set('water_reuse_rate', { result: waterReuseRate(reuseOk ? (w.reused.result as { value: number }).value : null, reuseOk ? (w.intake.result as { value: number }).value : null), extra: Object.assign(dictionary(), w.intake.extra), missing: w.intake.missing });
  values.set('co2_scope1_t', s1);
  values.set('co2_scope2_t', s2);
  const s1v = s1.result.ok && !s1.missing?.length ? s1.result.value : null;
  const s2v = s2.result.ok && !s2.missing?.length ? s2.result.value : null;
  const intensity = carbonIntensityPer10kCny(s1v === null || s2v === null ? null : s1v + s2v, va);
  const carbonMissing = [...(s1v === null ? ['co2_scope1_t'] : []), ...(s2v === null ? ['co2_scope2_t'] : [])];
  const carbonInputs = Object.assign(dictionary(), figures);
  if (s1v !== null) Object.assign(carbonInputs, { scope1TCO2: s1v, reportedTCO2: s1.result.inputs.reportedTCO2!, combustionTCO2: s1.result.inputs.combustionTCO2!, processTCO2: s1.result.inputs.processTCO2! });
  if (s2v !== null) Object.assign(carbonInputs, { scope2TCO2: s2v, electricityTCO2: s2.result.inputs.electricityTCO2!, heatTCO2: s2.result.inputs.heatTCO2! });
  values.set('carbon_intensity_t_per_10k_cny', { result: intensity, extra: carbonInputs, missing: carbonMissing });
  values.set('co2_avoided_by_exchanges_t', avoided(c));
  values.set('cti_circular_inflow', ctiIn(c));
  values.set('cti_circular_outflow', ctiOut(c));
  values.set('mci_products', mciProducts(c));
  const unknown = uncatalogued(c);
  return KPI_KEYS.map((key) => {
    const v = valueOf(key, values.get(key)!);
    Object.assign(v.inputs, unknown);
    return v;
  });
}

function factorsFor(ledger: LedgerTallies, settings: KpiSettings): Map<string, Factors> {
  const out = new Map<string, Factors>();
  for (const [code, role] of ledger.roles) out.set(code, factorsOf(role, settings));
  return out;
}

/**
 * Every indicator (KPI_KEYS order) of every scope for the input's period, keyed by
 * ResolvedScope.key. One pass over the flows for all scopes, then per scope work in the number of
 * its materials and nodes.
 */
export function computeKpis(input: KpiComputeInput, scopes: readonly ResolvedScope[]): Map<string, KpiValue[]> {
  const ledger = tallyLedger(input, scopes);
  const factors = factorsFor(ledger, input.settings);
  const nets = nodeNetsOf(ledger);
  const out = new Map<string, KpiValue[]>();
  scopes.forEach((s, i) => out.set(s.key, scopeKpis(contextOf(ledger, i, input, factors, nets))));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Drill-down

const WASTE_TERMS = ['generated', 'consumed_inhouse', 'utilized_out', 'received', 'priorStockUtilized_yard', 'disposed_out', 'priorStockDisposed', 'stored_out', 'dumped_out', 'unclassified', 'received_other'];
const ENERGY_TERMS = ['inflowTce', 'outflowTce'];
const SCOPE1_TERMS = ['reportedTCO2', 'combustionTCO2', 'processTCO2'];
const SCOPE2_TERMS = ['electricityTCO2', 'heatTCO2'];

/**
 * The terms of each indicator the drill-down names: figures of its inputs that are sums of flows
 * (a `not_counted` term is named per material, `not_counted.<code>`).
 */
export const KPI_TERMS: Readonly<Record<KpiKey, readonly string[]>> = {
  solid_waste_utilization_rate: WASTE_TERMS,
  solid_waste_identity_residual_t: WASTE_TERMS,
  hazardous_waste_utilization_rate: WASTE_TERMS,
  hazardous_waste_safe_disposal_rate: WASTE_TERMS,
  energy_tce: ENERGY_TERMS,
  energy_intensity_tce_per_10k_cny: ENERGY_TERMS,
  energy_tce_per_t_product: ENERGY_TERMS,
  water_intake_m3: ['intakeM3'],
  water_intensity_m3_per_10k_cny: ['intakeM3'],
  water_reuse_rate: ['intakeM3', 'reusedM3'],
  co2_scope1_t: SCOPE1_TERMS,
  co2_scope2_t: SCOPE2_TERMS,
  carbon_intensity_t_per_10k_cny: [...SCOPE1_TERMS, ...SCOPE2_TERMS],
  co2_avoided_by_exchanges_t: ['avoidedTCO2', 'not_counted'],
  cti_circular_inflow: ['total_inflow_t', 'circular_inflow_t'],
  cti_circular_outflow: ['total_outflow_t', 'circular_outflow_t'],
  mci_products: ['totalWeight'],
};
const SAME_TERMS: Partial<Record<KpiKey, KpiKey>> = {
  solid_waste_identity_residual_t: 'solid_waste_utilization_rate',
  hazardous_waste_utilization_rate: 'solid_waste_utilization_rate',
  hazardous_waste_safe_disposal_rate: 'solid_waste_utilization_rate',
  energy_intensity_tce_per_10k_cny: 'energy_tce',
  energy_tce_per_t_product: 'energy_tce',
  water_intensity_m3_per_10k_cny: 'water_intake_m3',
};

type Direction = 'in' | 'out' | 'internal';

/** The terms one flow adds to, seen from the scope (amounts in the term's unit). */
function flowTerms(c: ScopeContext, key: KpiKey, f: KpiFlow, dir: Direction, other: Counterpart, exchange: boolean, role: MaterialRole, q: number, emit: (term: string, amount: number) => void): void {
  const base = SAME_TERMS[key] ?? key;
  const fac = c.factors.get(role.code)!;
  switch (base) {
    case 'solid_waste_utilization_rate': {
      const cls: WasteClass = key.startsWith('hazardous') ? 'hazardous' : 'general';
      if (role.waste !== cls || role.t === null) return;
      const t = q * role.t;
      if (dir === 'out') {
        const term = UTILIZED_TO.includes(other) ? 'utilized_out' : DISPOSED_TO.includes(other) ? 'disposed_out' : other === 'storage_yard' ? 'stored_out' : DUMPED_TO.includes(other) ? 'dumped_out' : 'unclassified';
        emit(term, t);
      } else if (dir === 'in') emit(other === 'node' || other === 'supplier' ? 'received' : other === 'storage_yard' ? 'priorStockUtilized_yard' : 'received_other', t);
      // Net generation and in-house consumption, node by node: a flow leaving a generating node adds, one reaching it takes away.
      for (const [nodeId, sign] of [
        [f.fromNodeId, 1],
        [f.toNodeId, -1],
      ] as const) {
        const g = c.netAtNode.get(nodeId)?.get(role.code);
        if (g === undefined || !c.scope.nodeIds.has(nodeId)) continue;
        if (g > 0) emit('generated', sign * t);
        else if (g < 0) emit('consumed_inhouse', -sign * t);
      }
      return;
    }
    case 'energy_tce':
      if (!role.energy || fac.tcePerUnit === null || dir === 'internal') return;
      if (dir === 'in') emit('inflowTce', q * fac.tcePerUnit);
      else if (EXPORTED_TO.includes(other)) emit('outflowTce', q * fac.tcePerUnit);
      return;
    case 'water_intake_m3':
    case 'water_reuse_rate':
      if (role.m3 === null) return;
      if (role.waterIntake && dir === 'in') emit('intakeM3', q * role.m3);
      if (base === 'water_reuse_rate' && role.waterReused && dir === 'internal') emit('reusedM3', q * role.m3);
      return;
    case 'co2_scope1_t': {
      const reporting = c.ledger.nodes.co2Reporting;
      if (role.co2) {
        if (dir === 'out' && other === 'air' && role.t !== null) emit('reportedTCO2', q * role.t);
        return;
      }
      if (!(role.fuel || role.process)) return;
      const perUnit = role.fuel ? fac.fuelTCO2PerUnit : fac.processTCO2PerUnit;
      if (perUnit === null) return;
      // Node by node: at each end in the scope that burns (net consumes) the fuel and does not report its CO2.
      for (const [nodeId, sign] of [
        [f.toNodeId, 1],
        [f.fromNodeId, -1],
      ] as const) {
        if (!c.scope.nodeIds.has(nodeId) || reporting.has(nodeId) || !((c.fuelNets.get(nodeId)?.get(role.code) ?? 0) > 0)) continue;
        emit(role.fuel ? 'combustionTCO2' : 'processTCO2', sign * q * perUnit);
      }
      return;
    }
    case 'co2_scope2_t': {
      if (dir === 'internal') return;
      const sign = dir === 'in' ? 1 : -1;
      if (role.electricity && role.mwh !== null) emit('electricityTCO2', sign * q * role.mwh * c.settings.gridFactorTCO2PerMWh);
      else if (role.heat && role.gj !== null) emit('heatTCO2', sign * q * role.gj * c.settings.heatFactorTCO2PerGJ);
      return;
    }
    case 'carbon_intensity_t_per_10k_cny':
      flowTerms(c, 'co2_scope1_t', f, dir, other, exchange, role, q, emit);
      flowTerms(c, 'co2_scope2_t', f, dir, other, exchange, role, q, emit);
      return;
    case 'co2_avoided_by_exchanges_t': {
      if (!exchange || dir === 'in' || !EXCHANGED_CATEGORIES.has(role.material.category)) return;
      const factor = c.settings.avoidedFactors[role.code];
      if (typeof factor === 'number') emit('avoidedTCO2', q * factor);
      else emit(`not_counted.${role.code}`, q);
      return;
    }
    case 'cti_circular_inflow': {
      if (dir !== 'in' || !role.ctiMass || role.t === null || !ctiCounts(other)) return;
      const t = q * role.t;
      const share = circularInflowShare(role, other, c.settings);
      emit('total_inflow_t', t);
      emit('circular_inflow_t', t * ((share.byProduct ?? 0) + (share.recycled ?? 0)));
      return;
    }
    case 'cti_circular_outflow': {
      if (dir !== 'out' || !role.ctiMass || role.t === null || !ctiCounts(other)) return;
      const t = q * role.t;
      const rec = outflowRecovery(role, other, c.settings);
      emit('total_outflow_t', t);
      if (rec) emit('circular_outflow_t', t * rec.rp * rec.ar);
      return;
    }
    case 'mci_products':
      if (dir === 'out' && other === 'customer' && role.material.category === 'product' && role.t !== null && c.settings.circularity[role.code]?.mci) emit('totalWeight', q * role.t);
      return;
    default:
      // The other keys share a base key's terms (SAME_TERMS) and never reach here.
      return;
  }
}

/**
 * The flows behind one indicator of one scope: each flow with the term it counts in and its
 * amount in the term's unit (t, tce, m3, t CO2). For every term listed, the amounts add up to the
 * figure of that name in the indicator's inputs, stock changes aside (they are not flows).
 * Flows of no term are left out; so are the storage yard → landfill flows an enterprise recorded
 * (prior years' stock disposed), named under `priorStockDisposed`.
 */
export function kpiContributions(input: KpiComputeInput, scope: ResolvedScope, key: KpiKey): KpiContribution[] {
  const ledger = tallyLedger(input, [scope]);
  const c = contextOf(ledger, 0, input, factorsFor(ledger, input.settings), nodeNetsOf(ledger));
  const nodeById = new Map(input.nodes.map((n) => [n.id, n]));
  const out: KpiContribution[] = [];
  const wasteKey = (SAME_TERMS[key] ?? key) === 'solid_waste_utilization_rate';
  const cls: WasteClass = key.startsWith('hazardous') ? 'hazardous' : 'general';
  for (const f of ledger.flows) {
    const role = ledger.roles.get(f.materialCode);
    const from = nodeById.get(f.fromNodeId);
    const to = nodeById.get(f.toNodeId);
    if (!role || !from || !to) continue;
    const q = f.unit === role.material.unit ? f.quantity : convertFlow(f, role);
    if (q === null) continue;
    const emit = (term: string, amount: number) => {
      if (amount !== 0) out.push({ flowId: f.id, term, amount });
    };
    const inFrom = scope.nodeIds.has(from.id);
    const inTo = scope.nodeIds.has(to.id);
    if (!inFrom && !inTo) {
      // Prior years' stock disposed: storage yard → a disposal boundary (DISPOSED_TO), the enterprise's (or any, for the park).
      const belongs = scope.scope === 'park' || (scope.scope === 'enterprise' && f.enterpriseId === scope.enterpriseId);
      if (wasteKey && belongs && role.waste === cls && role.t !== null && from.boundaryKind === 'storage_yard' && DISPOSED_TO.includes((to.boundaryKind ?? 'other') as Counterpart)) emit('priorStockDisposed', q * role.t);
      continue;
    }
    const dir: Direction = inFrom && inTo ? 'internal' : inFrom ? 'out' : 'in';
    const other = counterpartOf(dir === 'in' ? from : to);
    const exchange = from.kind !== 'boundary' && to.kind !== 'boundary' && from.enterpriseId !== null && to.enterpriseId !== null && from.enterpriseId !== to.enterpriseId && inFrom;
    flowTerms(c, key, f, dir, other, exchange, role, q, emit);
  }
  return out;
}

function convertFlow(f: KpiFlow, role: MaterialRole): number | null {
  // The tally's conversion (materialUnitFactor); a flow it cannot convert is named in the indicator's `missing` instead.
  const r = materialUnitFactor(f.unit, ledgerMaterialOf(role.material));
  return 'error' in r ? null : f.quantity * r.factor;
}
