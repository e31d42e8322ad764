import type { Config } from "../config";
import { openPglite, openPostgres, type Database } from "./client";
import { lockDataDir } from "./dataDirLock";

/**
 * Opens the configured database: PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR under a folder lock.
 * `loadDataDir` (a `dumpDataDir()` tarball) fills an embedded folder PGlite has not initialised yet.
 */
export async function openDatabase(
  config: Config,
  opts: { loadDataDir?: Blob } = {},
): Promise<{ database: Database; release: () => void }> {
  if (config.DATABASE_URL)
    return { database: await openPostgres(config.DATABASE_URL), release: () => undefined };
  if (config.DATA_DIR.startsWith("memory://"))
    return { database: await openPglite("memory://"), release: () => undefined };
  const release = lockDataDir(config.dataDir);
  try {
    return { database: await openPglite(config.dataDir, opts), release };
  } catch (err) {
    release();
    throw err;
  }
}
