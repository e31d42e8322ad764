import * as drizzle from "drizzle-orm";
import type { Query, SQL } from "drizzle-orm";
import { PgDialect, QueryBuilder, type PgSession, type SelectedFieldsOrdered } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";

/**
 * Statements of the hot official-write path (docs/performance.md), built by drizzle once per process instead of on
 * every call. drizzle builds a query's SQL text and its result mapping every time a builder runs — a third of the
 * server's busy time on official writes — although these statements' text never changes, only their parameters.
 * Here the builder runs once (with `sql.placeholder`s); each call hands the kept text, parameters and mapping to
 * the session of the given database or transaction, as a named statement, which PostgreSQL plans once per
 * connection. Results are mapped by drizzle exactly as the builder's own `.execute()` maps them.
 */
const dialect = new PgDialect();
// Both are what drizzle's own builders call when they prepare a query; neither is in its typings.
const orderSelectedFields = (drizzle as unknown as { orderSelectedFields(f: unknown): SelectedFieldsOrdered })
  .orderSelectedFields;
const buildSelection = (fields: SelectedFieldsOrdered): SQL =>
  (dialect as unknown as { buildSelection(f: unknown, o: { isSingleTable: boolean }): SQL }).buildSelection(
    fields,
    { isSingleTable: true },
  );

interface Kept {
  query: Query;
  fields: SelectedFieldsOrdered;
  joinsNotNullableMap: Record<string, boolean>;
}

interface SelectLike<Row> {
  getSQL(): SQL;
  _: { result: Row[] };
}

/** The session that runs a database's or a transaction's statements (PGlite or node-postgres alike). */
function sessionOf(db: DbOrTx): PgSession {
  return (db as unknown as { _: { session: PgSession } })._.session;
}

function run<Row>(db: DbOrTx, name: string, kept: Kept, values: Record<string, unknown>): Promise<Row[]> {
  const prepared = sessionOf(db).prepareQuery(kept.query, kept.fields, name, true);
  // Which joined tables may be null: drizzle's select keeps it on the builder and hands it to its prepared query.
  (prepared as unknown as { joinsNotNullableMap: Record<string, boolean> }).joinsNotNullableMap =
    kept.joinsNotNullableMap;
  return prepared.execute(values) as Promise<Row[]>;
}

/** A select built once by `build` (a session-less query builder, placeholders for what varies). */
export function reusedSelect<Row>(name: string, build: (qb: QueryBuilder) => SelectLike<Row>) {
  let kept: Kept | null = null;
  return (db: DbOrTx, values: Record<string, unknown>): Promise<Row[]> => {
    if (!kept) {
      const select = build(new QueryBuilder());
      kept = {
        query: dialect.sqlToQuery(select.getSQL()),
        fields: orderSelectedFields(
          (select as unknown as { getSelectedFields(): unknown }).getSelectedFields(),
        ),
        joinsNotNullableMap: (select as unknown as Kept).joinsNotNullableMap,
      };
    }
    return run<Row>(db, name, kept, values);
  };
}

/**
 * A statement written as SQL once (`build` gives its text with placeholders), returning `fields` (table columns,
 * listed in the RETURNING clause in their order) mapped as drizzle maps them.
 */
export function reusedStatement<Row>(
  name: string,
  fields: Record<string, unknown>,
  build: (returning: SQL) => SQL,
) {
  let kept: Kept | null = null;
  return (db: DbOrTx, values: Record<string, unknown>): Promise<Row[]> => {
    if (!kept) {
      const ordered = orderSelectedFields(fields);
      kept = {
        query: dialect.sqlToQuery(build(buildSelection(ordered))),
        fields: ordered,
        joinsNotNullableMap: {},
      };
    }
    return run<Row>(db, name, kept, values);
  };
}

/**
 * A statement that returns nothing the caller reads (an insert, a write with its audit row), written as SQL once;
 * each call sends the kept text with its parameters as a named statement.
 */
export function reusedCommand(name: string, build: () => SQL) {
  let query: Query | null = null;
  return async (db: DbOrTx, values: Record<string, unknown>): Promise<void> => {
    query ??= dialect.sqlToQuery(build());
    await sessionOf(db).prepareQuery(query, undefined, name, false).execute(values);
  };
}
