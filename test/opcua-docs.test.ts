/**
 * docs/opcua.md shows the body of `PUT /api/v1/devices/{id}/opcua`; users copy it. It once showed the
 * connector's settings without their `config` wrapper, which the route refuses (issue #8). This holds
 * the example to the route's own body schema, compiled as the API compiles body schemas.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { opcUaPutBody } from '../src/modules/telemetry/schemas.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const doc = fs.readFileSync(path.join(import.meta.dirname, '..', 'docs', 'opcua.md'), 'utf8');

/** The first JSON block after the sentence naming the PUT route. */
function putExample(): unknown {
  const at = doc.indexOf('`PUT /api/v1/devices/{id}/opcua`');
  expect(at, 'docs/opcua.md names the PUT route').toBeGreaterThanOrEqual(0);
  const block = /```json\n([\s\S]*?)\n```/.exec(doc.slice(at));
  expect(block, 'a JSON example follows it').not.toBeNull();
  return JSON.parse(block![1]);
}

describe('docs/opcua.md', () => {
  // The API's body validation: no coercion, defaults applied, formats checked (src/core/http.ts).
  const ajv = addFormats(new Ajv({ allErrors: true, coerceTypes: false, useDefaults: true, removeAdditional: false, strict: false }));
  const valid = ajv.compile(opcUaPutBody);

  it('shows a PUT body the route accepts', () => {
    const body = putExample();
    expect(valid(body), JSON.stringify(valid.errors)).toBe(true);
  });

  it('would not pass with the settings outside their config wrapper (the mistake the docs made)', () => {
    const { config } = putExample() as { config: Record<string, unknown> };
    expect(valid({ ...config })).toBe(false);
  });
});
