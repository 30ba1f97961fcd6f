/**
 * Forward-only migrations for both dialects. Each migration is a function of (db, dialect) so that
 * the few dialect differences sit inside it. Applied migrations are recorded by Kysely's Migrator
 * (which also takes a lock, so that several nodes starting at once migrate once).
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db, Dialect } from './index.ts';
import * as m001 from './migrations/001-foundation.ts';
import * as m002 from './migrations/002-telemetry.ts';
import * as m003 from './migrations/003-opcua.ts';
import * as m004 from './migrations/004-identity.ts';
import * as m005 from './migrations/005-epcis.ts';
import * as m006 from './migrations/006-trace-sharing.ts';
import * as m007 from './migrations/007-epcis-queries.ts';
import * as m008 from './migrations/008-event-provenance.ts';
import * as m009 from './migrations/009-identity-ownership.ts';
import * as m010 from './migrations/010-outbox.ts';
import * as m011 from './migrations/011-job-leases.ts';
import * as m012 from './migrations/012-audit-chains.ts';
import * as m013 from './migrations/013-epcis-commit-order.ts';
import * as m014 from './migrations/014-shares.ts';
import * as m015 from './migrations/015-alarms.ts';
import * as m016 from './migrations/016-alarm-webhooks.ts';
import * as m017 from './migrations/017-incidents.ts';
import * as m018 from './migrations/018-flows.ts';
import * as m019 from './migrations/019-kpis.ts';
import * as m020 from './migrations/020-exchange.ts';
import * as m021 from './migrations/021-manifests.ts';

type Up = (db: Db, dialect: Dialect) => Promise<void>;

/** The ordered list of migrations; a new one is appended, never edited after it has shipped. */
export const MIGRATIONS: ReadonlyArray<readonly [string, Up]> = [
  ['001-foundation', m001.up],
  ['002-telemetry', m002.up],
  ['003-opcua', m003.up],
  ['004-identity', m004.up],
  ['005-epcis', m005.up],
  ['006-trace-sharing', m006.up],
  ['007-epcis-queries', m007.up],
  ['008-event-provenance', m008.up],
  ['009-identity-ownership', m009.up],
  ['010-outbox', m010.up],
  ['011-job-leases', m011.up],
  ['012-audit-chains', m012.up],
  ['013-epcis-commit-order', m013.up],
  ['014-shares', m014.up],
  ['015-alarms', m015.up],
  ['016-alarm-webhooks', m016.up],
  ['017-incidents', m017.up],
  ['018-flows', m018.up],
  ['019-kpis', m019.up],
  ['020-exchange', m020.up],
  ['021-manifests', m021.up],
];

class InCodeProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, up] of MIGRATIONS) out[name] = { up: (db) => up(db, this.dialect) };
    return out;
  }
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Db, dialect: Dialect): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: new InCodeProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(failed ? `migration ${failed} failed: ${why}` : why);
  }
  return { applied };
}
