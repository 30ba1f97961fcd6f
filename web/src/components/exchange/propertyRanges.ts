/**
 * The quality ranges of a listing as the form edits them (one row per property: property, min, max)
 * and as the API takes them (PropertyRanges). Pure: no I/O.
 */
import { QUALITY_PROPERTIES, type PropertyRanges, type QualityProperty } from '../../../../src/modules/exchange/model.ts';

export interface PropertyRow {
  property?: QualityProperty;
  min?: number | null;
  max?: number | null;
}

export const QUALITY_PROPERTY_KEYS = Object.keys(QUALITY_PROPERTIES) as QualityProperty[];

export const unitOf = (p: QualityProperty | undefined): string => (p ? QUALITY_PROPERTIES[p] : '');

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The form's rows: one per stated property, in the catalogue's order. */
export function rowsOf(ranges: PropertyRanges | null | undefined): PropertyRow[] {
  if (!ranges) return [];
  return QUALITY_PROPERTY_KEYS.filter((p) => ranges[p]).map((p) => ({ property: p, min: ranges[p]!.min ?? null, max: ranges[p]!.max ?? null }));
}

/** The API's ranges: rows without a property or without any bound say nothing; a missing bound is open. */
export function rangesOf(rows: readonly PropertyRow[] | null | undefined): PropertyRanges {
  const out: PropertyRanges = {};
  for (const r of rows ?? []) {
    if (!r?.property || !(r.property in QUALITY_PROPERTIES)) continue;
    if (!isNumber(r.min) && !isNumber(r.max)) continue;
    out[r.property] = { ...(isNumber(r.min) ? { min: r.min } : {}), ...(isNumber(r.max) ? { max: r.max } : {}) };
  }
  return out;
}

/** The rows whose min exceeds max (indexes), which the form marks before the API would refuse them. */
export function invertedRows(rows: readonly PropertyRow[] | null | undefined): number[] {
  return (rows ?? []).flatMap((r, i) => (r && isNumber(r.min) && isNumber(r.max) && r.min > r.max ? [i] : []));
}

/** A range as a short text: "≤ 1 %", "0.6–1.2 MPa", "≥ 95 %". */
export function rangeText(p: QualityProperty, r: { min?: number; max?: number }, fmt: (n: number) => string): string {
  const unit = QUALITY_PROPERTIES[p];
  const sep = unit.startsWith('°') ? '' : ' ';
  if (r.min !== undefined && r.max !== undefined) return `${fmt(r.min)}–${fmt(r.max)}${sep}${unit}`;
  if (r.max !== undefined) return `≤ ${fmt(r.max)}${sep}${unit}`;
  if (r.min !== undefined) return `≥ ${fmt(r.min)}${sep}${unit}`;
  return '';
}
