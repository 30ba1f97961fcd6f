/** The alarms module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts). */
export interface AlarmTables {}
