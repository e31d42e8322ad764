import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { Pool, type PoolClient } from "pg";
import { MIGRATIONS_DIR } from "../paths";
import { createReachability, type DatabaseReachability } from "./reachability";

/**
 * The database handle every command takes; PGlite and node-postgres share this type. Built without drizzle's
 * relational query API (`db.query.*`, unused): with a schema, drizzle builds one query builder per table for every
 * transaction it opens, a few percent of an official write's CPU (docs/performance.md, P7).
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle: commands accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /** Whether the database answers: cleared by a connection error, set again by a probe (see reachability.ts). */
  reachability: DatabaseReachability;
  /**
   * Statements sent so far: on PostgreSQL each is one round trip; on PGlite, the statements handed to the embedded
   * engine, counted the same way. Read by /metrics and by tests that hold the official writes to their count.
   */
  statementsSent(): number | null;
  close(): Promise<void>;
}

/**
 * Opens the embedded database in a folder, or in memory with `memory://` (tests). `loadDataDir` starts it from
 * a `dumpDataDir()` tarball instead of a new cluster: tests clone one migrated, sample-loaded database per run.
 */
export async function openPglite(dataDir: string, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  const counter = countProtocolStatements(client);
  const db = drizzlePglite(client) as unknown as Db;
  const ping = async () => void (await client.query("select 1"));
  // In-process: it cannot go away while the server runs, but the same interface keeps callers single-minded.
  const reachability = createReachability(ping);
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    ping,
    reachability,
    statementsSent: () => counter.n,
    close: async () => {
      reachability.stop();
      await client.close();
    },
  };
}

/** Connects to a PostgreSQL server through a pool. */
export async function openPostgres(url: string, max = 20): Promise<Database> {
  const pool = new TransactionSafePool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  const counter = { n: 0 };
  const db = drizzlePg(pool) as unknown as Db;
  const ping = async () => void (await db.execute(sql`select 1`));
  const reachability = createReachability(ping);
  // A client whose server goes away (PostgreSQL restarting: 57P01, then "Connection terminated unexpectedly")
  // emits 'error'; unheard, that event ends the process (R2 in docs/operations.md). The pool listens on idle
  // clients only and stops listening while one is checked out — inside a transaction, between two of its
  // queries — so every client gets a listener of its own for its whole life. Its next query then fails, and its
  // request gets a 503.
  const onClientError = (err: Error) => void reachability.noteFailure(err);
  pool.on("connect", (client) => {
    client.on("error", onClientError);
    countStatements(client, counter);
  });
  pool.on("error", onClientError);
  return {
    db,
    kind: "postgres",
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    ping,
    reachability,
    statementsSent: () => counter.n,
    close: async () => {
      reachability.stop();
      await pool.end();
    },
  };
}

const GUARDED = Symbol("releasesOnFailedBegin");

/**
 * drizzle-orm's node-postgres `transaction()` sends BEGIN before entering the try/finally that releases its pool
 * client (drizzle-team/drizzle-orm#6241, still so in 0.45.4): a BEGIN that fails — the connection ended just
 * after checkout, as when PostgreSQL restarts — leaves the client checked out for good, and a few outages later
 * every request waits on an empty pool. Clients handed out for a transaction (the promise form of `connect()`;
 * `pool.query` uses the callback form and releases its own) therefore release themselves, with the error so that
 * the pool destroys them, when their BEGIN fails; drizzle then never touches them again.
 */
class TransactionSafePool extends Pool {
  override connect(): Promise<PoolClient>;
  override connect(
    callback: (
      err: Error | undefined,
      client: PoolClient | undefined,
      done: (release?: unknown) => void,
    ) => void,
  ): void;
  override connect(...args: unknown[]): Promise<PoolClient> | void {
    if (args.length) return (Pool.prototype.connect as (...a: unknown[]) => void).apply(this, args);
    return super.connect().then(releaseOnFailedBegin);
  }
}

function releaseOnFailedBegin(client: PoolClient): PoolClient {
  if ((client as { [GUARDED]?: true })[GUARDED]) return client;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  Object.assign(client, {
    [GUARDED]: true,
    query: (...args: unknown[]) => {
      const result = query(...args);
      const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
      if (typeof text !== "string" || !/^\s*begin\b/i.test(text) || !(result instanceof Promise))
        return result;
      return result.catch((err: unknown) => {
        client.release(err instanceof Error ? err : true);
        throw err;
      });
    },
  });
  return client;
}

/**
 * Counts the statements PGlite runs: every statement goes to the engine as wire-protocol messages, a Parse ('P')
 * for each parameterised one, a Query ('Q') for each simple one (BEGIN, COMMIT); the Bind, Describe, Execute and
 * Sync that follow a Parse are the same statement.
 */
function countProtocolStatements(client: PGlite): { n: number } {
  const counter = { n: 0 };
  const exec = client.execProtocolStream.bind(client);
  client.execProtocolStream = (message, opts) => {
    if (message[0] === 0x50 || message[0] === 0x51) counter.n++;
    return exec(message, opts);
  };
  return counter;
}

/**
 * Counts every statement a pooled client sends (pool.query goes through a client too): node-postgres sends one at a
 * time, so this is also the round trips. The bench divides it by the writes made (docs/performance.md).
 */
function countStatements(client: PoolClient | import("pg").Client, counter: { n: number }) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  Object.assign(client, {
    query: (...args: unknown[]) => {
      counter.n++;
      return query(...args);
    },
  });
}
