import type { DbOrTx } from "../db/client";
import { auditLog } from "../db/schema";

export interface AuditEntry {
  actor: { id: string; username: string } | null;
  action: string;
  entity: string;
  entityId?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

/**
 * Appends one audit row; call it inside the transaction of the change it records, as its last statement. The
 * database chains the row (trigger `audit_log_chain`, migration 0005) under a lock held until commit, so every
 * statement after this one makes every other writer wait longer.
 */
export async function appendAudit(tx: DbOrTx, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (!entries.length) return;
  const at = new Date();
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      at,
      actorId: e.actor?.id ?? null,
      actorName: e.actor?.username ?? null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      oldValue: toJson(e.oldValue),
      newValue: toJson(e.newValue),
      reason: e.reason ?? null,
      // Placeholders: the trigger sets both before the row is written.
      prevHash: "",
      hash: "",
    })),
  );
}

// Dates and undefined are normalised now, so that what is stored is plain JSON.
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
