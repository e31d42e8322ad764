import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level, so that jsonb's key reordering never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export interface HashedFields {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
}

export const GENESIS_HASH = "0".repeat(64);

/** The row's hash: SHA-256 over the previous hash and every field of the row. */
export function auditRowHash(prevHash: string, f: HashedFields): string {
  const body = canonicalJson([
    f.at.toISOString(),
    f.actorId,
    f.actorName,
    f.action,
    f.entity,
    f.entityId,
    f.oldValue ?? null,
    f.newValue ?? null,
    f.reason,
  ]);
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
