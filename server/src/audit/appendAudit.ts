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
 * Appends audit rows inside the transaction of the change they record, so that neither exists without the
 * other. The rows are chained moments after commit by the sealer (`auditSealer.ts`), so appending takes no lock
 * and concurrent writers do not queue behind one another.
 */
export async function appendAudit(tx: DbOrTx, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const rows = auditRows(entry);
  if (rows.length) await tx.insert(auditLog).values(rows);
}

/** The rows of these entries as they are stored (the sealer chains them later). */
export function auditRows(entry: AuditEntry | AuditEntry[]) {
  const entries = Array.isArray(entry) ? entry : [entry];
  const at = new Date();
  return entries.map((e) => ({
    at,
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.username ?? null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    oldValue: toJson(e.oldValue),
    newValue: toJson(e.newValue),
    reason: e.reason ?? null,
  }));
}

// Dates and undefined are normalised now, so that what is stored is plain JSON.
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
