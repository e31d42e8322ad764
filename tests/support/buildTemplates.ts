/**
 * Builds one Jest run's template databases (see templateDatabase.ts) for the engine the tests will use:
 * PostgreSQL when DATABASE_URL is set, else PGlite. Run by the global setup as its own process
 * (`tsx tests/support/buildTemplates.ts <out.json>`), it writes the environment variables that locate the
 * templates to <out.json>. Also exports `prepareDatabase`, the one way a test database gets its contents.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { openPglite, openPostgres, type Database } from "@ca/server/src/db/client";
import { useFastHashing } from "@ca/server/src/auth/password";
import { loadSample } from "@ca/seeds";
import {
  databaseUrl,
  dropDatabases,
  PG_PREFIX,
  PGLITE_PREFIX,
  STALE_MS,
  TEMPLATE_ENV,
  withAdmin,
  type TemplateKind,
} from "./templateDatabase";

/** Migrates a database and, for `sample`, loads the sample data the way every test expects it. */
export async function prepareDatabase(database: Database, kind: TemplateKind): Promise<void> {
  await database.migrate();
  if (kind === "sample") await loadSampleInto(database);
}

/** Loads the sample into a migrated database. */
async function loadSampleInto(database: Database): Promise<void> {
  // The demo accounts' password hashes are made with the cheap hashing the tests sign in with.
  useFastHashing(true);
  await loadSample(database.db);
}

/** Builds the templates; returns the environment variables that tell the test files where they are. */
export async function buildTemplates(): Promise<Record<string, string>> {
  const url = process.env.DATABASE_URL;
  return url ? buildPostgresTemplates(url) : buildPgliteTemplates();
}

async function buildPgliteTemplates(): Promise<Record<string, string>> {
  removeStalePgliteTemplates();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PGLITE_PREFIX));
  const database = await openPglite("memory://");
  try {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    await prepareDatabase(database, "empty");
    await dumpTo(client, path.join(dir, "empty.tar"));
    await loadSampleInto(database);
    await dumpTo(client, path.join(dir, "sample.tar"));
  } finally {
    await database.close();
  }
  return { [TEMPLATE_ENV.pgliteDir]: dir };
}

async function dumpTo(client: PGlite, file: string): Promise<void> {
  // Uncompressed: loading skips the gunzip, and the file lives only for this run.
  const blob = await client.dumpDataDir("none");
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
}

function removeStalePgliteTemplates(): void {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith(PGLITE_PREFIX)) continue;
    const full = path.join(tmp, name);
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > STALE_MS)
        fs.rmSync(full, { recursive: true, force: true });
    } catch {
      /* another run removed it first */
    }
  }
}

async function buildPostgresTemplates(url: string): Promise<Record<string, string>> {
  // The creation time in the name lets a later run recognise templates left behind by a killed one.
  const stem = `${PG_PREFIX}${Math.floor(Date.now() / 1000)}_${randomUUID().replace(/-/g, "").slice(0, 8)}`;
  const empty = `${stem}_empty`;
  const sample = `${stem}_sample`;
  await withAdmin(url, async (admin) => {
    await dropStalePostgresTemplates(admin);
    await admin.query(`create database ${empty}`);
    await fill(url, empty, (database) => prepareDatabase(database, "empty"));
    await admin.query(`create database ${sample} template ${empty}`);
    await fill(url, sample, loadSampleInto);
  });
  return { [TEMPLATE_ENV.pgEmpty]: empty, [TEMPLATE_ENV.pgSample]: sample };
}

/**
 * Fills one template database and disconnects from it: PostgreSQL refuses to copy a database that has any other
 * session, and a backend may outlive its closed socket for a moment, so this waits until none is left.
 */
async function fill(url: string, name: string, fn: (database: Database) => Promise<void>): Promise<void> {
  const database = await openPostgres(databaseUrl(url, name), 2);
  try {
    await fn(database);
  } finally {
    await database.close();
  }
  const others = "from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()";
  await withAdmin(url, async (admin) => {
    for (let i = 0; ; i++) {
      const { rows } = await admin.query(`select count(*)::int as n ${others}`, [name]);
      if (rows[0].n === 0) return;
      if (i === 50) await admin.query(`select pg_terminate_backend(pid) ${others}`, [name]);
      if (i > 150) throw new Error(`template ${name} still has ${rows[0].n} sessions`);
      await new Promise((r) => setTimeout(r, 20));
    }
  });
}

async function dropStalePostgresTemplates(admin: Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like 'ca\\_tpl\\_%'",
  );
  const stale = rows
    .map((r) => r.datname)
    .filter((n) => {
      const created = Number(n.slice(PG_PREFIX.length).split("_")[0]) * 1000;
      return Number.isFinite(created) && Date.now() - created > STALE_MS;
    });
  await dropDatabases(admin, stale);
}

if (require.main === module) {
  const out = process.argv[2];
  buildTemplates().then(
    (env) => {
      fs.writeFileSync(out, JSON.stringify(env));
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
