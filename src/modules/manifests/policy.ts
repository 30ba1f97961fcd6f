/**
 * Who may do what to manifests. Reading is everyone's, narrowed by the service to the manifests an
 * enterprise is a party to (park roles and regulators read every one). Drafting and signing are an
 * enterprise's administrators' and operators' (a driver signs at the gate as the transporter's
 * operator); whether it is the enterprise's turn is the state machine's (model.ts). The park is never
 * a party: it watches, and its administrator sets the numbering, tolerances and allowances.
 */
import { definePolicy, EVERYONE, PARK_ADMIN_ONLY } from '../../core/policy.ts';

const FIELD = { own: ['enterprise_admin', 'enterprise_operator'] } as const;

export const manifestPolicy = definePolicy('manifest', 'hazardous-waste manifests', {
  read: EVERYONE,
  create: FIELD,
  sign: FIELD,
});

export const manifestSettingsPolicy = definePolicy('manifest_settings', 'manifest settings', { read: EVERYONE, update: PARK_ADMIN_ONLY });

export const MANIFEST_POLICIES = [manifestPolicy, manifestSettingsPolicy];
