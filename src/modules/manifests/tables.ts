/** The manifests module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts; migration 021). */
import type { Generated } from 'kysely';

/** One revision of a hazardous-waste transfer manifest (危险废物转移联单). */
export interface ManifestsTable {
  id: Generated<number>;
  /** The generator (shipper of record; for a return or onward manifest, the receiver that rejected). */
  enterprise_id: number;
  receiver_id: number;
  /** The park's number, from the settings' format; kept by every revision. */
  number: string;
  /** 0 for the manifest as run; a correction after closing is a new row with revision + 1. */
  revision: number;
  /** MANIFEST_KINDS */
  kind: string;
  /** The manifest whose rejected part this one carries (return or onward), or that this revision corrects' first revision's parent. */
  parent_id: number | null;
  /** MANIFEST_STATES */
  state: string;
  /** Grows by one with every action; an action names the version it answers. */
  version: number;
  /** The manifest's own resolvable identifier (its QR code), minted for the generator; NULL while none could be minted. */
  identifier: string | null;
  /** The generator's site the waste leaves from. */
  site_id: number | null;
  /** The receiver's facility. */
  receiver_site_id: number | null;
  /** 'YYYY-MM-DD': the planned pick-up. */
  planned_date: string;
  /** Free text: the route the transport follows (roads, gates). */
  route: string | null;
  /** JSON ManifestLine[] (declared, and what the receiver weighed, rejected and processed). */
  lines: string;
  /** JSON ManifestLeg[]. */
  legs: string;
  /** Σ declared in t (the licence capacity a signed manifest reserves). */
  declared_t: number;
  /** Σ weighed by the receiver in t; NULL until received. */
  received_t: number | null;
  /** Σ accepted in t (weighed less rejected); NULL until received. */
  accepted_t: number | null;
  /** Hand-offs completed (0: not picked up; legs.length + 1: delivered). */
  handoffs_done: number;
  /** 'given' when the current hand-off's giver has signed and its taker has not; NULL otherwise. */
  handoff_half: string | null;
  /** JSON Rejection: the route of the rejected part and the manifest spawned for it. */
  rejection: string | null;
  /** JSON Discrepancy (declared against weighed, per line), when over the park's tolerance. */
  discrepancy: string | null;
  /** DISCREPANCY_STATES; NULL: none found. */
  discrepancy_state: string | null;
  /** The exchange deal and delivery this manifest carries, when it came from one. */
  deal_id: number | null;
  delivery_id: number | null;
  /** JSON Correction (revision > 0): what changed, why, by whom. */
  correction: string | null;
  note: string | null;
  signed_at: number | null;
  picked_up_at: number | null;
  delivered_at: number | null;
  received_at: number | null;
  processed_at: number | null;
  closed_at: number | null;
  cancelled_at: number | null;
  /** When the overdue alarm was raised (NULL: not overdue, or no longer). */
  overdue_since: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** Who is party to a manifest: one row per party (transporters once per leg). */
export interface ManifestPartiesTable {
  manifest_id: number;
  enterprise_id: number;
  /** MANIFEST_PARTIES */
  party: string;
  /** 0 for generator and receiver; 1..n for transporters. */
  leg: number;
}

/** A signature: append-only, chained by hash. */
export interface ManifestSignaturesTable {
  id: Generated<number>;
  manifest_id: number;
  /** 1, 2, … per manifest row. */
  seq: number;
  /** The manifest version the action answered. */
  version: number;
  /** MANIFEST_ACTIONS */
  action: string;
  /** MANIFEST_PARTIES */
  party: string;
  leg: number | null;
  enterprise_id: number;
  user_id: number | null;
  username: string;
  role: string;
  /** 'session' | 'api_key' | 'system' */
  via: string;
  at: number;
  /** JSON SignatureLocation */
  location: string | null;
  /** JSON SeenQuantity[]: what the signer saw (hand-offs) or weighed (receipt). */
  seen: string | null;
  /** JSON of the action's own facts (rejection route, method codes, correction). */
  detail: string | null;
  note: string | null;
  prev_hash: string;
  hash: string;
}

/** What a step wrote in another module: kind 'epcis' (event ID), 'flow' (ledger flow id), 'alarm' (source key); step: the effect kind. */
export interface ManifestLinksTable {
  manifest_id: number;
  kind: string;
  ref: string;
  step: string;
  at: number;
}

export interface ManifestSettingsTable {
  id: Generated<number>;
  /** JSON ManifestSettings */
  settings: string;
  updated_by: string;
  updated_at: number;
}

export interface ManifestSequencesTable {
  year: number;
  next: number;
}

export interface ManifestTables {
  manifests: ManifestsTable;
  manifest_parties: ManifestPartiesTable;
  manifest_signatures: ManifestSignaturesTable;
  manifest_links: ManifestLinksTable;
  manifest_settings: ManifestSettingsTable;
  manifest_sequences: ManifestSequencesTable;
}
