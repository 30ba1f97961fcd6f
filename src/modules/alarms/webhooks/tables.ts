/** Alarm webhooks' tables, typed for Kysely. */
export interface AlarmWebhookTables {}
