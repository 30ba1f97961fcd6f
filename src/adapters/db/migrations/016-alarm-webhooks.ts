import type { Db, Dialect } from '../index.ts';

/** alarm webhooks per enterprise and their deliveries. */
export async function up(_db: Db, _dialect: Dialect): Promise<void> {
  // filled in by issue 10
}
