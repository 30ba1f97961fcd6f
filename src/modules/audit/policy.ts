/** Who may read the audit log: park roles all of it, an enterprise administrator its enterprise's records; only the park administrator verifies the chain. */
import { definePolicy } from '../../core/policy.ts';

export const auditPolicy = definePolicy('audit', 'the audit log', {
  read: { any: ['park_admin', 'park_viewer'], own: ['enterprise_admin'] },
  verify: { any: ['park_admin'] },
});
