/** The append-only, chained audit log. */
import { sql } from "drizzle-orm";
import { bigint, bigserial, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tstz } from "./columns";

/**
 * Append-only, hash-chained audit log (docs/security.md). Each row's hash is keyed (HMAC with AUDIT_KEY, which the
 * database never sees) and covers its fields and the previous hash, so changing one byte anywhere breaks the chain
 * and nobody without the key can recompute it. Rows are written unchained, in the transaction of their change, and
 * chained moments later by one sealer in `seq` order (`audit/auditSealer.ts`), which checkpoints the head outside
 * the database. UPDATE (but the seal), DELETE and TRUNCATE are refused by triggers (migrations 0001, 0008, 0010).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: tstz("at").notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    oldValue: jsonb("old_value"),
    newValue: jsonb("new_value"),
    reason: text("reason"),
    /** Position in the hash chain; null until the sealer (`audit/auditSealer.ts`) chains the row. */
    seq: bigint("seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    uniqueIndex("audit_log_seq_idx").on(t.seq),
    index("audit_log_unsealed_idx")
      .on(t.id)
      .where(sql`${t.seq} is null`),
  ],
);
