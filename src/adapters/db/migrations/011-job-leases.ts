import type { Db, Dialect } from '../index.ts';

/**
 * Leases of background jobs (src/core/worker.ts): one row per job key (`opcua:12`,
 * `telemetry:retention`). The owner (a node's id) holds the job while now < until; heartbeat is
 * when it last renewed; token is incremented on every take, so a node that lost the lease cannot
 * pass a fencing check with its old token.
 */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('job_key', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text')
    .addColumn('until', 'bigint', (c) => c.notNull())
    .addColumn('heartbeat', 'bigint', (c) => c.notNull())
    .addColumn('token', 'bigint', (c) => c.notNull())
    .execute();
}
