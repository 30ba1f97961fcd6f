/**
 * Who may do what to a deal. Seeing one is the service's decision (the two parties and park roles;
 * anyone else gets 404). Proposing, answering and terminating are an enterprise's administrators'
 * and operators' (the people who trade its materials); recording a delivery is the supplier's. The
 * park watches and reads but is never a party, so it has no write rule beyond reading.
 */
import { definePolicy, EVERYONE } from '../../../core/policy.ts';

export const dealPolicy = definePolicy('exchange_deal', 'exchange deals', {
  read: EVERYONE,
  propose: { own: ['enterprise_admin', 'enterprise_operator'] },
  act: { own: ['enterprise_admin', 'enterprise_operator'] },
  record: { own: ['enterprise_admin', 'enterprise_operator'] },
});

export const DEAL_POLICIES = [dealPolicy];
