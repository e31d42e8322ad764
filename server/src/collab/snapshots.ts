import type { DbOrTx } from "../db/client";
import { snapshotDocument } from "./persistence";
import type { AgendaItem } from "../queries/meetings";

/**
 * Snapshots the document of every agenda dossier under a milestone label, inside the caller's transaction;
 * `live` holds the in-memory states of the documents being edited. Returns the sizes, for the audit row.
 */
export async function snapshotAgenda(
  tx: DbOrTx,
  agenda: AgendaItem[],
  label: string,
  live: ReadonlyMap<string, Uint8Array>,
): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const item of agenda)
    sizes[item.dossier.id] = (await snapshotDocument(tx, item.room, label, live.get(item.room))).size;
  return sizes;
}
