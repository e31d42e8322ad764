/**
 * The upgrade to the keyed audit chain (migration 0010) on a database whose rows were chained without a key, and
 * the audit key's configuration. The unkeyed chain is checked once more and the outcome recorded in an audit row of
 * its own, which the keyed chain then covers; every row is then re-chained with the key.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { loadConfig } from "@ca/server/src/config";
import { openPglite, openPostgres, type Database } from "@ca/server/src/db/client";
import { MIGRATIONS_DIR } from "@ca/server/src/paths";
import { auditChainOf, rowsOf } from "@ca/server/src/audit/auditChain";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { databaseUrl, withAdmin } from "../../support/templateDatabase";
import { ROOT } from "../../support/serverProcess";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ca-keying-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A folder with the migrations up to and including `last` (e.g. "0008"), journal cut to match. */
function migrationsUpTo(last: string): string {
  const dir = fs.mkdtempSync(path.join(tmp, "migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8"));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag.slice(0, 4) <= last);
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries as { tag: string }[])
    fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/** A new, empty database on this run's engine, migrated with the migrations of `folder`. */
async function bareDatabase(): Promise<{
  database: Database;
  migrate: (folder: string) => Promise<void>;
  drop: () => Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openPglite("memory://");
    return {
      database,
      migrate: (folder) => migratePglite(database.db as never, { migrationsFolder: folder }),
      drop: () => database.close(),
    };
  }
  const name = `ca_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await withAdmin(url, (admin) => admin.query(`create database ${name}`));
  const database = await openPostgres(databaseUrl(url, name), 2);
  return {
    database,
    migrate: (folder) => migratePg(database.db as never, { migrationsFolder: folder }),
    drop: async () => {
      await database.close();
      await withAdmin(url, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

describe("upgrading an unkeyed chain (migration 0010)", () => {
  it.each([
    ["intact", false],
    ["broken", true],
  ])("records the %s unkeyed chain, then re-chains every row with the key", async (_label, tamper) => {
    const { database, migrate, drop } = await bareDatabase();
    const db = database.db;
    try {
      await migrate(migrationsUpTo("0008"));
      for (let i = 0; i < 5; i++)
        await db.execute(
          sql`insert into audit_log (at, action, entity, entity_id) values (now(), 'test.legacy', 'test', ${String(i)})`,
        );
      await db.execute(sql`select audit_seal(100, true)`);
      const [third] = rowsOf<{ id: string }>(
        await db.execute(sql`select id::text as id from audit_log where seq = 3`),
      );
      if (tamper)
        await db.transaction(async (tx) => {
          await tx.execute(sql`set local session_replication_role = replica`);
          await tx.execute(sql`update audit_log set reason = 'changed' where seq = 3`);
        });

      await migrate(MIGRATIONS_DIR);
      const rows = rowsOf<{ action: string; seq: string | null; new_value: Record<string, unknown> | null }>(
        await db.execute(sql`select action, seq::text as seq, new_value from audit_log order by id`),
      );
      expect(rows).toHaveLength(6);
      expect(rows.every((r) => r.seq === null)).toBe(true);
      expect(rows[5]).toMatchObject({
        action: "audit.chain_keyed",
        new_value: {
          unkeyedRows: 5,
          unkeyedIntact: !tamper,
          firstBrokenId: tamper ? Number(third.id) : null,
        },
      });
      // No function left in the database that computes a chain.
      const fns = rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from pg_proc where proname in ('audit_seal', 'audit_row_hash')`,
        ),
      );
      expect(fns[0].n).toBe(0);

      // The test environment's key, not its Redis: one instance alone needs no shared session secret.
      const chain = auditChainOf(loadConfig({ ...process.env, REDIS_URL: undefined, DATA_DIR: "memory://" }));
      const result = await verifyAuditChain(db, chain);
      expect(result).toMatchObject({ ok: true, rows: 6 });
    } finally {
      await drop();
    }
  });
});

describe("the audit key", () => {
  const production = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(32), DATA_DIR: "memory://" };

  it("is required in production, and must be long", () => {
    expect(() => loadConfig(production)).toThrow(/AUDIT_KEY: required in production/);
    expect(() => loadConfig({ ...production, AUDIT_KEY: "short" })).toThrow(/AUDIT_KEY/);
    expect(loadConfig({ ...production, AUDIT_KEY: "k".repeat(32) }).AUDIT_KEY).toBe("k".repeat(32));
  });

  it("is kept in the data folder in development, the same at every start", () => {
    const dataDir = path.join(tmp, "data");
    const first = auditChainOf(loadConfig({ DATA_DIR: dataDir }));
    const again = auditChainOf(loadConfig({ DATA_DIR: dataDir }));
    expect(again.key.equals(first.key)).toBe(true);
    expect((fs.statSync(path.join(dataDir, ".audit-key")).mode & 0o777).toString(8)).toBe("600");
    expect(first.checkpointFile).toBe(path.join(dataDir, "audit-checkpoints.log"));
    // AUDIT_KEY wins over the file.
    expect(auditChainOf(loadConfig({ DATA_DIR: dataDir, AUDIT_KEY: "x".repeat(40) })).keyId).not.toBe(
      first.keyId,
    );
  });
});

describe("npm run audit:verify", () => {
  const run = promisify(execFile);
  const cli = (env: Record<string, string>, args: string[] = []) =>
    run(process.execPath, ["--import", "tsx", "server/src/cli/auditVerify.ts", ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", NODE_OPTIONS: "", ...env },
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  // The embedded database on disk, as `npm start` keeps it: the key and the checkpoints live in the data folder.
  it("says intact, then reports a truncated table from the checkpoint file, with exit code 2", async () => {
    const dataDir = path.join(tmp, "cli-data");
    const database = await openPglite(dataDir);
    await database.migrate();
    for (let i = 0; i < 3; i++)
      await database.db.execute(
        sql`insert into audit_log (at, action, entity) values (now(), 'test.cli', 'test')`,
      );
    await database.close();

    const intact = await cli({ DATA_DIR: dataDir });
    expect(intact.out).toMatch(/Audit log intact: 3 rows/);
    expect(intact.code).toBe(0);
    const checkpoint = JSON.parse(fs.readFileSync(path.join(dataDir, "audit-checkpoints.log"), "utf8"));
    expect(checkpoint).toMatchObject({ seq: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const again = await openPglite(dataDir);
    await again.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`truncate audit_log`);
    });
    await again.close();
    const broken = await cli({ DATA_DIR: dataDir });
    expect(broken.code).toBe(2);
    expect(broken.out).toMatch(/BROKEN[\s\S]*the table was truncated/);
    // Without the file, the head printed on a report is enough to tell.
    const elsewhere = { DATA_DIR: dataDir, AUDIT_CHECKPOINT_FILE: path.join(tmp, "none.log") };
    const printed = await cli(elsewhere, ["--head", `${checkpoint.seq}:${checkpoint.hash}`]);
    expect(printed.code).toBe(2);
    expect(printed.out).toMatch(/the table was truncated/);
  });
});
