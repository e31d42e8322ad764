/**
 * The database schema, one file per domain under ./schema/ (drizzle-kit reads this barrel; migrations in
 * server/drizzle/). Points are integers in hundredths of a point, never floats (docs/domain.md §3).
 */
export * from "./schema/units";
export * from "./schema/accounts";
export * from "./schema/periods";
export * from "./schema/indexSets";
export * from "./schema/dossiers";
export * from "./schema/council";
export * from "./schema/audit";
export * from "./schema/meetings";
export * from "./schema/survey";
