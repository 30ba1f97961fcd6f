/** The trace module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts). */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the module's queries are typed
export interface TraceTables {}
