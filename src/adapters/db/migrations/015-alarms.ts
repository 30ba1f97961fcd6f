import type { Db, Dialect } from '../index.ts';

/** alarms, alarm rules and their journal (issue 10); written by the alarms module's store. */
export async function up(_db: Db, _dialect: Dialect): Promise<void> {
  // filled in by issue 10
}
