import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { sealAudit } from "./auditSealer";

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; reason: "hash_mismatch" | "prev_hash_mismatch" };

const GENESIS_HASH = "0".repeat(64);

interface ChainRow {
  id: number | string;
  seq: number | string;
  prev_hash: string;
  hash: string;
  expected: string;
}

/**
 * Chains every committed row first (waiting for a sealer running elsewhere), then walks the whole chain in `seq`
 * order and reports the first row (by id) whose link or content does not hold. Each row's hash is recomputed by
 * the database's `audit_row_hash` (the function the sealer uses) from the stored fields, so a changed byte in any
 * field, or a changed link, shows. A row removed from the chain breaks the next row's link.
 */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  await sealAudit(db, { wait: true });
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let rows = 0;
  for (;;) {
    const result = await db.execute(sql`
      select id, seq, prev_hash, hash,
             audit_row_hash(prev_hash, at, actor_id, actor_name, action, entity, entity_id,
                            old_value, new_value, reason) as expected
        from audit_log where seq > ${lastSeq} order by seq limit ${batchSize}`);
    const batch = (result as unknown as { rows: ChainRow[] }).rows;
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      const id = Number(row.id);
      rows++;
      if (row.prev_hash !== prev) return { ok: false, rows, brokenAt: id, reason: "prev_hash_mismatch" };
      if (row.expected !== row.hash) return { ok: false, rows, brokenAt: id, reason: "hash_mismatch" };
      prev = row.hash;
      lastSeq = Number(row.seq);
    }
  }
}
