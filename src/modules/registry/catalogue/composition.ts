/**
 * A material's element composition: mass fractions per element symbol, each optionally with a
 * standard deviation (natural materials vary by source and batch). The flow ledger multiplies a
 * flow's mass by these fractions to balance the park's element loops (S, P, Cl, C, N, …).
 *
 * Pure: one check shared by the shipped catalogue (validateCatalogue) and the materials resource
 * (what an operator may write).
 */

/** Mass fraction per element symbol, e.g. { Cl: { fraction: 0.7165 } }; `sd` where the material varies. */
export type ElementComposition = Readonly<Record<string, { readonly fraction: number; readonly sd?: number }>>;

/** Every element symbol of the periodic table (IUPAC), so a typo such as "CL" or "Cu2" is caught. */
export const ELEMENT_SYMBOLS: ReadonlySet<string> = new Set([
  'H', 'He', 'Li', 'Be', 'B', 'C', 'N', 'O', 'F', 'Ne', 'Na', 'Mg', 'Al', 'Si', 'P', 'S', 'Cl', 'Ar', 'K', 'Ca',
  'Sc', 'Ti', 'V', 'Cr', 'Mn', 'Fe', 'Co', 'Ni', 'Cu', 'Zn', 'Ga', 'Ge', 'As', 'Se', 'Br', 'Kr', 'Rb', 'Sr', 'Y', 'Zr',
  'Nb', 'Mo', 'Tc', 'Ru', 'Rh', 'Pd', 'Ag', 'Cd', 'In', 'Sn', 'Sb', 'Te', 'I', 'Xe', 'Cs', 'Ba', 'La', 'Ce', 'Pr', 'Nd',
  'Pm', 'Sm', 'Eu', 'Gd', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu', 'Hf', 'Ta', 'W', 'Re', 'Os', 'Ir', 'Pt', 'Au', 'Hg',
  'Tl', 'Pb', 'Bi', 'Po', 'At', 'Rn', 'Fr', 'Ra', 'Ac', 'Th', 'Pa', 'U', 'Np', 'Pu', 'Am', 'Cm', 'Bk', 'Cf', 'Es', 'Fm',
  'Md', 'No', 'Lr', 'Rf', 'Db', 'Sg', 'Bh', 'Hs', 'Mt', 'Ds', 'Rg', 'Cn', 'Nh', 'Fl', 'Mc', 'Lv', 'Ts', 'Og',
]);

/**
 * How far the listed fractions may add up beyond 1: stoichiometric fractions are rounded to four
 * places, so a fully listed pure substance can exceed 1 by a few ten-thousandths.
 */
export const COMPOSITION_SUM_TOLERANCE = 0.002;

/** The most elements one material may list (a check on runaway input, far above any real need). */
export const MAX_COMPOSITION_ELEMENTS = 40;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Every problem with a composition value, each naming the element; empty when it is valid:
 * an object of element symbol → {fraction 0..1, sd? ≥ 0 and ≤ 1}, fractions adding up to at most
 * 1 (+ tolerance), at least one element.
 */
export function compositionProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['must be an object of element symbol → {fraction, sd?}'];
  const entries = Object.entries(value);
  if (entries.length === 0) return ['must name at least one element (leave the field out when none is known)'];
  if (entries.length > MAX_COMPOSITION_ELEMENTS) return [`must name at most ${MAX_COMPOSITION_ELEMENTS} elements`];
  const problems: string[] = [];
  let sum = 0;
  for (const [symbol, share] of entries) {
    if (!ELEMENT_SYMBOLS.has(symbol)) problems.push(`${symbol} is not an element symbol (write it as in the periodic table: Cl, not CL)`);
    if (!isRecord(share)) {
      problems.push(`${symbol} must be {fraction, sd?}`);
      continue;
    }
    for (const key of Object.keys(share)) if (key !== 'fraction' && key !== 'sd') problems.push(`${symbol}.${key} is not a composition field (fraction, sd)`);
    if (!isFiniteNumber(share.fraction) || share.fraction < 0 || share.fraction > 1) problems.push(`${symbol}.fraction must be a mass fraction between 0 and 1`);
    else sum += share.fraction;
    if ('sd' in share && (!isFiniteNumber(share.sd) || share.sd < 0 || share.sd > 1)) problems.push(`${symbol}.sd must be a standard deviation between 0 and 1`);
  }
  if (sum > 1 + COMPOSITION_SUM_TOLERANCE) problems.push(`the fractions add up to ${Number(sum.toFixed(4))}, more than 1`);
  return problems;
}
