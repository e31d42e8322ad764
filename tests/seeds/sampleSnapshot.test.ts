/**
 * The start snapshot (server/src/firstStart.ts, seeds/src/entry.ts) holds what replaying the sample writes: every
 * table, every row, column for column, except what differs between any two loads (generated ids, the moment of
 * loading, password hashes' salts, random tokens). Made the way the build makes it (`makeSnapshot`), loaded the
 * way the server loads it (a data folder started from the tarball), against the seed replayed into a migrated
 * database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openPglite, type Database } from "@ca/server/src/db/client";
import { migrationsFingerprint, sampleDay } from "@ca/server/src/firstStart";
import { makeSnapshot, sampleSeed } from "@ca/seeds/src/entry";
import { startServerProcess, waitReady } from "../support/serverProcess";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
// Values made afresh by every load: argon2 hashes (random salt) and hex tokens/digests of 32+ characters.
const SALTED = /\$argon2[^"]*/g;
const RANDOM_HEX = /"[0-9a-f]{32,}"/g;

/** Every table's rows as sorted strings, with the per-load values masked. */
async function contents(database: Database, from: number, to: number): Promise<Record<string, string[]>> {
  const rows = (r: unknown) =>
    ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as Record<string, unknown>[];
  const tables = rows(
    await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    ),
  ).map((r) => String(r.table_name));
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const all = rows(
      await database.db.execute(sql`select row_to_json(x)::text as j from ${sql.identifier(table)} x`),
    );
    out[table] = all
      .map((r) =>
        String(r.j)
          .replace(UUID, "<uuid>")
          .replace(SALTED, "<hash>")
          .replace(RANDOM_HEX, '"<hex>"')
          // A timestamp of the load itself (created_at, an audit row's at): anything inside the test's window.
          .replace(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:?\d\d|Z)?)"/g, (m, ts: string) => {
            const at = Date.parse(/[+-]\d\d:?\d\d$|Z$/.test(ts) ? ts : `${ts}Z`);
            return at >= from && at <= to ? '"<now>"' : m;
          }),
      )
      .sort();
  }
  return out;
}

async function replayed(now: Date): Promise<Database> {
  const database = await openPglite("memory://");
  await database.migrate();
  await sampleSeed.load(database.db, { fastHashing: true, now });
  return database;
}

describe("start snapshot", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-snapshot-test-"));
  const file = path.join(dir, "sample.tar");
  const now = new Date();
  const from = Date.now() - 1000;
  let fromSnapshot: Database;
  let replay: Database;
  afterAll(async () => {
    await fromSnapshot?.close();
    await replay?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("names the migrations and the day it was made for, and the demo accounts", async () => {
    const meta = await makeSnapshot(file, { fastHashing: true, now });
    expect(meta.migrations).toBe(migrationsFingerprint());
    expect(meta.day).toBe(sampleDay(now));
    expect(meta.accounts).toEqual(sampleSeed.demoAccounts());
    expect(JSON.parse(fs.readFileSync(`${file}.json`, "utf8"))).toEqual(meta);
  });

  it("loaded into an empty data folder, equals the sample replayed, table by table", async () => {
    fromSnapshot = await openPglite(path.join(dir, "data"), {
      loadDataDir: new Blob([fs.readFileSync(file)]),
    });
    await fromSnapshot.migrate(); // nothing to do: made by these migrations
    replay = await replayed(now);
    const to = Date.now() + 1000;
    const [a, b] = [await contents(fromSnapshot, from, to), await contents(replay, from, to)];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(Object.values(a).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(1000);
    for (const table of Object.keys(b)) expect({ table, rows: a[table] }).toEqual({ table, rows: b[table] });
  });

  it("differs from a replay made for another day (the comparison sees the training period)", async () => {
    const other = await replayed(new Date(now.getTime() - 3 * 86_400_000));
    try {
      const to = Date.now() + 1000;
      const [a, b] = [await contents(fromSnapshot, from, to), await contents(other, from, to)];
      expect(a.milestones).not.toEqual(b.milestones);
    } finally {
      await other.close();
    }
  });

  it("is what the built server starts an empty data folder from, printing the demo accounts; a restart keeps it", async () => {
    const data = path.join(dir, "server-data");
    const env = { DATA_DIR: data, SAMPLE_SNAPSHOT: file, FAST_HASH: "1", LOG_LEVEL: "info" };
    const first = startServerProcess(env, 20_000 + Math.floor(Math.random() * 20_000));
    try {
      await waitReady(first);
      expect(first.output()).toContain("sample data loaded from the build's snapshot");
      expect(first.output()).toMatch(/admin\s+Demo@2023\s+admin/);
      const res = await fetch(`${first.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: first.url },
        body: JSON.stringify({ username: "admin", password: "Demo@2023" }),
      });
      expect(res.status).toBe(200);
    } finally {
      await first.stop();
    }
    const again = startServerProcess(env, 20_000 + Math.floor(Math.random() * 20_000));
    try {
      await waitReady(again);
      expect(again.output()).not.toContain("from the build's snapshot");
      expect(again.output()).not.toContain("Demo accounts");
    } finally {
      await again.stop();
    }
  });
});
