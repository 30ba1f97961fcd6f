/**
 * Who reads which manifest. A manifest has several owners (generator, each leg's transporter,
 * receiver), so the one-column tenant filter would hide it from all but its generator: an enterprise
 * reads the manifests `manifest_parties` names it in, park roles (the park and its regulators) read
 * every one, and anyone else is told the manifest does not exist.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import type { ManifestParty } from './model.ts';
import type { ManifestTables } from './tables.ts';

/** `manifests` narrowed to the rows `ctx` may read. */
export function visibleManifests<DB extends ManifestTables>(db: Kysely<DB>, ctx: AuthContext): SelectQueryBuilder<ManifestTables, 'manifests', object> {
  const q = (db as unknown as Kysely<ManifestTables>).selectFrom('manifests');
  if (isParkRole(ctx.role)) return q;
  const me = ctx.enterpriseId ?? -1;
  return q.where((eb) =>
    eb.exists(eb.selectFrom('manifest_parties').select('manifest_parties.manifest_id').whereRef('manifest_parties.manifest_id', '=', 'manifests.id').where('manifest_parties.enterprise_id', '=', me)),
  );
}

export interface PartyRow {
  enterpriseId: number;
  party: ManifestParty;
  leg: number;
}

/** The parties of a manifest as `manifest_parties` rows: the generator, each leg's transporter, the receiver. */
export function partiesOf(m: { generatorId: number; receiverId: number; transporterIds: readonly number[] }): PartyRow[] {
  return [
    { enterpriseId: m.generatorId, party: 'generator', leg: 0 },
    ...m.transporterIds.map((enterpriseId, i) => ({ enterpriseId, party: 'transporter' as const, leg: i + 1 })),
    { enterpriseId: m.receiverId, party: 'receiver', leg: 0 },
  ];
}

/** The sides `enterpriseId` plays in a manifest (one enterprise may be generator and transporter). */
export function rolesOf(parties: readonly PartyRow[], enterpriseId: number | null): ManifestParty[] {
  if (enterpriseId === null) return [];
  const roles = new Set(parties.filter((p) => p.enterpriseId === enterpriseId).map((p) => p.party));
  return (['generator', 'transporter', 'receiver'] as const).filter((r) => roles.has(r));
}

/** Whether `ctx` reads a manifest with these parties. */
export function readsManifest(ctx: AuthContext, parties: readonly PartyRow[]): boolean {
  return isParkRole(ctx.role) || (ctx.enterpriseId !== null && parties.some((p) => p.enterpriseId === ctx.enterpriseId));
}
