import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Config } from "../config";
import type { DbOrTx } from "../db/client";

/**
 * What seals and verifies the audit chain. The key never reaches the database: each row's hash is an
 * HMAC-SHA-256 computed here, in Node, so someone who can rewrite the table (even as a superuser) cannot recompute
 * a chain that verifies. The checkpoint file keeps the chain's heads where the database cannot rewrite them.
 */
export interface AuditChain {
  key: Buffer;
  /** A fingerprint of the key (not the key), written with each checkpoint: a verifier with another key says so. */
  keyId: string;
  /** Append-only file of the chain's heads; null when none is kept (an in-memory database with no file named). */
  checkpointFile: string | null;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface Checkpoint extends ChainHead {
  at: string;
  key: string;
}

export const GENESIS_HASH = "0".repeat(64);

// An in-memory database lives as long as the process, and so may its key.
let processKey: Buffer | null = null;

/** The audit chain of this configuration: AUDIT_KEY, else (development) a generated key kept in the data folder. */
export function auditChainOf(config: Config): AuditChain {
  const key = auditKey(config);
  return {
    key,
    keyId: crypto.createHmac("sha256", key).update("audit-key-id").digest("hex").slice(0, 16),
    checkpointFile: config.auditCheckpointFile,
  };
}

function auditKey(config: Config): Buffer {
  if (config.AUDIT_KEY) return Buffer.from(config.AUDIT_KEY, "utf8");
  if (config.DATA_DIR.startsWith("memory://")) return (processKey ??= crypto.randomBytes(32));
  // Like the session secret (app.ts): production refuses to start without AUDIT_KEY (config), so this file only
  // serves development, where losing it only means the local chain no longer verifies.
  const file = path.join(config.dataDir, ".audit-key");
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return Buffer.from(fs.readFileSync(file, "utf8").trim(), "utf8");
}

/** A row as hashed: every recorded field in a text form PostgreSQL renders the same way every time. */
export interface ChainRow {
  id: string;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
}

/**
 * The columns of `ChainRow` (ids as text: order by `audit_log.seq`/`audit_log.id`, never by these aliases). jsonb's text form is canonical (keys sorted, numbers normalised) and the time is
 * rendered in UTC to the microsecond, so the same stored row always hashes the same, whatever the session settings.
 */
export const CHAIN_COLUMNS = sql.raw(`id::text as id, seq::text as seq, prev_hash, hash,
  to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, actor_id::text as actor_id, actor_name,
  action, entity, entity_id, old_value::text as old_value, new_value::text as new_value, reason`);

/** The keyed hash of one row at its place in the chain: over the previous hash, its position and its fields. */
export function rowHash(key: Buffer, prev: string, seq: number, row: ChainRow): string {
  const fields = [
    row.id,
    seq,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.entity,
    row.entity_id,
    row.old_value,
    row.new_value,
    row.reason,
  ];
  return crypto
    .createHmac("sha256", key)
    .update(`${prev}\n${JSON.stringify(fields)}`)
    .digest("hex");
}

/** The rows of a raw query, on PGlite and node-postgres alike. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The last sealed row's place and hash: the chain's head, or null while nothing is sealed. */
export async function readHead(db: DbOrTx): Promise<ChainHead | null> {
  const [row] = rowsOf<{ seq: string; hash: string }>(
    await db.execute(
      sql`select seq::text as seq, hash from audit_log where seq is not null order by audit_log.seq desc limit 1`,
    ),
  );
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

// The head each file last got from this process: a head is written once, whoever (sealer, verifier) saw it first.
const lastWritten = new Map<string, string>();
// Appends to one file, one after the other in the order they were asked for: seals commit in chain order (one at a
// time, under the lock), and so their heads reach the file in that order.
const appending = new Map<string, Promise<void>>();

/**
 * Appends a head to the checkpoint file (one JSON line, flushed to disk) unless this process wrote it last. Called
 * after the seal commits, so that no checkpoint names a head the database never had.
 */
export function appendCheckpoint(chain: AuditChain, head: ChainHead | null): Promise<void> {
  const file = chain.checkpointFile;
  if (!file || !head) return Promise.resolve();
  const next = (appending.get(file) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => writeCheckpoint(chain, file, head));
  appending.set(file, next);
  return next;
}

async function writeCheckpoint(chain: AuditChain, file: string, head: ChainHead): Promise<void> {
  const tag = `${head.seq}:${head.hash}`;
  if (lastWritten.get(file) === tag) return;
  lastWritten.set(file, tag);
  const line: Checkpoint = { seq: head.seq, hash: head.hash, at: new Date().toISOString(), key: chain.keyId };
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const handle = await fs.promises.open(file, "a", 0o600);
    try {
      await handle.appendFile(`${JSON.stringify(line)}\n`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    lastWritten.delete(file);
    throw err;
  }
}

/** Every checkpoint in the file (none when there is no file); lines that are not checkpoints are counted. */
export function readCheckpoints(chain: AuditChain): { checkpoints: Checkpoint[]; malformed: number } {
  const file = chain.checkpointFile;
  if (!file || !fs.existsSync(file)) return { checkpoints: [], malformed: 0 };
  const checkpoints: Checkpoint[] = [];
  let malformed = 0;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const c = JSON.parse(line) as Checkpoint;
      if (Number.isSafeInteger(c.seq) && c.seq > 0 && /^[0-9a-f]{64}$/.test(c.hash)) checkpoints.push(c);
      else malformed++;
    } catch {
      malformed++;
    }
  }
  return { checkpoints, malformed };
}
