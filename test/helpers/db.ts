/** Fresh, isolated databases of each dialect for store tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bootstrap, openServices } from '../../src/app.ts';
import { systemContext } from '../../src/core/roles.ts';
import { POSTGRES_ADMIN_URL, postgresReachable } from './services.ts';

export type TestDialect = 'sqlite' | 'postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The dialects to run store tests against: SQLite always, PostgreSQL when it answers (or is required). */
export async function testDialects(): Promise<TestDialect[]> {
  return (await postgresReachable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function freshDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-test-'));
    return { url: `sqlite:${path.join(dir, 'test.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `symbiont_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh store with its services, one enterprise, site and meter device with power tags `tagKeys`. */
export async function meteredStore(dialect: TestDialect, code: string, tagKeys: string[]) {
  const db = await freshDatabase(dialect);
  const s = await openServices({ db: db.url, sessionTtlHours: 1 });
  await bootstrap(s, { adminPassword: 'test-admin-password' });
  const ctx = systemContext('test');
  const ent = await s.registry.enterprises.create(ctx, { code, name: `${code} enterprise`, industry: 'energy' });
  const site = await s.registry.sites.create(ctx, { enterpriseId: ent.id, code: `${code}-site`, name: 's' });
  const deviceId = (await s.registry.devices.create(ctx, { siteId: site.id, code: `${code}-em`, name: 'm', kind: 'energy_meter', protocol: 'mqtt' })).id;
  const tagIds: number[] = [];
  for (const key of tagKeys) tagIds.push((await s.registry.tags.create(ctx, { deviceId, key, name: key, kind: 'power', unit: 'kW' })).id);
  return { db, s, deviceId, tagIds, enterpriseId: ent.id, close: async () => {
      await s.close();
      await db.drop();
    },
  };
}
