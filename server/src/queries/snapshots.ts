import { and, asc, eq, sql } from "drizzle-orm";
import { collabRoom } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import { collabSnapshots } from "../db/schema";
import { notFound } from "../http/errors";

/** The snapshots of a dossier's document in a meeting, in order, without their bytes. */
export function listSnapshots(db: DbOrTx, meetingId: string, dossierId: string) {
  const docName = collabRoom(meetingId, dossierId);
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

/** One snapshot of a dossier's document in a meeting, or 404 (a snapshot of another document is not found here). */
export async function loadSnapshot(db: DbOrTx, meetingId: string, dossierId: string, id: string) {
  const docName = collabRoom(meetingId, dossierId);
  const [row] = await db
    .select()
    .from(collabSnapshots)
    .where(and(eq(collabSnapshots.docName, docName), eq(collabSnapshots.id, id)));
  if (!row) throw notFound();
  return row;
}
