/** Who may mint and change identifiers: an enterprise's administrators and operators, for their enterprise; the park administrator for any. Resolution is public. */
import { definePolicy, parkAdminOr } from '../../core/policy.ts';

const FIELD = parkAdminOr('enterprise_admin', 'enterprise_operator');

export const identifierPolicy = definePolicy('identifier', 'identifiers', { create: FIELD, update: FIELD });

export const IDENTITY_POLICIES = [identifierPolicy];
