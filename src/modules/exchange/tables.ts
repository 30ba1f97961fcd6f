/** The exchange module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts; migration 020). */
import type { Generated } from 'kysely';

interface Stamps {
  created_at: number;
  updated_at: number;
}

/** An offer (what an enterprise gives away or sells) or a demand (what it would take in). */
export interface ExchangeListingsTable extends Stamps {
  id: Generated<number>;
  enterprise_id: number;
  /** LISTING_SIDES */
  side: string;
  /** LISTING_STATES */
  state: string;
  title: string;
  /** Offer: the material offered. Demand: the material it needs (the virgin input a match replaces). */
  material_id: number;
  /** Demand: JSON list of further catalogue material codes or waste codes (HW08/900-249-08, HW08, SW10) it accepts. */
  accepts: string | null;
  /** Per `recurrence`, in the material's catalogue unit. */
  quantity: number;
  /** LISTING_RECURRENCES */
  recurrence: string;
  /** 'YYYY-MM-DD', inclusive; NULL: open. */
  available_from: string | null;
  available_to: string | null;
  site_id: number;
  /** JSON PropertyRanges: offer, what its material is within; demand, what it accepts. */
  properties: string | null;
  /** Offer: price asked (negative: a gate fee the supplier pays); demand: the most it pays. CNY per unit. */
  price_cny_per_unit: number | null;
  /** Offer: DISPOSAL_ROUTES, where the material goes today (what a match avoids). */
  current_route: string | null;
  /** The smallest quantity per match worth moving, per recurrence; NULL: any. */
  min_lot: number | null;
  handling: string | null;
  /** JSON list of Analysis. */
  analyses: string | null;
  /** LISTING_AUDIENCES */
  audience: string;
  /** JSON list of enterprise ids, for audience 'partners'. */
  partner_ids: string | null;
  /** 1: other enterprises see neither the enterprise nor its site until a deal is agreed. */
  anonymous: number;
  /** The ledger flow a draft was made from. */
  source_flow_id: number | null;
  note: string | null;
  created_by: string;
}

/** A licence to receive (utilize or dispose of) or transport hazardous waste (危险废物经营许可证). */
export interface WasteLicencesTable extends Stamps {
  id: Generated<number>;
  enterprise_id: number;
  number: string;
  /** LICENCE_KINDS */
  kind: string;
  /** JSON list of waste codes covered: a full code (HW08/900-249-08) or a whole class (HW08). */
  codes: string;
  annual_capacity_t: number | null;
  /** 'YYYY-MM-DD', inclusive. */
  valid_from: string;
  valid_to: string;
  /** The facility it covers (receivers). */
  site_id: number | null;
  /** The vehicle it covers (transporters). */
  vehicle: string | null;
  issuer: string | null;
  note: string | null;
}

/** The park's rule that one material may replace another, under property conditions. */
export interface ExchangeSubstitutionsTable extends Stamps {
  id: Generated<number>;
  offered_material_id: number;
  replaces_material_id: number;
  /** Units of the replaced material one unit of the offered one stands in for. */
  ratio: number;
  /** JSON PropertyRanges the offered material must be within. */
  conditions: string | null;
  /** Where the rule comes from (a standard, e.g. GB/T 23456-2018 for phosphogypsum). */
  source: string | null;
  note: string | null;
}

/** A road (or pipe) distance the park entered between two sites; wins over the coordinates. */
export interface ExchangeDistancesTable extends Stamps {
  id: Generated<number>;
  from_site_id: number;
  to_site_id: number;
  km: number;
  note: string | null;
}

/** The park's exchange settings: one row, `settings` the JSON of ExchangeSettings (model.ts). */
export interface ExchangeSettingsTable {
  id: Generated<number>;
  settings: string;
  updated_by: string;
  updated_at: number;
}

/** A deal between the supplier (`enterprise_id`, owner of the offer) and the receiver. */
export interface ExchangeDealsTable extends Stamps {
  id: Generated<number>;
  enterprise_id: number;
  receiver_id: number;
  offer_id: number;
  demand_id: number;
  material_id: number;
  /** DEAL_STATES */
  state: string;
  /** JSON DealTerms: what is on the table now. */
  terms: string;
  /** The enterprise whose answer the deal waits for; NULL once it is settled. */
  turn_id: number | null;
  /** 1, 2, …: one per action; an action names the version it answers (no replay, no race). */
  version: number;
  /** JSON CandidateExplanation of the plan suggestion it came from, if any. */
  plan_explanation: string | null;
  created_by: string;
}

/** One action on a deal: its history. */
export interface ExchangeDealEventsTable {
  id: Generated<number>;
  deal_id: number;
  version: number;
  /** DEAL_ACTIONS */
  action: string;
  actor_enterprise_id: number | null;
  actor: string;
  /** JSON DealTerms proposed or agreed by this action. */
  terms: string | null;
  note: string | null;
  at: number;
}

/** A delivery an accepted deal scheduled, and what happened to it. */
export interface ExchangeDeliveriesTable extends Stamps {
  id: Generated<number>;
  deal_id: number;
  /** The supplier. */
  enterprise_id: number;
  receiver_id: number;
  /** 'YYYY-MM-DD' the delivery is due. */
  due: string;
  planned_quantity: number;
  /** DELIVERY_STATES */
  state: string;
  delivered_at: number | null;
  quantity: number | null;
  /** The lot's identifier (an EPC URI or GS1 Digital Link) the shipment event names. */
  lot: string | null;
  /** The ledger flow it became. */
  flow_id: number | null;
  /** The EPCIS shipping event it became. */
  epcis_event_id: string | null;
  recorded_by: string | null;
  /** The hazardous-waste manifest the delivery travels with (migration 021); NULL for other materials. */
  manifest_id: number | null;
}

export interface ExchangeTables {
  exchange_listings: ExchangeListingsTable;
  waste_licences: WasteLicencesTable;
  exchange_substitutions: ExchangeSubstitutionsTable;
  exchange_distances: ExchangeDistancesTable;
  exchange_settings: ExchangeSettingsTable;
  exchange_deals: ExchangeDealsTable;
  exchange_deal_events: ExchangeDealEventsTable;
  exchange_deliveries: ExchangeDeliveriesTable;
}
