/**
 * Material Circularity Indicator (MCI) of a product, and of a portfolio of products. Pure.
 *
 * Source: Ellen MacArthur Foundation & Granta Design, "Circularity Indicators: An Approach to
 * Measuring Circularity — Methodology" (May 2015; updated edition 2019), Part 2 "Product-level
 * methodology" (virgin feedstock, unrecoverable waste, linear flow index, utility, MCI) and Part 3
 * "Company-level methodology" (aggregation with a normalising factor). The 2019 edition adds the
 * biological-cycle terms F_S (sustained-production biological feedstock), C_C (composting) and C_E
 * (energy recovery meeting the methodology's conditions); they are optional here and count as 0
 * when a product has none, which is the 2015 edition exactly.
 *
 * Per material i of mass M (fractions are of M, in 0..1):
 *   V   = M (1 − F_R − F_U − F_S)                 virgin feedstock
 *   W0  = M (1 − C_R − C_U − C_C − C_E)           unrecoverable waste from the product itself
 *   W_C = M (1 − E_C) C_R                          waste of recycling the product at end of use
 *   W_F = M (1 − E_F) F_R / E_F                    waste of producing its recycled feedstock
 *   W   = W0 + (W_F + W_C) / 2                     (half of each recycling loss is charged here)
 * Product (materials summed, as the methodology does for a multi-material product):
 *   LFI = (V + W) / (2M + (W_F − W_C) / 2)
 *   X   = (L / L_av) · (U / U_av),   F(X) = 0.9 / X
 *   MCI = max(0, 1 − LFI · F(X))
 * Portfolio: MCI = Σ Z_j MCI_j / Σ Z_j, Z_j the normalising factor of product j (mass or revenue).
 *
 * Note (a property of the formula, not a bug): recycled feedstock carries its process waste W_F, so
 * with a very poor feedstock recycling efficiency more recycled input can lower the MCI. d LFI / d F_R
 * has the sign of −D + (k/2)(D − N), with k = (1 − E_F)/E_F and N ≤ D the LFI's numerator and
 * denominator: the MCI never falls with recycled input while E_F ≥ 1/3 (k ≤ 2).
 */
import type { KpiInputs, KpiResult } from './result.ts';

/** The methodology's constant a in F(X) = a / X: a fully linear product with X = 1 scores 1 − a = 0.1. */
export const UTILITY_CONSTANT = 0.9;

export const MCI_UNIT = 'dimensionless (0..1)';

/** One material of a product (or one homogeneous component), as the methodology describes it. */
export interface MciMaterial {
  /** A label, used to name this material's inputs and what is missing. */
  name: string;
  /** M: mass of this material in one product (any mass unit, the same for all materials). */
  mass: number | null;
  /** F_R: fraction of the feedstock from recycled sources. */
  recycledFeedstock: number | null;
  /** F_U: fraction of the feedstock from reused sources (reused components). */
  reusedFeedstock: number | null;
  /** F_S (2019): fraction of biological feedstock from sustained production. Absent = none. */
  sustainedBiologicalFeedstock?: number | null;
  /** E_F: efficiency of the process producing the recycled feedstock; needed only when F_R > 0. */
  feedstockRecyclingEfficiency?: number | null;
  /** C_R: fraction of the mass collected for recycling at end of use. */
  collectedForRecycling: number | null;
  /** C_U: fraction of the mass going into component reuse at end of use. */
  collectedForReuse: number | null;
  /** C_C (2019): fraction composted (biological materials). Absent = none. */
  collectedForComposting?: number | null;
  /** C_E (2019): fraction sent to energy recovery that meets the methodology's conditions. Absent = none. */
  collectedForEnergyRecovery?: number | null;
  /** E_C: efficiency of the end-of-use recycling process; needed only when C_R > 0. */
  endOfUseRecyclingEfficiency?: number | null;
}

/** A product: its materials and its utility against the industry average. */
export interface MciProduct {
  materials: MciMaterial[];
  /** L and L_av: lifetime of the product and of the industry-average product (same unit). */
  lifetime: number | null;
  averageLifetime: number | null;
  /** U and U_av: functional units achieved during use, product and industry average. */
  functionalUnits: number | null;
  averageFunctionalUnits: number | null;
}

/** The mass flows of one material (or their sums over a product), in the product's mass unit. */
export interface MaterialFlows {
  M: number;
  V: number;
  W0: number;
  WC: number;
  WF: number;
}

/** V, W0, W_C, W_F of one valid material (see the header for the equations). */
export function materialFlows(m: ValidMaterial): MaterialFlows {
  const M = m.mass;
  // W_F is only defined through E_F when there is recycled feedstock: 0 · (1 − E_F) / E_F is 0 for any E_F.
  const WF = m.recycledFeedstock > 0 ? (M * (1 - m.feedstockRecyclingEfficiency) * m.recycledFeedstock) / m.feedstockRecyclingEfficiency : 0;
  return {
    M,
    V: M * (1 - m.recycledFeedstock - m.reusedFeedstock - m.sustainedBiologicalFeedstock),
    W0: M * (1 - m.collectedForRecycling - m.collectedForReuse - m.collectedForComposting - m.collectedForEnergyRecovery),
    WC: M * (1 - m.endOfUseRecyclingEfficiency) * m.collectedForRecycling,
    WF,
  };
}

/** The sum of flows over the materials of a product. */
export function sumFlows(flows: readonly MaterialFlows[]): MaterialFlows {
  return flows.reduce((s, f) => ({ M: s.M + f.M, V: s.V + f.V, W0: s.W0 + f.W0, WC: s.WC + f.WC, WF: s.WF + f.WF }), { M: 0, V: 0, W0: 0, WC: 0, WF: 0 });
}

/** W = W0 + (W_F + W_C) / 2. */
export function unrecoverableWaste(f: MaterialFlows): number {
  return f.W0 + (f.WF + f.WC) / 2;
}

/** LFI = (V + W) / (2M + (W_F − W_C) / 2): 1 for a fully linear flow, 0 for a fully restorative one. */
export function linearFlowIndex(f: MaterialFlows): number {
  return (f.V + unrecoverableWaste(f)) / (2 * f.M + (f.WF - f.WC) / 2);
}

/** X = (L / L_av) · (U / U_av). */
export function utility(lifetime: number, averageLifetime: number, functionalUnits: number, averageFunctionalUnits: number): number {
  return (lifetime / averageLifetime) * (functionalUnits / averageFunctionalUnits);
}

/** F(X) = 0.9 / X. */
export function utilityFactor(x: number): number {
  return UTILITY_CONSTANT / x;
}

/** MCI = max(0, 1 − LFI · F(X)). */
export function mciOf(lfi: number, x: number): number {
  return Math.max(0, 1 - lfi * utilityFactor(x));
}

/** A material whose every term is present and valid (the optional ones resolved to 0 when absent). */
export type ValidMaterial = { [K in keyof MciMaterial]-?: K extends 'name' ? string : number };

const FRACTIONS = [
  ['recycledFeedstock', 'F_R', true],
  ['reusedFeedstock', 'F_U', true],
  ['sustainedBiologicalFeedstock', 'F_S', false],
  ['collectedForRecycling', 'C_R', true],
  ['collectedForReuse', 'C_U', true],
  ['collectedForComposting', 'C_C', false],
  ['collectedForEnergyRecovery', 'C_E', false],
] as const;

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks one material; returns its resolved terms, and what is missing or invalid, each named
 * `<material>.<symbol>` (an invalid one with the reason in parentheses).
 */
export function checkMaterial(m: MciMaterial): { material: ValidMaterial; problems: string[]; inputs: KpiInputs } {
  const problems: string[] = [];
  const inputs: KpiInputs = {};
  const p = (symbol: string) => `${m.name}.${symbol}`;
  const resolved: Record<string, number> = {};

  if (!present(m.mass)) problems.push(p('M'));
  else if (m.mass <= 0) problems.push(`${p('M')} (must be > 0)`);
  else resolved.mass = inputs[p('M')] = m.mass;

  for (const [field, symbol, required] of FRACTIONS) {
    const v = m[field];
    if (!present(v)) {
      // The 2019 terms are optional: absent means the product has none of that flow. A required
      // term that is absent is missing, never taken as 0.
      if (required || (v !== undefined && v !== null)) problems.push(p(symbol));
      else resolved[field] = 0;
      continue;
    }
    if (v < 0 || v > 1) problems.push(`${p(symbol)} (must be within 0..1)`);
    resolved[field] = inputs[p(symbol)] = v;
  }
  const fed = (resolved.recycledFeedstock ?? 0) + (resolved.reusedFeedstock ?? 0) + (resolved.sustainedBiologicalFeedstock ?? 0);
  if (fed > 1 + 1e-12) problems.push(`${m.name}.F_R+F_U+F_S (must be ≤ 1)`);
  const collected = (resolved.collectedForRecycling ?? 0) + (resolved.collectedForReuse ?? 0) + (resolved.collectedForComposting ?? 0) + (resolved.collectedForEnergyRecovery ?? 0);
  if (collected > 1 + 1e-12) problems.push(`${m.name}.C_R+C_U+C_C+C_E (must be ≤ 1)`);

  // An efficiency is asked for only where its flow exists (0 recycled input needs no E_F).
  const efficiency = (field: 'feedstockRecyclingEfficiency' | 'endOfUseRecyclingEfficiency', symbol: string, needed: boolean) => {
    const v = m[field];
    if (!needed) return void (resolved[field] = present(v) ? v : 1);
    if (!present(v)) return void problems.push(p(symbol));
    if (v <= 0 || v > 1) return void problems.push(`${p(symbol)} (must be within (0, 1])`);
    resolved[field] = inputs[p(symbol)] = v;
  };
  efficiency('feedstockRecyclingEfficiency', 'E_F', (resolved.recycledFeedstock ?? 0) > 0);
  efficiency('endOfUseRecyclingEfficiency', 'E_C', (resolved.collectedForRecycling ?? 0) > 0);

  return { material: { ...(resolved as Omit<ValidMaterial, 'name'>), name: m.name }, problems, inputs };
}

/** The MCI of one product (single or multi-material), with every flow it was computed from. */
export function materialCircularity(product: MciProduct): KpiResult {
  const problems: string[] = [];
  const inputs: KpiInputs = {};
  if (product.materials.length === 0) problems.push('materials');
  const names = new Set<string>();
  const valid: ValidMaterial[] = [];
  for (const m of product.materials) {
    if (names.has(m.name)) problems.push(`${m.name} (material named twice)`);
    names.add(m.name);
    const c = checkMaterial(m);
    problems.push(...c.problems);
    Object.assign(inputs, c.inputs);
    valid.push(c.material);
  }
  const utilityTerms = [
    ['lifetime', 'L'],
    ['averageLifetime', 'L_av'],
    ['functionalUnits', 'U'],
    ['averageFunctionalUnits', 'U_av'],
  ] as const;
  for (const [field, symbol] of utilityTerms) {
    const v = product[field];
    if (!present(v)) problems.push(symbol);
    else if (v <= 0) problems.push(`${symbol} (must be > 0)`);
    else inputs[symbol] = v;
  }
  if (problems.length) return { ok: false, unit: MCI_UNIT, missing: problems, inputs };

  const flows = sumFlows(valid.map(materialFlows));
  const lfi = linearFlowIndex(flows);
  const x = utility(product.lifetime!, product.averageLifetime!, product.functionalUnits!, product.averageFunctionalUnits!);
  Object.assign(inputs, { M: flows.M, V: flows.V, W0: flows.W0, W_C: flows.WC, W_F: flows.WF, W: unrecoverableWaste(flows), LFI: lfi, X: x, 'F(X)': utilityFactor(x) });
  return { ok: true, value: mciOf(lfi, x), unit: MCI_UNIT, inputs };
}

/** One product of a portfolio with its normalising factor Z (e.g. mass of the product line sold). */
export interface PortfolioEntry {
  id: string;
  product: MciProduct;
  weight: number | null;
}

/**
 * The company (portfolio) MCI: Σ Z_j MCI_j / Σ Z_j (methodology Part 3). `weightBasis` says what Z is
 * ("mass" by default: mass-weighted, as issue 12 asks; "revenue" is the methodology's alternative).
 */
export function portfolioCircularity(entries: readonly PortfolioEntry[], weightBasis = 'mass'): KpiResult {
  const problems: string[] = [];
  const inputs: KpiInputs = { weightBasis };
  if (entries.length === 0) problems.push('products');
  let weighted = 0;
  let total = 0;
  for (const e of entries) {
    const r = materialCircularity(e.product);
    if (!r.ok) problems.push(...r.missing.map((m) => `${e.id}.${m}`));
    if (!present(e.weight)) problems.push(`${e.id}.weight`);
    else if (e.weight < 0) problems.push(`${e.id}.weight (must be ≥ 0)`);
    if (r.ok && present(e.weight) && e.weight >= 0) {
      inputs[`${e.id}.MCI`] = r.value;
      inputs[`${e.id}.weight`] = e.weight;
      weighted += e.weight * r.value;
      total += e.weight;
    }
  }
  if (!problems.length && total <= 0) problems.push('weight (the weights sum to 0)');
  if (problems.length) return { ok: false, unit: MCI_UNIT, missing: problems, inputs };
  inputs.totalWeight = total;
  return { ok: true, value: weighted / total, unit: MCI_UNIT, inputs };
}
