import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";

/*
 * Template databases for one Jest run. Migrating a new database and loading the sample (the 2023 period's whole
 * history) took seconds per test file; the global setup now does it once per run (buildTemplates.ts), and every
 * test clones the result: PGlite starts from a `dumpDataDir()` tarball, PostgreSQL uses `create database …
 * template …`.
 *
 * Built per run, never cached across runs: the migrations may change between runs (a new server/drizzle file),
 * and the sample places its training period around the current date. The global teardown removes them; a run
 * that was killed leaves them behind, so the builder also removes any older than STALE_MS.
 *
 * This module stays light (no server code): the Jest parent process imports it for the global setup and
 * teardown, and loading the server's modules there would leak globals (Yjs's import marker) into in-band tests.
 */

/** Environment variables by which the global setup tells the test files where this run's templates are. */
export const TEMPLATE_ENV = {
  /** A folder holding `empty.tar` (migrated) and `sample.tar` (migrated + sample), PGlite data dirs. */
  pgliteDir: "CA_TEST_TEMPLATE_DIR",
  /** The PostgreSQL database names (same server as DATABASE_URL) of the two templates. */
  pgEmpty: "CA_TEST_TEMPLATE_PG_EMPTY",
  pgSample: "CA_TEST_TEMPLATE_PG_SAMPLE",
} as const;

export const PGLITE_PREFIX = "ca-test-template-";
export const PG_PREFIX = "ca_tpl_";
/** Older templates were left by a killed run; long enough that no live run sharing the server loses its own. */
export const STALE_MS = 12 * 3600_000;

/** A database whose contents are the template's: `sample` for the sample data, else migrated and empty. */
export type TemplateKind = "empty" | "sample";

/** This run's PGlite template tarball of the given kind, or null when no global setup built one. */
export function pgliteTemplate(kind: TemplateKind): Blob | null {
  const dir = process.env[TEMPLATE_ENV.pgliteDir];
  if (!dir) return null;
  return new Blob([fs.readFileSync(path.join(dir, `${kind}.tar`))]);
}

/** This run's PostgreSQL template database of the given kind, or null when no global setup built one. */
export function postgresTemplate(kind: TemplateKind): string | null {
  return process.env[kind === "sample" ? TEMPLATE_ENV.pgSample : TEMPLATE_ENV.pgEmpty] ?? null;
}

/** Removes this run's templates (idempotent: Jest may call the teardown once per project). */
export async function removeTemplates(): Promise<void> {
  const dir = process.env[TEMPLATE_ENV.pgliteDir];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  delete process.env[TEMPLATE_ENV.pgliteDir];
  const url = process.env.DATABASE_URL;
  const names = [process.env[TEMPLATE_ENV.pgEmpty], process.env[TEMPLATE_ENV.pgSample]].filter(
    (n): n is string => !!n,
  );
  if (url && names.length) await withAdmin(url, (c) => dropDatabases(c, names));
  delete process.env[TEMPLATE_ENV.pgEmpty];
  delete process.env[TEMPLATE_ENV.pgSample];
}

/** Drops databases even if something is still connected to them. */
export async function dropDatabases(admin: Client, names: string[]): Promise<void> {
  for (const n of names) await admin.query(`drop database if exists ${n} with (force)`);
}

/** `url` pointing at another database on the same server. */
export function databaseUrl(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Runs `fn` with a short-lived connection to the server's maintenance database (the one in DATABASE_URL). */
export async function withAdmin<T>(url: string, fn: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
