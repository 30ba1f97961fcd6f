/**
 * The alarm webhooks collection, `/api/v1/alarm-webhooks`, as a generic resource: tenancy, audit,
 * validation and the list query come from src/core/crud; service.ts adds the outbound guard on the
 * URL and the secret the server generates (`hidden`: never in an item, shown once on create).
 */
import Type from 'typebox';
import { defineResource, ENTERPRISE_FIELD, type ItemOf } from '../../../core/crud/spec.ts';
import { ALARM_CATEGORIES, SEVERITIES } from '../rule-model.ts';
import { DEFAULT_TRANSITIONS, WEBHOOK_TRANSITIONS } from './matching.ts';
import { webhookPolicy } from './policy.ts';

export const alarmWebhookSpec = defineResource({
  name: 'alarm_webhook',
  label: 'Alarm webhook',
  table: 'alarm_webhooks',
  collection: 'alarm-webhooks',
  fields: {
    enterpriseId: { ...ENTERPRISE_FIELD, nullable: true, description: 'the enterprise whose alarms it is sent; null: a park webhook (park administrators), sent the emission and safety alarms of every enterprise' },
    url: { column: 'url', type: 'string', required: true, minLength: 1, maxLength: 2000, description: 'http or https URL; checked by the outbound guard when saved and at every call' },
    description: { column: 'description', type: 'string', nullable: true, maxLength: 500 },
    enabled: { column: 'enabled', type: 'boolean', default: true },
    minSeverity: { column: 'min_severity', type: 'string', enum: SEVERITIES, default: 'low', description: 'alarms less severe are not sent' },
    categories: {
      column: 'categories',
      type: 'json',
      default: [],
      schema: Type.Array(Type.String({ enum: [...ALARM_CATEGORIES] }), { uniqueItems: true, maxItems: ALARM_CATEGORIES.length, description: 'the categories sent; empty: every category' }),
    },
    transitions: {
      column: 'transitions',
      type: 'json',
      default: DEFAULT_TRANSITIONS,
      schema: Type.Array(Type.String({ enum: [...WEBHOOK_TRANSITIONS] }), { minItems: 1, uniqueItems: true, maxItems: WEBHOOK_TRANSITIONS.length, description: 'the lifecycle transitions sent' }),
    },
    secret: { column: 'secret', type: 'string', derived: true },
  },
  ownership: { kind: 'direct', nullable: true },
  policy: webhookPolicy,
  search: ['url', 'description'],
  filters: ['enabled', 'enterpriseId'],
  filterAliases: { enterprise: 'enterpriseId' },
  hidden: ['secret'],
});

export type AlarmWebhook = ItemOf<typeof alarmWebhookSpec>;
