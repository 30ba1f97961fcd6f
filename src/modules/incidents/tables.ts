/** The incidents module's tables, typed for Kysely. */
export interface IncidentTables {}
