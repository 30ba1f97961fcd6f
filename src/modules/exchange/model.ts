/**
 * The exchange's vocabulary (issue 13, docs/exchange.md): listings (offers and demands), quality
 * properties, licences, settings, the planning instance the pure engine takes and the plan it
 * answers. No I/O here: the engine (engine/) reads only these types.
 */

export const LISTING_SIDES = ['offer', 'demand'] as const;
export type ListingSide = (typeof LISTING_SIDES)[number];

/** draft: only its enterprise sees it; published: its audience does; withdrawn: kept for deals' history. */
export const LISTING_STATES = ['draft', 'published', 'withdrawn'] as const;
export type ListingState = (typeof LISTING_STATES)[number];

/** How `quantity` is meant: per month, per year, or once (one lot within the window). */
export const LISTING_RECURRENCES = ['month', 'year', 'once'] as const;
export type ListingRecurrence = (typeof LISTING_RECURRENCES)[number];

/** Who sees a published listing: every enterprise of the park, or the partners it names (the park operator always). */
export const LISTING_AUDIENCES = ['park', 'partners'] as const;
export type ListingAudience = (typeof LISTING_AUDIENCES)[number];

/** Where an offered material goes today: what a match avoids (fees and CO2 per route in the settings). */
export const DISPOSAL_ROUTES = ['landfill', 'incineration', 'storage', 'treatment', 'discharge', 'vent', 'sold', 'none'] as const;
export type DisposalRoute = (typeof DISPOSAL_ROUTES)[number];

/**
 * How a pair moves its material: road (t·km), or a pipe for steam, gas or heat. The mode follows
 * from the material (catalogue category and unit): steam → pipeline_steam; GJ of heat → heat_network;
 * Nm3/m3 gases → pipeline_gas; the rest by road (converted to t).
 */
export const TRANSPORT_MODES = ['road', 'pipeline_steam', 'pipeline_gas', 'heat_network'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/**
 * The quality properties a listing may state, each in one unit so ranges compare without
 * conversion. Chemical contents are mass % on a dry basis unless the key says otherwise.
 */
export const QUALITY_PROPERTIES = {
  P2O5: '%',
  F: '%',
  moisture: '%',
  purity: '%',
  CaO: '%',
  CaSO4_2H2O: '%',
  SO3: '%',
  Cl: '%',
  S: '%',
  ash: '%',
  water: '%',
  loss_on_ignition: '%',
  heavy_metals: 'mg/kg',
  calorific_value: 'MJ/kg',
  pressure: 'MPa',
  temperature: '°C',
  melt_flow_index: 'g/10min',
} as const;
export type QualityProperty = keyof typeof QUALITY_PROPERTIES;

/** A closed range; a missing bound is open. Both bounds inclusive. */
export interface PropertyRange {
  min?: number;
  max?: number;
}
/** Offer: the range its material stays within. Demand or substitution: the range it accepts. */
export type PropertyRanges = Partial<Record<QualityProperty, PropertyRange>>;

/** One analysis attached to a listing (a lab report's summary; the document itself stays with its owner). */
export interface Analysis {
  title: string;
  /** 'YYYY-MM-DD' */
  date?: string;
  lab?: string;
  values?: PropertyRanges;
}

export const LICENCE_KINDS = ['receiver', 'transporter'] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

/** Per-unit price and CO2 of a route, a mode or a virgin material, as the settings hold them. */
export interface CostAndCarbon {
  /** CNY per unit (t for routes and road; the material's unit for virgin materials and pipes). */
  cnyPerUnit: number;
  /** kg CO2 per unit. */
  kgCo2PerUnit: number;
}

/**
 * The park's exchange settings (GET/PUT /api/v1/exchange/settings; park administrator).
 * - carbonPriceCnyPerT: what a tonne of CO2 is worth in the objective (CN ETS order of magnitude);
 * - roadFactor: road km per straight-line km where the distance table says nothing;
 * - transport: per mode, CNY and kg CO2 per unit·km (road: per t·km), and the longest pipe worth laying;
 * - disposal: per route, the fee and CO2 per t a match avoids;
 * - virgin: per catalogue material code, the price and cradle-to-gate CO2 of the virgin material a
 *   match replaces (a demand's own price wins over the price here when it states one).
 */
export interface ExchangeSettings {
  carbonPriceCnyPerT: number;
  roadFactor: number;
  transport: Record<TransportMode, CostAndCarbon & { maxKm: number | null }>;
  disposal: Record<DisposalRoute, CostAndCarbon>;
  virgin: Record<string, CostAndCarbon>;
}

// ---------------------------------------------------------------------------------------------
// The planning instance: what the engine takes (the service builds it from the store).

/** A material as the engine needs it. */
export interface PlanMaterial {
  code: string;
  unit: string;
  category: string;
  hazardous: boolean;
  hwCode: string | null;
  swCode: string | null;
  /** kg per unit where the unit is not a mass (m3 liquids, Nm3 gases); null if unknown. */
  densityKgPerUnit: number | null;
}

export interface PlanSite {
  id: number;
  lat: number | null;
  lng: number | null;
}

export interface PlanListing {
  id: number;
  side: ListingSide;
  enterpriseId: number;
  materialCode: string;
  /** Demand only: further material codes or waste codes it accepts. */
  accepts: string[];
  /** Quantity in the plan's period (the service converts recurrence → period). */
  quantity: number;
  /** 'YYYY-MM-DD' inclusive, null: open. */
  availableFrom: string | null;
  availableTo: string | null;
  siteId: number;
  properties: PropertyRanges;
  priceCnyPerUnit: number | null;
  currentRoute: DisposalRoute | null;
  minLot: number | null;
}

export interface PlanLicence {
  id: number;
  enterpriseId: number;
  kind: LicenceKind;
  codes: string[];
  /** What is left of the year's capacity, t; null: no cap stated. */
  remainingT: number | null;
  validFrom: string;
  validTo: string;
  siteId: number | null;
}

export interface PlanSubstitution {
  offered: string;
  replaces: string;
  ratio: number;
  conditions: PropertyRanges;
  source: string | null;
}

export interface PlanDistance {
  fromSiteId: number;
  toSiteId: number;
  km: number;
}

/** Everything one solve needs; the engine is pure over it. */
export interface PlanInstance {
  /** The window the plan is for ('YYYY-MM-DD' inclusive) and how quantities are meant. */
  period: { grain: 'month' | 'year'; from: string; to: string };
  materials: Record<string, PlanMaterial>;
  sites: Record<number, PlanSite>;
  offers: PlanListing[];
  demands: PlanListing[];
  licences: PlanLicence[];
  substitutions: PlanSubstitution[];
  distances: PlanDistance[];
  settings: ExchangeSettings;
}

/** What-if changes (all optional): the body of POST /api/v1/exchange/plans. */
export interface PlanOverrides {
  /** 'month' (default) or 'year'. */
  grain?: 'month' | 'year';
  /** 'YYYY-MM' or 'YYYY' the plan is for; default the current month (or year). */
  period?: string;
  carbonPriceCnyPerT?: number;
  /** A listing's price changed (CNY per unit). */
  prices?: { listing: number; priceCnyPerUnit: number | null }[];
  /** A listing's quantity (supply, demand or receiving capacity) changed, in the plan's period. */
  quantities?: { listing: number; quantity: number }[];
  /** Plants taken out: their listings and licences are left out. */
  excludeEnterprises?: number[];
  /** Disposal fees changed, per route (CNY per t). */
  disposalFees?: Partial<Record<DisposalRoute, number>>;
}

// ---------------------------------------------------------------------------------------------
// The plan: what POST /api/v1/exchange/plans answers (the first five keys are the issue's, fixed).

/** Why a pair was not a candidate. */
export const EXCLUSION_CODES = [
  'material_mismatch',
  'quality_unknown',
  'quality_out_of_range',
  'no_time_overlap',
  'licence_missing',
  'licence_expired',
  'licence_code',
  'licence_capacity',
  'same_enterprise',
  'too_far',
  'no_coordinates',
  'unit_mismatch',
  /** The smallest lot either side will move is more than the pair can move in the period. */
  'lot_too_large',
] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

export interface ExclusionReason {
  code: ExclusionCode;
  /** English, with the numbers (the console words it from code and params). */
  message: string;
  params?: Record<string, string | number>;
}

/** Why a candidate is one, and what it saves per unit and at its planned quantity. */
export interface CandidateExplanation {
  /** English summary, e.g. "PHOSPHOGYPSUM replaces GYPSUM (substitution, GB/T 23456); 3.2 km by road; saves 182 CNY and 0.21 t CO2 per t". */
  text: string;
  basis: 'same_material' | 'accepted_code' | 'substitution';
  /** The substitution's source, when basis is 'substitution'. */
  substitutionSource: string | null;
  /** Units of the demand's material one unit of the offered one replaces. */
  ratio: number;
  distanceKm: number;
  distanceFrom: 'table' | 'coordinates';
  mode: TransportMode;
  /** Per unit of the offered material (CNY; kg CO2). */
  transportCnyPerUnit: number;
  transportKgCo2PerUnit: number;
  avoidedDisposalCnyPerUnit: number;
  avoidedDisposalKgCo2PerUnit: number;
  avoidedVirginCnyPerUnit: number;
  avoidedVirginKgCo2PerUnit: number;
  /** Avoided minus transport, per unit: CNY (without carbon) and kg CO2. */
  netCnyPerUnit: number;
  netKgCo2PerUnit: number;
  /** At the planned quantity: CNY (without carbon) and t CO2 saved. */
  savesCny: number;
  savesTCo2: number;
  /** The licence a hazardous pair relies on. */
  licenceId: number | null;
}

export interface PlanCandidate {
  offer: number;
  demand: number;
  /** CNY per unit of the offered material: netCny + netKgCo2 / 1000 × carbon price. */
  unitNetBenefit: number;
  /** The most this pair can move in the period: min(supply, demand / ratio, licence left, …). */
  maxQuantity: number;
  /** 0, or the smallest quantity worth moving (the pair moves 0 or at least this: an integer choice). */
  minLot: number;
  /** The optimal quantity (units of the offered material). */
  quantity: number;
  explanation: CandidateExplanation;
}

/** A constraint over several candidates (a licence's remaining capacity shared by its receiver's demands). */
export interface PlanLimit {
  kind: 'licence';
  id: number;
  /** Indexes into `candidates`. */
  candidates: number[];
  /** t of the offered materials together. */
  quantity: number;
}

export interface PlanAnswer {
  /** Σ unitNetBenefit × quantity, CNY: the optimum HiGHS found. */
  objective: number;
  /** Supply in the period and how much of it the plan moves. */
  offers: { id: number; quantity: number; allocated: number }[];
  /** Demand in the period (units of the demand's material) and how much of it the plan fills. */
  demands: { id: number; quantity: number; allocated: number }[];
  candidates: PlanCandidate[];
  limits: PlanLimit[];
  /** Pairs of the same or related material that were not candidates, and why (one entry per pair). */
  excluded: { offer: number; demand: number; reasons: ExclusionReason[] }[];
  /** The same instance matched greedily (best unit benefit first): what optimizing gains. */
  greedyObjective: number;
  totals: { movedT: number; savesCny: number; savesTCo2: number };
  period: { grain: 'month' | 'year'; from: string; to: string };
  carbonPriceCnyPerT: number;
  /** relativeGap: the MIP gap HiGHS proves the plan within (1e-4: within 0.01 % of the best possible). */
  solver: { name: 'HiGHS'; status: string; relativeGap: number; ms: number; variables: number; integers: number };
}
