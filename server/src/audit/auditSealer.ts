import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Logger } from "pino";
import {
  appendCheckpoint,
  CHAIN_COLUMNS,
  GENESIS_HASH,
  readCheckpoints,
  readHead,
  rowHash,
  rowsOf,
  type AuditChain,
  type ChainHead,
  type ChainRow,
} from "./auditChain";

/** How often committed audit rows are chained; a row stays unsealed at most about this long plus one seal. */
export const AUDIT_SEAL_INTERVAL_MS = 250;
const BATCH = 5000;
// One sealer at a time across instances (the key of migration 0008's lock, kept).
const SEAL_LOCK = 7210001;

/**
 * Chains the audit rows committed since the last seal, in id order after the last sealed row, with the keyed hash
 * (`rowHash`, computed here: the key never reaches the database). Commands only insert rows, so official writes
 * never wait on one another for the chain; this one loop, one at a time across instances (an advisory lock), keeps
 * the chain whole. `wait` blocks on another instance's seal instead of skipping, for a verification that must see
 * every committed row chained. Once committed, the new head is appended to the checkpoint file.
 */
export async function sealAudit(
  db: Db,
  chain: AuditChain,
  opts: { wait?: boolean } = {},
): Promise<{ sealed: number; head: ChainHead | null }> {
  let sealed = 0;
  let head: ChainHead | null = null;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      if (opts.wait) await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK})`);
      else {
        const [lock] = rowsOf<{ ok: boolean }>(
          await tx.execute(sql`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`),
        );
        if (!lock.ok) return null;
      }
      const last = await readHead(tx);
      let seq = last?.seq ?? 0;
      let prev = last?.hash ?? GENESIS_HASH;
      const rows = rowsOf<ChainRow>(
        await tx.execute(
          sql`select ${CHAIN_COLUMNS} from audit_log where seq is null order by audit_log.id limit ${BATCH}`,
        ),
      );
      const links = rows.map((row) => {
        seq++;
        const hash = rowHash(chain.key, prev, seq, row);
        const link = { id: row.id, seq, prev, hash };
        prev = hash;
        return link;
      });
      if (links.length)
        await tx.execute(sql`update audit_log a set seq = v.seq, prev_hash = v.prev, hash = v.hash
          from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as v(id bigint, seq bigint, prev text, hash text)
          where a.id = v.id`);
      return { n: links.length, head: seq ? { seq, hash: prev } : null };
    });
    // Another instance is sealing: it checkpoints what it seals.
    if (!batch) return { sealed, head };
    sealed += batch.n;
    head = batch.head;
    if (batch.n < BATCH) break;
  }
  await appendCheckpoint(chain, head);
  return { sealed, head };
}

export interface AuditSealer {
  /** Stops the loop after one last seal, so a clean shutdown leaves nothing unchained. */
  stop(): Promise<void>;
}

/**
 * Seals every AUDIT_SEAL_INTERVAL_MS once `isReady()` (the migrations have run). The first seal also compares the
 * newest checkpoint with the table and says so loudly when the table no longer holds it: the log was truncated or
 * rewritten while the server was down (`npm run audit:verify` tells the whole story).
 */
export function startAuditSealer(
  db: Db,
  chain: AuditChain,
  logger: Logger,
  isReady: () => boolean,
): AuditSealer {
  let running: Promise<unknown> | null = null;
  let failing = false;
  let checked = false;
  const tick = () => {
    if (running || !isReady()) return;
    running = (checked ? Promise.resolve() : checkNewestCheckpoint(db, chain, logger))
      .then(async () => {
        checked = true;
        // One indexed probe (audit_log_unsealed_idx) instead of a sealing transaction of five statements every
        // tick: an idle sealer was most of the statements a meeting's edits cost (docs/performance.md, P1).
        if (await nothingUnsealed(db)) return;
        return sealAudit(db, chain);
      })
      .then(() => {
        if (failing) logger.info("audit: sealing again");
        failing = false;
      })
      .catch((err) => {
        // Logged once per outage: the rows wait, unchained but committed, and the next tick retries.
        if (!failing) logger.error({ err }, "audit: could not seal the log or append its checkpoint");
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
      if (isReady())
        await sealAudit(db, chain).catch((err) => logger.error({ err }, "audit: last seal failed"));
    },
  };
}

async function nothingUnsealed(db: Db): Promise<boolean> {
  const [row] = rowsOf<{ due: boolean }>(
    await db.execute(sql`select exists (select 1 from audit_log where seq is null) as due`),
  );
  return !row?.due;
}

async function checkNewestCheckpoint(db: Db, chain: AuditChain, logger: Logger): Promise<void> {
  const { checkpoints } = readCheckpoints(chain);
  const newest = checkpoints.reduce<(typeof checkpoints)[number] | null>(
    (a, c) => (a && a.seq >= c.seq ? a : c),
    null,
  );
  if (!newest) return;
  const [row] = rowsOf<{ hash: string }>(
    await db.execute(sql`select hash from audit_log where seq = ${newest.seq}`),
  );
  if (row?.hash !== newest.hash)
    logger.error(
      { checkpoint: newest, found: row?.hash ?? null, file: chain.checkpointFile },
      "audit: the newest checkpointed head is not in the audit log (truncated or rewritten); run npm run audit:verify",
    );
}

/** The chain's head including every row committed so far (sealed now, unless another instance is sealing). */
export async function currentHead(db: Db, chain: AuditChain): Promise<ChainHead | null> {
  await sealAudit(db, chain);
  return readHead(db);
}
