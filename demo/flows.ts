/**
 * The demo park's year of monthly flows (issue 11): the 34 exchanges of `demoFlows` at unit level,
 * every unit's inputs and outputs derived from its capacity and the stoichiometry of the catalogue's
 * compositions, energy from the CHP, and two planted faults the reconciliation is there to find.
 *
 * How the numbers are made: each stream has a designed yearly amount at which every unit's element
 * balances (Cl, S, P, N) close at the catalogue's mean compositions and its total mass closes as the
 * ledger weighs it: process water, air, CO2, flue gas, vapour and condensate are booked, the ones no
 * plant meters closing their unit's balance (`CLOSURES`). A month's true amount is the yearly one ×
 * the month's share of the year × a park-wide activity factor (mild seasonality), so true balances
 * close every month; what is recorded is the true amount read through its meter: noise of half the
 * meter's standard deviation (`METER_WANDER`, clipped at 1 σ, so the demo never plants a gross error
 * by chance), deterministic per seed, month and stream. See docs/demo-park.md.
 *
 * Pure except `loadDemoFlows`, which writes through the ledger service as each enterprise.
 */
import type { Services } from '../src/app.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import { loadCatalogue } from '../src/modules/registry/catalogue/catalogue.ts';
import { layerQuantity } from '../src/modules/flows/balance.ts';
import type { FlowBasis, FlowInput, LedgerMaterial } from '../src/modules/flows/model.ts';
import { demoPark, type DemoPark } from './park.ts';

// ---------------------------------------------------------------------------------------------
// Meters: how each stream is known.

export interface DemoMeter {
  basis: FlowBasis;
  /** Relative standard deviation of one monthly total. */
  rel: number;
  /** What measures it, for the note. */
  instrument: string;
}

const CORIOLIS: DemoMeter = { basis: 'measured', rel: 0.005, instrument: 'Coriolis mass meter' };
const MAGMETER: DemoMeter = { basis: 'measured', rel: 0.005, instrument: 'electromagnetic flow meter' };
const WASTEWATER_METER: DemoMeter = { basis: 'measured', rel: 0.01, instrument: 'electromagnetic flow meter (wastewater)' };
const VORTEX: DemoMeter = { basis: 'measured', rel: 0.015, instrument: 'vortex steam meter' };
const ORIFICE: DemoMeter = { basis: 'measured', rel: 0.015, instrument: 'orifice plate and DP transmitter' };
const GAS_METER: DemoMeter = { basis: 'measured', rel: 0.01, instrument: 'thermal mass gas meter' };
const BELT_SCALE: DemoMeter = { basis: 'measured', rel: 0.01, instrument: 'belt scale' };
const WEIGHBRIDGE: DemoMeter = { basis: 'measured', rel: 0.005, instrument: 'truck scale' };
const POWER_METER: DemoMeter = { basis: 'measured', rel: 0.005, instrument: 'class 0.5S electricity meter' };
const HEAT_METER: DemoMeter = { basis: 'measured', rel: 0.02, instrument: 'heat meter' };
const CEMS_CALCULATED: DemoMeter = { basis: 'calculated', rel: 0.1, instrument: 'CEMS concentration × flue gas flow' };
const CALCULATED: DemoMeter = { basis: 'calculated', rel: 0.05, instrument: 'calculated from production' };
const ESTIMATED: DemoMeter = { basis: 'estimated', rel: 0.15, instrument: 'estimate' };
const CONDENSATE_METER: DemoMeter = { basis: 'measured', rel: 0.01, instrument: 'condensate return flow meter' };
const COMBUSTION_AIR: DemoMeter = { basis: 'calculated', rel: 0.1, instrument: 'calculated: fuel heat input × stoichiometric air × excess-air factor' };
const CARBON_CALCULATED: DemoMeter = { basis: 'calculated', rel: 0.05, instrument: 'calculated: carbon in the fuel and loss on ignition of the feed (stoichiometry)' };
const BY_DIFFERENCE: DemoMeter = { basis: 'calculated', rel: 0.1, instrument: 'calculated: what the unit\'s metered flows leave of its mass balance' };
const VAPOUR_ESTIMATED: DemoMeter = { basis: 'estimated', rel: 0.15, instrument: 'estimate: evaporation from water make-up and duty' };

// ---------------------------------------------------------------------------------------------
// The design: yearly amounts that close every unit's element balances at mean compositions.

const catalogue = new Map(loadCatalogue().materials.map((m) => [m.code, m]));
/** The catalogue's mean mass fraction of an element in a material (the design's stoichiometry). */
function fraction(material: string, element: string): number {
  const f = catalogue.get(material)?.composition?.[element]?.fraction;
  if (f === undefined) throw new Error(`the catalogue gives no ${element} for ${material}`);
  return f;
}
const NM3_PER_KMOL = 22.414;
const M_CL2 = 70.9;
const M_CL = 35.45;

/** Operating hours a year of the continuous plants. */
const HOURS = 8000;

/** A catalogue figure the design needs. */
function property(material: string, key: 'lhvMJPerKg' | 'lhvMJPerUnit' | 'densityKgM3' | 'emissionFactorKgCO2ePerUnit'): number {
  const v = catalogue.get(material)?.[key];
  if (v === undefined) throw new Error(`the catalogue gives no ${key} for ${material}`);
  return v;
}
const M_CO2_PER_C = 44.009 / 12.011;
/** Air's oxygen mass fraction. */
const O2_IN_AIR = 0.2314;
/**
 * Stoichiometric air, t per GJ of fuel burnt: Thornton's rule (about 13.1 MJ released per kg of O2
 * consumed, for hydrocarbons and coals alike) over air's oxygen — within ±5 % of the fuel-by-fuel
 * figure, well inside the 10 % sd the calculated air flows carry.
 */
const AIR_T_PER_GJ = 1 / (13.1 * O2_IN_AIR);
/** Air for burning `tonnes` of a fuel with `excess` (λ), from its heating value per kg. */
const combustionAir = (fuel: string, tonnes: number, excess: number) => tonnes * property(fuel, 'lhvMJPerKg') * AIR_T_PER_GJ * excess;
/** CO2 of burning `tonnes` of a fuel whose carbon the catalogue gives. */
const combustionCo2 = (fuel: string, tonnes: number) => tonnes * fraction(fuel, 'C') * M_CO2_PER_C;

// Chlor-alkali and PVC: the chlorine loop.
const CL2_PRODUCED = 266_000; // t/a, the Cl/H2 treatment's capacity
const CL2_TO_EDC = 173_000;
const CL2_TO_CARBIDE_ROUTE = 57_000; // with CL2_TO_EDC, the 230 000 t/a exchange
const NAOCL = 20_000; // t/a of 10 % sodium hypochlorite from tail-gas absorption
const BRINE_SLUDGE = 8_000;
const HCL_ACID = (CL2_PRODUCED - CL2_TO_EDC - CL2_TO_CARBIDE_ROUTE - NAOCL * fraction('SODIUM_HYPOCHLORITE', 'Cl')) / fraction('HYDROCHLORIC_ACID', 'Cl');
const BRINE_M3 = CL2_PRODUCED / ((catalogue.get('BRINE')!.densityKgM3! / 1000) * fraction('BRINE', 'Cl'));
const SALT = (CL2_PRODUCED + BRINE_SLUDGE * fraction('BRINE_SLUDGE', 'Cl')) / fraction('SALT', 'Cl');
/** 1.128 t of NaOH per t of Cl2 (2 × 40.00 / 70.90), as 32 % liquor. */
const CAUSTIC_32 = (CL2_PRODUCED * (2 * 39.997) / M_CL2) / 0.32;
const CAUSTIC_TO_NAOCL = (NAOCL * fraction('SODIUM_HYPOCHLORITE', 'Na')) / fraction('CAUSTIC_SODA', 'Na');
const H2_PRODUCED_NM3 = (CL2_PRODUCED / M_CL2) * NM3_PER_KMOL * 1000;
const H2_TO_REFINERY_NM3 = 64_000_000;
const H2_TO_HCL_NM3 = ((HCL_ACID * fraction('HYDROCHLORIC_ACID', 'Cl')) / M_CL / 2) * NM3_PER_KMOL * 1000;
// Balanced EDC: the HCl of cracking goes back to oxychlorination, so EDC carries twice the chlorine fed.
const EDC = (2 * CL2_TO_EDC) / fraction('EDC', 'Cl');
const HCL_RECYCLE = CL2_TO_EDC / fraction('HYDROGEN_CHLORIDE', 'Cl');
const VCM = CL2_TO_EDC / fraction('VCM', 'Cl');
const CARBIDE_PVC = CL2_TO_CARBIDE_ROUTE / fraction('PVC_RESIN', 'Cl');
const ACETYLENE = (CL2_TO_CARBIDE_ROUTE / M_CL) * 26.038 * 1.02; // 2 % acetylene losses
const CALCIUM_CARBIDE = (ACETYLENE * (64.099 / 26.038)) / 0.8; // 80 % CaC2

// Refinery: sulfur leaves the crude as acid gas and leaves the Claus unit as sulfur.
const CRUDE = 10_000_000;
const SULFUR_TO_PHOSPHATE = 100_000;
const SRU_SO2_S = SULFUR_TO_PHOSPHATE * 0.001; // 99.9 % recovery
const ACID_GAS = (SULFUR_TO_PHOSPHATE + SRU_SO2_S) / fraction('ACID_GAS', 'S');
const NAPHTHA_FROM_CDU = 1_440_000;
const NAPHTHA_BOUGHT = 1_660_000;

// Phosphate: sulfur → sulfuric acid → phosphogypsum; rock → phosphoric acid → MAP.
const SULFURIC_ACID = 798_000;
const ACID_PLANT_SO2_S = SULFURIC_ACID * fraction('SULFURIC_ACID', 'S') * 0.001;
const SULFUR_BOUGHT = SULFURIC_ACID * fraction('SULFURIC_ACID', 'S') + ACID_PLANT_SO2_S - SULFUR_TO_PHOSPHATE;
const PHOSPHOGYPSUM = (SULFURIC_ACID * fraction('SULFURIC_ACID', 'S')) / fraction('PHOSPHOGYPSUM', 'S');
const P_IN_ACID = 300_000 * ((2 * 30.974) / 141.943); // 300 kt/a P2O5
const PHOSPHORIC_ACID = P_IN_ACID / fraction('PHOSPHORIC_ACID', 'P');
const PHOSPHATE_ROCK = (P_IN_ACID + PHOSPHOGYPSUM * fraction('PHOSPHOGYPSUM', 'P')) / fraction('PHOSPHATE_ROCK', 'P');
const MAP = P_IN_ACID / fraction('MAP', 'P');
const AMMONIA = (MAP * fraction('MAP', 'N')) / fraction('AMMONIA', 'N');

// Cement: gypsum sets the cement's sulfur; a little phosphogypsum is the raw meal's mineralizer (and
// its sulfur the clinker's); the rest becomes plaster. Raw meal and clinker carry the sulfur,
// phosphorus and chlorine that enter them at the catalogue's compositions, the kiln's stack the rest.
const PG_TO_CEMENT = 400_000;
const FGD_GYPSUM = 30_000;
const CEMENT = 2_000_000;
const CLINKER = 4_500 * 310;
const RAW_MEAL = 1.55 * CLINKER;
const KILN_COAL = 0.11 * CLINKER;
const PG_TO_RAW_MEAL = (RAW_MEAL * fraction('RAW_MEAL', 'S')) / fraction('PHOSPHOGYPSUM', 'S');
const KILN_SO2_S = RAW_MEAL * fraction('RAW_MEAL', 'S') + KILN_COAL * fraction('RAW_COAL', 'S') - CLINKER * fraction('CLINKER', 'S');
const PG_TO_GRINDING = (CEMENT * fraction('CEMENT', 'S') - FGD_GYPSUM * fraction('FGD_GYPSUM', 'S') - CLINKER * fraction('CLINKER', 'S')) / fraction('PHOSPHOGYPSUM', 'S');
const PG_TO_PLASTER = PG_TO_CEMENT - PG_TO_GRINDING - PG_TO_RAW_MEAL;
const BUILDING_GYPSUM = (PG_TO_PLASTER * fraction('PHOSPHOGYPSUM', 'S')) / fraction('GYPSUM_BUILDING', 'S');
const LIMESTONE_TO_CHP = 36_000;
const CARBIDE_SLAG = 180_000;
const RAW_MEAL_SUBSTITUTES = CARBIDE_SLAG + BRINE_SLUDGE + 110_000 + 60_000 + 1_500 + PG_TO_RAW_MEAL;
/** The raw meal's loss on ignition less its combined water (carbide slag's Ca(OH)2, the gypsum's 2 H2O): calcination CO2. */
const CALCINATION_CO2 = RAW_MEAL - CLINKER - CARBIDE_SLAG * (18.015 / 74.093) - PG_TO_RAW_MEAL * ((2 * 18.015) / 172.17);

// CHP: coal sulfur → SO2 → FGD gypsum; the stack keeps 2 %.
const FGD_S = FGD_GYPSUM * fraction('FGD_GYPSUM', 'S');
const STACK_S = FGD_S * (0.02 / 0.98);
const RAW_SO2 = (FGD_S + STACK_S) / fraction('SULFUR_DIOXIDE', 'S');
const CHP_COAL = (FGD_S + STACK_S) / fraction('RAW_COAL', 'S');
const CHP_STEAM = 1_320 * 0.75 * HOURS;

const REUSE_WATER = 3_600_000;

// Water, air and gas: the rest of each unit's mass. Amounts the plants meter or calculate are set
// here from their duty; what nobody meters (lean brine, vapour, flue gas) closes the unit's balance
// (`CLOSURES` below).
/** Demineralized water to the cells' cathode side, m3/a (with the water the membrane carries, the 32 % liquor's water). */
const CATHOLYTE_WATER = 230_000;
/**
 * The carbide route's HCl synthesis burns its chlorine in hydrogen, 5 % in excess, bought over the
 * fence: the cell room's hydrogen is spoken for by the refinery and the chlor-alkali HCl synthesis.
 */
const H2_TO_CARBIDE_NM3 = (CL2_TO_CARBIDE_ROUTE / M_CL2) * NM3_PER_KMOL * 1000 * 1.05;
/** Oxychlorination (C2H4 + 2 HCl + ½ O2 → EDC + H2O) makes the EDC the recycled HCl allows, kmol/a. */
const OXY_EDC_KMOL = HCL_RECYCLE / 36.461 / 2;
const OXY_WATER = OXY_EDC_KMOL * 18.015;
/** Air-based oxychlorination runs with about 50 % excess oxygen. */
const OXY_AIR = ((OXY_EDC_KMOL / 2) * 31.998 * 1.5) / O2_IN_AIR;
/** PVC leaves the centrifuges with about 23 % water, which the dryer evaporates. */
const PVC_DRYER_VAPOUR = 0.3 * VCM;
/** Steam condensate the CHP gets back: indirect heaters return most, direct steam (stripping, reactors) none. */
const CONDENSATE = { evaporation: 0.9 * 144_000, polymerization: 0.5 * 200_000, pharma: 0.6 * 112_000 };
/** The crude unit's furnaces burn the refinery fuel gas (λ 1.15); its sour water is desalter wash water and stripping steam. */
const CDU_FUEL_GAS = 200_000 + 560_000;
const CDU_PROCESS_WATER = 4_000_000;
/** The FCC's light cycle and slurry oil go to the fuel-oil pool; its coke burns off the catalyst in the regenerator (λ 1.1). */
const FCC_CYCLE_OIL = 600_000;
const FCC_COKE = 3_000_000 - 1_500_000 - 500_000 - 200_000 - 1_500 - FCC_CYCLE_OIL;
/** Claus (2 H2S + O2 → 2 S + 2 H2O) and the tail-gas incinerator: 20 % over the Claus oxygen. */
const SRU_AIR = ((((SULFUR_TO_PHOSPHATE + SRU_SO2_S) / 32.06) * 0.5 * 31.998) / O2_IN_AIR) * 1.2;
/** The sulfur burner's gas holds about 10.5 % SO2 by volume: 1/0.105 kmol of air per kmol of sulfur. */
const SULFUR_BURNT = SULFUR_BOUGHT + SULFUR_TO_PHOSPHATE;
const ACID_PLANT_AIR = ((SULFUR_BURNT / 32.06) * 28.96) / 0.105;
/** Water the acid takes up: H2SO4 less its SO3, at 98 %. */
const ACID_WATER = SULFURIC_ACID - (SULFURIC_ACID * fraction('SULFURIC_ACID', 'S') * 80.06) / 32.06;
const ACID_PLANT_STEAM = 760_000;
const ACID_PLANT_BLOWDOWN = 0.02 * ACID_PLANT_STEAM;
/** The phosphoric acid reactor is cooled by flash evaporation: about 0.5 t of vapour per t of P2O5. */
const PHOSACID_VAPOUR = 0.5 * 300_000;
/** CFB boilers run at λ 1.2, the kiln at 1.1; the wet FGD evaporates about 0.6 t of water per t of coal burnt. */
const CHP_AIR = combustionAir('RAW_COAL', CHP_COAL, 1.2);
const CHP_CO2 = combustionCo2('RAW_COAL', CHP_COAL);
const FGD_WATER = 0.6 * CHP_COAL;
const FGD_LIMESTONE_CO2 = LIMESTONE_TO_CHP * fraction('LIMESTONE', 'C') * M_CO2_PER_C;
const CHP_BLOWDOWN = 0.01 * CHP_STEAM;
/** Cooling towers lose three quarters of their make-up to evaporation and blow the rest down. */
const TOWER_VAPOUR = 0.75 * REUSE_WATER;
const TOWER_BLOWDOWN = REUSE_WATER - TOWER_VAPOUR;
/** The acid plant's waste-heat boiler is fed from the CHP's condensate and demineralized water. */
const ACID_PLANT_FEEDWATER = ACID_PLANT_STEAM + ACID_PLANT_BLOWDOWN;
/** The RTO draws the workshops' collected exhaust, 40 000 Nm3/h of air (1.293 kg/Nm3). */
const RTO_AIR = (40_000 * HOURS * 1.293) / 1000;
const RTO_NATURAL_GAS = 1_200_000;
/** The rotary kiln burns its wastes (about 20 GJ/t, half carbon) and natural gas at λ 2. */
const INCINERATED = 3_200 + 3_000 + 600 + 300;
const INCINERATOR_NATURAL_GAS = 2_000_000;
const INCINERATOR_AIR = ((INCINERATOR_NATURAL_GAS * property('NATURAL_GAS', 'lhvMJPerUnit')) / 1000 + INCINERATED * 20) * AIR_T_PER_GJ * 2;
const INCINERATOR_CO2 = (INCINERATOR_NATURAL_GAS * property('NATURAL_GAS', 'emissionFactorKgCO2ePerUnit')) / 1000 + INCINERATED * 0.5 * M_CO2_PER_C;
/** Refining (recrystallization, carbon treatment) under GMP: purified water in, wastewater out. */
const REFINING_WASTEWATER = 6_000;
const FRESH_CARBON = 300;

/** One stream of the park: from and to are node codes (units, enterprises or boundary nodes). */
export interface DemoStream {
  from: string;
  to: string;
  material: string;
  /** True amount in a year of design operation, in `unit`. */
  perYear: number;
  unit: string;
  meter: DemoMeter;
}

const s = (from: string, to: string, material: string, perYear: number, unit: string, meter: DemoMeter): DemoStream => ({ from, to, material, perYear, unit, meter });

/** Electricity each metered unit draws (its meter's nominal kW over the operating hours), from the grid unless the CHP supplies it. */
function gridElectricity(park: DemoPark): DemoStream[] {
  const streams: DemoStream[] = [];
  for (const e of park.enterprises) for (const site of e.sites) for (const u of site.units) {
    const kW = u.devices.flatMap((d) => d.tags).filter((t) => t.key === 'active_power').reduce((sum, t) => sum + t.nominal, 0);
    if (kW === 0) continue;
    const fromChp = u.code === 'chloralkali-electrolysis' ? 400_000 : 0;
    streams.push(s('supplier', u.code, 'ELECTRICITY', (kW * HOURS) / 1000 - fromChp, 'MWh', POWER_METER));
  }
  return streams;
}

/** The streams the design sets: the element loops, the exchanges, energy, and the water, air and gas the plants meter or calculate. */
function designedStreams(park: DemoPark): DemoStream[] {
  return [
    // chloralkali
    s('supplier', 'chloralkali-brine', 'SALT', SALT, 't', WEIGHBRIDGE),
    s('chloralkali-brine', 'chloralkali-electrolysis', 'BRINE', BRINE_M3, 'm3', MAGMETER),
    s('chloralkali-brine', 'cement-raw-meal', 'BRINE_SLUDGE', BRINE_SLUDGE, 't', WEIGHBRIDGE),
    s('chloralkali-electrolysis', 'chloralkali-cl-h2', 'CHLORINE', CL2_PRODUCED, 't', CORIOLIS),
    s('chloralkali-electrolysis', 'chloralkali-cl-h2', 'HYDROGEN_BYPRODUCT', H2_PRODUCED_NM3, 'Nm3', GAS_METER),
    s('chloralkali-electrolysis', 'chloralkali-evaporation', 'CAUSTIC_SODA', CAUSTIC_32 - CAUSTIC_TO_NAOCL, 't', CORIOLIS),
    s('chloralkali-electrolysis', 'chloralkali-cl-h2', 'CAUSTIC_SODA', CAUSTIC_TO_NAOCL, 't', CORIOLIS),
    s('chloralkali-evaporation', 'customer', 'CAUSTIC_SODA', CAUSTIC_32 - CAUSTIC_TO_NAOCL, 't', WEIGHBRIDGE),
    s('chloralkali-cl-h2', 'pvc-edc', 'CHLORINE', CL2_TO_EDC, 't', CORIOLIS),
    s('chloralkali-cl-h2', 'pvc-carbide-pvc', 'CHLORINE', CL2_TO_CARBIDE_ROUTE, 't', CORIOLIS),
    s('chloralkali-cl-h2', 'customer', 'HYDROCHLORIC_ACID', HCL_ACID, 't', WEIGHBRIDGE),
    s('chloralkali-cl-h2', 'customer', 'SODIUM_HYPOCHLORITE', NAOCL, 't', WEIGHBRIDGE),
    s('chloralkali-cl-h2', 'refinery-hydrotreating', 'HYDROGEN_BYPRODUCT', H2_TO_REFINERY_NM3, 'Nm3', GAS_METER),
    s('chloralkali-cl-h2', 'air', 'HYDROGEN_BYPRODUCT', H2_PRODUCED_NM3 - H2_TO_REFINERY_NM3 - H2_TO_HCL_NM3, 'Nm3', ESTIMATED),
    s('supplier', 'chloralkali-electrolysis', 'DEMIN_WATER', CATHOLYTE_WATER, 'm3', MAGMETER),
    s('chloralkali-evaporation', 'chp-boilers', 'DEMIN_WATER', CONDENSATE.evaporation, 't', CONDENSATE_METER),
    s('chp-turbines', 'chloralkali-electrolysis', 'ELECTRICITY', 400_000, 'MWh', POWER_METER),
    s('chp-turbines', 'chloralkali-evaporation', 'STEAM_LP', 144_000, 't', VORTEX),
    // pvc
    s('refinery-cracker', 'pvc-edc', 'ETHYLENE', 135_000, 't', CORIOLIS),
    s('pvc-edc', 'pvc-vcm', 'EDC', EDC, 't', CORIOLIS),
    s('pvc-vcm', 'pvc-edc', 'HYDROGEN_CHLORIDE', HCL_RECYCLE, 't', ORIFICE),
    s('pvc-vcm', 'pvc-polymerization', 'VCM', VCM, 't', CORIOLIS),
    s('pvc-polymerization', 'customer', 'PVC_RESIN', VCM, 't', WEIGHBRIDGE),
    s('chp-turbines', 'pvc-polymerization', 'STEAM_LP', 200_000, 't', VORTEX),
    // The 1.6 Mm3/a exchange: polymerization mother liquor and wash water, and the oxychlorination's reaction water.
    s('pvc-polymerization', 'wwtp-pretreatment', 'WASTEWATER', 1_600_000 - OXY_WATER, 'm3', WASTEWATER_METER),
    s('pvc-polymerization', 'air', 'WATER_VAPOUR', PVC_DRYER_VAPOUR, 't', VAPOUR_ESTIMATED),
    s('pvc-polymerization', 'chp-boilers', 'DEMIN_WATER', CONDENSATE.polymerization, 't', CONDENSATE_METER),
    s('air', 'pvc-edc', 'AIR', OXY_AIR, 't', COMBUSTION_AIR),
    s('pvc-edc', 'wwtp-pretreatment', 'WASTEWATER', OXY_WATER, 'm3', WASTEWATER_METER),
    s('supplier', 'pvc-acetylene', 'CALCIUM_CARBIDE', CALCIUM_CARBIDE, 't', WEIGHBRIDGE),
    // Calculated from the carbide fed and its gas yield (发气量), as carbide-route plants do; its 5 % also covers the HCl synthesis's hydrogen, which the ledger cannot weigh in Nm3.
    s('pvc-acetylene', 'pvc-carbide-pvc', 'ACETYLENE', ACETYLENE, 't', CALCULATED),
    s('pvc-acetylene', 'cement-raw-meal', 'CARBIDE_SLAG', CARBIDE_SLAG, 't', WEIGHBRIDGE),
    s('pvc-carbide-pvc', 'customer', 'PVC_RESIN', CARBIDE_PVC, 't', WEIGHBRIDGE),
    s('supplier', 'pvc-carbide-pvc', 'HYDROGEN_BYPRODUCT', H2_TO_CARBIDE_NM3, 'Nm3', GAS_METER),
    s('pvc-carbide-pvc', 'air', 'OFF_GAS', ACETYLENE - ACETYLENE / 1.02, 't', ESTIMATED),
    // refinery
    s('supplier', 'refinery-cdu', 'CRUDE_OIL', CRUDE, 't', ORIFICE),
    s('refinery-cdu', 'refinery-cracker', 'NAPHTHA', NAPHTHA_FROM_CDU, 't', ORIFICE),
    s('supplier', 'refinery-cracker', 'NAPHTHA', NAPHTHA_BOUGHT, 't', CORIOLIS),
    s('refinery-cdu', 'refinery-hydrotreating', 'DIESEL', 2_600_000, 't', ORIFICE),
    s('refinery-cdu', 'refinery-fcc', 'FUEL_OIL', 3_000_000, 't', ORIFICE),
    s('refinery-cdu', 'refinery-sru', 'ACID_GAS', ACID_GAS, 't', ORIFICE),
    s('refinery-cdu', 'customer', 'DIESEL', 1_000_000, 't', CORIOLIS),
    s('refinery-cdu', 'customer', 'FUEL_OIL', CRUDE - NAPHTHA_FROM_CDU - 2_600_000 - 3_000_000 - ACID_GAS - 1_000_000, 't', CORIOLIS),
    s('refinery-cdu', 'wwtp-pretreatment', 'WASTEWATER', CDU_PROCESS_WATER, 'm3', WASTEWATER_METER),
    s('supplier', 'refinery-cdu', 'INDUSTRIAL_WATER', CDU_PROCESS_WATER, 'm3', MAGMETER),
    s('air', 'refinery-cdu', 'AIR', combustionAir('FUEL_GAS', CDU_FUEL_GAS, 1.15), 't', COMBUSTION_AIR),
    s('refinery-cdu', 'air', 'CARBON_DIOXIDE', combustionCo2('FUEL_GAS', CDU_FUEL_GAS), 't', CARBON_CALCULATED),
    s('refinery-hydrotreating', 'customer', 'DIESEL', 2_600_000, 't', CORIOLIS),
    s('refinery-fcc', 'customer', 'GASOLINE', 1_500_000, 't', CORIOLIS),
    s('refinery-fcc', 'customer', 'LPG', 500_000, 't', CORIOLIS),
    s('refinery-fcc', 'refinery-cdu', 'FUEL_GAS', 200_000, 't', ORIFICE),
    s('refinery-fcc', 'cement-raw-meal', 'SPENT_CATALYST_FCC', 1_500, 't', WEIGHBRIDGE),
    s('refinery-fcc', 'customer', 'FUEL_OIL', FCC_CYCLE_OIL, 't', CORIOLIS),
    s('air', 'refinery-fcc', 'AIR', combustionAir('COKE', FCC_COKE, 1.1), 't', COMBUSTION_AIR),
    s('refinery-fcc', 'air', 'CARBON_DIOXIDE', combustionCo2('COKE', FCC_COKE), 't', CARBON_CALCULATED),
    s('refinery-sru', 'phosphate-sulfuric', 'SULFUR', SULFUR_TO_PHOSPHATE, 't', WEIGHBRIDGE),
    s('refinery-sru', 'solvrec-storage', 'SULFUR_SLAG', 300, 't', WEIGHBRIDGE),
    s('refinery-sru', 'air', 'SULFUR_DIOXIDE', SRU_SO2_S / fraction('SULFUR_DIOXIDE', 'S'), 't', CEMS_CALCULATED),
    s('air', 'refinery-sru', 'AIR', SRU_AIR, 't', COMBUSTION_AIR),
    s('refinery-cracker', 'polyolefin-pe', 'ETHYLENE', 450_000, 't', CORIOLIS),
    s('refinery-cracker', 'polyolefin-pp', 'PROPYLENE', 400_000, 't', CORIOLIS),
    s('refinery-cracker', 'customer', 'ETHYLENE', 415_000, 't', CORIOLIS),
    s('refinery-cracker', 'customer', 'PROPYLENE', 80_000, 't', CORIOLIS),
    s('refinery-cracker', 'customer', 'GASOLINE', 1_060_000, 't', CORIOLIS),
    s('refinery-cracker', 'refinery-cdu', 'FUEL_GAS', 560_000, 't', ORIFICE),
    // polyolefin
    s('polyolefin-pe', 'polyolefin-packaging', 'PE_PELLETS', 444_000, 't', CALCULATED),
    s('polyolefin-pe', 'polyolefin-packaging', 'OFFSPEC_PE', 6_000, 't', CALCULATED),
    s('polyolefin-pp', 'polyolefin-packaging', 'PP_PELLETS', 400_000, 't', CALCULATED),
    s('polyolefin-packaging', 'customer', 'PE_PELLETS', 444_000, 't', WEIGHBRIDGE),
    s('polyolefin-packaging', 'customer', 'PP_PELLETS', 400_000, 't', WEIGHBRIDGE),
    s('polyolefin-packaging', 'recycler-warehouse', 'OFFSPEC_PE', 6_000, 't', WEIGHBRIDGE),
    s('recycler-warehouse', 'polyolefin-packaging', 'RECYCLED_PE_PELLETS', 10_000, 't', WEIGHBRIDGE),
    s('polyolefin-packaging', 'customer', 'RECYCLED_PE_PELLETS', 10_000, 't', WEIGHBRIDGE),
    // phosphate
    s('supplier', 'phosphate-sulfuric', 'SULFUR', SULFUR_BOUGHT, 't', WEIGHBRIDGE),
    s('phosphate-sulfuric', 'phosphate-phosacid', 'SULFURIC_ACID', SULFURIC_ACID, 't', CORIOLIS),
    s('phosphate-sulfuric', 'air', 'SULFUR_DIOXIDE', ACID_PLANT_SO2_S / fraction('SULFUR_DIOXIDE', 'S'), 't', CEMS_CALCULATED),
    s('phosphate-sulfuric', 'chp-turbines', 'STEAM_HP', ACID_PLANT_STEAM, 't', VORTEX),
    s('air', 'phosphate-sulfuric', 'AIR', ACID_PLANT_AIR, 't', COMBUSTION_AIR),
    s('supplier', 'phosphate-sulfuric', 'INDUSTRIAL_WATER', ACID_WATER, 'm3', MAGMETER),
    s('chp-turbines', 'phosphate-sulfuric', 'DEMIN_WATER', ACID_PLANT_FEEDWATER, 'm3', MAGMETER),
    s('phosphate-sulfuric', 'water-body', 'WASTEWATER', ACID_PLANT_BLOWDOWN, 'm3', WASTEWATER_METER),
    s('phosphate-phosacid', 'air', 'WATER_VAPOUR', PHOSACID_VAPOUR, 't', VAPOUR_ESTIMATED),
    s('supplier', 'phosphate-phosacid', 'PHOSPHATE_ROCK', PHOSPHATE_ROCK, 't', BELT_SCALE),
    s('phosphate-phosacid', 'phosphate-map', 'PHOSPHORIC_ACID', PHOSPHORIC_ACID, 't', CORIOLIS),
    s('phosphate-phosacid', 'phosphate-pg', 'PHOSPHOGYPSUM', PHOSPHOGYPSUM, 't', BELT_SCALE),
    s('supplier', 'phosphate-map', 'AMMONIA', AMMONIA, 't', CORIOLIS),
    s('phosphate-map', 'customer', 'MAP', MAP, 't', WEIGHBRIDGE),
    s('phosphate-pg', 'cement-grinding', 'PHOSPHOGYPSUM', PG_TO_GRINDING, 't', WEIGHBRIDGE),
    s('phosphate-pg', 'cement-gypsum', 'PHOSPHOGYPSUM', PG_TO_PLASTER, 't', WEIGHBRIDGE),
    s('phosphate-pg', 'cement-raw-meal', 'PHOSPHOGYPSUM', PG_TO_RAW_MEAL, 't', WEIGHBRIDGE),
    s('phosphate-pg', 'storage-yard', 'PHOSPHOGYPSUM', PHOSPHOGYPSUM - PG_TO_CEMENT, 't', BELT_SCALE),
    // cement
    s('supplier', 'cement-raw-meal', 'LIMESTONE', RAW_MEAL - RAW_MEAL_SUBSTITUTES + LIMESTONE_TO_CHP, 't', WEIGHBRIDGE),
    s('cement-raw-meal', 'chp-fgd', 'LIMESTONE', LIMESTONE_TO_CHP, 't', WEIGHBRIDGE),
    s('cement-raw-meal', 'cement-kiln', 'RAW_MEAL', RAW_MEAL, 't', BELT_SCALE),
    s('supplier', 'cement-kiln', 'RAW_COAL', KILN_COAL, 't', BELT_SCALE),
    s('cement-kiln', 'cement-grinding', 'CLINKER', CLINKER, 't', CALCULATED),
    s('air', 'cement-kiln', 'AIR', combustionAir('RAW_COAL', KILN_COAL, 1.1), 't', COMBUSTION_AIR),
    s('cement-kiln', 'air', 'CARBON_DIOXIDE', CALCINATION_CO2 + combustionCo2('RAW_COAL', KILN_COAL), 't', CARBON_CALCULATED),
    s('cement-kiln', 'air', 'SULFUR_DIOXIDE', KILN_SO2_S / fraction('SULFUR_DIOXIDE', 'S'), 't', CEMS_CALCULATED),
    s('supplier', 'cement-grinding', 'LIMESTONE', CEMENT - CLINKER - PG_TO_GRINDING - FGD_GYPSUM, 't', WEIGHBRIDGE),
    s('cement-grinding', 'customer', 'CEMENT', CEMENT, 't', WEIGHBRIDGE),
    s('cement-gypsum', 'customer', 'GYPSUM_BUILDING', BUILDING_GYPSUM, 't', WEIGHBRIDGE),
    // chp
    s('supplier', 'chp-boilers', 'RAW_COAL', CHP_COAL, 't', WEIGHBRIDGE),
    s('chp-boilers', 'chp-turbines', 'STEAM_HP', CHP_STEAM, 't', VORTEX),
    s('chp-boilers', 'chp-fgd', 'SULFUR_DIOXIDE', RAW_SO2, 't', CEMS_CALCULATED),
    s('chp-fgd', 'air', 'SULFUR_DIOXIDE', STACK_S / fraction('SULFUR_DIOXIDE', 'S'), 't', CEMS_CALCULATED),
    s('chp-boilers', 'chp-ash', 'FLY_ASH', 110_000, 't', ESTIMATED),
    s('chp-boilers', 'chp-ash', 'BOTTOM_ASH', 60_000, 't', ESTIMATED),
    s('chp-fgd', 'chp-ash', 'FGD_GYPSUM', FGD_GYPSUM, 't', CALCULATED),
    s('chp-ash', 'cement-raw-meal', 'FLY_ASH', 110_000, 't', WEIGHBRIDGE),
    s('chp-ash', 'cement-raw-meal', 'BOTTOM_ASH', 60_000, 't', WEIGHBRIDGE),
    s('chp-ash', 'cement-grinding', 'FGD_GYPSUM', FGD_GYPSUM, 't', WEIGHBRIDGE),
    s('air', 'chp-boilers', 'AIR', CHP_AIR, 't', COMBUSTION_AIR),
    s('chp-boilers', 'chp-fgd', 'CARBON_DIOXIDE', CHP_CO2, 't', CARBON_CALCULATED),
    s('chp-boilers', 'water-body', 'WASTEWATER', CHP_BLOWDOWN, 'm3', WASTEWATER_METER),
    s('supplier', 'chp-fgd', 'INDUSTRIAL_WATER', FGD_WATER, 'm3', MAGMETER),
    s('chp-fgd', 'air', 'CARBON_DIOXIDE', CHP_CO2 + FGD_LIMESTONE_CO2, 't', CARBON_CALCULATED),
    s('chp-turbines', 'air', 'WATER_VAPOUR', TOWER_VAPOUR, 't', VAPOUR_ESTIMATED),
    s('chp-turbines', 'water-body', 'WASTEWATER', TOWER_BLOWDOWN, 'm3', WASTEWATER_METER),
    s('chp-turbines', 'customer', 'ELECTRICITY', 120 * HOURS - 400_000, 'MWh', POWER_METER),
    // recycler
    s('supplier', 'recycler-warehouse', 'WASTE_PLASTICS', 12_000, 't', WEIGHBRIDGE),
    s('recycler-warehouse', 'recycler-sorting', 'WASTE_PLASTICS', 12_000, 't', ESTIMATED),
    s('recycler-sorting', 'recycler-pelletizing', 'WASTE_PLASTICS', 10_400, 't', ESTIMATED),
    s('recycler-sorting', 'landfill', 'WASTE_PLASTICS', 1_600, 't', WEIGHBRIDGE),
    s('recycler-warehouse', 'recycler-pelletizing', 'OFFSPEC_PE', 6_000, 't', ESTIMATED),
    s('recycler-pelletizing', 'recycler-warehouse', 'RECYCLED_PE_PELLETS', 16_400, 't', CALCULATED),
    s('recycler-warehouse', 'customer', 'RECYCLED_PE_PELLETS', 6_400, 't', WEIGHBRIDGE),
    s('supplier', 'recycler-sorting', 'INDUSTRIAL_WATER', 144_000, 'm3', MAGMETER),
    s('recycler-sorting', 'wwtp-pretreatment', 'WASTEWATER', 120_000, 'm3', WASTEWATER_METER),
    // pharma
    s('supplier', 'pharma-synthesis', 'METHANOL', 1_500, 't', WEIGHBRIDGE),
    s('supplier', 'pharma-synthesis', 'TOLUENE', 1_200, 't', WEIGHBRIDGE),
    s('supplier', 'pharma-synthesis', 'ACETONE', 800, 't', WEIGHBRIDGE),
    s('pharma-tankfarm', 'pharma-synthesis', 'RECOVERED_SOLVENT', 16_800, 't', CORIOLIS),
    s('pharma-synthesis', 'pharma-tankfarm', 'SPENT_SOLVENT', 20_000, 't', CORIOLIS),
    s('pharma-synthesis', 'pharma-tankfarm', 'PHARMA_DISTILLATION_RESIDUE', 3_000, 't', WEIGHBRIDGE),
    s('pharma-refining', 'pharma-tankfarm', 'SPENT_ACTIVATED_CARBON', 600, 't', WEIGHBRIDGE),
    s('pharma-synthesis', 'pharma-refining', 'API_PRODUCT', 610_000, 'kg', WEIGHBRIDGE),
    s('pharma-refining', 'customer', 'API_PRODUCT', 600_000, 'kg', WEIGHBRIDGE),
    s('pharma-tankfarm', 'solvrec-distillation', 'SPENT_SOLVENT', 20_000, 't', WEIGHBRIDGE),
    s('pharma-tankfarm', 'solvrec-storage', 'PHARMA_DISTILLATION_RESIDUE', 3_000, 't', WEIGHBRIDGE),
    s('pharma-tankfarm', 'solvrec-storage', 'SPENT_ACTIVATED_CARBON', 600, 't', WEIGHBRIDGE),
    s('chp-turbines', 'pharma-synthesis', 'STEAM_LP', 112_000, 't', VORTEX),
    s('pharma-synthesis', 'wwtp-pretreatment', 'WASTEWATER', 176_000 - REFINING_WASTEWATER, 'm3', WASTEWATER_METER),
    s('pharma-synthesis', 'chp-boilers', 'DEMIN_WATER', CONDENSATE.pharma, 't', CONDENSATE_METER),
    s('supplier', 'pharma-refining', 'ACTIVATED_CARBON', FRESH_CARBON, 't', WEIGHBRIDGE),
    s('pharma-refining', 'wwtp-pretreatment', 'WASTEWATER', REFINING_WASTEWATER, 'm3', WASTEWATER_METER),
    s('supplier', 'pharma-rto', 'NATURAL_GAS', RTO_NATURAL_GAS, 'm3', GAS_METER),
    s('air', 'pharma-rto', 'AIR', RTO_AIR, 't', COMBUSTION_AIR),
    s('pharma-rto', 'air', 'CARBON_DIOXIDE', (RTO_NATURAL_GAS * property('NATURAL_GAS', 'emissionFactorKgCO2ePerUnit')) / 1000, 't', CARBON_CALCULATED),
    // solvrec
    s('solvrec-distillation', 'pharma-tankfarm', 'RECOVERED_SOLVENT', 16_800, 't', CORIOLIS),
    s('solvrec-distillation', 'solvrec-incinerator', 'DISTILLATION_RESIDUE', 3_200, 't', CALCULATED),
    s('solvrec-storage', 'solvrec-incinerator', 'PHARMA_DISTILLATION_RESIDUE', 3_000, 't', WEIGHBRIDGE),
    s('solvrec-storage', 'solvrec-incinerator', 'SPENT_ACTIVATED_CARBON', 600, 't', WEIGHBRIDGE),
    s('solvrec-storage', 'solvrec-incinerator', 'SULFUR_SLAG', 300, 't', WEIGHBRIDGE),
    s('supplier', 'solvrec-incinerator', 'NATURAL_GAS', INCINERATOR_NATURAL_GAS, 'm3', GAS_METER),
    s('air', 'solvrec-incinerator', 'AIR', INCINERATOR_AIR, 't', COMBUSTION_AIR),
    s('solvrec-incinerator', 'air', 'CARBON_DIOXIDE', INCINERATOR_CO2, 't', ESTIMATED),
    s('solvrec-incinerator', 'cement-kiln', 'INCINERATION_FLY_ASH', 1_200, 't', WEIGHBRIDGE),
    s('solvrec-incinerator', 'landfill', 'INCINERATION_BOTTOM_ASH', 900, 't', WEIGHBRIDGE),
    s('solvrec-waste-heat', 'pharma-synthesis', 'WASTE_HEAT', 260_000, 'GJ', HEAT_METER),
    s('wwtp-sludge', 'chp-boilers', 'WWTP_SLUDGE', WWTP_SLUDGE, 't', WEIGHBRIDGE),
    ...gridElectricity(park),
  ];
}

const WWTP_SLUDGE = 12_000;

/** The wastewater plant treats what the park sends it; its dewatered sludge leaves the water line (1 t per m3). */
function wwtpStreams(upstream: readonly DemoStream[]): DemoStream[] {
  const inflow = upstream.filter((st) => st.to === 'wwtp-pretreatment' && st.material === 'WASTEWATER').reduce((sum, st) => sum + st.perYear, 0);
  const treated = inflow - WWTP_SLUDGE;
  return [
    s('wwtp-pretreatment', 'wwtp-biological', 'WASTEWATER', inflow, 'm3', MAGMETER),
    s('wwtp-biological', 'wwtp-advanced', 'WASTEWATER', treated, 'm3', MAGMETER),
    s('wwtp-biological', 'wwtp-sludge', 'WWTP_SLUDGE', WWTP_SLUDGE, 't', ESTIMATED),
    s('wwtp-advanced', 'chp-turbines', 'TREATED_WATER', REUSE_WATER, 'm3', MAGMETER),
    s('wwtp-advanced', 'water-body', 'TREATED_WATER', treated - REUSE_WATER, 'm3', MAGMETER),
  ];
}

/**
 * A stream that closes a unit's total-mass balance: what the unit's other streams leave, as the
 * ledger weighs them (balance.ts: a material counts by its unit, density or nothing). `side` says
 * whether it enters or leaves the unit; `only` restricts the balance to some materials (a boiler's
 * water side). The design is wrong, not the stream, when the gap has the other sign.
 */
interface Closure {
  unit: string;
  side: 'in' | 'out';
  other: string;
  material: string;
  /** The unit of measure the stream is booked in. */
  measure: string;
  meter: DemoMeter;
  only?: readonly string[];
}

const close = (unit: string, side: Closure['side'], other: string, material: string, measure: string, meter: DemoMeter, only?: readonly string[]): Closure => ({ unit, side, other, material, measure, meter, ...(only ? { only } : {}) });

/** In order: a closure may use streams the earlier ones made (the lean brine before the brine make-up). */
const CLOSURES: readonly Closure[] = [
  close('chloralkali-electrolysis', 'out', 'chloralkali-brine', 'INDUSTRIAL_WATER', 'm3', BY_DIFFERENCE),
  close('chloralkali-brine', 'in', 'supplier', 'INDUSTRIAL_WATER', 'm3', MAGMETER),
  close('chloralkali-cl-h2', 'in', 'supplier', 'DEMIN_WATER', 'm3', MAGMETER),
  close('chloralkali-evaporation', 'out', 'air', 'WATER_VAPOUR', 't', VAPOUR_ESTIMATED),
  close('pvc-edc', 'out', 'air', 'OFF_GAS', 't', BY_DIFFERENCE),
  close('pvc-polymerization', 'in', 'supplier', 'DEMIN_WATER', 'm3', MAGMETER),
  close('pvc-acetylene', 'in', 'supplier', 'INDUSTRIAL_WATER', 'm3', MAGMETER),
  close('refinery-cdu', 'out', 'air', 'OFF_GAS', 't', BY_DIFFERENCE),
  close('refinery-fcc', 'out', 'air', 'OFF_GAS', 't', BY_DIFFERENCE),
  close('refinery-sru', 'out', 'air', 'OFF_GAS', 't', BY_DIFFERENCE),
  close('phosphate-sulfuric', 'out', 'air', 'OFF_GAS', 't', BY_DIFFERENCE),
  close('phosphate-phosacid', 'in', 'supplier', 'INDUSTRIAL_WATER', 'm3', MAGMETER),
  close('phosphate-map', 'out', 'air', 'WATER_VAPOUR', 't', VAPOUR_ESTIMATED),
  close('cement-kiln', 'out', 'air', 'OFF_GAS', 't', BY_DIFFERENCE),
  close('cement-gypsum', 'out', 'air', 'WATER_VAPOUR', 't', VAPOUR_ESTIMATED),
  close('chp-turbines', 'out', 'chp-boilers', 'DEMIN_WATER', 't', CONDENSATE_METER),
  close('chp-boilers', 'in', 'supplier', 'DEMIN_WATER', 'm3', MAGMETER, ['STEAM_HP', 'DEMIN_WATER', 'WASTEWATER']),
  close('chp-boilers', 'out', 'chp-fgd', 'OFF_GAS', 't', BY_DIFFERENCE),
  close('chp-fgd', 'out', 'air', 'OFF_GAS', 't', BY_DIFFERENCE),
  close('recycler-sorting', 'out', 'air', 'WATER_VAPOUR', 't', VAPOUR_ESTIMATED),
  close('pharma-synthesis', 'in', 'supplier', 'INDUSTRIAL_WATER', 'm3', MAGMETER),
  close('pharma-refining', 'in', 'supplier', 'DEMIN_WATER', 'm3', MAGMETER),
  close('pharma-rto', 'out', 'air', 'OFF_GAS', 't', BY_DIFFERENCE),
  close('solvrec-incinerator', 'out', 'air', 'OFF_GAS', 't', BY_DIFFERENCE),
];

/** The catalogue's material as the ledger's balances see it. */
function ledgerMaterial(code: string): LedgerMaterial {
  const m = catalogue.get(code);
  if (!m) throw new Error(`no material ${code} in the catalogue`);
  return { code, name: m.name, nameEn: m.nameEn, category: m.category, hazardous: m.hazardous, unit: m.unit, densityKgM3: m.densityKgM3 ?? null, lhvMJPerUnit: m.lhvMJPerUnit ?? null, lhvMJPerKg: m.lhvMJPerKg ?? null, composition: m.composition ?? null };
}

const TOTAL_MASS = { kind: 'mass', material: null } as const;
/** Tonnes in `amount` `measure` of a material, or null where the ledger's mass balance does not count it (electricity, heat, Nm3 of gas). */
const tonnesOf = (material: string, amount: number, measure: string) => layerQuantity(amount, 0, measure, ledgerMaterial(material), TOTAL_MASS)?.value ?? null;

function closingStream(streams: readonly DemoStream[], c: Closure): DemoStream {
  let gap = 0;
  for (const st of streams) {
    if (c.only && !c.only.includes(st.material)) continue;
    const t = st.to === c.unit ? 1 : st.from === c.unit ? -1 : 0;
    if (t === 0) continue;
    gap += t * (tonnesOf(st.material, st.perYear, st.unit) ?? 0);
  }
  const needed = c.side === 'out' ? gap : -gap;
  if (needed <= 0) throw new Error(`the demo design leaves ${c.unit} ${c.side === 'out' ? 'no output' : 'no input'} for ${c.material} to close (${needed.toFixed(0)} t)`);
  const perUnit = tonnesOf(c.material, 1, c.measure);
  if (perUnit === null) throw new Error(`the ledger cannot weigh ${c.material} in ${c.measure}`);
  const amount = needed / perUnit;
  return c.side === 'out' ? s(c.unit, c.other, c.material, amount, c.measure, c.meter) : s(c.other, c.unit, c.material, amount, c.measure, c.meter);
}

/** Every stream of the demo park in a year of design operation. */
export function demoStreams(park: DemoPark = demoPark): DemoStream[] {
  const streams = designedStreams(park);
  streams.push(...wwtpStreams(streams));
  for (const c of CLOSURES) streams.push(closingStream(streams, c));
  return streams;
}

// ---------------------------------------------------------------------------------------------
// The planted faults.

export interface DemoFlowFault {
  kind: 'unaccounted_loss' | 'meter_reads_high';
  /** The unit whose balance does not close (loss), or the stream whose meter is wrong. */
  node: string | null;
  flow: { from: string; to: string; material: string } | null;
  /** How many of the latest months it affects (the fault starts that many months before the end). */
  lastMonths: number;
  /** Lost share of the unit's input, or the meter's reading error. */
  magnitude: number;
  description: string;
}

export const DEMO_FLOW_FAULTS = {
  chlorineLeak: {
    kind: 'unaccounted_loss',
    node: 'chloralkali-cl-h2',
    flow: null,
    lastMonths: 4,
    magnitude: 0.03,
    description: '3 % of the chlorine from the cell room is lost at the chlorine drying and compression (a leaking seal on the chlorine compressor); the HCl synthesis, the flexible outlet, receives that much less, so the recorded outputs fall short of the recorded input.',
  },
  brineMeterHigh: {
    kind: 'meter_reads_high',
    node: null,
    flow: { from: 'chloralkali-brine', to: 'chloralkali-electrolysis', material: 'BRINE' },
    lastMonths: 2,
    magnitude: 0.08,
    description: 'the purified brine flow meter (chloralkali-fm-01, an electromagnetic meter whose electrodes are coating) reads 8 % high.',
  },
} as const satisfies Record<string, DemoFlowFault>;

/** The periods a fault affects, of the months given (oldest first). */
export function faultPeriods(fault: DemoFlowFault, months: readonly string[]): string[] {
  return months.slice(Math.max(0, months.length - fault.lastMonths));
}

// ---------------------------------------------------------------------------------------------
// Months, activity and noise.

/** The 12 complete months before the month `now` falls in (in the park's time zone), oldest first. */
export function demoFlowMonths(now: Date, timeZone: string = demoPark.timezone): string[] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - 12 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** FNV-1a of a string: the seed of one stream's noise in one month. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A deterministic standard normal draw for a key (mulberry32 and Box–Muller), clipped at ±2. */
export function normalFor(key: string): number {
  let a = hash(key);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const u = Math.max(next(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  return Math.max(-2, Math.min(2, z));
}

const daysIn = (period: string) => new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).getUTCDate();

/** The park's activity in a month relative to design: a little more in winter, a little less in summer, and a wobble. */
export function activityFactor(period: string, seed: number): number {
  const month = Number(period.slice(5, 7));
  return 1 + 0.04 * Math.cos((2 * Math.PI * (month - 1)) / 12) + 0.01 * normalFor(`${seed}:activity:${period}`);
}

export const DEMO_FLOW_SEED = 11;

/**
 * How far a reading wanders, in its recorded sd. The recorded sd is the meter's accuracy class or
 * the estimate's stated uncertainty, which a calibrated meter and a careful estimate keep well
 * inside: the demo draws each reading's error at half of it (clipped at ±1 sd), so its hundreds
 * of monthly balances pass the global test and only the planted faults stand out — drawn at the
 * full sd, one balance in twenty would fail the 5 % test by chance alone.
 */
const METER_WANDER = 0.5;

/** The key of a stream in a month; also the row's sourceKey. */
export const demoSourceKey = (period: string, st: { from: string; to: string; material: string }) => `demo:${period}:${st.from}:${st.to}:${st.material}`;

/** A row as the demo writes it, with the enterprise that records it. */
export interface DemoFlowRow extends FlowInput {
  sourceKey: string;
  /**
   * Code of the enterprise that records the row (the unit's own, for what moves inside an enterprise
   * or across the park's boundary), or null: the park records exchanges between enterprises, as the
   * custody-transfer meters of its public pipe rack and its weighbridge records do. Only a recorder
   * that may name both unit ends can keep an exchange at unit level, and an enterprise does not see
   * another's units.
   */
  recordedBy: string | null;
  /** The true amount (what the meter would read if it were perfect and nothing leaked unseen). */
  trueQuantity: number;
}

/** Which enterprise each unit belongs to. */
function unitOwners(park: DemoPark): Map<string, string> {
  const owners = new Map<string, string>();
  for (const e of park.enterprises) for (const site of e.sites) for (const u of site.units) owners.set(u.code, e.code);
  return owners;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The demo's monthly flows for `months` (oldest first), the faults planted in their latest months. */
export function demoFlowRows(months: readonly string[], seed: number = DEMO_FLOW_SEED, park: DemoPark = demoPark): DemoFlowRow[] {
  const owners = unitOwners(park);
  const streams = demoStreams(park);
  const leakMonths = new Set(faultPeriods(DEMO_FLOW_FAULTS.chlorineLeak, months));
  const misreadMonths = new Set(faultPeriods(DEMO_FLOW_FAULTS.brineMeterHigh, months));
  const misread = DEMO_FLOW_FAULTS.brineMeterHigh.flow;
  const rows: DemoFlowRow[] = [];
  for (const period of months) {
    const scale = (daysIn(period) / 365) * activityFactor(period, seed);
    // The chlorine lost at the Cl/H2 treatment is chlorine the HCl synthesis does not get.
    const leakedCl = leakMonths.has(period) ? DEMO_FLOW_FAULTS.chlorineLeak.magnitude * CL2_PRODUCED * scale : 0;
    for (const st of streams) {
      let trueQuantity = st.perYear * scale;
      if (st.from === 'chloralkali-cl-h2' && st.material === 'HYDROCHLORIC_ACID') trueQuantity -= leakedCl / fraction('HYDROCHLORIC_ACID', 'Cl');
      const isMisread = misreadMonths.has(period) && st.from === misread.from && st.to === misread.to && st.material === misread.material;
      const reading = trueQuantity * (isMisread ? 1 + DEMO_FLOW_FAULTS.brineMeterHigh.magnitude : 1);
      const sourceKey = demoSourceKey(period, st);
      const quantity = st.meter.basis === 'exact' ? reading : reading * (1 + st.meter.rel * METER_WANDER * normalFor(`${seed}:${sourceKey}`));
      const sender = owners.get(st.from);
      const receiver = owners.get(st.to);
      if (!sender && !receiver) throw new Error(`the demo stream ${st.from} → ${st.to} has no enterprise at either end`);
      const recordedBy = sender && receiver && sender !== receiver ? null : (sender ?? receiver)!;
      rows.push({
        period, from: st.from, to: st.to, material: st.material, quantity: round(quantity), unit: st.unit,
        sd: round(quantity * st.meter.rel), basis: st.meter.basis, note: st.meter.instrument, sourceKey, recordedBy, trueQuantity,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Loading.

export interface DemoFlowsReport {
  months: string[];
  written: number;
  shares: number;
}

/**
 * Writes the year of flows as the enterprise that records each one (re-running replaces the demo's
 * rows of each enterprise, never adds), and shares every enterprise's flows with the park so the park
 * Sankey shows all of it.
 */
export async function loadDemoFlows(services: Services, enterpriseIds: ReadonlyMap<string, number>, now: Date = new Date()): Promise<DemoFlowsReport> {
  const months = demoFlowMonths(now);
  await services.flows.syncNodes();
  const byRecorder = new Map<string | null, DemoFlowRow[]>();
  for (const row of demoFlowRows(months)) byRecorder.set(row.recordedBy, [...(byRecorder.get(row.recordedBy) ?? []), row]);
  const as = (code: string, role: AuthContext['role']): AuthContext => {
    const id = enterpriseIds.get(code);
    if (id === undefined) throw new Error(`the demo enterprise ${code} is not loaded`);
    return { userId: null, username: `demo-loader@${code}`, role, enterpriseId: id, via: 'system' };
  };
  let written = 0;
  for (const [code, rows] of byRecorder) {
    const ctx = code === null ? systemContext('demo-loader') : as(code, 'enterprise_operator');
    const result = await services.flows.writeFlows(ctx, {
      source: 'csv',
      rows: rows.map(({ recordedBy: _by, trueQuantity: _true, ...row }) => row),
      replace: { keyPrefix: 'demo:' },
    });
    if (result.rejected.length > 0) throw new Error(`the demo flows of ${code ?? 'the park'} were refused: ${JSON.stringify(result.rejected.slice(0, 3))}`);
    written += result.written;
  }
  let shares = 0;
  for (const code of enterpriseIds.keys()) {
    const admin = as(code, 'enterprise_admin');
    // One rule per owner, grantee and kind: a park that has the rule keeps it (the operator may have narrowed it).
    const existing = await services.flows.shares.list(admin, { limit: 100, offset: 0 });
    if (existing.items.some((rule) => rule.granteeId === null)) continue;
    await services.flows.shares.create(admin, { granteeId: null, scope: 'all' });
    shares++;
  }
  return { months, written, shares };
}

/** Whether the demo's latest month has flows: false on a park loaded before the ledger, or a month later. */
export async function demoFlowsCurrent(services: Services, now: Date = new Date()): Promise<boolean> {
  const latest = demoFlowMonths(now).at(-1);
  return (await services.flows.periods(systemContext('demo-loader'))).some((p) => p.period === latest && p.flows > 0);
}
