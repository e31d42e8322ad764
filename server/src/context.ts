import type { Logger } from "pino";
import type { Config } from "./config";
import type { Database } from "./db/client";

/** What every route and realtime handler gets: config, database, logger, and readiness state. */
export interface AppContext {
  config: Config;
  database: Database;
  logger: Logger;
  /** Set once migrations and sample data are done; cleared while the database is unreachable. */
  ready: { migrated: boolean };
}
