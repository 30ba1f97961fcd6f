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
  'alarm_rule', 'alarm', 'alarm_share', 'alarm_webhook', 'alarm_webhook_delivery', 'incident',
  'flows', 'flow', 'flow_stock', 'flow_node', 'flow_share', 'flow_meter_link',
  'kpi_settings', 'kpi_input', 'kpi_inputs', 'kpi_target', 'kpi_report', 'kpi_report_schedule',
  'exchange_listing', 'waste_licence', 'exchange_substitution', 'exchange_distance', 'exchange_settings', 'exchange_deal', 'exchange_delivery',
  'manifest', 'manifest_settings',
];
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'login', 'logout', 'password_change', 'rotate_credentials', 'capture', 'catalogue_sync',
  'sync_tag_limits', 'acknowledge', 'shelve', 'unshelve', 'comment', 'rotate_secret', 'retry',
  'post', 'link_alarms', 'checklist', 'checklist_add', 'transition', 'write', 'propose', 'complete', 'record_delivery',
  'counter', 'accept', 'decline', 'withdraw', 'terminate',
  'sign', 'hand_over', 'take_over', 'partially_reject', 'reject', 'process', 'resolve_discrepancy', 'close', 'cancel', 'correct',
];
export const ACTION_COLORS: Record<string, string> = {
  create: 'green', update: 'blue', delete: 'red', login: 'default', logout: 'default',
  password_change: 'orange', rotate_credentials: 'orange', capture: 'cyan', catalogue_sync: 'geekblue',
  sync_tag_limits: 'geekblue', acknowledge: 'green', shelve: 'orange', unshelve: 'blue', comment: 'default', rotate_secret: 'orange', retry: 'blue',
  post: 'default', link_alarms: 'cyan', checklist: 'blue', checklist_add: 'blue', transition: 'purple', write: 'geekblue',
  propose: 'cyan', complete: 'green', record_delivery: 'geekblue', counter: 'blue', accept: 'green', decline: 'red', withdraw: 'orange', terminate: 'red',
  sign: 'cyan', hand_over: 'geekblue', take_over: 'geekblue', partially_reject: 'orange', reject: 'red', process: 'purple', resolve_discrepancy: 'green', close: 'green', cancel: 'red',
  correct: 'orange',
};
