import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import type { Config } from "./config";
import type { Db } from "./db/client";
import { periods, users } from "./db/schema";
import { MIGRATIONS_DIR, SERVER_ROOT } from "./paths";

/*
 * What a first start on an empty database loads (docs/architecture.md "Start and the sample"). The server never
 * imports the seeds: the sample comes either
 *  - as a snapshot — a PGlite `dumpDataDir()` tarball of the migrated, sample-loaded database, made at build time
 *    by the seed bundle (`node server/dist/main.seed.js --snapshot`, run by `npm run build` and `npm start`) —
 *    which an empty embedded data folder starts from when it was made by the same migrations on the same day
 *    (the training period is placed around the day it is loaded), or
 *  - by replay: the seed bundle beside the server's (`<bundle>.seed.js`, built from seeds/src/entry.ts) loaded at
 *    run time through the `SampleSeed` interface, as on PostgreSQL or when the snapshot does not fit.
 * tests/seeds/sampleSnapshot.test.ts proves the snapshot holds what the replay writes.
 */

/** A demo account as printed at start. */
export interface DemoAccountRow {
  username: string;
  password: string;
  role: string;
  who: string;
}

/** The seeds' side of the interface (seeds/src/entry.ts). */
export interface SampleSeed {
  /** Loads the sample into a migrated, empty database (one transaction). */
  load(db: Db, opts: { fastHashing: boolean; now?: Date }): Promise<void>;
  demoAccounts(): DemoAccountRow[];
}

/** Written beside a snapshot's tarball: what it was made from, and the accounts to print when it is loaded. */
export interface SnapshotMeta {
  migrations: string;
  day: string;
  fastHashing: boolean;
  accounts: DemoAccountRow[];
}

/** True when the database holds no period and no user (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [[p], [u]] = await Promise.all([
    db.select({ n: count() }).from(periods),
    db.select({ n: count() }).from(users),
  ]);
  return p.n === 0 && u.n === 0;
}

/** A digest of every migration file: a snapshot made by other migrations is not loaded. */
export function migrationsFingerprint(): string {
  const hash = crypto.createHash("sha256");
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else hash.update(name).update(fs.readFileSync(full));
    }
  };
  walk(MIGRATIONS_DIR);
  return hash.digest("hex").slice(0, 32);
}

/** The day in Vietnam (UTC+7) the sample's training period is placed around. */
export function sampleDay(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Where the build puts the snapshot: SAMPLE_SNAPSHOT, else server/dist/sample-snapshot.tar (+ `.json`). */
export function snapshotFile(config: Pick<Config, "SAMPLE_SNAPSHOT">): string {
  return path.resolve(config.SAMPLE_SNAPSHOT ?? path.join(SERVER_ROOT, "dist/sample-snapshot.tar"));
}

/**
 * The snapshot an embedded data folder starts from, or null: only for a folder PGlite has not initialised yet,
 * with sample data on, when the snapshot was made by these migrations today and with the same password hashing.
 */
export function usableSnapshot(config: Config): { tarball: Blob; meta: SnapshotMeta } | null {
  if (config.DATABASE_URL || config.DATA_DIR.startsWith("memory://")) return null;
  if (config.LOAD_SAMPLE_DATA !== "auto") return null;
  if (fs.existsSync(path.join(config.dataDir, "PG_VERSION"))) return null;
  const file = snapshotFile(config);
  let meta: SnapshotMeta;
  try {
    meta = JSON.parse(fs.readFileSync(`${file}.json`, "utf8")) as SnapshotMeta;
  } catch {
    return null;
  }
  if (meta.migrations !== migrationsFingerprint() || meta.day !== sampleDay()) return null;
  if (meta.fastHashing !== (config.FAST_HASH === "1") || !fs.existsSync(file)) return null;
  return { tarball: new Blob([fs.readFileSync(file)]), meta };
}

/** The seed bundle beside the running server's (or, run from source, the seeds' entry), loaded on demand. */
export function loadSampleSeed(): SampleSeed {
  const file = __filename.endsWith(".ts")
    ? path.join(SERVER_ROOT, "../seeds/src/entry.ts")
    : __filename.replace(/\.js$/, ".seed.js");
  // A run-time require by path, not an import: the seed bundle is built beside this one (scripts/build-server.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { sampleSeed: SampleSeed }).sampleSeed;
}
