import type { Db, Dialect } from '../index.ts';
import { sql } from '../index.ts';

/**
 * Who owns a GS1 key, and where the node may send webhooks (issue 8: one tenant must not change
 * what another sees).
 *
 * - `identifiers.gs1_key`: the canonical GS1 key an identifier holds (`01/{gtin14}`,
 *   `01/{gtin14}/10/{lot}` or `01/{gtin14}/21/{serial}`), unique, so a key maps to one identifier
 *   and two concurrent mints cannot both take it. Digital Link resolution, trace and recall look
 *   keys up here. Existing duplicates (another enterprise minted the same key later, or the same
 *   one twice): the earliest identifier (lowest id) keeps the key; the later ones keep their
 *   handle, values and their gtin/lot/serial columns, but hold no key (gs1_key NULL), so they no
 *   longer answer for it and show no Digital Link.
 * - `enterprises.gs1_company_prefixes`: JSON list of the GS1 company prefixes the park recorded
 *   for the enterprise (park administrators write it).
 * - `park.outbound_allowlist`: JSON list of webhook destinations the park administrator allowed
 *   in spite of the outbound guard (src/core/outbound.ts).
 */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('identifiers').addColumn('gs1_key', 'text').execute();
  await db.schema.alterTable('enterprises').addColumn('gs1_company_prefixes', 'text').execute();
  await db.schema.alterTable('park').addColumn('outbound_allowlist', 'text').execute();

  // The same expression as gs1KeyOf() in src/modules/identity/model.ts (|| concatenates in both dialects).
  const key = sql`'01/' || gtin || CASE WHEN serial IS NOT NULL THEN '/21/' || serial WHEN lot IS NOT NULL THEN '/10/' || lot ELSE '' END`;
  await sql`
    UPDATE identifiers SET gs1_key = ${key}
    WHERE gtin IS NOT NULL
      AND id IN (SELECT min(id) FROM identifiers WHERE gtin IS NOT NULL GROUP BY ${key})
  `.execute(db);
  // NULLs are distinct in a unique index (both dialects): identifiers without a key are not constrained.
  await db.schema.createIndex('identifiers_gs1_key_uq').on('identifiers').column('gs1_key').unique().execute();
}
