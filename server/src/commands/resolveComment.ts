import { eq } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { comments } from "../db/schema";
import { notFound } from "../http/errors";
import { loadDossierState } from "../queries/dossierState";
import { assertStatus, lockDossier, touchDossier } from "./dossierGuards";

/** Step 9: the council marks a request for explanation resolved, after reading the answer. */
export async function resolveComment({
  db,
  actor,
  commentId,
  now = new Date(),
}: {
  db: Db;
  actor: { id: string; username: string };
  commentId: string;
  now?: Date;
}) {
  return db.transaction(async (tx) => {
    const [comment] = await tx.select().from(comments).where(eq(comments.id, commentId)).for("update");
    if (!comment || comment.kind !== "request") throw notFound();
    await lockDossier(tx, comment.dossierId);
    const state = await loadDossierState(tx, comment.dossierId);
    assertStatus(state, "explained");
    const [updated] = await tx
      .update(comments)
      .set({ status: "resolved", resolvedBy: actor.id, resolvedAt: now })
      .where(eq(comments.id, commentId))
      .returning();
    await appendAudit(tx, {
      actor,
      action: "comment.resolve",
      entity: "comment",
      entityId: commentId,
      oldValue: { status: comment.status },
      newValue: { status: "resolved" },
    });
    await touchDossier(tx, comment.dossierId);
    return { comment: updated };
  });
}

/** The dossier a comment belongs to (for authorization before acting on it), or 404. */
export async function dossierIdOfComment(db: Db, commentId: string): Promise<string> {
  const [row] = await db
    .select({ dossierId: comments.dossierId })
    .from(comments)
    .where(eq(comments.id, commentId));
  if (!row) throw notFound();
  return row.dossierId;
}
