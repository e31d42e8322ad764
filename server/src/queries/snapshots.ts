import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { collabSnapshots } from "../db/schema";
import { notFound } from "../http/errors";

/** A document's snapshots in order, without their bytes. */
export function listSnapshots(db: DbOrTx, docName: string) {
  return db
    .select({
      id: collabSnapshots.id,
      label: collabSnapshots.label,
      createdAt: collabSnapshots.createdAt,
      bytes: sql<number>`octet_length(${collabSnapshots.state})`.mapWith(Number),
    })
    .from(collabSnapshots)
    .where(eq(collabSnapshots.docName, docName))
    .orderBy(asc(collabSnapshots.createdAt));
}

/** One snapshot of this document, or 404 (a snapshot of another document is not found here). */
export async function loadSnapshot(db: DbOrTx, docName: string, id: string) {
  const [row] = await db
    .select()
    .from(collabSnapshots)
    .where(and(eq(collabSnapshots.docName, docName), eq(collabSnapshots.id, id)));
  if (!row) throw notFound();
  return row;
}
