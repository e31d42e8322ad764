import { asc, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { DbOrTx, Db } from "../db/client";
import { collabDocs, collabSnapshots, collabUpdates } from "../db/schema";

// Namespace of the advisory locks that serialise compactions of one document (two-key form: its own lock space).
const COMPACTION_LOCK_SPACE = 7_210_002;
// Rows merged per compaction pass, well under PostgreSQL's limit of bind parameters.
const COMPACTION_BATCH = 5_000;

/** The stored content of a document: its compacted state, then every update appended since, in order. */
export async function loadDocumentUpdates(db: DbOrTx, docName: string): Promise<Uint8Array[]> {
  // One after the other: inside a transaction both run on one connection (node-postgres queues them anyway).
  const [doc] = await db
    .select({ state: collabDocs.state })
    .from(collabDocs)
    .where(eq(collabDocs.docName, docName));
  const rows = await db
    .select({ update: collabUpdates.update })
    .from(collabUpdates)
    .where(eq(collabUpdates.docName, docName))
    .orderBy(asc(collabUpdates.id));
  return [...(doc ? [doc.state] : []), ...rows.map((r) => r.update)];
}

/** Appends one update (or a merged batch) to the document's log. */
export async function appendUpdate(db: DbOrTx, docName: string, update: Uint8Array): Promise<void> {
  await db.insert(collabUpdates).values({ docName, update });
}

/**
 * Encodes updates through a Y.Doc rather than `Y.mergeUpdates`: merging keeps the content of deleted items,
 * while a document garbage-collects it, which is what keeps a meeting document small once YKeyValue has deleted
 * the adjustments it overwrote (docs/targets.md: ≤ 200 KiB).
 */
export function encodeCompact(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Merges the document's appended updates into its one state row and deletes exactly the rows merged, in one
 * transaction. Deleting by id (not "up to id") means an update committed meanwhile, even with a lower id from a
 * concurrent writer, stays for the next compaction. Returns how many rows were merged.
 */
export async function compactDocument(db: Db, docName: string): Promise<number> {
  let merged = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${COMPACTION_LOCK_SPACE}, hashtext(${docName}))`);
      const rows = await tx
        .select({ id: collabUpdates.id, update: collabUpdates.update })
        .from(collabUpdates)
        .where(eq(collabUpdates.docName, docName))
        .orderBy(asc(collabUpdates.id))
        .limit(COMPACTION_BATCH);
      if (!rows.length) return 0;
      const [current] = await tx
        .select({ state: collabDocs.state })
        .from(collabDocs)
        .where(eq(collabDocs.docName, docName));
      const state = encodeCompact([...(current ? [current.state] : []), ...rows.map((r) => r.update)]);
      await tx
        .insert(collabDocs)
        .values({ docName, state, updatedAt: new Date() })
        .onConflictDoUpdate({ target: collabDocs.docName, set: { state, updatedAt: new Date() } });
      await tx.delete(collabUpdates).where(
        inArray(
          collabUpdates.id,
          rows.map((r) => r.id),
        ),
      );
      return rows.length;
    });
    merged += n;
    if (n < COMPACTION_BATCH) return merged;
  }
}

/**
 * Freezes a document's state under a label (meeting start, a lock, the end). `live` is the in-memory state of a
 * document that clients are editing, which may be ahead of what has been written; both are merged.
 */
export async function snapshotDocument(
  tx: DbOrTx,
  docName: string,
  label: string,
  live?: Uint8Array,
): Promise<{ id: string; size: number }> {
  const stored = await loadDocumentUpdates(tx, docName);
  const state = encodeCompact(live ? [...stored, live] : stored);
  const [row] = await tx
    .insert(collabSnapshots)
    .values({ docName, label, state })
    .returning({ id: collabSnapshots.id });
  return { id: row.id, size: state.byteLength };
}
