/**
 * Who may write traceability records. Reading is decided by visibility (visibility.ts): the owner,
 * the parties a shipment names and whoever the owner shares with. Capturing events, and keeping
 * named queries and subscriptions, is for the enterprise's administrators and operators (and the
 * park administrator, who names the enterprise); share rules are for its administrators.
 */
import { definePolicy, parkAdminOr } from '../../core/policy.ts';

const FIELD = parkAdminOr('enterprise_admin', 'enterprise_operator');

export const eventPolicy = definePolicy('epcis_event', 'EPCIS events', { capture: FIELD });
/** Named queries and subscriptions, together. */
export const queryPolicy = definePolicy('epcis_query', 'named queries and subscriptions', { create: FIELD, update: FIELD, delete: FIELD });
export const sharePolicy = definePolicy('trace_share', 'share rules', {
  create: parkAdminOr('enterprise_admin'),
  update: parkAdminOr('enterprise_admin'),
  delete: parkAdminOr('enterprise_admin'),
});

export const TRACE_POLICIES = [eventPolicy, queryPolicy, sharePolicy];
