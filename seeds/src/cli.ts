// `npm run seed`: loads the sample data into the configured database (DATABASE_URL, else the embedded DATA_DIR).
// It refuses a database that already holds data, unless told `--reset`, which erases everything first.
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { isEmpty, loadConfig, openDatabase, useFastHashing } from "@ca/server/src/seedApi";
import { demoAccountTable, loadSample } from "./loadSample";

async function main() {
  const reset = process.argv.includes("--reset");
  const config = loadConfig();
  useFastHashing(config.FAST_HASH === "1");
  const { database, release } = await openDatabase(config);
  try {
    if (reset) {
      await database.db.execute(sql`drop schema if exists public cascade`);
      await database.db.execute(sql`drop schema if exists drizzle cascade`);
      await database.db.execute(sql`create schema public`);
      // The erased audit log's checkpoints belong to that log: kept aside, or every later verification of the new
      // log would report it truncated.
      const file = config.auditCheckpointFile;
      if (file && fs.existsSync(file)) {
        const aside = `${file}.before-reset-${new Date().toISOString().replace(/[:.]/g, "-")}`;
        fs.renameSync(file, aside);
        console.log(`Audit checkpoints of the erased log kept in ${aside}`);
      }
    }
    await database.migrate();
    if (!(await isEmpty(database.db))) {
      console.error(
        "The database already holds data; nothing was loaded. Run `npm run seed -- --reset` to erase it and load the sample.",
      );
      process.exitCode = 1;
      return;
    }
    await loadSample(database.db);
    console.log("Sample data loaded. Demo accounts:");
    console.table(demoAccountTable());
  } finally {
    await database.close();
    release();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
