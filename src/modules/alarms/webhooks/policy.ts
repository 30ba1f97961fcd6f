/**
 * Who may keep alarm webhooks: an enterprise's administrators for its own, the park administrator
 * for any (and for the park's own, which have no enterprise). Reading follows the tenant filter:
 * an enterprise sees its webhooks and their deliveries, park roles see every one.
 */
import { definePolicy, parkAdminOr } from '../../../core/policy.ts';

const ADMIN = parkAdminOr('enterprise_admin');

export const webhookPolicy = definePolicy('alarm_webhook', 'alarm webhooks', {
  create: ADMIN,
  update: ADMIN,
  delete: ADMIN,
  /** A new secret (the old one stops working at once). */
  rotate: ADMIN,
  /** Re-queue a dead-lettered delivery. */
  retry: ADMIN,
  /** Send a signed ping. */
  test: ADMIN,
});
