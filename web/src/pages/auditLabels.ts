/** The audit log's vocabulary: the entity types and actions the backend logs, and their colours. */

/**
 * What the backend writes to the log (`audit.append` in src/): the entity types and actions, each
 * shown translated (audit.actions.*, entity.*), an unknown one as it is; the code itself is in the
 * label's tooltip and in the expanded record, for those who search the logs.
 * auditLabels.test.ts checks these lists against the backend's sources and the translations.
 */
export const AUDIT_ENTITIES = [
  'park', 'enterprise', 'site', 'unit', 'device', 'tag', 'material', 'user', 'api_key', 'session',
  'trace_share', 'identifier', 'epcis_events', 'epcis_queries', 'epcis_subscriptions', 'opcua_connector', 'park_outbound_allowlist',
];
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'login', 'logout', 'password_change', 'rotate_credentials', 'capture', 'catalogue_sync'];
export const ACTION_COLORS: Record<string, string> = {
  create: 'green', update: 'blue', delete: 'red', login: 'default', logout: 'default',
  password_change: 'orange', rotate_credentials: 'orange', capture: 'cyan', catalogue_sync: 'geekblue',
};
