/**
 * The console's API types, generated from the OpenAPI document the routes' schemas make: builds the
 * HTTP app without listening (an empty store in a temporary directory), takes `app.swagger()` and
 * turns it into TypeScript with openapi-typescript. `npm run gen:api-types` writes
 * web/src/api/schema.d.ts; `--check` only says whether the committed file is current
 * (test/api-types.test.ts does the same, so a route change without regenerating fails the tests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildHttp, openServices } from '../app.ts';
import { loadConfig } from '../config.ts';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '..', '..', 'web', 'src', 'api', 'schema.d.ts');

const HEADER = `/**
 * GENERATED from the OpenAPI document by \`npm run gen:api-types\` (src/tools/gen-api-types.ts).
 * Do not edit: change the routes' schemas and regenerate. test/api-types.test.ts fails when this
 * file is not what the routes describe.
 */

`;

/** The OpenAPI document of the API, as /api/openapi.json serves it. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-openapi-'));
  const config = loadConfig({ dataDir, port: 0, logLevel: 'silent', simulator: false, webDir: dataDir }, { SYMBIONT_ADMIN_PASSWORD: 'openapi-only' });
  const services = await openServices(config);
  try {
    const app = await buildHttp(services, config);
    try {
      await app.ready();
      return JSON.parse(JSON.stringify(app.swagger())) as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The text of web/src/api/schema.d.ts for a document. */
export async function renderApiTypes(doc: OpenAPI3): Promise<string> {
  const ast = await openapiTS(doc, { alphabetize: false, exportType: false });
  return HEADER + astToString(ast);
}

async function main(): Promise<void> {
  const text = await renderApiTypes(await openApiDocument());
  const rel = path.relative(process.cwd(), SCHEMA_FILE);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (current !== text) {
      process.stderr.write(`${rel} is out of date: run npm run gen:api-types\n`);
      process.exitCode = 1;
    } else process.stdout.write(`${rel} is current\n`);
    return;
  }
  fs.writeFileSync(SCHEMA_FILE, text);
  process.stdout.write(`wrote ${rel}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
