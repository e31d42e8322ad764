import { ConfigError, loadConfig } from "./config";
import { DataDirLockedError } from "./db/dataDirLock";
import { openDatabase } from "./db/open";
import { isConnectionError } from "./db/reachability";
import { useFastHashing } from "./auth/password";
import { createLogger } from "./logger";
import { createServer } from "./server";
import type { AppContext } from "./context";
import { Dispatcher } from "./events/dispatcher";
import { FileStore } from "./services/files/fileStore";
import { createMailer } from "./services/mail/mailer";
import { isEmpty, loadSampleSeed, usableSnapshot, type DemoAccountRow } from "./firstStart";
import { ensureSampleFiles } from "./services/files/sampleDocument";
import { createFirstAdmin } from "./commands/createFirstAdmin";
import { auditChainOf } from "./audit/auditChain";

/**
 * Starts the whole app: configuration, database (migrated), sample data on a fresh install (from the build's
 * snapshot or replayed by the seed bundle: firstStart.ts), HTTP server.
 */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  useFastHashing(config.FAST_HASH === "1");
  const logger = createLogger(config);

  // An empty embedded folder starts from the build's sample snapshot when it fits (firstStart.ts).
  const snapshot = usableSnapshot(config);
  let opened;
  try {
    opened = await openDatabase(config, snapshot ? { loadDataDir: snapshot.tarball } : {});
  } catch (err) {
    if (err instanceof DataDirLockedError) fail(err.message);
    throw err;
  }
  const { database, release } = opened;
  if (database.kind === "pglite") {
    logger.warn(
      { dataDir: config.dataDir },
      "Using the embedded database (PGlite): for trying out and development only. It does not fsync; " +
        "production runs on a PostgreSQL server (set DATABASE_URL; see docker-compose.yml).",
    );
  }

  const ctx: AppContext & { effects: Dispatcher } = {
    config,
    database,
    logger,
    files: new FileStore(config.uploadDir),
    effects: new Dispatcher(),
    mailer: createMailer(config, logger),
    audit: auditChainOf(config),
    ready: { migrated: false },
  };
  const { server, io, collab, stopBackground } = await createServer(ctx).catch((err: Error) =>
    fail(`Could not connect to Redis at REDIS_URL: ${err.message}`),
  );
  server.on("error", (err: NodeJS.ErrnoException) => {
    release();
    fail(
      err.code === "EADDRINUSE"
        ? `Port ${config.PORT} is already in use. Set PORT to another port.`
        : err.message,
    );
  });
  // Listening first lets /healthz answer while migrations run; /readyz stays 503 until they are done.
  server.listen(config.PORT, config.HOST);

  // A database still starting (docker compose brings both up at once) is waited for, not a reason to exit.
  for (;;) {
    try {
      await database.migrate();
      break;
    } catch (err) {
      if (!isConnectionError(err)) throw err;
      logger.warn({ err }, "database not reachable yet; retrying in 1 s");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  if (snapshot) {
    logger.info({ day: snapshot.meta.day }, "sample data loaded from the build's snapshot");
    printDemoAccounts(snapshot.meta.accounts);
  } else if (config.LOAD_SAMPLE_DATA === "auto" && (await isEmpty(database.db))) {
    const seed = loadSampleSeed();
    await seed.load(database.db, { fastHashing: config.FAST_HASH === "1" });
    printDemoAccounts(seed.demoAccounts());
  } else if (
    config.BOOTSTRAP_ADMIN_PASSWORD &&
    (await createFirstAdmin(database.db, config.BOOTSTRAP_ADMIN_PASSWORD))
  ) {
    logger.warn(
      "Created the first account `admin` from BOOTSTRAP_ADMIN_PASSWORD; change its password after signing in.",
    );
  }
  // The sample's files (evidence, signed reports) all point at one document: it must be in the store.
  await ensureSampleFiles(database.db, ctx.files);
  ctx.ready.migrated = true;
  logger.info(
    { port: config.PORT, database: database.kind },
    `Council Appraisal ready on http://localhost:${config.PORT}`,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down");
    // Yjs clients are told to reconnect (1001) and pending document updates are written before the database closes.
    await collab.close().catch((err) => logger.error({ err }, "collab: shutdown"));
    io.close();
    await stopBackground();
    server.close();
    await database.close().catch(() => undefined);
    release();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function printDemoAccounts(rows: DemoAccountRow[]) {
  const widths = [14, 10, 16].map((w, i) =>
    Math.max(w, ...rows.map((r) => [r.username, r.password, r.role][i].length)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  console.log("\nSample data loaded. Demo accounts (tài khoản dùng thử):\n");
  console.log(line(["username", "password", "role", "who"]));
  console.log(line(widths.map((w) => "-".repeat(w)).concat("-".repeat(30))));
  for (const r of rows) console.log(line([r.username, r.password, r.role, r.who]));
  console.log("");
}

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
