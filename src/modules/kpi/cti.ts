/**
 * WBCSD Circular Transition Indicators (CTI): % circular inflow and % circular outflow, for an
 * enterprise and for the park as a whole. Pure.
 *
 * Source: WBCSD, "Circular Transition Indicators v4.0 — Metrics for business, by business" (May 2023),
 * Part 1 "The indicators" (Close the loop: % circular inflow, % circular outflow) and Part 2, step 4
 * "Calculate". The formulas:
 *   % circular inflow  = (renewable inflow + non-virgin inflow) / total inflow × 100
 *     non-virgin = second-life (reused, refurbished, remanufactured) + recycled content; renewable
 *     counts only when sustainably produced (CTI v3.0+), and only for its virgin part (no double count).
 *   % circular outflow = Σ_i m_i · recovery potential_i · actual recovery_i / Σ_i m_i × 100
 *     recovery potential: share of the stream's mass that can be recovered (technical cycle: by
 *     design reusable, remanufacturable or recyclable; biological cycle: safely returnable);
 *     actual recovery: share of that which is in fact recovered (measured, or the recovery rate of
 *     the stream's actual destination).
 *
 * Symbiont's choices for a chemical park (issue 12), stated so they can be checked:
 * - A by-product received from another plant is non-virgin inflow (industrial symbiosis: it replaces
 *   virgin feedstock exactly as recycled content does). It is reported as its own figure.
 * - The circular shares of a stream are fractions of its mass; a share that is absent counts as
 *   linear (virgin, or unrecovered): circularity is claimed only with evidence. Its mass, and for an
 *   outflow its recovery potential and actual recovery, must be given: absent, they are missing.
 * - Park level: the park's boundary is the set of its enterprises. An enterprise-to-enterprise
 *   exchange inside it is neither a park inflow nor a park outflow; only flows crossing the boundary
 *   count. Without internal exchanges the park figure is the mass-weighted mean of its enterprises'.
 */
import type { KpiInputs, KpiResult } from './result.ts';

export const CTI_UNIT = '%';

/** A material stream entering an enterprise in the period. Shares are fractions (0..1) of mass_t. */
export interface InflowStream {
  id: string;
  mass_t: number | null;
  /** Recycled content (pre- or post-consumer). */
  recycled?: number | null;
  /** Second-life content: reused, refurbished or remanufactured. */
  secondLife?: number | null;
  /** By-product of another plant (industrial symbiosis exchange). */
  byProduct?: number | null;
  /** Virgin renewable content from sustainable (regenerative) production. */
  sustainableRenewable?: number | null;
  /** The supplying enterprise's code, when it is one; used to find exchanges inside the park. */
  from?: string;
}

/** A material stream leaving an enterprise in the period: product, by-product or waste. */
export interface OutflowStream {
  id: string;
  kind: 'product' | 'byproduct' | 'waste';
  mass_t: number | null;
  /** Share of the mass that can be recovered (0..1), as CTI defines recovery potential. */
  recoveryPotential: number | null;
  /** Share of the recoverable mass that is actually recovered (0..1). */
  actualRecovery: number | null;
  /** The receiving enterprise's code, when it is one; used to find exchanges inside the park. */
  to?: string;
}

export interface EnterpriseFlows {
  code: string;
  inflows: InflowStream[];
  outflows: OutflowStream[];
}

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

const INFLOW_SHARES = ['recycled', 'secondLife', 'byProduct', 'sustainableRenewable'] as const;
type InflowShare = (typeof INFLOW_SHARES)[number];

/** The masses (t) of the circular categories of one valid inflow stream. */
// Helpers at module level, not closures: these run per stream of every scope, and a closure made per call costs (measured).
const share = (v: number | null | undefined) => (present(v) ? v : 0);
const field = (side: 'inflow' | 'outflow', id: string, f: string) => `${side}[${id}].${f}`;

function inflowMasses(s: InflowStream & { mass_t: number }): Record<InflowShare, number> {
  return {
    recycled: s.mass_t * share(s.recycled),
    secondLife: s.mass_t * share(s.secondLife),
    byProduct: s.mass_t * share(s.byProduct),
    sustainableRenewable: s.mass_t * share(s.sustainableRenewable),
  };
}

function checkInflow(s: InflowStream): string[] {
  const problems: string[] = [];
  if (!present(s.mass_t)) problems.push(field('inflow', s.id, 'mass_t'));
  else if (s.mass_t < 0) problems.push(`${field('inflow', s.id, 'mass_t')} (must be ≥ 0)`);
  let sum = 0;
  for (const f of INFLOW_SHARES) {
    const v = s[f];
    if (v === undefined || v === null) continue;
    if (!Number.isFinite(v) || v < 0 || v > 1) problems.push(`${field('inflow', s.id, f)} (must be within 0..1)`);
    else sum += v;
  }
  if (sum > 1 + 1e-12) problems.push(`${field('inflow', s.id, 'shares')} (recycled + secondLife + byProduct + sustainableRenewable must be ≤ 1)`);
  return problems;
}

function checkOutflow(s: OutflowStream): string[] {
  const problems: string[] = [];
  if (!present(s.mass_t)) problems.push(field('outflow', s.id, 'mass_t'));
  else if (s.mass_t < 0) problems.push(`${field('outflow', s.id, 'mass_t')} (must be ≥ 0)`);
  for (const f of ['recoveryPotential', 'actualRecovery'] as const) {
    const v = s[f];
    if (!present(v)) problems.push(field('outflow', s.id, f));
    else if (v < 0 || v > 1) problems.push(`${field('outflow', s.id, f)} (must be within 0..1)`);
  }
  return problems;
}

/** % circular inflow of a set of inflow streams (an enterprise's, or the park's boundary inflows). */
export function circularInflow(streams: readonly InflowStream[]): KpiResult {
  const problems = streams.flatMap(checkInflow);
  const totals: Record<InflowShare, number> = { recycled: 0, secondLife: 0, byProduct: 0, sustainableRenewable: 0 };
  let total = 0;
  if (!problems.length) {
    for (const s of streams) {
      const m = inflowMasses(s as InflowStream & { mass_t: number });
      for (const f of INFLOW_SHARES) totals[f] += m[f];
      total += s.mass_t!;
    }
  }
  const circular = totals.recycled + totals.secondLife + totals.byProduct + totals.sustainableRenewable;
  const inputs: KpiInputs = {
    streams: streams.length,
    total_inflow_t: total,
    recycled_t: totals.recycled,
    second_life_t: totals.secondLife,
    by_product_t: totals.byProduct,
    sustainable_renewable_t: totals.sustainableRenewable,
    circular_inflow_t: circular,
  };
  // No inflow at all: the share is undefined, not 0 %.
  if (!problems.length && total <= 0) problems.push('inflow (no inflow mass in the period)');
  if (problems.length) return { ok: false, unit: CTI_UNIT, missing: problems, inputs };
  return { ok: true, value: (circular / total) * 100, unit: CTI_UNIT, inputs };
}

/** % circular outflow of a set of outflow streams (an enterprise's, or the park's boundary outflows). */
export function circularOutflow(streams: readonly OutflowStream[]): KpiResult {
  const problems = streams.flatMap(checkOutflow);
  let total = 0;
  let recoverable = 0;
  let circular = 0;
  if (!problems.length) {
    for (const s of streams) {
      total += s.mass_t!;
      recoverable += s.mass_t! * s.recoveryPotential!;
      circular += s.mass_t! * s.recoveryPotential! * s.actualRecovery!;
    }
  }
  const inputs: KpiInputs = { streams: streams.length, total_outflow_t: total, recoverable_t: recoverable, circular_outflow_t: circular };
  if (!problems.length && total <= 0) problems.push('outflow (no outflow mass in the period)');
  if (problems.length) return { ok: false, unit: CTI_UNIT, missing: problems, inputs };
  return { ok: true, value: (circular / total) * 100, unit: CTI_UNIT, inputs };
}

/**
 * The flows crossing the park's boundary: every enterprise's inflows not supplied by a park
 * enterprise, and outflows not received by one. Exchanges inside the park drop out.
 */
export function parkBoundaryFlows(enterprises: readonly EnterpriseFlows[]): { inflows: InflowStream[]; outflows: OutflowStream[]; internalInflows: number; internalOutflows: number } {
  const members = new Set(enterprises.map((e) => e.code));
  const inside = (code: string | undefined) => code !== undefined && members.has(code);
  const allIn = enterprises.flatMap((e) => e.inflows.map((s) => ({ ...s, id: `${e.code}/${s.id}` })));
  const allOut = enterprises.flatMap((e) => e.outflows.map((s) => ({ ...s, id: `${e.code}/${s.id}` })));
  const inflows = allIn.filter((s) => !inside(s.from));
  const outflows = allOut.filter((s) => !inside(s.to));
  return { inflows, outflows, internalInflows: allIn.length - inflows.length, internalOutflows: allOut.length - outflows.length };
}

/** % circular inflow of the park: its boundary inflows only. */
export function parkCircularInflow(enterprises: readonly EnterpriseFlows[]): KpiResult {
  const b = parkBoundaryFlows(enterprises);
  const r = circularInflow(b.inflows);
  return { ...r, inputs: { ...r.inputs, enterprises: enterprises.length, internal_streams_excluded: b.internalInflows } };
}

/** % circular outflow of the park: its boundary outflows only. */
export function parkCircularOutflow(enterprises: readonly EnterpriseFlows[]): KpiResult {
  const b = parkBoundaryFlows(enterprises);
  const r = circularOutflow(b.outflows);
  return { ...r, inputs: { ...r.inputs, enterprises: enterprises.length, internal_streams_excluded: b.internalOutflows } };
}
