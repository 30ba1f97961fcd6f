import { sql, type CreateTableBuilder } from 'kysely';
import type { Db, Dialect } from '../index.ts';
import { tableWithId } from './columns.ts';

/** The registry, accounts and audit tables. */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const table = (name: string) => tableWithId(db, dialect, name);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const stamps = <T extends CreateTableBuilder<any, any>>(t: T) =>
    t.addColumn('created_at', 'bigint', (c) => c.notNull()).addColumn('updated_at', 'bigint', (c) => c.notNull());
  const num = 'double precision';

  await stamps(
    table('park')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('lat', num)
      .addColumn('lng', num)
      .addColumn('identifier_prefix', 'text'),
  ).execute();

  await stamps(
    table('enterprises')
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('industry', 'text', (c) => c.notNull())
      .addColumn('uscc', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('description', 'text'),
  ).execute();

  await stamps(
    table('sites')
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('address', 'text')
      .addColumn('lat', num)
      .addColumn('lng', num)
      .addUniqueConstraint('sites_code_uq', ['enterprise_id', 'code']),
  ).execute();

  await stamps(
    table('units')
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('capacity_value', num)
      .addColumn('capacity_unit', 'text')
      .addColumn('description', 'text')
      .addUniqueConstraint('units_code_uq', ['enterprise_id', 'code']),
  ).execute();

  await stamps(
    table('devices')
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
      // Globally unique: it is the device's MQTT identity.
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('protocol', 'text', (c) => c.notNull())
      .addColumn('manufacturer', 'text')
      .addColumn('model', 'text')
      .addColumn('serial_no', 'text')
      .addColumn('enabled', 'boolean', (c) => c.notNull()),
  ).execute();

  await stamps(
    table('materials')
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('hazardous', 'boolean', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('hw_code', 'text')
      .addColumn('sw_code', 'text')
      .addColumn('ewc_code', 'text')
      .addColumn('hs_code', 'text')
      .addColumn('cas_no', 'text')
      .addColumn('density_kg_m3', num)
      .addColumn('lhv_mj_per_kg', num)
      .addColumn('lhv_mj_per_unit', num)
      .addColumn('carbon_content_kg_c_per_kg', num)
      .addColumn('emission_factor_kg_co2e_per_unit', num)
      .addColumn('kgce_per_unit', num)
      .addColumn('description', 'text')
      .addColumn('sources', 'text')
      .addColumn('catalogue_version', 'integer'),
  ).execute();
  // Park-wide entries have no enterprise; coalesce makes their codes unique too (NULLs are distinct).
  await sql`create unique index materials_code_uq on materials (coalesce(enterprise_id, 0), code)`.execute(db);

  await stamps(
    table('tags')
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('device_id', 'integer', (c) => c.notNull().references('devices.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('material_id', 'integer', (c) => c.references('materials.id'))
      .addColumn('low_low_limit', num)
      .addColumn('low_limit', num)
      .addColumn('high_limit', num)
      .addColumn('high_high_limit', num)
      .addColumn('description', 'text')
      .addUniqueConstraint('tags_key_uq', ['device_id', 'key']),
  ).execute();

  await stamps(
    table('users')
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('disabled', 'boolean', (c) => c.notNull())
      .addColumn('last_login_at', 'bigint'),
  ).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await table('api_keys')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('last_used_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_keys_user_idx').on('api_keys').column('user_id').execute();

  // seq is assigned by the audit writer under a lock (it is part of the hashed record), not by
  // the database, so that a gap in the chain is detectable.
  const audit = db.schema
    .createTable('audit_log')
    .addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey());
  await audit
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_enterprise_idx').on('audit_log').columns(['enterprise_id', 'seq']).execute();

  for (const [t, c] of [
    ['sites', 'enterprise_id'],
    ['units', 'site_id'],
    ['devices', 'site_id'],
    ['devices', 'unit_id'],
    ['devices', 'enterprise_id'],
    ['tags', 'device_id'],
    ['tags', 'enterprise_id'],
    ['tags', 'material_id'],
    ['users', 'enterprise_id'],
  ] as const) {
    await db.schema.createIndex(`${t}_${c}_idx`).on(t).column(c).execute();
  }
}
