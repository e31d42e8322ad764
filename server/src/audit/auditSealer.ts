import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Logger } from "pino";

/** How often committed audit rows are chained; a row stays unsealed at most about this long plus one seal. */
export const AUDIT_SEAL_INTERVAL_MS = 250;
const BATCH = 5000;

/**
 * Chains the audit rows committed since the last seal (`audit_seal`, migration 0008). Commands only insert rows,
 * so official writes never wait on one another for the chain; this one loop, one at a time across instances
 * (the function takes an advisory lock), keeps the chain whole. `wait` blocks on another instance's seal instead
 * of skipping, for a verification that must see every committed row chained.
 */
export async function sealAudit(db: Db, opts: { wait?: boolean } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`select audit_seal(${BATCH}, ${opts.wait ?? false}) as n`);
    const n = Number((result as unknown as { rows: { n: number }[] }).rows[0].n);
    total += n;
    if (n < BATCH) return total;
  }
}

export interface AuditSealer {
  /** Stops the loop after one last seal, so a clean shutdown leaves nothing unchained. */
  stop(): Promise<void>;
}

/** Seals every AUDIT_SEAL_INTERVAL_MS once `isReady()` (the migrations have run). */
export function startAuditSealer(db: Db, logger: Logger, isReady: () => boolean): AuditSealer {
  let running: Promise<unknown> | null = null;
  let failing = false;
  const tick = () => {
    if (running || !isReady()) return;
    running = sealAudit(db)
      .then(() => {
        if (failing) logger.info("audit: sealing again");
        failing = false;
      })
      .catch((err) => {
        // Logged once per outage: the rows wait, unchained but committed, and the next tick retries.
        if (!failing) logger.error({ err }, "audit: could not seal the log");
        failing = true;
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, AUDIT_SEAL_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      if (isReady()) await sealAudit(db).catch((err) => logger.error({ err }, "audit: last seal failed"));
    },
  };
}
