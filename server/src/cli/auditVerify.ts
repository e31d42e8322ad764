import { loadConfig } from "../config";
import { openDatabase } from "../db/open";
import { verifyAuditChain } from "../audit/verifyAuditChain";

/** `npm run audit:verify`: walks the hash chain of the configured database and reports the first broken row. */
async function main() {
  const config = loadConfig();
  const { database, release } = await openDatabase(config);
  try {
    await database.migrate();
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      console.log(`Audit log intact: ${result.rows} rows, hash chain verified.`);
    } else {
      console.error(
        `Audit log BROKEN at row id ${result.brokenAt} (${result.reason}); ${result.rows - 1} rows before it are intact.`,
      );
      process.exitCode = 2;
    }
  } finally {
    await database.close();
    release();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
