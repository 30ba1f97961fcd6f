/** The registry module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts). */
import type { Generated } from 'kysely';
import type { BooleanColumn } from '../../adapters/db/tables.ts';

interface Stamps {
  created_at: number;
  updated_at: number;
}

/** The one park record (id 1). */
export interface ParkTable extends Stamps {
  id: number;
  code: string;
  name: string;
  name_en: string | null;
  timezone: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  identifier_prefix: string | null;
  /** JSON list of webhook destinations allowed although internal (migration 009). */
  outbound_allowlist: string | null;
}

export interface EnterprisesTable extends Stamps {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  industry: string;
  uscc: string | null;
  gln: string | null;
  /** JSON list of the GS1 company prefixes the park recorded (migration 009). */
  gs1_company_prefixes: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  description: string | null;
}

export interface SitesTable extends Stamps {
  id: Generated<number>;
  enterprise_id: number;
  code: string;
  name: string;
  name_en: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
}

export interface UnitsTable extends Stamps {
  id: Generated<number>;
  enterprise_id: number;
  site_id: number;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  capacity_value: number | null;
  capacity_unit: string | null;
  description: string | null;
}

export interface DevicesTable extends Stamps {
  id: Generated<number>;
  enterprise_id: number;
  site_id: number;
  unit_id: number | null;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  protocol: string;
  manufacturer: string | null;
  model: string | null;
  serial_no: string | null;
  enabled: BooleanColumn;
  /** 'in_service' | 'maintenance' | 'out_of_service' (migration 015; alarms are suppressed outside service). */
  service_state: Generated<string>;
}

export interface TagsTable extends Stamps {
  id: Generated<number>;
  enterprise_id: number;
  device_id: number;
  key: string;
  name: string;
  name_en: string | null;
  kind: string;
  unit: string;
  material_id: number | null;
  low_low_limit: number | null;
  low_limit: number | null;
  high_limit: number | null;
  high_high_limit: number | null;
  description: string | null;
}

export interface MaterialsTable extends Stamps {
  id: Generated<number>;
  /** NULL: the park catalogue, shared with every tenant. */
  enterprise_id: number | null;
  code: string;
  name: string;
  name_en: string | null;
  category: string;
  hazardous: BooleanColumn;
  unit: string;
  hw_code: string | null;
  sw_code: string | null;
  ewc_code: string | null;
  hs_code: string | null;
  cas_no: string | null;
  density_kg_m3: number | null;
  lhv_mj_per_kg: number | null;
  lhv_mj_per_unit: number | null;
  carbon_content_kg_c_per_kg: number | null;
  emission_factor_kg_co2e_per_unit: number | null;
  kgce_per_unit: number | null;
  description: string | null;
  /** JSON object: where each value of the entry comes from. */
  sources: string | null;
  /** The shipped catalogue version an entry was last written from; NULL for an operator's own. */
  catalogue_version: number | null;
  /** JSON object: element symbol → mass fraction (0..1) with optional sd, e.g. {"Cl":{"fraction":0.567}} (migration 018). */
  composition: string | null;
}

export interface RegistryTables {
  park: ParkTable;
  enterprises: EnterprisesTable;
  sites: SitesTable;
  units: UnitsTable;
  devices: DevicesTable;
  tags: TagsTable;
  materials: MaterialsTable;
}
