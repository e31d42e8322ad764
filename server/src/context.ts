import type { Logger } from "pino";
import type { AuditChain } from "./audit/auditChain";
import type { Config } from "./config";
import type { Database } from "./db/client";
import type { EventSink } from "./events/domainEvents";
import type { FileStore } from "./services/files/fileStore";
import type { Mailer } from "./services/mail/mailer";

/** What every route and realtime handler gets: config, database, logger, files, the events' sink, readiness. */
export interface AppContext {
  config: Config;
  database: Database;
  logger: Logger;
  files: FileStore;
  /**
   * Where commands' events go (events/domainEvents.ts): the dispatcher, which pushes, drops cached rankings,
   * notifies and mails once the server attached it (events/dispatcher.ts).
   */
  effects: EventSink;
  /** E-mail for notifications (does nothing without SMTP_URL). */
  mailer: Mailer;
  /** The audit chain's key and checkpoint file (the sealer, the verifier, the head printed on exports). */
  audit: AuditChain;
  /** Set once migrations and sample data are done (the database's own reachability is `database.reachability`). */
  ready: { migrated: boolean };
}
