import type { Db, Dialect } from '../index.ts';
import { tableWithId } from './columns.ts';

/** Resolvable identifiers (Handle-style prefix/suffix) and their typed values. */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await tableWithId(db, dialect, 'identifiers')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('suffix', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('gtin', 'text')
    .addColumn('lot', 'text')
    .addColumn('serial', 'text')
    .addColumn('material_id', 'integer', (c) => c.references('materials.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('identifiers_handle_uq', ['prefix', 'suffix'])
    .execute();
  await db.schema.createIndex('identifiers_gtin_lot_idx').on('identifiers').columns(['gtin', 'lot']).execute();
  await db.schema.createIndex('identifiers_gtin_serial_idx').on('identifiers').columns(['gtin', 'serial']).execute();
  await db.schema.createIndex('identifiers_enterprise_idx').on('identifiers').column('enterprise_id').execute();

  await db.schema
    .createTable('identifier_values')
    .addColumn('identifier_id', 'integer', (c) => c.notNull().references('identifiers.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('ttl', 'integer', (c) => c.notNull())
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .addColumn('public_read', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('identifier_values_pk', ['identifier_id', 'idx'])
    .execute();
}
