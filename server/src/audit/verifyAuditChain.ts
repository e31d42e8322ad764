import { asc, gt } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";
import { GENESIS_HASH, auditRowHash } from "./hash";

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; reason: "hash_mismatch" | "prev_hash_mismatch" };

/** Walks the whole audit log in order and reports the first row whose chain or content does not hold. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      rows++;
      if (row.prevHash !== prev) return { ok: false, rows, brokenAt: row.id, reason: "prev_hash_mismatch" };
      if (auditRowHash(prev, row) !== row.hash)
        return { ok: false, rows, brokenAt: row.id, reason: "hash_mismatch" };
      prev = row.hash;
      lastId = row.id;
    }
  }
}
