import { desc, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { auditLog } from "../db/schema";
import { GENESIS_HASH, auditRowHash } from "./hash";

export interface AuditEntry {
  actor: { id: string; username: string } | null;
  action: string;
  entity: string;
  entityId?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

// Arbitrary constant key for the advisory lock that serialises chain appends across connections/instances.
const AUDIT_CHAIN_LOCK = 7_210_001;

/** Appends one hash-chained audit row; call it inside the transaction of the change it records. */
export async function appendAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  // Two writers reading the same "last hash" would fork the chain; the transaction-scoped lock prevents it.
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields = {
    at: new Date(),
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    oldValue: toJson(entry.oldValue),
    newValue: toJson(entry.newValue),
    reason: entry.reason ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: auditRowHash(prevHash, fields) });
}

// Dates and undefined are normalised now, so that what is hashed is exactly what jsonb gives back.
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
