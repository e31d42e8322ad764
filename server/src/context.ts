import type { Logger } from "pino";
import type { AuditChain } from "./audit/auditChain";
import type { Config } from "./config";
import type { Database } from "./db/client";
import type { LiveEvents } from "./realtime/liveEvents";
import type { FileStore } from "./services/files/fileStore";
import type { Mailer } from "./services/mail/mailer";

/** What every route and realtime handler gets: config, database, logger, files, live events, readiness. */
export interface AppContext {
  config: Config;
  database: Database;
  logger: Logger;
  files: FileStore;
  /** Pushes small "what changed" events to the rooms allowed to see them (Socket.IO once attached). */
  events: LiveEvents;
  /** E-mail for notifications (does nothing without SMTP_URL). */
  mailer: Mailer;
  /** The audit chain's key and checkpoint file (the sealer, the verifier, the head printed on exports). */
  audit: AuditChain;
  /** Set once migrations and sample data are done (the database's own reachability is `database.reachability`). */
  ready: { migrated: boolean };
}
