/**
 * Who may do what to an incident. Seeing one is decided by the service: park roles see every
 * incident, an enterprise those that name it as affected (others answer 404). Raising, editing,
 * the checklist and moving an incident through its states is the park's command post (the park
 * administrator); an affected enterprise's administrators and operators may add to its timeline,
 * which is how a plant reports what it sees and does. The owner a rule is checked against is the
 * caller's enterprise once the service has found it among the affected ones.
 */
import { definePolicy, PARK_ADMIN_ONLY } from '../../core/policy.ts';

export const incidentPolicy = definePolicy('incident', 'incidents', {
  raise: PARK_ADMIN_ONLY,
  update: PARK_ADMIN_ONLY,
  transition: PARK_ADMIN_ONLY,
  post: { any: ['park_admin'], own: ['enterprise_admin', 'enterprise_operator'] },
});

export const INCIDENT_POLICIES = [incidentPolicy];
