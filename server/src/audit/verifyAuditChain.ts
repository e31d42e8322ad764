import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; reason: "hash_mismatch" | "prev_hash_mismatch" };

const GENESIS_HASH = "0".repeat(64);

interface ChainRow {
  id: number | string;
  prev_hash: string;
  hash: string;
  expected: string;
}

/**
 * Walks the whole audit log in order and reports the first row whose chain or content does not hold. Each row's
 * hash is recomputed by the database's `audit_row_hash` (the function the chaining trigger uses) from the stored
 * fields, so a changed byte in any field, or a changed link, shows.
 */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const result = await db.execute(sql`
      select id, prev_hash, hash,
             audit_row_hash(prev_hash, at, actor_id, actor_name, action, entity, entity_id,
                            old_value, new_value, reason) as expected
        from audit_log where id > ${lastId} order by id limit ${batchSize}`);
    const batch = (result as unknown as { rows: ChainRow[] }).rows;
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      const id = Number(row.id);
      rows++;
      if (row.prev_hash !== prev) return { ok: false, rows, brokenAt: id, reason: "prev_hash_mismatch" };
      if (row.expected !== row.hash) return { ok: false, rows, brokenAt: id, reason: "hash_mismatch" };
      prev = row.hash;
      lastId = id;
    }
  }
}
