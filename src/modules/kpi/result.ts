/**
 * What every KPI formula answers (issue 12): the value with its unit and every figure it was
 * computed from, so anyone can recompute it — or, where inputs are missing, which ones, never a
 * silent zero. Pure.
 */
export type KpiInputs = Record<string, number | string | boolean>;

export type KpiResult =
  | { ok: true; value: number; unit: string; inputs: KpiInputs }
  | { ok: false; unit: string; missing: string[]; inputs: KpiInputs };

/** A value, or the inputs that were missing to compute it. */
export function kpi(unit: string, inputs: KpiInputs, missing: readonly string[], compute: () => number): KpiResult {
  if (missing.length) return { ok: false, unit, missing: [...missing], inputs };
  return { ok: true, value: compute(), unit, inputs };
}

/** The names among `fields` whose value is null or undefined (or not a finite number). */
export function missingOf<T extends object>(values: T, fields: ReadonlyArray<keyof T & string>): string[] {
  return fields.filter((f) => {
    const v = values[f] as unknown;
    return v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));
  });
}

/** A finite number (not null, undefined, NaN or ±∞). */
export const isFigure = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * numerator / denominator × scale, both recorded in `inputs`; missing names for absent figures and
 * `"<denominator> > 0"` for a zero or negative denominator (an intensity over no value added is
 * not 0, it is unknown).
 */
export function quotient(unit: string, numName: string, num: number | null | undefined, denName: string, den: number | null | undefined, scale = 1): KpiResult {
  const inputs: KpiInputs = {};
  const missing: string[] = [];
  if (isFigure(num)) inputs[numName] = num;
  else missing.push(numName);
  if (isFigure(den)) inputs[denName] = den;
  else missing.push(denName);
  if (!missing.length && den! <= 0) missing.push(`${denName} > 0`);
  if (missing.length) return { ok: false, unit, missing, inputs };
  return { ok: true, value: (num! / den!) * scale, unit, inputs };
}
