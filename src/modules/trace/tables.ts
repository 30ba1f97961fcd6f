/** The trace module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts). */
import type { ColumnType, Generated } from 'kysely';

/** An EPCIS event's indexed columns (its document is in epcis_event_docs; migrations 005–008, 013). */
export interface EpcisEventsTable {
  id: Generated<number>;
  /** The capturing enterprise (the recorder). */
  enterprise_id: number;
  event_id: string;
  /** The CBV event hash: an event's identity (unique). */
  hash_id: string;
  type: string;
  event_time: number;
  record_time: number;
  action: string | null;
  biz_step: string | null;
  disposition: string | null;
  read_point: string | null;
  biz_location: string | null;
  transformation_id: string | null;
  /** 1: the event hands material over between parties. */
  shipment: Generated<number>;
  recorded_by_user_id: number | null;
  recorded_by: string | null;
  recorded_via: string | null;
  /**
   * The event's place in commit order (commit-order.ts): NULL when inserted, numbered once its
   * capture has committed. Never written by an insert.
   */
  commit_seq: ColumnType<number | null, never, number>;
}

/** The identifiers an event touches, by role, in canonical form. */
export interface EpcisEventRefsTable {
  event_pk: number;
  role: string;
  ref: string;
  quantity: number | null;
  uom: string | null;
}

export type PartySide = 'source' | 'destination' | 'both';

/** Enterprises an event names as a party, other than its recorder. */
export interface EpcisEventPartiesTable {
  enterprise_id: number;
  event_pk: number;
  /** NULL only for rows older than migration 008 whose document could not be read. */
  side: PartySide | null;
}

export interface EpcisEventDocsTable {
  event_pk: number;
  /** The stored event document (JSON). */
  doc: string;
}

export type CaptureJobStatus = 'running' | 'succeeded' | 'failed';

export interface EpcisCaptureJobsTable {
  id: string;
  enterprise_id: number;
  status: CaptureJobStatus;
  behaviour: 'rollback' | 'proceed';
  created_at: number;
  finished_at: number | null;
  captured: number;
  duplicates: number;
  /** JSON of the job's EpcisValidationError list; NULL when none. */
  errors: string | null;
  /** The document as sent, kept until the job is done (a job a crash interrupts runs again). */
  body: Uint8Array | null;
  content_type: string | null;
  /** JSON of the capturer's AuthContext. */
  auth: string | null;
  node_id: string | null;
}

export interface TraceTables extends SubscriptionTables {
  epcis_events: EpcisEventsTable;
  epcis_event_refs: EpcisEventRefsTable;
  epcis_event_parties: EpcisEventPartiesTable;
  epcis_event_docs: EpcisEventDocsTable;
  epcis_capture_jobs: EpcisCaptureJobsTable;
}

// ---- named queries and webhook subscriptions (migration 007; subscriptions.ts, delivery.ts) ----

export interface EpcisQueriesTable {
  id: import('kysely').Generated<number>;
  /** NULL: the park's own query. */
  enterprise_id: number | null;
  name: string;
  /** JSON of the stored SimpleEventQuery (named-queries.ts `StoredQuery`). */
  query: string;
  created_by: string;
  created_at: number;
}

export interface EpcisSubscriptionsTable {
  id: import('kysely').Generated<number>;
  subscription_id: string;
  query_id: number;
  enterprise_id: number | null;
  dest: string;
  signature_token: string | null;
  /** 0/1 integers on both dialects (not boolean columns). */
  report_if_empty: number;
  stream: number;
  /** JSON of the schedule as sent; NULL for a stream subscription. */
  schedule: string | null;
  initial_record_time: number | null;
  /** JSON of the creator's AuthContext: deliveries see what the creator sees. */
  auth: string;
  created_at: number;
  /** Internal id of the last event delivered. */
  cursor_id: number;
  next_run_at: number | null;
  due_at: number;
  failures: number;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  delivered: number;
  /** The per-row delivery lease (delivery-lease.ts). */
  lease_owner: string | null;
  lease_until: number | null;
}

export interface SubscriptionTables {
  epcis_queries: EpcisQueriesTable;
  epcis_subscriptions: EpcisSubscriptionsTable;
}
