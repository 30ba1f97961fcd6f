/**
 * Who may change the registry. Every role reads what the tenant filter shows it; the park
 * administrator writes everything; an enterprise administrator keeps its enterprise's structure
 * (its record, sites, units, materials), and operators also keep its devices and tags.
 */
import { definePolicy, parkAdminOr } from '../../core/policy.ts';

const ADMINS = parkAdminOr('enterprise_admin');
const FIELD = parkAdminOr('enterprise_admin', 'enterprise_operator');

export const enterprisePolicy = definePolicy('enterprise', 'enterprises', {
  // The park creates and removes enterprises; an enterprise keeps its own record up to date.
  create: { any: ['park_admin'] },
  update: ADMINS,
  delete: { any: ['park_admin'] },
});
export const sitePolicy = definePolicy('site', 'sites', { create: ADMINS, update: ADMINS, delete: ADMINS });
export const unitPolicy = definePolicy('unit', 'units', { create: ADMINS, update: ADMINS, delete: ADMINS });
export const materialPolicy = definePolicy('material', 'materials', { create: ADMINS, update: ADMINS, delete: ADMINS });
/** `update` of a device also covers its connection: credentials, OPC UA connector, error log. */
export const devicePolicy = definePolicy('device', 'devices', { create: FIELD, update: FIELD, delete: FIELD });
export const tagPolicy = definePolicy('tag', 'tags', { create: FIELD, update: FIELD, delete: FIELD });

/**
 * The park's own record and what only the park decides: its settings, the outbound allow-list
 * webhooks may pass, and which enterprise holds which GS1 company prefix.
 */
export const parkPolicy = definePolicy('park', 'the park', {
  update: { any: ['park_admin'] },
  readAllowlist: { any: ['park_admin', 'park_viewer'] },
  recordCompanyPrefixes: { any: ['park_admin'] },
});

export const REGISTRY_POLICIES = [parkPolicy, enterprisePolicy, sitePolicy, unitPolicy, materialPolicy, devicePolicy, tagPolicy];
