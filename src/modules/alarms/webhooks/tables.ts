/** Alarm webhooks' tables, typed for Kysely (conventions in src/adapters/db/tables.ts). */
import type { Generated } from 'kysely';
import type { BooleanColumn } from '../../../adapters/db/tables.ts';

export interface AlarmWebhooksTable {
  id: Generated<number>;
  /** NULL: a park webhook (park administrators'), delivered what the park may see. */
  enterprise_id: number | null;
  url: string;
  secret: string;
  description: string | null;
  enabled: BooleanColumn;
  min_severity: string;
  /** JSON array of categories; empty: every category. */
  categories: string;
  /** JSON array of the transitions (`why`) delivered. */
  transitions: string;
  created_at: number;
  updated_at: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface AlarmWebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  /** The webhook's owner (NULL for a park webhook): what the tenant filter reads. */
  enterprise_id: number | null;
  /** The alarm's enterprise (NULL for a test ping). */
  alarm_enterprise_id: number | null;
  alarm_id: number | null;
  transition_id: number | null;
  /** `alarm.<why>` or `ping`. */
  event: string;
  /** JSON of the domain event's payload (or the ping's). */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  /** When a pending delivery is due; while a call is in flight, when its claim lapses. */
  next_attempt_at: number;
  last_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface AlarmWebhookTables {
  alarm_webhooks: AlarmWebhooksTable;
  alarm_webhook_deliveries: AlarmWebhookDeliveriesTable;
}
