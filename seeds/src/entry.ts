/**
 * The seeds' one entry point for the server (docs/architecture.md "Start and the sample"): bundled beside the
 * server as `<bundle>.seed.js` (scripts/build-server.mjs), which loads it at run time through `SampleSeed` when an
 * empty database must be filled by replay. Run by itself it makes the start snapshot:
 *
 *   node server/dist/main.seed.js --snapshot [file]     (default server/dist/sample-snapshot.tar; FAST_HASH=1
 *                                                       makes the cheap password hashes the tests sign in with)
 *
 * The snapshot is whatever `loadSample` writes into a freshly migrated embedded database, dumped as a tarball,
 * with a `.json` beside it naming the migrations and the day it was made for.
 */
import fs from "node:fs";
import path from "node:path";
import {
  loadConfig,
  migrationsFingerprint,
  openPglite,
  sampleDay,
  snapshotFile,
  useFastHashing,
  type SampleSeed,
  type SnapshotMeta,
} from "@ca/server/src/seedApi";
import { demoAccountTable, loadSample } from "./loadSample";

export const sampleSeed: SampleSeed = {
  async load(db, { fastHashing, now }) {
    useFastHashing(fastHashing);
    await loadSample(db, now);
  },
  demoAccounts: demoAccountTable,
};

/** Makes the snapshot: migrates an in-memory database, loads the sample, dumps it. Returns its metadata. */
export async function makeSnapshot(
  file: string,
  opts: { fastHashing: boolean; now?: Date },
): Promise<SnapshotMeta> {
  const database = await openPglite("memory://");
  try {
    await database.migrate();
    await sampleSeed.load(database.db, opts);
    const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
    const blob = await client.dumpDataDir("none");
    const meta: SnapshotMeta = {
      migrations: migrationsFingerprint(),
      day: sampleDay(opts.now),
      fastHashing: opts.fastHashing,
      accounts: demoAccountTable(),
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: a server starting meanwhile sees the old pair or the new, never half of one.
    fs.writeFileSync(`${file}.tmp`, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(`${file}.tmp`, file);
    fs.writeFileSync(`${file}.json.tmp`, JSON.stringify(meta));
    fs.renameSync(`${file}.json.tmp`, `${file}.json`);
    return meta;
  } finally {
    await database.close();
  }
}

if (require.main === module && process.argv.includes("--snapshot")) {
  const at = process.argv.indexOf("--snapshot");
  const arg = process.argv[at + 1];
  const config = loadConfig();
  const file = path.resolve(arg && !arg.startsWith("-") ? arg : snapshotFile(config));
  const started = Date.now();
  makeSnapshot(file, { fastHashing: config.FAST_HASH === "1" }).then(
    () => {
      console.log(`Sample snapshot written to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
