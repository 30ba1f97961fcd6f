/**
 * The what-if panel's values as the plan's overrides, and the objective's change they make. Only
 * what the user changed is sent: an empty panel plans the park as it stands. Pure: no I/O.
 */
import type { PlanOverrides } from '../../../../src/modules/exchange/model.ts';

export interface ListingChange {
  listing?: number;
  quantity?: number | null;
  price?: number | null;
}

export interface WhatIfValues {
  carbonPriceCnyPerT?: number | null;
  excludeEnterprises?: number[];
  changes?: ListingChange[];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The overrides of the panel; `baseCarbonPrice` is the settings' (sending it again changes nothing). */
export function overridesOf(v: WhatIfValues, baseCarbonPrice?: number): PlanOverrides {
  const o: PlanOverrides = {};
  if (isNumber(v.carbonPriceCnyPerT) && v.carbonPriceCnyPerT !== baseCarbonPrice) o.carbonPriceCnyPerT = v.carbonPriceCnyPerT;
  const excluded = [...new Set(v.excludeEnterprises ?? [])];
  if (excluded.length) o.excludeEnterprises = excluded;
  const changes = (v.changes ?? []).filter((c): c is ListingChange & { listing: number } => !!c && isNumber(c.listing));
  // The last row of a listing wins, as the user reads the panel top to bottom.
  const quantities = new Map<number, number>();
  const prices = new Map<number, number>();
  for (const c of changes) {
    if (isNumber(c.quantity) && c.quantity >= 0) quantities.set(c.listing, c.quantity);
    if (isNumber(c.price)) prices.set(c.listing, c.price);
  }
  if (quantities.size) o.quantities = [...quantities].map(([listing, quantity]) => ({ listing, quantity }));
  if (prices.size) o.prices = [...prices].map(([listing, priceCnyPerUnit]) => ({ listing, priceCnyPerUnit }));
  return o;
}

export const isEmptyOverrides = (o: PlanOverrides) => Object.keys(o).length === 0;

/** before → after: the change in CNY and, where before is not 0, in percent of it. */
export function objectiveChange(before: number, after: number): { delta: number; percent: number | null } {
  const delta = after - before;
  return { delta, percent: before !== 0 ? (delta / Math.abs(before)) * 100 : null };
}
