/** The registry's vocabulary: enumerations and pure checks shared by its resources. */
import type { FieldError } from '../../core/errors.ts';

export const INDUSTRIES = [
  'chemicals', 'petrochemicals', 'polymers', 'fertilizers', 'pharma', 'building_materials',
  'energy', 'recycling', 'waste_treatment', 'utilities', 'other',
] as const;
export const UNIT_KINDS = ['production', 'utility', 'storage', 'treatment', 'logistics', 'environmental'] as const;
export const DEVICE_KINDS = [
  'energy_meter', 'flow_meter', 'emission_monitor', 'quality_analyzer', 'level_gauge',
  'temperature_sensor', 'pressure_sensor', 'weighbridge', 'gateway', 'other',
] as const;
export const PROTOCOLS = ['mqtt', 'sparkplug', 'http', 'opcua'] as const;
/** Whether a device is in service; in maintenance or out of service its alarms are suppressed. */
export const SERVICE_STATES = ['in_service', 'maintenance', 'out_of_service'] as const;
export const TAG_KINDS = ['energy', 'power', 'flow', 'mass', 'level', 'temperature', 'pressure', 'emission', 'quality', 'other'] as const;
export const MATERIAL_CATEGORIES = ['raw_material', 'product', 'intermediate', 'by_product', 'waste', 'energy_carrier', 'utility'] as const;

/** Codes of enterprises, sites, units and devices: readable, URL- and MQTT-topic-safe. */
export const CODE_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$';
/** Tag keys, as they appear in telemetry payloads. */
export const TAG_KEY_PATTERN = '^[a-z][a-z0-9_]{0,63}$';
export const MATERIAL_CODE_PATTERN = '^[A-Z][A-Z0-9_]{0,63}$';

export const HW_CODE_PATTERN = /^HW(\d{2})\/\d{3}-\d{3}-(\d{2})$/;
export const SW_CODE_PATTERN = /^SW\d{2}$/;
export const EWC_CODE_PATTERN = /^\d{2} \d{2} \d{2}\*?$/;
export const HS_CODE_PATTERN = /^\d{4}(\.\d{2}(\d{2})?)?$/;

const LIMITS = ['lowLowLimit', 'lowLimit', 'highLimit', 'highHighLimit'] as const;

/** Alarm limits, where set, must be ordered LL ≤ L ≤ H ≤ HH. */
export function checkLimits(tag: Record<string, unknown>): FieldError[] {
  const set = LIMITS.filter((k) => typeof tag[k] === 'number');
  for (let i = 1; i < set.length; i++) {
    const lo = tag[set[i - 1]] as number;
    const hi = tag[set[i]] as number;
    if (lo > hi) return [{ path: `/body/${set[i]}`, message: `must not be below ${set[i - 1]} (${lo})` }];
  }
  return [];
}

/** Waste and product codes must have their official shape; a hazardous-waste code implies hazardous. */
export function checkMaterialCodes(m: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const hw = m.hwCode as string | null | undefined;
  if (hw) {
    const match = HW_CODE_PATTERN.exec(hw);
    if (!match) errors.push({ path: '/body/hwCode', message: 'must look like HW06/900-402-06' });
    else if (match[1] !== match[2]) errors.push({ path: '/body/hwCode', message: `the code's last two digits must be its class ${match[1]}` });
    if (m.hazardous === false) errors.push({ path: '/body/hazardous', message: 'must be true for a material with a hazardous-waste code' });
  }
  const ewc = m.ewcCode as string | null | undefined;
  if (ewc) {
    if (!EWC_CODE_PATTERN.test(ewc)) errors.push({ path: '/body/ewcCode', message: 'must look like "07 05 04*"' });
    else if (ewc.endsWith('*') && m.hazardous === false) errors.push({ path: '/body/hazardous', message: 'must be true for an EWC code marked *' });
  }
  if (m.swCode && !SW_CODE_PATTERN.test(String(m.swCode))) errors.push({ path: '/body/swCode', message: 'must look like SW10' });
  if (m.hsCode && !HS_CODE_PATTERN.test(String(m.hsCode))) errors.push({ path: '/body/hsCode', message: 'must look like 3901.10' });
  return errors;
}
