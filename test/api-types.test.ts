/**
 * The console's API types (web/src/api/schema.d.ts) are generated from the OpenAPI document the
 * routes' schemas make. Regenerated here in memory: a route or schema change without
 * `npm run gen:api-types` fails this test instead of leaving the console typed against an old API.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument, renderApiTypes, SCHEMA_FILE } from '../src/tools/gen-api-types.ts';

describe('console API types', () => {
  it('web/src/api/schema.d.ts is what the OpenAPI document says (run npm run gen:api-types)', async () => {
    const expected = await renderApiTypes(await openApiDocument());
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    // A plain equality: the diff vitest prints names the paths that changed.
    expect(committed).toBe(expected);
  }, 60_000);
});
