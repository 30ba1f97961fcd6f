import type { Db, Dialect } from '../index.ts';

/** park incidents, their timeline and checklists. */
export async function up(_db: Db, _dialect: Dialect): Promise<void> {
  // filled in by issue 10
}
