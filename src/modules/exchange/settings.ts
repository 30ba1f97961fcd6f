/**
 * The exchange's default settings (docs/exchange.md, "Settings and their sources") and their
 * validation. Every number is an order of magnitude a park can defend and then replace with its own
 * (PUT /api/v1/exchange/settings): the plan only compares pairs against each other, so what matters
 * is that the relative sizes of fees, prices and freight are right.
 */
import type { FieldError } from '../../core/errors.ts';
import { DISPOSAL_ROUTES, TRANSPORT_MODES, type ExchangeSettings } from './model.ts';

export const DEFAULT_EXCHANGE_SETTINGS: ExchangeSettings = {
  // China national ETS allowances (CEA) traded around 90–100 CNY/t through 2024 (SEEE annual
  // average ≈ 97 CNY/t); 90 keeps the carbon term conservative.
  carbonPriceCnyPerT: 90,
  // Road km per straight-line km: circuity factors of 1.2–1.4 are typical of road networks
  // (Ballou, Rahardja & Sakai 2002); 1.3 for an industrial park's grid of roads.
  roadFactor: 1.3,
  transport: {
    // Full-truckload bulk road freight in China runs ≈ 0.4–0.6 CNY/t·km; a heavy diesel truck
    // emits ≈ 0.08–0.10 kg CO2/t·km well-to-wheel (GLEC Framework v3 defaults, articulated > 34 t).
    road: { cnyPerUnit: 0.5, kgCo2PerUnit: 0.09, maxKm: null },
    // Steam, per t·km: an insulated DN150–250 line costs ≈ 2–3 million CNY/km; annualized at 10 %
    // over ≈ 150 kt/a that is ≈ 1.5 CNY/t·km. Heat loss ≈ 1–1.5 %/km of ≈ 315 kg CO2/t steam ≈ 4 kg.
    // Pressure and temperature drop keep steam lines to ≈ 5–8 km (GB 50041 practice): 6 km.
    pipeline_steam: { cnyPerUnit: 1.5, kgCo2PerUnit: 4, maxKm: 6 },
    // Gas, per Nm3 (or m3)·km: short in-park lines cost far more per unit than trunk tariffs
    // (≈ 0.0002 CNY/m3·km); 0.005 covers a small line's capital. Compression ≈ 0.0002 kWh/m3·km.
    pipeline_gas: { cnyPerUnit: 0.005, kgCo2PerUnit: 0.0001, maxKm: 20 },
    // Hot water, per GJ·km: network capital ≈ 1 CNY/GJ·km; loss ≈ 1 %/km of ≈ 100 kg CO2/GJ of
    // boiler heat. Hot-water networks carry further than steam: 10 km within a park.
    heat_network: { cnyPerUnit: 1, kgCo2PerUnit: 1, maxKm: 10 },
  },
  disposal: {
    // General industrial solid waste to a licensed landfill: ≈ 100–300 CNY/t in Chinese parks;
    // inorganic residues barely emit methane, so the CO2 is the site's machinery, ≈ 10 kg/t.
    landfill: { cnyPerUnit: 150, kgCo2PerUnit: 10 },
    // Hazardous waste incineration: ≈ 2 500–4 000 CNY/t (provincial guide prices); organic wastes
    // such as spent solvent release ≈ 1–3 t fossil CO2/t, 1 t/t as a mixed-waste average.
    incineration: { cnyPerUnit: 3000, kgCo2PerUnit: 1000 },
    // Stored on a yard: the environmental protection tax on solid waste, 25 CNY/t for "other solid
    // waste" (环境保护税法 税目税额表); ≈ 5 kg CO2/t handling.
    storage: { cnyPerUnit: 25, kgCo2PerUnit: 5 },
    // Physico-chemical treatment of hazardous waste: ≈ 800–2 000 CNY/t; ≈ 50 kg CO2/t of reagents and power.
    treatment: { cnyPerUnit: 800, kgCo2PerUnit: 50 },
    // To the park's wastewater plant: ≈ 3–5 CNY/t treatment fee, ≈ 0.5 kg CO2/t of power.
    discharge: { cnyPerUnit: 5, kgCo2PerUnit: 0.5 },
    // Vented steam, heat or gas costs nothing to get rid of; what it wastes is counted as the
    // virgin energy its receiver no longer makes.
    vent: { cnyPerUnit: 0, kgCo2PerUnit: 0 },
    // Sold already, or going nowhere: nothing avoided.
    sold: { cnyPerUnit: 0, kgCo2PerUnit: 0 },
    none: { cnyPerUnit: 0, kgCo2PerUnit: 0 },
  },
  virgin: {
    // Limestone for a kiln: ≈ 60–100 CNY/t delivered; its calcination releases 0.44 t CO2/t
    // (CaCO3 → CaO + CO2, the catalogue's 439.7 kg/t), which a calcium oxide substitute such as
    // carbide slag avoids.
    LIMESTONE: { cnyPerUnit: 80, kgCo2PerUnit: 440 },
    // Clinker: ≈ 300–400 CNY/t cost; ≈ 0.85 t CO2/t (China cement sector, process plus fuel).
    CLINKER: { cnyPerUnit: 350, kgCo2PerUnit: 850 },
    // Phosphate rock (30 % P2O5): ≈ 900–1 000 CNY/t in 2024; mining and beneficiation ≈ 50 kg CO2/t.
    PHOSPHATE_ROCK: { cnyPerUnit: 900, kgCo2PerUnit: 50 },
    // Solvents, East China spot prices 2024 and cradle-to-gate footprints of the order of
    // ecoinvent 3 / PlasticsEurope eco-profiles.
    TOLUENE: { cnyPerUnit: 6000, kgCo2PerUnit: 1000 },
    ACETONE: { cnyPerUnit: 5500, kgCo2PerUnit: 2000 },
    // Coal-based methanol dominates Chinese supply: ≈ 2 300–2 600 CNY/t, ≈ 2.8 t CO2/t.
    METHANOL: { cnyPerUnit: 2400, kgCo2PerUnit: 2800 },
    DICHLOROMETHANE: { cnyPerUnit: 2500, kgCo2PerUnit: 1400 },
    // A recovered solvent stands in for a virgin one: a mixed-solvent price and footprint.
    RECOVERED_SOLVENT: { cnyPerUnit: 4000, kgCo2PerUnit: 1000 },
    // PE pellets: ≈ 8 000 CNY/t; PlasticsEurope eco-profile ≈ 1.8–1.9 t CO2e/t.
    PE_PELLETS: { cnyPerUnit: 8000, kgCo2PerUnit: 1900 },
    // Recycled PE sells ≈ 20–30 % below virgin and displaces virgin pellets, hence virgin's footprint.
    RECYCLED_PE_PELLETS: { cnyPerUnit: 6000, kgCo2PerUnit: 1900 },
    // Hydrogen, per Nm3 (0.0899 kg): grey hydrogen ≈ 1.2–1.5 CNY/Nm3; steam methane reforming
    // ≈ 10 kg CO2/kg H2 ≈ 0.9 kg/Nm3, coal gasification twice that: 1.0 kg/Nm3.
    HYDROGEN_BYPRODUCT: { cnyPerUnit: 1.3, kgCo2PerUnit: 1 },
    // Industrial natural gas ≈ 3–4 CNY/m3; combustion 1.994 kg/m3 (catalogue) plus ≈ 0.2 upstream.
    NATURAL_GAS: { cnyPerUnit: 3.5, kgCo2PerUnit: 2.2 },
    // Park steam tariffs ≈ 180–250 CNY/t; CO2 of the boiler steam, catalogue (314.5 and 357.5 kg/t).
    STEAM_LP: { cnyPerUnit: 200, kgCo2PerUnit: 314.5 },
    STEAM_HP: { cnyPerUnit: 240, kgCo2PerUnit: 357.5 },
    // Heat a receiver would raise in its own boiler: ≈ 40–80 CNY/GJ; coal boiler ≈ 95 kg CO2/GJ
    // of fuel at ≈ 85 % efficiency ≈ 110 kg/GJ of heat.
    WASTE_HEAT: { cnyPerUnit: 60, kgCo2PerUnit: 110 },
    // Thermal coal (5 500 kcal, Qinhuangdao) ≈ 850–900 CNY/t; combustion 1 977.9 kg/t (catalogue)
    // plus mining and transport: 2 000.
    RAW_COAL: { cnyPerUnit: 900, kgCo2PerUnit: 2000 },
    // Natural gypsum for plasterboard or cement retarder ≈ 50–80 CNY/t; quarrying ≈ 5 kg CO2/t.
    FGD_GYPSUM: { cnyPerUnit: 60, kgCo2PerUnit: 5 },
    GYPSUM_BUILDING: { cnyPerUnit: 400, kgCo2PerUnit: 150 },
  },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function nonNegative(v: unknown, path: string, errors: FieldError[]): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ path, message: 'must be a finite number' });
  else if (v < 0) errors.push({ path, message: 'must not be negative' });
}

function costAndCarbon(v: unknown, path: string, errors: FieldError[]): boolean {
  if (!isRecord(v)) {
    errors.push({ path, message: 'must be an object with cnyPerUnit and kgCo2PerUnit' });
    return false;
  }
  nonNegative(v.cnyPerUnit, `${path}/cnyPerUnit`, errors);
  nonNegative(v.kgCo2PerUnit, `${path}/kgCo2PerUnit`, errors);
  return true;
}

/** Everything wrong with a whole settings object (empty: it is valid), paths into the request body. */
export function settingsProblems(s: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!isRecord(s)) return [{ path: '/body', message: 'must be an object' }];
  nonNegative(s.carbonPriceCnyPerT, '/body/carbonPriceCnyPerT', errors);
  if (typeof s.roadFactor !== 'number' || !Number.isFinite(s.roadFactor)) errors.push({ path: '/body/roadFactor', message: 'must be a finite number' });
  // A road is never shorter than the straight line between its ends.
  else if (s.roadFactor < 1) errors.push({ path: '/body/roadFactor', message: 'must be at least 1' });

  if (!isRecord(s.transport)) errors.push({ path: '/body/transport', message: `must be an object with ${TRANSPORT_MODES.join(', ')}` });
  else {
    for (const mode of TRANSPORT_MODES) {
      const path = `/body/transport/${mode}`;
      const t = s.transport[mode];
      if (!costAndCarbon(t, path, errors)) continue;
      const maxKm = (t as Record<string, unknown>).maxKm;
      if (maxKm !== null && (typeof maxKm !== 'number' || !Number.isFinite(maxKm) || maxKm <= 0)) {
        errors.push({ path: `${path}/maxKm`, message: 'must be a positive number or null (no limit)' });
      }
    }
    for (const key of Object.keys(s.transport)) {
      if (!(TRANSPORT_MODES as readonly string[]).includes(key)) errors.push({ path: `/body/transport/${key}`, message: 'is not a transport mode' });
    }
  }

  if (!isRecord(s.disposal)) errors.push({ path: '/body/disposal', message: `must be an object with ${DISPOSAL_ROUTES.join(', ')}` });
  else {
    for (const route of DISPOSAL_ROUTES) costAndCarbon(s.disposal[route], `/body/disposal/${route}`, errors);
    for (const key of Object.keys(s.disposal)) {
      if (!(DISPOSAL_ROUTES as readonly string[]).includes(key)) errors.push({ path: `/body/disposal/${key}`, message: 'is not a disposal route' });
    }
  }

  if (!isRecord(s.virgin)) errors.push({ path: '/body/virgin', message: 'must be an object keyed by material code' });
  else {
    for (const [code, v] of Object.entries(s.virgin)) {
      if (!/^[A-Z0-9_]{1,64}$/.test(code)) errors.push({ path: `/body/virgin/${code}`, message: 'is not a catalogue material code' });
      costAndCarbon(v, `/body/virgin/${code}`, errors);
    }
  }
  return errors;
}
