/**
 * Who may write the exchange's records. Listings are an enterprise's business, entered by its
 * administrators and operators (as its flows are). A licence is the authority's (危险废物经营许可证,
 * 道路危险货物运输许可): the park administrator registers it after checking it against the issuing
 * authority's register, since a manifest's signatures are refused or allowed on it (issue 14), so an
 * enterprise cannot widen its own.
 * The park's rules of the game — substitutions, the distance table, the settings that price carbon
 * and disposal — change every enterprise's plan, so they are the park administrator's alone. A plan
 * writes nothing and is computed over what the caller may see: any signed-in user may ask for one.
 * Deals have their own policy (deals/).
 */
import { definePolicy, PARK_ADMIN_ONLY, parkAdminOr } from '../../core/policy.ts';
import { ROLES } from '../../core/roles.ts';

const FIELD = parkAdminOr('enterprise_admin', 'enterprise_operator');

export const listingPolicy = definePolicy('exchange_listing', 'exchange listings', { create: FIELD, update: FIELD, delete: FIELD });
export const licencePolicy = definePolicy('waste_licence', 'waste licences', { create: PARK_ADMIN_ONLY, update: PARK_ADMIN_ONLY, delete: PARK_ADMIN_ONLY });
export const substitutionPolicy = definePolicy('exchange_substitution', 'exchange substitutions', { create: PARK_ADMIN_ONLY, update: PARK_ADMIN_ONLY, delete: PARK_ADMIN_ONLY });
export const distancePolicy = definePolicy('exchange_distance', 'exchange distances', { create: PARK_ADMIN_ONLY, update: PARK_ADMIN_ONLY, delete: PARK_ADMIN_ONLY });
export const exchangeSettingsPolicy = definePolicy('exchange_settings', 'exchange settings', { update: PARK_ADMIN_ONLY });
export const planPolicy = definePolicy('exchange_plan', 'exchange plans', { create: { any: [...ROLES] } });

export const EXCHANGE_POLICIES = [listingPolicy, licencePolicy, substitutionPolicy, distancePolicy, exchangeSettingsPolicy, planPolicy];
