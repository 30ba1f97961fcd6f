/**
 * The share rules of one kind as a generic resource: an owner's rules are its own records (its
 * administrators write them, its users read them), stored in the one `shares` table with the
 * kind fixed, so each module serves its kind's rules at its own path with the same fields.
 */
import { defineResource, ENTERPRISE_FIELD, type WriteAction } from '../crud/spec.ts';
import type { Policy } from '../policy.ts';
import type { ShareKind } from './kinds.ts';

export interface ShareRulesOptions<N extends string, C extends string> {
  /** The resource's name in audit records and abilities, e.g. `trace_share`. */
  name: N;
  label: string;
  /** Its URL segment under /api/v1, e.g. `trace-shares`. */
  collection: C;
  /** Who may write the rules (the module's policy.ts). */
  policy: Policy<WriteAction>;
}

export function shareRulesSpec<const K extends string, const S extends string, const N extends string, const C extends string>(kind: ShareKind<K, S>, opts: ShareRulesOptions<N, C>) {
  return defineResource({
    name: opts.name,
    label: opts.label,
    table: 'shares',
    collection: opts.collection,
    ownership: { kind: 'direct' },
    fixed: { kind: kind.name },
    fields: {
      enterpriseId: ENTERPRISE_FIELD,
      granteeId: { column: 'grantee_id', type: 'integer', nullable: true, immutable: true, description: 'the enterprise shared with; null: the park (operator and regulators)' },
      scope: { column: 'scope', type: 'string', enum: kind.scopes, required: true, description: kind.description },
    },
    references: [{ field: 'granteeId', table: 'enterprises', label: 'Enterprise', anyTenant: true }],
    policy: opts.policy,
    search: [],
    filters: ['enterpriseId', 'granteeId', 'scope'],
    validate: (r) => (r.granteeId !== null && r.granteeId === r.enterpriseId ? [{ path: '/body/granteeId', message: `an enterprise always sees its own ${kind.label}` }] : []),
  });
}
