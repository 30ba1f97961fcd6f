import type { Db, Dialect } from '../index.ts';

/** OPC UA connector configuration, one per device. */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('opcua_connectors')
    .addColumn('device_id', 'integer', (c) => c.primaryKey().references('devices.id').onDelete('cascade'))
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
