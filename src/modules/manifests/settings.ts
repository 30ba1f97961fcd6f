/**
 * The park's manifest settings: defaults, where each comes from, and validation (PUT
 * /api/v1/manifest-settings). A park replaces any of them with its own.
 */
import type { FieldError } from '../../core/errors.ts';
import type { ManifestSettings } from './model.ts';
import { numberFormatProblems } from './numbering.ts';

export const DEFAULT_MANIFEST_SETTINGS: ManifestSettings = {
  numberFormat: '{park}-{YYYY}-{seq:6}',
  regionCode: null,
  discrepancyTolerancePct: 10,
  containerTolerance: 0,
  pickupAllowanceDays: 3,
  transitAllowanceHours: 72,
};

/** Why each default is what it is (shown beside the settings, and the record of the choice). */
export const SETTINGS_SOURCES: Record<keyof ManifestSettings, string> = {
  numberFormat:
    "The park's code, the year and a six-digit serial: unique in the park without a registry of its own, readable on a gate slip, and room for 999 999 manifests a year. " +
    "China's electronic 转移联单 numbers come from the national hazardous-waste information system; a park that mirrors them adds {region} (行政区划代码) to the format.",
  regionCode: 'None: only a format that uses {region} needs the 6-digit 行政区划代码 (GB/T 2260) of the park.',
  discrepancyTolerancePct:
    'US 40 CFR 264.72(b): for bulk waste, variations greater than 10 % in weight are significant discrepancies the receiver must reconcile with the generator. ' +
    '危险废物转移管理办法 (2021) names no percentage; it requires the receiver to verify what arrived against the manifest.',
  containerTolerance:
    'US 40 CFR 264.72(b): for batch waste, any variation in piece count (one drum in a truckload) is a significant discrepancy: 0 packages of tolerance.',
  pickupAllowanceDays:
    "Three days after the planned date: the old 危险废物转移联单管理办法 (1999) had the generator report a transfer within three days before it moves, so a signed manifest not picked up three days after its date no longer describes a planned movement.",
  transitAllowanceHours:
    "Symbiont's choice, not a legal figure: road transport inside a park or to a neighbouring province's facility takes hours; 72 hours covers a multi-leg route over a weekend, " +
    'so a manifest still in transit after it has most likely lost its waste or its paperwork.',
};

const SETTINGS_KEYS = Object.keys(DEFAULT_MANIFEST_SETTINGS) as (keyof ManifestSettings)[];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function numberIn(v: unknown, path: string, min: number, max: number, integer: boolean, errors: FieldError[]): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) errors.push({ path, message: integer ? 'must be a whole number' : 'must be a finite number' });
  else if (v < min || v > max) errors.push({ path, message: `must be between ${min} and ${max}` });
}

/** Everything wrong with a whole settings object (empty: it is valid), paths into the request body. */
export function settingsProblems(s: unknown): FieldError[] {
  if (!isRecord(s)) return [{ path: '/body', message: 'must be an object' }];
  const errors: FieldError[] = [];
  const regionCode = s.regionCode;
  const regionOk = regionCode === null || (typeof regionCode === 'string' && /^\d{6}$/.test(regionCode));
  if (!regionOk) errors.push({ path: '/body/regionCode', message: 'must be a 6-digit 行政区划代码 or null' });
  if (typeof s.numberFormat !== 'string') errors.push({ path: '/body/numberFormat', message: 'must be a string' });
  else if (s.numberFormat.length > 64) errors.push({ path: '/body/numberFormat', message: 'must be at most 64 characters' });
  else {
    for (const message of numberFormatProblems(s.numberFormat, { regionCode: regionOk ? (regionCode as string | null) : null })) {
      errors.push({ path: '/body/numberFormat', message });
    }
  }
  numberIn(s.discrepancyTolerancePct, '/body/discrepancyTolerancePct', 0, 100, false, errors);
  numberIn(s.containerTolerance, '/body/containerTolerance', 0, 10_000, true, errors);
  numberIn(s.pickupAllowanceDays, '/body/pickupAllowanceDays', 0, 365, true, errors);
  numberIn(s.transitAllowanceHours, '/body/transitAllowanceHours', 1, 24 * 90, true, errors);
  for (const key of Object.keys(s)) {
    if (!(SETTINGS_KEYS as string[]).includes(key)) errors.push({ path: `/body/${key}`, message: 'is not a manifest setting' });
  }
  return errors;
}
