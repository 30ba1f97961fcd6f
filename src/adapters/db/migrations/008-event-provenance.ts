import type { Db, Dialect } from '../index.ts';
// Frozen: a migration must not change when module code does (frozen/parties.ts).
import { destinationGlnsOf, partyGlnsOf } from './frozen/parties.ts';

/**
 * Who recorded each EPCIS event, and on which side an event names a party (issue 8: forged
 * genealogy). The capturing enterprise was already `epcis_events.enterprise_id`; added:
 *
 * - `epcis_events.recorded_by_user_id`: the user's id (null for the platform itself and for events
 *   recorded before this migration);
 * - `epcis_events.recorded_by`: the username, or the API key's name/owner as the AuthContext gives
 *   it; null for events recorded before this migration ("unknown (before provenance)");
 * - `epcis_events.recorded_via`: `session`, `api_key` or `system` (null before this migration);
 * - `epcis_event_parties.side`: `source`, `destination` or `both` — a holder's shipment hands a lot
 *   to the parties it names as destination (docs/trace.md, "held"). Existing rows are filled in
 *   from the stored event documents.
 *
 * Existing events keep their enterprise and get a null user.
 */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('epcis_events').addColumn('recorded_by_user_id', 'integer').execute();
  await db.schema.alterTable('epcis_events').addColumn('recorded_by', 'text').execute();
  await db.schema.alterTable('epcis_events').addColumn('recorded_via', 'text').execute();
  await db.schema.alterTable('epcis_event_parties').addColumn('side', 'text').execute();

  // Existing parties: their side from the event document, a batch of events at a time.
  let after = -1;
  for (;;) {
    const pks = await db.selectFrom('epcis_event_parties').select('event_pk').distinct().where('event_pk', '>', after).orderBy('event_pk').limit(500).execute();
    if (!pks.length) break;
    const ids = pks.map((r) => Number(r.event_pk));
    after = ids[ids.length - 1];
    const rows = await db
      .selectFrom('epcis_event_parties as p')
      .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
      .innerJoin('epcis_event_docs as d', 'd.event_pk', 'p.event_pk')
      .select(['p.event_pk', 'p.enterprise_id', 'e.gln', 'd.doc'])
      .where('p.event_pk', 'in', ids)
      .execute();
    for (const r of rows) {
      let side = 'source';
      try {
        const doc = JSON.parse(String(r.doc));
        const dest = r.gln !== null && destinationGlnsOf(doc).includes(String(r.gln));
        const src = r.gln !== null && partyGlnsOf({ sourceList: doc.sourceList }).includes(String(r.gln));
        side = dest && src ? 'both' : dest ? 'destination' : 'source';
      } catch {
        // An unreadable document hands nothing over.
      }
      await db.updateTable('epcis_event_parties').set({ side }).where('event_pk', '=', r.event_pk).where('enterprise_id', '=', r.enterprise_id).execute();
    }
  }
}
